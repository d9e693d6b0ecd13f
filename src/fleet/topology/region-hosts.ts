import { isPartialComputeService } from '../../openstack/index.ts';
import type { RegionTopology } from './topology-input.ts';
import type { HostState } from './topology-graph.ts';

export interface RegionHost {
  /** The compute host name: what services, aggregates, AZs and servers call the host. */
  host: string;
  /** The hypervisor's own name, when it differs (an FQDN, usually). */
  hypervisor?: string;
  state: HostState;
  disabledReason?: string;
}

/**
 * The compute hosts of a region, from hypervisors and nova-compute services
 * together: a host is down when either says so, and a service in a cell the
 * API cannot reach (UNKNOWN) is a host whose state is unknown.
 */
export function regionHosts(region: RegionTopology): RegionHost[] {
  const hosts = new Map<string, { hypervisor?: string; down: boolean; disabled: boolean; unknown: boolean; reason?: string }>();
  const entry = (host: string) => {
    let known = hosts.get(host);
    if (!known) {
      known = { down: false, disabled: false, unknown: false };
      hosts.set(host, known);
    }
    return known;
  };
  if (region.hypervisors.state === 'ok') {
    for (const hypervisor of region.hypervisors.value) {
      const known = entry(hypervisor.service.host);
      if (hypervisor.hypervisor_hostname !== hypervisor.service.host) known.hypervisor = hypervisor.hypervisor_hostname;
      known.down ||= hypervisor.state === 'down';
      known.disabled ||= hypervisor.status === 'disabled';
      known.reason ??= hypervisor.service.disabled_reason ?? undefined;
    }
  }
  if (region.services.state === 'ok') {
    for (const service of region.services.value) {
      if (service.binary !== 'nova-compute') continue;
      const known = entry(service.host);
      if (isPartialComputeService(service)) {
        known.unknown = true;
        continue;
      }
      known.down ||= service.state === 'down' || service.forced_down === true;
      known.disabled ||= service.status === 'disabled';
      known.reason ??= service.disabled_reason ?? undefined;
    }
  }
  return [...hosts.entries()].map(([host, known]) => ({
    host,
    hypervisor: known.hypervisor,
    state: known.down ? 'down' : known.unknown ? 'unknown' : known.disabled ? 'disabled' : 'up',
    disabledReason: known.disabled ? known.reason : undefined,
  }));
}
