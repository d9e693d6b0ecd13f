import type { Aggregate, AvailabilityZone, ComputeService } from '../../openstack/index.ts';
import type { Listing, RegionTopology } from './topology-input.ts';
import type { CellRule, SiteRule } from './topology-rules.ts';

/** Where a rule looks a host up, or why it cannot. */
export type Resolver =
  | { kind: 'ok'; of: (host: string) => string | undefined }
  /** The listing the rule reads is missing: 403 or a failure, reported by the region already. */
  | { kind: 'unavailable' }
  | { kind: 'invalid'; reason: string };

export function cellResolver(rule: CellRule, region: RegionTopology): Resolver {
  switch (rule.from) {
    case 'host-pattern': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(rule.pattern);
      } catch {
        return { kind: 'invalid', reason: `the cell pattern ${JSON.stringify(rule.pattern)} is not a regular expression` };
      }
      return { kind: 'ok', of: (host) => pattern.exec(host)?.[1] || undefined };
    }
    case 'aggregate-metadata':
      return aggregateResolver(region.aggregates, rule.key);
    case 'host-map':
      return { kind: 'ok', of: (host) => (Object.hasOwn(rule.hosts, host) ? rule.hosts[host] || undefined : undefined) };
  }
}

export function siteResolver(rule: SiteRule, region: RegionTopology, cloud: string): Resolver {
  switch (rule.from) {
    case 'availability-zone':
      return zoneResolver(region.availabilityZones, region.services);
    case 'aggregate-metadata':
      return aggregateResolver(region.aggregates, rule.key);
    case 'whole-cloud':
      return { kind: 'ok', of: () => cloud };
  }
}

function aggregateResolver(aggregates: Listing<Aggregate[]>, key: string): Resolver {
  if (aggregates.state !== 'ok') return { kind: 'unavailable' };
  const byHost = new Map<string, string>();
  // By name, so a host in two aggregates with the key gets the same answer on every load.
  const sorted = [...aggregates.value].sort((a, b) => a.name.localeCompare(b.name));
  for (const aggregate of sorted) {
    const value = aggregate.metadata[key];
    if (!value) continue;
    for (const host of aggregate.hosts) if (!byHost.has(host)) byHost.set(host, value);
  }
  return { kind: 'ok', of: (host) => byHost.get(host) };
}

/** AZ detail names the zone of each host's nova-compute; the services listing says the same where AZ detail is missing. */
function zoneResolver(zones: Listing<AvailabilityZone[]>, services: Listing<ComputeService[]>): Resolver {
  const byHost = new Map<string, string>();
  if (zones.state === 'ok') {
    for (const zone of zones.value) {
      for (const [host, binaries] of Object.entries(zone.hosts ?? {})) {
        if ('nova-compute' in binaries) byHost.set(host, zone.zoneName);
      }
    }
  }
  if (services.state === 'ok') {
    for (const service of services.value) {
      if (service.binary === 'nova-compute' && 'zone' in service && !byHost.has(service.host)) byHost.set(service.host, service.zone);
    }
  }
  if (zones.state !== 'ok' && services.state !== 'ok') return { kind: 'unavailable' };
  return { kind: 'ok', of: (host) => byHost.get(host) };
}
