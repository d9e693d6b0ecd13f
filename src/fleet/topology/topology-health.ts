import type { CloudStatus } from '../health/cloud-health.ts';

/**
 * The health of a topology node, ordered from best to worst. A node shows
 * the worst of its own state and its children's, so every ancestor of a
 * problem is at least as bad as the problem: filtering by "at least this bad"
 * always keeps a connected tree.
 */
export const TOPOLOGY_HEALTH = ['ok', 'pending', 'signin-needed', 'needs-admin', 'stale', 'degraded', 'failing'] as const;

export type TopologyHealth = (typeof TOPOLOGY_HEALTH)[number];

export function severity(health: TopologyHealth): number {
  return TOPOLOGY_HEALTH.indexOf(health);
}

export function worst(healths: Iterable<TopologyHealth>): TopologyHealth {
  let result: TopologyHealth = 'ok';
  for (const health of healths) if (severity(health) > severity(result)) result = health;
  return result;
}

/** A cloud's own status as a topology health: 403 means "needs admin", never red. */
export function healthOfCloudStatus(status: CloudStatus): TopologyHealth {
  switch (status) {
    case 'ok':
      return 'ok';
    case 'pending':
      return 'pending';
    case 'signin-needed':
      return 'signin-needed';
    case 'forbidden':
      return 'needs-admin';
    case 'stale':
      return 'stale';
    case 'failing':
    case 'unauthorized':
      return 'failing';
  }
}

/** Words for screen readers and the legend. */
export const HEALTH_LABELS: Record<TopologyHealth, string> = {
  ok: 'ok',
  pending: 'loading',
  'signin-needed': 'sign-in needed',
  'needs-admin': 'needs admin',
  stale: 'stale',
  degraded: 'degraded',
  failing: 'failing',
};
