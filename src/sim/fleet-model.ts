import type { CloudKind } from './fleet-layout.ts';

/**
 * The generated fleet. Records that scale with the fleet (servers and their
 * ports) are flat and turned into wire JSON one page at a time; small, static
 * collections (networks, images, …) are stored already in wire shape.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface SimProject {
  id: string;
  name: string;
  description: string;
}

export interface SimUser {
  id: string;
  name: string;
  password: string;
  /** Projects (by index) the user has roles on; admins have admin+member+reader, others member+reader. */
  projects: number[];
  admin: boolean;
}

export interface SimIdentity {
  cloud: string;
  kind: CloudKind;
  regions: string[];
  sites: string[];
  projects: SimProject[];
  users: SimUser[];
  roles: { admin: string; member: string; reader: string };
  appCredential: { id: string; name: string; secret: string; userIndex: number; projectIndex: number };
  /** Catalog entries; endpoint ids are per region and interface. */
  services: { id: string; type: string; name: string; path: string; endpointIds: string[] }[];
}

export interface SimHypervisor {
  id: number;
  uuid: string;
  hostname: string;
  hostIp: string;
  cell: number;
  az: string;
  vcpus: number;
  memoryMb: number;
  localGb: number;
  vcpusUsed: number;
  memoryMbUsed: number;
  localGbUsed: number;
  runningVms: number;
  building: number;
  serviceId: number;
  serviceUuid: string;
  state: 'up' | 'down';
  status: 'enabled' | 'disabled';
  disabledReason: string | null;
  cpuModel: string;
  generation: number;
}

export interface SimService {
  id: number;
  uuid: string;
  binary: string;
  host: string;
  zone: string;
  cell: number;
  state: 'up' | 'down';
  status: 'enabled' | 'disabled';
  disabledReason: string | null;
  updatedAt: string;
}

export interface SimAggregate {
  id: number;
  uuid: string;
  name: string;
  az: string | null;
  hosts: string[];
  metadata: Record<string, string>;
  createdAt: string;
}

export interface SimFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  isPublic: boolean;
  description: string | null;
  extraSpecs: Record<string, string>;
}

export interface SimKeypair {
  name: string;
  fingerprint: string;
  publicKey: string;
  type: 'ssh';
}

export type SimServerStatus = 'ACTIVE' | 'SHUTOFF' | 'ERROR' | 'BUILD';

export interface SimServer {
  id: string;
  name: string;
  project: number;
  userId: string;
  status: SimServerStatus;
  flavor: number;
  /** Index into images; -1 when booted from volume (Nova then reports image as ""). */
  image: number;
  volumeId: string | null;
  /** Index into hypervisors; -1 when never scheduled (servers in ERROR live in cell0). */
  hypervisor: number;
  cell: number;
  az: string;
  created: string;
  updated: string;
  keyName: string | null;
  /** The project's private network; empty for servers that never got a port (ERROR). */
  networkId: string;
  networkName: string;
  subnetId: string;
  ipv4: string;
  ipv6: string | null;
  subnet6Id: string | null;
  mac: string;
  portId: string;
  floatingIp: string | null;
  hostId: string;
  securityGroups: readonly string[];
  locked: boolean;
  metadata: Readonly<Record<string, string>>;
  faultMessage: string | null;
}

export interface SimQuota {
  instances: number;
  cores: number;
  ram: number;
  keyPairs: number;
  used: { instances: number; cores: number; ram: number };
}

export interface SimRegion {
  cloud: string;
  region: string;
  cells: string[];
  azs: string[];
  hypervisors: SimHypervisor[];
  services: SimService[];
  aggregates: SimAggregate[];
  flavors: SimFlavor[];
  keypairs: SimKeypair[];
  servers: SimServer[];
  quotas: SimQuota[];
  /** Neutron collections, in wire shape, sorted by id as Neutron pages them. */
  networks: JsonObject[];
  subnets: JsonObject[];
  routers: JsonObject[];
  /** Infrastructure ports (router, DHCP); server ports are derived from `servers`. */
  infraPorts: JsonObject[];
  /**
   * All ports in Neutron's order (by id): `i >= 0` is the port of servers[i],
   * `i < 0` is infraPorts[-1 - i]. Keeps 100k server ports out of memory as JSON.
   */
  portOrder: number[];
  floatingIps: JsonObject[];
  securityGroups: JsonObject[];
  /** Glance images in wire shape, newest first as Glance lists them. */
  images: JsonObject[];
}
