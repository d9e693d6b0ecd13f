import { isOpenStackError, type CloudClient, type ComputeApi, type PlacementApi } from '../../openstack/index.ts';
import { toHostCapacityRow, type HostCapacityRow } from './capacity-placement.ts';
import { toQuotaUsageRow, type QuotaUsageRow } from './capacity-quota.ts';
import { loadEachProject, uniqueByKey, type FailedProject, type InventoryProject, type ProjectScoped } from './per-project-load.ts';

/** A part of a region's capacity: a 403 is the role's limit ("needs admin"), not a fault. */
export type CapacityPartState = 'loading' | 'ok' | 'needs-admin' | 'failed';

export interface CapacityPart<Row> {
  state: CapacityPartState;
  rows: readonly Row[];
  error?: unknown;
}

/** One region of one cloud (and one project, with "all projects I can see"). */
export interface RegionCapacity {
  region: string;
  project?: InventoryProject;
  quota: CapacityPart<QuotaUsageRow>;
  placement: CapacityPart<HostCapacityRow>;
  loadedAt?: number;
}

export interface CloudCapacity {
  cloud: string;
  regions: readonly RegionCapacity[];
  failedProjects?: readonly FailedProject[];
}

export type CapacitySource = Pick<CloudClient, 'cloud' | 'signIn' | 'session' | 'regions'> & {
  compute(region: string): Promise<Pick<ComputeApi, 'quotaSet'>>;
  placement(region: string): Promise<Pick<PlacementApi, 'resourceProviders' | 'inventories' | 'usages'>>;
};

export interface LoadCapacityOptions {
  signal?: AbortSignal;
  onProgress?: (snapshot: CloudCapacity) => void;
  now?: () => number;
  project?: InventoryProject;
}

/** A 403 maps to "needs admin"; anything else is the source's error. */
export function failedPart<Row>(error: unknown): CapacityPart<Row> {
  const forbidden = isOpenStackError(error) && error.kind === 'forbidden';
  return { state: forbidden ? 'needs-admin' : 'failed', rows: [], error };
}

/**
 * The signed-in project's quota usage and, where the role allows, Placement's
 * hosts, per region. Each region and each part fails on its own; only a
 * failed sign-in fails the cloud.
 */
export async function loadCloudCapacity(source: CapacitySource, options: LoadCapacityOptions = {}): Promise<CloudCapacity> {
  const { signal, onProgress, project } = options;
  const now = options.now ?? Date.now;
  const session = source.session() ?? (await source.signIn(signal));
  const projectId = session.project?.id;
  const projectName = project?.name ?? session.project?.name ?? '';
  const loading = { state: 'loading', rows: [] } as const;
  const regions = new Map<string, RegionCapacity>(
    source.regions().map((region) => [region, { region, ...(project ? { project } : {}), quota: loading, placement: loading }]),
  );
  const snapshot = (): CloudCapacity => ({ cloud: source.cloud, regions: [...regions.values()] });
  const update = (region: string, change: Partial<RegionCapacity>) => {
    regions.set(region, { ...(regions.get(region) as RegionCapacity), ...change });
    onProgress?.(snapshot());
  };

  const loadQuota = async (region: string): Promise<CapacityPart<QuotaUsageRow>> => {
    if (projectId === undefined) return { state: 'ok', rows: [] };
    try {
      const quota = await (await source.compute(region)).quotaSet(projectId, { signal });
      return { state: 'ok', rows: [toQuotaUsageRow(quota, { cloud: source.cloud, region, projectName })] };
    } catch (error) {
      if (signal?.aborted) throw error;
      return failedPart(error);
    }
  };
  const loadPlacement = async (region: string): Promise<CapacityPart<HostCapacityRow>> => {
    try {
      const api = await source.placement(region);
      const providers = await api.resourceProviders({ signal });
      const rows = await Promise.all(
        providers.map(async (provider) => {
          const [inventories, usages] = await Promise.all([api.inventories(provider.uuid, { signal }), api.usages(provider.uuid, { signal })]);
          return toHostCapacityRow(provider, inventories, usages, { cloud: source.cloud, region });
        }),
      );
      return { state: 'ok', rows };
    } catch (error) {
      if (signal?.aborted) throw error;
      return failedPart(error);
    }
  };

  await Promise.all(
    [...regions.keys()].map(async (region) => {
      const [quota, placement] = await Promise.all([
        loadQuota(region).then((part) => {
          update(region, { quota: part });
          return part;
        }),
        loadPlacement(region).then((part) => {
          update(region, { placement: part });
          return part;
        }),
      ]);
      update(region, { quota, placement, loadedAt: now() });
    }),
  );
  return snapshot();
}

/** One cloud read through each of its project sources: quotas are per project, hosts the same for each. */
export function loadProjectsCapacity(sources: readonly ProjectScoped<CapacitySource>[], options: Omit<LoadCapacityOptions, 'project'> = {}): Promise<CloudCapacity> {
  const cloud = sources[0]?.client.cloud ?? '';
  return loadEachProject<CapacitySource, CloudCapacity>(
    sources,
    ({ client, project }, { onProgress }) => loadCloudCapacity(client, { ...options, ...(project ? { project } : {}), onProgress }),
    (parts, failedProjects) => ({ cloud, regions: parts.flatMap((part) => part.regions), ...(failedProjects.length > 0 ? { failedProjects } : {}) }),
    options,
  );
}

export function quotaRowsOf(cloud: CloudCapacity): QuotaUsageRow[] {
  return cloud.regions.flatMap((region) => region.quota.rows);
}

/** Each host once, though every project's token may list it. */
export function hostRowsOf(cloud: CloudCapacity): HostCapacityRow[] {
  return uniqueByKey(cloud.regions.flatMap((region) => region.placement.rows));
}
