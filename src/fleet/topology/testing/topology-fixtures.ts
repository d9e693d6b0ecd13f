import { OpenStackError, type Aggregate, type AvailabilityZone, type ComputeService, type Hypervisor } from '../../../openstack/index.ts';
import type { CloudTopologyInput, Listing, RegionTopology } from '../topology-input.ts';

/** Hand-built inputs for the model's tests: a region described by its hosts, in a few lines. */
export interface HostSpec {
  host: string;
  zone: string;
  state?: 'up' | 'down';
  status?: 'enabled' | 'disabled';
  servers?: Record<string, number>;
}

export interface RegionSpec {
  hosts: HostSpec[];
  aggregates?: { name: string; hosts: string[]; metadata: Record<string, string> }[];
  unplaced?: Record<string, number>;
  /** Listings answered 403 (a non-admin) or failed. */
  forbidden?: readonly (keyof Omit<RegionTopology, 'region'>)[];
  failed?: readonly (keyof Omit<RegionTopology, 'region'>)[];
}

export const forbiddenError = (cloud: string) => new OpenStackError('forbidden', { kind: 'forbidden', cloud, status: 403 });
export const networkError = (cloud: string) => new OpenStackError('connection refused', { kind: 'network', cloud });

export function region(name: string, spec: RegionSpec, cloud = 'test'): RegionTopology {
  const hypervisors: Hypervisor[] = spec.hosts.map((h, i) => ({
    id: String(i + 1),
    hypervisor_hostname: h.host,
    hypervisor_type: 'QEMU',
    hypervisor_version: 8002000,
    host_ip: null,
    state: h.state ?? 'up',
    status: h.status ?? 'enabled',
    service: { id: String(i + 1), host: h.host, disabled_reason: h.status === 'disabled' ? 'maintenance' : null },
  }));
  const services: ComputeService[] = spec.hosts.map((h, i) => ({
    id: String(i + 1),
    binary: 'nova-compute',
    host: h.host,
    zone: h.zone,
    status: h.status ?? 'enabled',
    state: h.state ?? 'up',
    updated_at: null,
    disabled_reason: h.status === 'disabled' ? 'maintenance' : null,
  }));
  const zoneNames = [...new Set(spec.hosts.map((h) => h.zone))];
  const availabilityZones: AvailabilityZone[] = zoneNames.map((zone) => ({
    zoneName: zone,
    zoneState: { available: true },
    hosts: Object.fromEntries(
      spec.hosts.filter((h) => h.zone === zone).map((h) => [h.host, { 'nova-compute': { available: true, active: true, updated_at: null } }]),
    ),
  }));
  const aggregates: Aggregate[] = (spec.aggregates ?? []).map((a, i) => ({
    id: i + 1,
    name: a.name,
    availability_zone: null,
    hosts: a.hosts,
    metadata: a.metadata,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: null,
  }));
  const byHost = Object.fromEntries(spec.hosts.filter((h) => h.servers).map((h) => [h.host, h.servers as Record<string, number>]));
  const wrap = <T>(key: keyof Omit<RegionTopology, 'region'>, value: T): Listing<T> => {
    if (spec.forbidden?.includes(key)) return { state: 'forbidden', error: forbiddenError(cloud) };
    if (spec.failed?.includes(key)) return { state: 'failed', error: networkError(cloud) };
    return { state: 'ok', value };
  };
  return {
    region: name,
    availabilityZones: wrap('availabilityZones', availabilityZones),
    aggregates: wrap('aggregates', aggregates),
    hypervisors: wrap('hypervisors', hypervisors),
    services: wrap('services', services),
    servers: wrap('servers', { byHost, unplaced: spec.unplaced ?? {} }),
  };
}

export function cloud(name: string, regions: RegionTopology[], extra: Partial<CloudTopologyInput> = {}): CloudTopologyInput {
  return {
    cloud: name,
    identity: `https://${name}.example.net:5000/v3`,
    status: 'ok',
    data: { cloud: name, regions },
    ...extra,
  };
}
