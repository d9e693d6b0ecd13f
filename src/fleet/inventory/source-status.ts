import { cloudHealth, type CloudHealth } from '../health/cloud-health.ts';
import type { CloudServers } from './load-servers.ts';

/** What the view knows of one cloud's servers query. */
export interface CloudServersState {
  cloud: string;
  /** The cloud waits for the operator to give its secret: nothing was asked of it. */
  signInNeeded?: boolean;
  data?: CloudServers;
  /** The latest attempt's error when the whole cloud failed (sign-in). */
  error?: unknown;
  /** When the query last got data; 0 when never. */
  dataUpdatedAt: number;
  fetching: boolean;
}

/** One badge of the status strip: a region of a cloud, or the cloud itself when no region is known. */
export interface SourceStatus {
  cloud: string;
  region?: string;
  /** The project's name when the cloud is read per project ("all projects I can see"). */
  project?: string;
  health: CloudHealth;
  error?: unknown;
  rows: number;
  /** True while a load is under way for it. */
  loading: boolean;
  /** False when the rows shown are only the first pages (the load failed or goes on). */
  complete: boolean;
}

export interface InventorySummary {
  rows: number;
  clouds: number;
  /** Clouds with at least one failing region, or failing as a whole. */
  failingClouds: number;
  /** Clouds that have not answered yet. */
  pendingClouds: number;
  /** Clouds waiting for the operator to give their secret. */
  signInNeededClouds: number;
}

/**
 * Per cloud and region: status and age (DESIGN rule 3). A cloud that failed
 * as a whole is one badge, since its regions are unknown or all affected.
 */
export function inventorySources(states: readonly CloudServersState[], now: number, staleAfterMs: number): SourceStatus[] {
  const sources: SourceStatus[] = [];
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
        rows: regions.reduce((sum, region) => sum + region.rows.length, 0),
        loading: state.fetching,
        complete: state.error === undefined && state.data !== undefined,
      });
      continue;
    }
    for (const { project, error } of state.data?.failedProjects ?? []) {
      sources.push({ cloud: state.cloud, project: project.name, health: cloudHealth({ now, staleAfterMs, error }), error, rows: 0, loading: state.fetching, complete: false });
    }
    for (const region of regions) {
      sources.push({
        cloud: state.cloud,
        region: region.region,
        ...(region.project ? { project: region.project.name } : {}),
        health: cloudHealth({ now, staleAfterMs, error: region.state === 'failed' ? region.error : undefined, lastSuccessAt: region.loadedAt }),
        error: region.state === 'failed' ? region.error : undefined,
        rows: region.rows.length,
        loading: region.state === 'loading',
        complete: region.complete,
      });
    }
  }
  return sources;
}

export function summarizeInventory(sources: readonly SourceStatus[]): InventorySummary {
  const clouds = new Set<string>();
  const failing = new Set<string>();
  const answered = new Set<string>();
  const signInNeeded = new Set<string>();
  let rows = 0;
  for (const source of sources) {
    clouds.add(source.cloud);
    rows += source.rows;
    if (source.error !== undefined) failing.add(source.cloud);
    if (source.health.status !== 'pending') answered.add(source.cloud);
    if (source.health.status === 'signin-needed') signInNeeded.add(source.cloud);
  }
  return {
    rows,
    clouds: clouds.size,
    failingClouds: failing.size,
    pendingClouds: clouds.size - answered.size,
    signInNeededClouds: signInNeeded.size,
  };
}
