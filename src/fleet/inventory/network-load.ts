import { isOpenStackError, type CloudClient, type NetworkApi } from '../../openstack/index.ts';
import {
  floatingIpToRow,
  networkToRow,
  NETWORK_KINDS,
  portToRow,
  routerToRow,
  securityGroupToRow,
  subnetToRow,
  type NetworkKind,
  type NetworkPlace,
  type NetworkRow,
} from './network-row.ts';
import { loadEachProject, uniqueByKey, type FailedProject, type InventoryProject, type ProjectScoped } from './per-project-load.ts';

/** One listing (say, ports) of one region: a 403 is its own state, a role limit rather than a failure. */
export interface NetworkKindLoad {
  state: 'loading' | 'ok' | 'failed' | 'needs-admin';
  rows: readonly NetworkRow[];
  /** True once every page arrived. */
  complete: boolean;
  error?: unknown;
}

export interface RegionNetworks {
  region: string;
  /** The project whose token listed the region; absent for the cloud's own project. */
  project?: InventoryProject;
  kinds: Readonly<Record<NetworkKind, NetworkKindLoad>>;
  /** When the last listing of the region finished (epoch ms), if all finished. */
  loadedAt?: number;
}

/** One cloud's Neutron resources, region by region: what the networks query caches and streams. */
export interface CloudNetworks {
  cloud: string;
  /** Per region, or per project and region with "all projects I can see". */
  regions: readonly RegionNetworks[];
  /** Projects whose sign-in failed: the others' rows stand, these carry the error. */
  failedProjects?: readonly FailedProject[];
}

/** What the loader needs of a cloud client: enough for a fake in tests. */
export type NetworksSource = Pick<CloudClient, 'cloud' | 'signIn' | 'session' | 'regions'> & {
  network(region: string): Promise<NetworkApi>;
};

export interface LoadNetworksOptions {
  signal?: AbortSignal;
  pageSize?: number;
  /** Called after every page and every listing's end, with the whole cloud as it stands. */
  onProgress?: (snapshot: CloudNetworks) => void;
  now?: () => number;
  /** The project this client is scoped to, named in each of its regions. */
  project?: InventoryProject;
  /** Project names by id beyond the client's own project's, to name the owners of rows. */
  projectNames?: ReadonlyMap<string, string>;
}

export type NetworksProjectSource = ProjectScoped<NetworksSource>;

type Lister = (api: NetworkApi, options: { signal?: AbortSignal; pageSize?: number }, place: NetworkPlace) => AsyncIterable<NetworkRow[]>;

async function* mapped<T>(pages: AsyncIterable<T[]>, toRow: (item: T, place: NetworkPlace) => NetworkRow, place: NetworkPlace): AsyncIterable<NetworkRow[]> {
  for await (const page of pages) yield page.map((item) => toRow(item, place));
}

const LISTERS: Record<NetworkKind, Lister> = {
  networks: (api, options, place) => mapped(api.networks(options), networkToRow, place),
  subnets: (api, options, place) => mapped(api.subnets(options), subnetToRow, place),
  routers: (api, options, place) => mapped(api.routers(options), routerToRow, place),
  ports: (api, options, place) => mapped(api.ports(options), portToRow, place),
  'floating-ips': (api, options, place) => mapped(api.floatingIps(options), floatingIpToRow, place),
  'security-groups': (api, options, place) => mapped(api.securityGroups(options), securityGroupToRow, place),
};

function loadingKinds(): Record<NetworkKind, NetworkKindLoad> {
  const loading: NetworkKindLoad = { state: 'loading', rows: [], complete: false };
  return Object.fromEntries(NETWORK_KINDS.map((kind) => [kind, loading])) as Record<NetworkKind, NetworkKindLoad>;
}

/**
 * Loads the six Neutron listings of every region of one cloud side by side,
 * every page of each. A listing that fails keeps its error and what it gave
 * without costing the others their rows; a 403 marks the listing as needing
 * admin. Only a failed sign-in fails the whole cloud.
 */
export async function loadCloudNetworks(source: NetworksSource, options: LoadNetworksOptions = {}): Promise<CloudNetworks> {
  const { signal, pageSize, onProgress, project } = options;
  const now = options.now ?? Date.now;
  const session = source.session() ?? (await source.signIn(signal));
  const projectNames = new Map(options.projectNames);
  if (session.project) projectNames.set(session.project.id, session.project.name);
  const scoped = project === undefined ? {} : { project };
  const regions = new Map<string, RegionNetworks>(source.regions().map((region) => [region, { region, ...scoped, kinds: loadingKinds() }]));
  const snapshot = (): CloudNetworks => ({ cloud: source.cloud, regions: [...regions.values()] });
  const update = (region: string, kind: NetworkKind, change: Partial<NetworkKindLoad>) => {
    const current = regions.get(region) as RegionNetworks;
    const kinds = { ...current.kinds, [kind]: { ...current.kinds[kind], ...change } };
    const done = NETWORK_KINDS.every((each) => kinds[each].state !== 'loading');
    regions.set(region, { region, ...scoped, kinds, ...(done ? { loadedAt: now() } : {}) });
    onProgress?.(snapshot());
  };

  await Promise.all(
    [...regions.keys()].map(async (region) => {
      let api: NetworkApi;
      try {
        api = await source.network(region);
      } catch (error) {
        if (signal?.aborted) throw error;
        for (const kind of NETWORK_KINDS) update(region, kind, failure(error));
        return;
      }
      await Promise.all(
        NETWORK_KINDS.map(async (kind) => {
          let rows: NetworkRow[] = [];
          try {
            for await (const page of LISTERS[kind](api, { signal, pageSize }, { cloud: source.cloud, region, projectNames })) {
              if (page.length === 0) continue;
              // A new array per page: snapshots already handed out must not change under their readers.
              rows = rows.concat(page);
              update(region, kind, { rows });
            }
            update(region, kind, { state: 'ok', complete: true, error: undefined });
          } catch (error) {
            if (signal?.aborted) throw error;
            update(region, kind, failure(error));
          }
        }),
      );
    }),
  );
  return snapshot();
}

/**
 * One cloud read through each of its project sources side by side (one token
 * per project, "all projects I can see"): every project's regions are their
 * own sources, and a project that cannot sign in costs only its own rows.
 */
export function loadProjectsNetworks(sources: readonly NetworksProjectSource[], options: Omit<LoadNetworksOptions, 'project' | 'projectNames'> = {}): Promise<CloudNetworks> {
  const cloud = sources[0]?.client.cloud ?? '';
  return loadEachProject<NetworksSource, CloudNetworks>(
    sources,
    ({ client, project }, { projectNames, onProgress }) => loadCloudNetworks(client, { ...options, ...(project ? { project } : {}), projectNames, onProgress }),
    (parts, failedProjects) => ({ cloud, regions: parts.flatMap((part) => part.regions), ...(failedProjects.length > 0 ? { failedProjects } : {}) }),
    options,
  );
}

function failure(error: unknown): Partial<NetworkKindLoad> {
  const forbidden = isOpenStackError(error) && error.kind === 'forbidden';
  return { state: forbidden ? 'needs-admin' : 'failed', error };
}

/**
 * What to show while a cloud is loaded again: listings still loading keep
 * their previous complete rows (a background refresh never empties the
 * table), finished ones show the fresh result, and one that now fails keeps
 * its old rows beside the error.
 */
export function mergeNetworksRefresh(previous: CloudNetworks | undefined, next: CloudNetworks): CloudNetworks {
  if (!previous) return next;
  const before = new Map(previous.regions.map((region) => [sourceKey(region), region]));
  return {
    ...next,
    regions: next.regions.map((region) => {
      const old = before.get(sourceKey(region));
      if (!old) return region;
      const kinds = Object.fromEntries(
        NETWORK_KINDS.map((kind) => {
          const fresh = region.kinds[kind];
          const stale = old.kinds[kind];
          if (!stale.complete || fresh.state === 'ok') return [kind, fresh];
          return [kind, { ...fresh, rows: stale.rows, complete: fresh.state === 'loading' }];
        }),
      ) as Record<NetworkKind, NetworkKindLoad>;
      return { ...region, kinds, loadedAt: region.loadedAt ?? old.loadedAt };
    }),
  };
}

function sourceKey(region: RegionNetworks): string {
  return `${region.project?.id ?? ''}/${region.region}`;
}

/**
 * Every row of the cloud once: a resource several projects see (a shared or
 * external network; anything, for an admin) is listed by each of their
 * tokens, and the first listing stands for all.
 */
export function networkRowsOf(cloud: CloudNetworks): NetworkRow[] {
  const rows = cloud.regions.flatMap((region) => NETWORK_KINDS.flatMap((kind) => region.kinds[kind].rows));
  return cloud.regions.some((region) => region.project !== undefined) ? uniqueByKey(rows) : rows;
}
