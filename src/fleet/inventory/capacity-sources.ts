import { cloudHealth } from '../health/cloud-health.ts';
import type { CloudCapacity } from './capacity-load.ts';
import type { SourceStatus } from './source-status.ts';

/** What the view knows of one cloud's capacity query. */
export interface CloudCapacityState {
  cloud: string;
  signInNeeded?: boolean;
  data?: CloudCapacity;
  error?: unknown;
  dataUpdatedAt: number;
  fetching: boolean;
}

export interface CapacitySourceStatus extends SourceStatus {
  /** The parts the role may not read (HTTP 403): shown as "needs admin", not as an error. */
  needsAdmin: ReadonlyArray<'quota' | 'placement'>;
}

/**
 * Per cloud and region (and project): status and age. A 403 leaves the
 * source healthy and names the part that needs admin; any other failure of
 * a part is the source's error.
 */
export function capacitySources(states: readonly CloudCapacityState[], now: number, staleAfterMs: number): CapacitySourceStatus[] {
  const sources: CapacitySourceStatus[] = [];
  for (const state of states) {
    const regions = state.data?.regions ?? [];
    if (state.error !== undefined || regions.length === 0) {
      sources.push({
        cloud: state.cloud,
        health: cloudHealth({ now, staleAfterMs, error: state.error, lastSuccessAt: state.dataUpdatedAt > 0 ? state.dataUpdatedAt : undefined, signInNeeded: state.signInNeeded }),
        error: state.error,
        needsAdmin: [],
        rows: 0,
        loading: state.fetching,
        complete: state.error === undefined && state.data !== undefined,
      });
      continue;
    }
    for (const { project, error } of state.data?.failedProjects ?? []) {
      sources.push({ cloud: state.cloud, project: project.name, health: cloudHealth({ now, staleAfterMs, error }), error, needsAdmin: [], rows: 0, loading: state.fetching, complete: false });
    }
    for (const region of regions) {
      const parts = [['quota', region.quota], ['placement', region.placement]] as const;
      const error = parts.find(([, part]) => part.state === 'failed')?.[1].error;
      sources.push({
        cloud: state.cloud,
        region: region.region,
        ...(region.project ? { project: region.project.name } : {}),
        health: cloudHealth({ now, staleAfterMs, error, lastSuccessAt: region.loadedAt }),
        error,
        needsAdmin: parts.filter(([, part]) => part.state === 'needs-admin').map(([name]) => name),
        rows: region.quota.rows.length + region.placement.rows.length,
        loading: region.quota.state === 'loading' || region.placement.state === 'loading',
        complete: region.loadedAt !== undefined,
      });
    }
  }
  return sources;
}
