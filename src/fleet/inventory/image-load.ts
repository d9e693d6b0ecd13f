import type { CloudClient, ImageApi } from '../../openstack/index.ts';
import { toImageRow, type ImageRow } from './image-row.ts';
import { loadEachProject, uniqueByKey, type FailedProject, type InventoryProject, type ProjectScoped } from './per-project-load.ts';

/** What one region of one cloud has given so far (the same life cycle as a region's servers). */
export interface RegionImages {
  region: string;
  /** The project whose token listed the region; absent for the cloud's own project. */
  project?: InventoryProject;
  state: 'loading' | 'ok' | 'failed';
  rows: readonly ImageRow[];
  /** True once every page arrived. */
  complete: boolean;
  loadedAt?: number;
  error?: unknown;
}

/** One cloud's images, region by region: what the images query caches and streams. */
export interface CloudImages {
  cloud: string;
  /** The project the session is scoped to: parity compares only what that project would use. */
  projectId?: string;
  /** Per region, or per project and region with "all projects I can see". */
  regions: readonly RegionImages[];
  /** Projects whose sign-in failed: the others' rows stand, these carry the error. */
  failedProjects?: readonly FailedProject[];
}

export type ImagesSource = Pick<CloudClient, 'cloud' | 'signIn' | 'session' | 'regions'> & {
  image(region: string): Promise<Pick<ImageApi, 'images'>>;
};

export interface LoadImagesOptions {
  signal?: AbortSignal;
  pageSize?: number;
  onProgress?: (snapshot: CloudImages) => void;
  now?: () => number;
  /** The project this client is scoped to, named in each of its regions. */
  project?: InventoryProject;
  /** Project names by id beyond the client's own project's, to name the owners of images. */
  projectNames?: ReadonlyMap<string, string>;
}

export type ImagesProjectSource = ProjectScoped<ImagesSource>;

/**
 * Every image of one cloud, all regions side by side, every page. A failing
 * region keeps its error and what it gave; only a failed sign-in fails the
 * whole cloud.
 */
export async function loadCloudImages(source: ImagesSource, options: LoadImagesOptions = {}): Promise<CloudImages> {
  const { signal, pageSize, onProgress, project } = options;
  const now = options.now ?? Date.now;
  const session = source.session() ?? (await source.signIn(signal));
  const projectId = session.project?.id;
  const projectNames = new Map(options.projectNames);
  if (session.project) projectNames.set(session.project.id, session.project.name);
  const regions = new Map<string, RegionImages>(
    source.regions().map((region) => [region, { region, ...(project ? { project } : {}), state: 'loading', rows: [], complete: false }]),
  );
  const snapshot = (): CloudImages => ({ cloud: source.cloud, ...(projectId === undefined ? {} : { projectId }), regions: [...regions.values()] });
  const update = (region: string, change: Partial<RegionImages>) => {
    regions.set(region, { ...(regions.get(region) as RegionImages), ...change });
    onProgress?.(snapshot());
  };

  await Promise.all(
    [...regions.keys()].map(async (region) => {
      let rows: ImageRow[] = [];
      try {
        const api = await source.image(region);
        // 'all' adds community images to the public, own and shared ones Glance lists by default.
        for await (const page of api.images({ signal, pageSize, visibility: 'all' })) {
          if (page.length === 0) continue;
          rows = rows.concat(page.map((image) => toImageRow(image, { cloud: source.cloud, region, projectNames })));
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
 * One cloud read through each of its project sources side by side (one token
 * per project, "all projects I can see"): every project's regions are their
 * own sources, and a project that cannot sign in costs only its own rows.
 */
export function loadProjectsImages(sources: readonly ImagesProjectSource[], options: Omit<LoadImagesOptions, 'project' | 'projectNames'> = {}): Promise<CloudImages> {
  const cloud = sources[0]?.client.cloud ?? '';
  return loadEachProject<ImagesSource, CloudImages>(
    sources,
    ({ client, project }, { projectNames, onProgress }) => loadCloudImages(client, { ...options, ...(project ? { project } : {}), projectNames, onProgress }),
    (parts, failedProjects) => ({ cloud, regions: parts.flatMap((part) => part.regions), ...(failedProjects.length > 0 ? { failedProjects } : {}) }),
    options,
  );
}

function sourceKey(region: RegionImages): string {
  return `${region.project?.id ?? ''}/${region.region}`;
}

/** A refresh never empties a region: until it answers anew, its previous complete rows stay. */
export function mergeImagesRefresh(previous: CloudImages | undefined, next: CloudImages): CloudImages {
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

/** Every image of the cloud once, though each project's token lists the public ones. */
export function imageRowsOf(cloud: CloudImages): ImageRow[] {
  const rows = cloud.regions.flatMap((region) => region.rows);
  return cloud.regions.some((region) => region.project !== undefined) ? uniqueByKey(rows) : rows;
}
