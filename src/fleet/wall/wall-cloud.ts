import { describeError } from '../health/describe-error.ts';
import type { TopologyNode } from '../topology/topology-graph.ts';
import type { CloudTopologyInput } from '../topology/topology-input.ts';

/**
 * A cloud as the NOC wall counts it. "down" is the cloud itself (sign-in or
 * every region failing), "degraded" is part of it (a region listing, a host,
 * old data); a server in ERROR is a tenant's problem and is counted, not a
 * state of the cloud.
 */
export type WallCloudState = 'up' | 'degraded' | 'down' | 'waiting' | 'signin-needed';

export interface WallCloud {
  cloud: string;
  state: WallCloudState;
  errorServers: number;
  /** Undefined when the cloud does not say (no admin role, or no data yet). */
  hostsDown?: number;
  /** A few words on why the cloud is not up. */
  reason?: string;
  /** Age of the data shown (ms); undefined when there is none. */
  ageMs?: number;
}

export interface WallCloudInput {
  input: CloudTopologyInput;
  /** The cloud's node of the topology built from the same inputs. */
  node?: TopologyNode;
  /** When the cloud last answered (epoch ms); 0 when never. */
  updatedAt: number;
  now: number;
}

export function wallCloudOf({ input, node, updatedAt, now }: WallCloudInput): WallCloud {
  const regions = input.data?.regions ?? [];
  const errorServers = node?.counts.servers.ERROR ?? 0;
  const hostsKnown = regions.some((region) => region.services.state === 'ok' || region.hypervisors.state === 'ok');
  const hostsDown = hostsKnown ? (node?.counts.hosts.down ?? 0) : undefined;
  const base = { cloud: input.cloud, errorServers, hostsDown, ageMs: updatedAt > 0 ? Math.max(0, now - updatedAt) : undefined };

  switch (input.status) {
    case 'pending':
      return { ...base, state: 'waiting' };
    case 'signin-needed':
      return { ...base, state: 'signin-needed', reason: 'no credentials in this tab' };
    case 'failing':
    case 'unauthorized':
      return { ...base, state: 'down', reason: describeError(input.error).headline };
  }
  const failedRegions = regions.filter((region) => region.servers.state === 'failed');
  if (regions.length > 0 && failedRegions.length === regions.length) {
    const [first] = failedRegions;
    return { ...base, state: 'down', reason: describeError(first?.servers.state === 'failed' ? first.servers.error : undefined).headline };
  }
  const reasons = [
    input.status === 'stale' ? 'data is old' : '',
    input.status === 'forbidden' ? 'needs admin' : '',
    failedRegions.length > 0 ? `${failedRegions.length} of ${regions.length} regions failing` : '',
    hostsDown ? `${hostsDown} host${hostsDown === 1 ? '' : 's'} down` : '',
    node?.counts.hosts.unknown ? `${node.counts.hosts.unknown} host${node.counts.hosts.unknown === 1 ? '' : 's'} unknown` : '',
  ].filter(Boolean);
  return reasons.length > 0 ? { ...base, state: 'degraded', reason: reasons.join(', ') } : { ...base, state: 'up' };
}

export interface WallSummary {
  clouds: number;
  states: Record<WallCloudState, number>;
  errorServers: number;
  /** Undefined when no cloud says (nobody is admin anywhere). */
  hostsDown?: number;
}

export function summarizeWall(clouds: readonly WallCloud[]): WallSummary {
  const states: Record<WallCloudState, number> = { up: 0, degraded: 0, down: 0, waiting: 0, 'signin-needed': 0 };
  let errorServers = 0;
  let hostsDown: number | undefined;
  for (const cloud of clouds) {
    states[cloud.state] += 1;
    errorServers += cloud.errorServers;
    if (cloud.hostsDown !== undefined) hostsDown = (hostsDown ?? 0) + cloud.hostsDown;
  }
  return { clouds: clouds.length, states, errorServers, hostsDown };
}

const ORDER: Record<WallCloudState, number> = { down: 0, degraded: 1, 'signin-needed': 2, waiting: 3, up: 4 };

/** Worst first, so what needs eyes is where eyes land; names keep the order stable between refreshes. */
export function byUrgency(a: WallCloud, b: WallCloud): number {
  return ORDER[a.state] - ORDER[b.state] || b.errorServers - a.errorServers || a.cloud.localeCompare(b.cloud, 'en', { numeric: true });
}
