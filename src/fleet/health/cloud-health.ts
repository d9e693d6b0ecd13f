import type { OpenStackError } from '../../openstack/index.ts';

/**
 * The per-cloud status every aggregated view shows (DESIGN rule 3).
 * `pending` is a cloud that has not answered yet: distinct from failing, so a
 * slow cloud is never painted as broken. `signin-needed` is a cloud whose
 * secret was not given in this tab: nothing was asked of it, nothing failed.
 */
export type CloudStatus = 'pending' | 'ok' | 'stale' | 'failing' | 'unauthorized' | 'forbidden' | 'signin-needed';

export interface CloudHealthInput {
  /** When data was last loaded successfully (epoch ms), if ever. */
  lastSuccessAt?: number;
  /** The error of the latest attempt, if it failed. */
  error?: unknown;
  now: number;
  /** Data older than this is stale even if nothing failed. */
  staleAfterMs: number;
  /** The cloud cannot sign in until the operator gives its secret. */
  signInNeeded?: boolean;
}

export interface CloudHealth {
  status: CloudStatus;
  /** Age of the data we hold, in ms; undefined when we hold none. */
  ageMs?: number;
  /** True when we still show older data beside the error. */
  hasData: boolean;
}

export function cloudHealth(input: CloudHealthInput): CloudHealth {
  if (input.signInNeeded) return { status: 'signin-needed', ageMs: undefined, hasData: false };
  const hasData = input.lastSuccessAt !== undefined;
  const ageMs = hasData ? Math.max(0, input.now - (input.lastSuccessAt as number)) : undefined;
  if (input.error !== undefined && input.error !== null) {
    return { status: statusOfError(input.error), ageMs, hasData };
  }
  if (!hasData) return { status: 'pending', ageMs, hasData };
  return { status: (ageMs as number) > input.staleAfterMs ? 'stale' : 'ok', ageMs, hasData };
}

function statusOfError(error: unknown): CloudStatus {
  const kind = (error as Partial<OpenStackError>).kind;
  if (kind === 'unauthorized') return 'unauthorized';
  if (kind === 'forbidden') return 'forbidden';
  return 'failing';
}

export interface FleetHealthSummary {
  total: number;
  counts: Record<CloudStatus, number>;
  /** Clouds whose API answered (ok or stale). */
  reachable: number;
}

export function summarizeFleetHealth(statuses: readonly CloudStatus[]): FleetHealthSummary {
  const counts: Record<CloudStatus, number> = { pending: 0, ok: 0, stale: 0, failing: 0, unauthorized: 0, forbidden: 0, 'signin-needed': 0 };
  for (const status of statuses) counts[status] += 1;
  return { total: statuses.length, counts, reachable: counts.ok + counts.stale };
}
