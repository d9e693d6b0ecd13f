import type { Aggregate, AvailabilityZone, ComputeService, Hypervisor } from '../../openstack/index.ts';
import type { CloudStatus } from '../health/cloud-health.ts';
import type { CloudPlacement } from './capacity-pressure.ts';
import type { CloudRules } from './topology-rules.ts';

/** One admin listing of a region: its items, or why there are none. */
export type Listing<T> =
  | { state: 'ok'; value: T }
  /** 403: the user is not an admin. Not a failure of the cloud. */
  | { state: 'forbidden'; error: unknown }
  | { state: 'failed'; error: unknown };

/** Servers counted by status, per compute host. */
export interface ServerTally {
  byHost: Record<string, Record<string, number>>;
  /** Servers with no host: not scheduled yet, or the host attribute is hidden from non-admins. */
  unplaced: Record<string, number>;
}

/** What the topology reads of one region of a cloud. */
export interface RegionTopology {
  region: string;
  availabilityZones: Listing<AvailabilityZone[]>;
  aggregates: Listing<Aggregate[]>;
  hypervisors: Listing<Hypervisor[]>;
  services: Listing<ComputeService[]>;
  servers: Listing<ServerTally>;
}

export interface CloudTopology {
  cloud: string;
  regions: RegionTopology[];
}

/** One cloud as buildTopology sees it: its status (DESIGN rule 3) and whatever data it gave. */
export interface CloudTopologyInput {
  cloud: string;
  /** The Keystone the cloud signs in at (its auth URL): clouds sharing one are one identity domain. */
  identity: string;
  /** The identity provider its Keystone trusts for this console's sign-in (OIDC federation), when it is federated. */
  federation?: string;
  status: CloudStatus;
  /** Why the latest load failed, when it did. */
  error?: unknown;
  /** The latest data, possibly older than the error (shown as it was). */
  data?: CloudTopology;
  rules?: CloudRules;
  /** Placement's hosts, for capacity pressure; absent when not asked (no pressure is then claimed either way). */
  placement?: CloudPlacement;
}
