import { cloudHealth } from '../../../fleet/health/cloud-health.ts';
import type { SourceStatus } from '../../../fleet/inventory/source-status.ts';
import type { CloudImagesEntry } from './api/cloud-images.ts';

/**
 * Per cloud and region (and project, with "all projects I can see") status
 * of the images queries, as the servers view shows it. A cloud that failed
 * as a whole is one badge; so is a project that could not sign in.
 */
export function imageSources(entries: readonly CloudImagesEntry[], now: number, staleAfterMs: number): SourceStatus[] {
  const sources: SourceStatus[] = [];
  for (const entry of entries) {
    const regions = entry.data?.regions ?? [];
    if (entry.error !== undefined || regions.length === 0) {
      sources.push({
        cloud: entry.cloud,
        health: cloudHealth({ now, staleAfterMs, error: entry.error, lastSuccessAt: entry.dataUpdatedAt > 0 ? entry.dataUpdatedAt : undefined, signInNeeded: entry.signInNeeded }),
        error: entry.error,
        rows: regions.reduce((sum, region) => sum + region.rows.length, 0),
        loading: entry.fetching,
        complete: entry.error === undefined && entry.data !== undefined,
      });
      continue;
    }
    for (const { project, error } of entry.data?.failedProjects ?? []) {
      sources.push({ cloud: entry.cloud, project: project.name, health: cloudHealth({ now, staleAfterMs, error }), error, rows: 0, loading: entry.fetching, complete: false });
    }
    for (const region of regions) {
      const error = region.state === 'failed' ? region.error : undefined;
      sources.push({
        cloud: entry.cloud,
        region: region.region,
        ...(region.project ? { project: region.project.name } : {}),
        health: cloudHealth({ now, staleAfterMs, error, lastSuccessAt: region.loadedAt }),
        error,
        rows: region.rows.length,
        loading: region.state === 'loading',
        complete: region.complete,
      });
    }
  }
  return sources;
}
