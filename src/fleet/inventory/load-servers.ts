import type { CloudClient, ComputeApi } from '../../openstack/index.ts';
import { loadEachProject, type FailedProject, type InventoryProject, type ProjectScoped } from './per-project-load.ts';
import { toServerRow, type ServerRow } from './server-row.ts';

/** What one region of one cloud has given so far. */
export interface RegionServers {
  region: string;
  /** The project whose token listed the region; absent for the cloud's own project. */
  project?: InventoryProject;
  /** 'loading' until the last page arrived or a request failed. */
  state: 'loading' | 'ok' | 'failed';
  rows: readonly ServerRow[];
  /** True once every page arrived; false rows are a prefix of the region's servers. */
  complete: boolean;
  /** When the last page arrived (epoch ms), if the region was loaded completely. */
  loadedAt?: number;
  error?: unknown;
}

/** One cloud's servers, region by region: what the servers query caches and streams. */
export interface CloudServers {
  cloud: string;
  /** Per region, or per project and region with "all projects I can see". */
  regions: readonly RegionServers[];
  /** Projects whose sign-in failed: the others' rows stand, these carry the error. */
  failedProjects?: readonly FailedProject[];
}

/** What the loader needs of a cloud client: enough for a fake in tests. */
export type ServersSource = Pick<CloudClient, 'cloud' | 'signIn' | 'session' | 'regions'> & {
  compute(region: string): Promise<Pick<ComputeApi, 'servers'>>;
};

export interface LoadServersOptions {
  signal?: AbortSignal;
  pageSize?: number;
  /** Called after every page and every region's end, with the whole cloud as it stands. */
  onProgress?: (snapshot: CloudServers) => void;
  now?: () => number;
  /**
   * The project this client is scoped to: its regions are named after it and
   * it lists only that project's servers, even for an admin, so that every
   * server of "all projects I can see" is listed once, by its own project.
   */
  project?: InventoryProject;
}

export type ServersProjectSource = ProjectScoped<ServersSource>;

/**
 * Loads every server of one cloud, all regions side by side, every page (no
 * truncation at the first). A failing region keeps its error and whatever it
 * gave; it never costs another region its rows. Only a failed sign-in fails
 * the whole cloud, since then no region is known.
 */
export async function loadCloudServers(source: ServersSource, options: LoadServersOptions = {}): Promise<CloudServers> {
  const { signal, pageSize, onProgress, project } = options;
  const now = options.now ?? Date.now;
  const session = source.session() ?? (await source.signIn(signal));
  // Admins see every project's servers: the fleet view is for operators.
  const allTenants = project === undefined && session.roles.includes('admin');
  const scoped = project === undefined ? {} : { project };
  const regions = new Map<string, RegionServers>(
    source.regions().map((region) => [region, { region, ...scoped, state: 'loading', rows: [], complete: false }]),
  );
  const snapshot = (): CloudServers => ({ cloud: source.cloud, regions: [...regions.values()] });
  const update = (region: string, change: Partial<RegionServers>) => {
    const current = regions.get(region) as RegionServers;
    regions.set(region, { ...current, ...change });
    onProgress?.(snapshot());
  };

  await Promise.all(
    [...regions.keys()].map(async (region) => {
      let rows: ServerRow[] = [];
      try {
        const compute = await source.compute(region);
        for await (const page of compute.servers({ signal, pageSize, allTenants })) {
          if (page.length === 0) continue;
          // A new array per page: snapshots already handed out must not change under their readers.
          rows = rows.concat(page.map((server) => toServerRow(server, { cloud: source.cloud, region, ...(project ? { project: project.name } : {}) })));
          update(region, { rows });
        }
        update(region, { state: 'ok', complete: true, loadedAt: now(), error: undefined });
      } catch (error) {
        if (signal?.aborted) throw error;
        update(region, { state: 'failed', error });
      }
    }),
  );
  return snapshot();
}

/**
 * One cloud read through each of its project sources side by side ("all
 * projects I can see"), each listing its own project's servers: every
 * project's regions are their own sources, and a project that cannot sign in
 * costs only its own rows.
 */
export function loadProjectsServers(sources: readonly ServersProjectSource[], options: Omit<LoadServersOptions, 'project'> = {}): Promise<CloudServers> {
  const cloud = sources[0]?.client.cloud ?? '';
  return loadEachProject<ServersSource, CloudServers>(
    sources,
    ({ client, project }, { onProgress }) => loadCloudServers(client, { ...options, ...(project ? { project } : {}), onProgress }),
    (parts, failedProjects) => ({ cloud, regions: parts.flatMap((part) => part.regions), ...(failedProjects.length > 0 ? { failedProjects } : {}) }),
    options,
  );
}

/**
 * What to show while a cloud is loaded again: regions still loading keep their
 * previous complete rows (so a background refresh never empties the table),
 * regions that finished show the fresh result, and a region that now fails
 * keeps its old rows beside the error.
 */
export function mergeRefresh(previous: CloudServers | undefined, next: CloudServers): CloudServers {
  if (!previous) return next;
  const before = new Map(previous.regions.map((region) => [sourceKey(region), region]));
  return {
    ...next,
    regions: next.regions.map((region) => {
      const old = before.get(sourceKey(region));
      if (!old || !old.complete || region.state === 'ok') return region;
      if (region.state === 'loading') return { ...old, state: 'loading' };
      return { ...old, state: 'failed', error: region.error };
    }),
  };
}

function sourceKey(region: RegionServers): string {
  return `${region.project?.id ?? ''}/${region.region}`;
}

export function rowsOf(cloud: CloudServers): ServerRow[] {
  return cloud.regions.flatMap((region) => region.rows);
}
