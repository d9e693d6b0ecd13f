import { cloudHealth, type CloudHealth } from '../health/cloud-health.ts';
import type { CloudNetworks } from './network-load.ts';
import { NETWORK_KINDS, type NetworkKind } from './network-row.ts';

/** What the view knows of one cloud's networks query. */
export interface CloudNetworksState {
  cloud: string;
  /** The cloud waits for the operator to give its secret: nothing was asked of it. */
  signInNeeded?: boolean;
  data?: CloudNetworks;
  /** The latest attempt's error when the whole cloud failed (sign-in). */
  error?: unknown;
  /** When the query last got data; 0 when never. */
  dataUpdatedAt: number;
  fetching: boolean;
}

/** One badge: a region of a cloud, or the cloud itself when no region is known. */
export interface NetworkSourceStatus {
  cloud: string;
  region?: string;
  /** The project's name when the cloud is read per project ("all projects I can see"). */
  project?: string;
  health: CloudHealth;
  /** The first failure of the source (a listing, or the whole cloud); a 403 is not one. */
  error?: unknown;
  /** Listings the role may not read (403): shown as "needs admin", not as an error. */
  needsAdmin: readonly NetworkKind[];
  rows: number;
  loading: boolean;
  /** False while some listing is under way or failed: the rows are only part of the source's. */
  complete: boolean;
}

/** Per cloud and region, status and age (DESIGN rule 3), folding the six listings of a region into one badge. */
export function networkSources(states: readonly CloudNetworksState[], now: number, staleAfterMs: number): NetworkSourceStatus[] {
  const sources: NetworkSourceStatus[] = [];
  for (const state of states) {
    const regions = state.data?.regions ?? [];
    if (state.error !== undefined || regions.length === 0) {
      sources.push({
        cloud: state.cloud,
        health: cloudHealth({
          now,
          staleAfterMs,
          error: state.error,
          lastSuccessAt: state.dataUpdatedAt > 0 ? state.dataUpdatedAt : undefined,
          signInNeeded: state.signInNeeded,
        }),
        error: state.error,
        needsAdmin: [],
        rows: 0,
        loading: state.fetching,
        complete: false,
      });
      continue;
    }
    for (const { project, error } of state.data?.failedProjects ?? []) {
      sources.push({ cloud: state.cloud, project: project.name, health: cloudHealth({ now, staleAfterMs, error }), error, needsAdmin: [], rows: 0, loading: state.fetching, complete: false });
    }
    for (const region of regions) {
      const loads = NETWORK_KINDS.map((kind) => region.kinds[kind]);
      const error = loads.find((load) => load.state === 'failed')?.error;
      sources.push({
        cloud: state.cloud,
        region: region.region,
        ...(region.project ? { project: region.project.name } : {}),
        health: cloudHealth({ now, staleAfterMs, error, lastSuccessAt: region.loadedAt }),
        error,
        needsAdmin: NETWORK_KINDS.filter((kind) => region.kinds[kind].state === 'needs-admin'),
        rows: loads.reduce((sum, load) => sum + load.rows.length, 0),
        loading: loads.some((load) => load.state === 'loading'),
        complete: loads.every((load) => load.complete || load.state === 'needs-admin'),
      });
    }
  }
  return sources;
}
