import { catalogRegions, type CloudClient, type ComputeApi, type NetworkApi } from '../../openstack/index.ts';
import { flavorEntry, keypairEntry, securityGroupEntries } from './parity-entries.ts';
import type { ParityEntry, ParityKind, ParityListing } from './parity-model.ts';
import { loadEachProject, type FailedProject, type InventoryProject, type ProjectScoped } from './per-project-load.ts';

/** The kinds this loader reads; images come from the images query, shared with /images. */
export const LOADED_PARITY_KINDS = ['keypair', 'flavor', 'security-group'] as const satisfies readonly ParityKind[];
export type LoadedParityKind = (typeof LOADED_PARITY_KINDS)[number];

export interface RegionParity {
  region: string;
  /** The project whose token listed the region; absent for the cloud's own project. */
  project?: InventoryProject;
  listings: Readonly<Record<LoadedParityKind, ParityListing>>;
  /** When the last of its listings arrived, once all answered. */
  loadedAt?: number;
}

export interface CloudParity {
  cloud: string;
  projectId?: string;
  /** Per region, or per project and region with "all projects I can see". */
  regions: readonly RegionParity[];
  /** Projects whose sign-in failed: the others' listings stand, these carry the error. */
  failedProjects?: readonly FailedProject[];
}

export type ParitySourceClient = Pick<CloudClient, 'cloud' | 'signIn' | 'session' | 'regions'> & {
  compute(region: string): Promise<Pick<ComputeApi, 'keypairs' | 'flavors'>>;
  network(region: string): Promise<Pick<NetworkApi, 'securityGroups'>>;
};

export interface LoadParityOptions {
  signal?: AbortSignal;
  onProgress?: (snapshot: CloudParity) => void;
  now?: () => number;
  /** The project this client is scoped to, named in each of its regions. */
  project?: InventoryProject;
}

export type ParityProjectSource = ProjectScoped<ParitySourceClient>;

const LOADING: ParityListing = Object.freeze({ state: 'unknown', reason: 'loading' });

/**
 * Key pairs, flavors and security groups of every region of one cloud, each
 * listing on its own: a Neutron that fails leaves the Nova listings standing,
 * and its groups unknown, not missing.
 */
export async function loadCloudParity(client: ParitySourceClient, options: LoadParityOptions = {}): Promise<CloudParity> {
  const { signal, onProgress, project } = options;
  const scoped = project === undefined ? {} : { project };
  const now = options.now ?? Date.now;
  const session = client.session() ?? (await client.signIn(signal));
  const projectId = session.project?.id;
  // Admins see private flavors too: those are the fleet's as much as the public ones.
  const includePrivate = session.roles.includes('admin');
  const regions = new Map<string, RegionParity>(
    client.regions().map((region) => [region, { region, ...scoped, listings: { keypair: LOADING, flavor: LOADING, 'security-group': LOADING } }]),
  );
  const snapshot = (): CloudParity => ({ cloud: client.cloud, ...(projectId === undefined ? {} : { projectId }), regions: [...regions.values()] });

  const serviceOf: Record<LoadedParityKind, string> = { keypair: 'compute', flavor: 'compute', 'security-group': 'network' };
  const offered = (kind: LoadedParityKind, region: string) => catalogRegions(session.catalog, serviceOf[kind]).includes(region);
  const readers: Record<LoadedParityKind, (region: string) => Promise<ParityEntry[]>> = {
    keypair: async (region) => (await collect((await client.compute(region)).keypairs({ signal }))).map(keypairEntry),
    flavor: async (region) => (await collect((await client.compute(region)).flavors({ signal, includePrivate }))).map(flavorEntry),
    'security-group': async (region) => securityGroupEntries(await collect((await client.network(region)).securityGroups({ signal })), projectId),
  };

  await Promise.all(
    [...regions.keys()].flatMap((region) =>
      LOADED_PARITY_KINDS.map(async (kind) => {
        let listing: ParityListing;
        if (!offered(kind, region)) {
          listing = { state: 'unknown', reason: 'no-service' };
        } else {
          try {
            listing = { state: 'ok', entries: await readers[kind](region) };
          } catch (error) {
            if (signal?.aborted) throw error;
            listing = { state: 'unknown', reason: 'failed', error };
          }
        }
        const current = regions.get(region) as RegionParity;
        const listings = { ...current.listings, [kind]: listing };
        const done = LOADED_PARITY_KINDS.every((other) => !(listings[other].state === 'unknown' && listings[other].reason === 'loading'));
        regions.set(region, { region, ...scoped, listings, ...(done ? { loadedAt: now() } : {}) });
        onProgress?.(snapshot());
      }),
    ),
  );
  return snapshot();
}

/**
 * One cloud read through each of its project sources side by side ("all
 * projects I can see"): key pairs belong to the user and flavors to the
 * cloud, but each project has its own security groups and private images,
 * so every project's regions are sources of their own.
 */
export function loadProjectsParity(sources: readonly ParityProjectSource[], options: Omit<LoadParityOptions, 'project'> = {}): Promise<CloudParity> {
  const cloud = sources[0]?.client.cloud ?? '';
  return loadEachProject<ParitySourceClient, CloudParity>(
    sources,
    ({ client, project }, { onProgress }) => loadCloudParity(client, { ...options, ...(project ? { project } : {}), onProgress }),
    (parts, failedProjects) => ({ cloud, regions: parts.flatMap((part) => part.regions), ...(failedProjects.length > 0 ? { failedProjects } : {}) }),
    options,
  );
}

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

/** While a cloud is read again, each listing it had stays until its new one arrives (a failure shows as unknown). */
export function mergeParityRefresh(previous: CloudParity | undefined, next: CloudParity): CloudParity {
  if (!previous) return next;
  const before = new Map(previous.regions.map((region) => [paritySourceKey(region), region]));
  return {
    ...next,
    regions: next.regions.map((region) => {
      const old = before.get(paritySourceKey(region));
      if (!old) return region;
      const listings = { ...region.listings };
      for (const kind of LOADED_PARITY_KINDS) {
        const fresh = listings[kind];
        if (fresh.state === 'unknown' && fresh.reason === 'loading' && old.listings[kind].state === 'ok') listings[kind] = old.listings[kind];
      }
      return { ...region, listings, ...(region.loadedAt === undefined && old.loadedAt !== undefined ? { loadedAt: old.loadedAt } : {}) };
    }),
  };
}

function paritySourceKey(region: RegionParity): string {
  return `${region.project?.id ?? ''}/${region.region}`;
}
