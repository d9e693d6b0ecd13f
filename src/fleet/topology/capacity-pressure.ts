import type { CapacityPart, CloudCapacity } from '../inventory/capacity-load.ts';
import { PLACEMENT_CLASSES, type HostCapacityRow, type PlacementClass } from '../inventory/capacity-placement.ts';
import type { RegionHost } from './region-hosts.ts';
import type { TopologyHealth } from './topology-health.ts';
import type { RegionTopology } from './topology-input.ts';

/**
 * A host whose Placement usage reaches this share of what it may allocate,
 * in any resource class, is under pressure: the scheduler is about to find
 * no room on it (Nova's "No valid host" starts here).
 */
export const CAPACITY_PRESSURE_PERCENT = 90;

/** What Placement said of one region. */
export type RegionPlacement =
  | { state: 'loading' }
  | { state: 'ok'; hosts: readonly HostCapacityRow[] }
  /** 403: Placement's default policy lets only admins read it. */
  | { state: 'forbidden' }
  | { state: 'failed'; error: unknown };

/** Placement for one cloud, per region; `error` when the cloud's capacity could not be read at all. */
export interface CloudPlacement {
  regions: ReadonlyMap<string, RegionPlacement>;
  error?: unknown;
}

/** One resource class of a host: used against (total − reserved) × allocation_ratio, summed over the host's providers. */
export interface PlacementMeter {
  resourceClass: PlacementClass;
  used: number;
  capacity: number;
  /** Whole percents, rounded down, as /capacity shows them; 100 when nothing may be allocated. */
  percent: number;
}

export interface HostPressure {
  meters: PlacementMeter[];
  /** The classes at or above the threshold, in words. */
  problems: string[];
}

/** What a region says of its capacity, and how each of its hosts fares. */
export interface RegionPressure {
  /** Placement listed the region's providers: a host it does not list is unmeasured, not fine. */
  measured: boolean;
  health?: TopologyHealth;
  problem?: string;
  note?: string;
  error?: unknown;
  /** undefined: Placement has not answered for the region, or it lists no provider for the host. */
  of(host: string): HostPressure | undefined;
  /** Providers that name no compute host of the region (never drawn: they are not in Nova's view). */
  unmatched: number;
}

const STATE_RANK: Record<CapacityPart<HostCapacityRow>['state'], number> = { ok: 3, loading: 2, failed: 1, 'needs-admin': 0 };

/**
 * The topology's view of a cloud's capacity query. With "all projects I can
 * see" a region comes once per project: the hosts are the same, but the role
 * may differ by project, so the best answer wins (any project that may read
 * Placement shows its hosts).
 */
export function cloudPlacementOf(capacity: { data?: CloudCapacity; error?: unknown }): CloudPlacement {
  const best = new Map<string, CapacityPart<HostCapacityRow>>();
  for (const region of capacity.data?.regions ?? []) {
    const known = best.get(region.region);
    if (!known || STATE_RANK[region.placement.state] > STATE_RANK[known.state]) best.set(region.region, region.placement);
  }
  const regions = new Map<string, RegionPlacement>();
  for (const [name, part] of best) {
    if (part.state === 'ok') regions.set(name, { state: 'ok', hosts: part.rows });
    else if (part.state === 'needs-admin') regions.set(name, { state: 'forbidden' });
    else if (part.state === 'failed') regions.set(name, { state: 'failed', error: part.error });
    else regions.set(name, { state: 'loading' });
  }
  return capacity.data === undefined && capacity.error !== undefined ? { regions, error: capacity.error } : { regions };
}

const NOT_ASKED: RegionPressure = { measured: false, of: () => undefined, unmatched: 0 };

/**
 * Capacity pressure of one region's hosts. Placement names a provider after
 * the hypervisor node (`hypervisor_hostname`), which may differ from the
 * compute service's host the topology is drawn by: the hypervisors listing
 * maps one to the other, and a host with several nodes sums them. A region
 * Placement did not answer for says so; its hosts are never "no pressure".
 */
export function regionPressure(
  placement: CloudPlacement | undefined,
  region: RegionTopology,
  hosts: readonly RegionHost[],
  threshold = CAPACITY_PRESSURE_PERCENT,
): RegionPressure {
  if (placement === undefined) return NOT_ASKED;
  const answer: RegionPlacement =
    placement.regions.get(region.region) ?? (placement.error !== undefined ? { state: 'failed', error: placement.error } : { state: 'loading' });
  switch (answer.state) {
    case 'loading':
      return { ...NOT_ASKED, note: 'capacity: waiting for Placement' };
    case 'forbidden':
      // The role's limit, not a failure: like Nova's admin listings, no error is kept for it.
      return { ...NOT_ASKED, health: 'needs-admin', note: 'capacity unknown: needs admin' };
    case 'failed':
      return { ...NOT_ASKED, health: 'failing', problem: 'capacity unknown: Placement could not be read', error: answer.error };
    case 'ok':
      return hostsPressure(answer.hosts, region, hosts, threshold);
  }
}

function hostsPressure(rows: readonly HostCapacityRow[], region: RegionTopology, hosts: readonly RegionHost[], threshold: number): RegionPressure {
  const hostOfNode = new Map<string, string>();
  if (region.hypervisors.state === 'ok') {
    for (const hypervisor of region.hypervisors.value) hostOfNode.set(hypervisor.hypervisor_hostname, hypervisor.service.host);
  }
  const known = new Set(hosts.map((host) => host.host));
  const byHost = new Map<string, Map<PlacementClass, { used: number; capacity: number }>>();
  let unmatched = 0;
  for (const row of rows) {
    // Without the hypervisors listing (or for a node it does not list), a provider named like a host is that host.
    const host = hostOfNode.get(row.host) ?? row.host;
    if (!known.has(host)) {
      unmatched += 1;
      continue;
    }
    const classes = byHost.get(host) ?? new Map<PlacementClass, { used: number; capacity: number }>();
    byHost.set(host, classes);
    for (const resourceClass of PLACEMENT_CLASSES) {
      const meter = row.meters[resourceClass];
      if (!meter || meter.limit === undefined) continue;
      const sum = classes.get(resourceClass) ?? { used: 0, capacity: 0 };
      classes.set(resourceClass, { used: sum.used + meter.used, capacity: sum.capacity + meter.limit });
    }
  }
  return {
    measured: true,
    unmatched,
    // Without any compute host known (Nova's listings failed), every provider is unmatched: that says nothing new.
    note: unmatched > 0 && hosts.length > 0 ? `${unmatched} Placement provider${unmatched === 1 ? '' : 's'} match no compute host` : undefined,
    of: (host) => {
      const classes = byHost.get(host);
      if (!classes) return undefined;
      const meters = PLACEMENT_CLASSES.flatMap((resourceClass): PlacementMeter[] => {
        const sum = classes.get(resourceClass);
        return sum ? [{ resourceClass, ...sum, percent: percentOf(sum.used, sum.capacity) }] : [];
      });
      const problems = meters.filter((meter) => meter.percent >= threshold).map((meter) => `${meter.resourceClass} ${meter.percent} % of capacity (Placement)`);
      return { meters, problems };
    },
  };
}

/** As /capacity computes it: a class with nothing to allocate is full. */
function percentOf(used: number, capacity: number): number {
  return capacity === 0 ? 100 : Math.floor((used / capacity) * 100);
}
