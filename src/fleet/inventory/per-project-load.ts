/** A project of the user's, as "all projects I can see" lists a cloud per project. */
export interface InventoryProject {
  id: string;
  name: string;
}

/** One client of a cloud and the project it is scoped to (absent: the cloud's own project). */
export interface ProjectScoped<Client> {
  project?: InventoryProject;
  client: Client;
}

/** A project whose sign-in failed: the other projects' rows stand, this one carries the error. */
export interface FailedProject {
  project: InventoryProject;
  error: unknown;
}

export interface PerProjectContext<Snapshot> {
  /** Names of every project listed, by id, to name the owners of rows. */
  projectNames: ReadonlyMap<string, string>;
  onProgress: (snapshot: Snapshot) => void;
}

export interface PerProjectOptions<Snapshot> {
  signal?: AbortSignal;
  onProgress?: (snapshot: Snapshot) => void;
}

/**
 * Loads one cloud through each of its project sources side by side (one token
 * per project) and combines what each gave, as it streams in. A project that
 * fails to load is reported beside the others' rows; only when every project
 * fails does the cloud fail. A single source is loaded as it is.
 */
export async function loadEachProject<Client, Snapshot>(
  sources: readonly ProjectScoped<Client>[],
  loadOne: (source: ProjectScoped<Client>, context: PerProjectContext<Snapshot>) => Promise<Snapshot>,
  combine: (parts: readonly Snapshot[], failedProjects: readonly FailedProject[]) => Snapshot,
  options: PerProjectOptions<Snapshot> = {},
): Promise<Snapshot> {
  const { signal, onProgress } = options;
  const [only] = sources;
  if (sources.length === 1 && only) return loadOne(only, { projectNames: new Map(), onProgress: (snapshot) => onProgress?.(snapshot) });
  const projectNames = new Map(sources.flatMap(({ project }) => (project ? [[project.id, project.name] as const] : [])));
  const latest: (Snapshot | undefined)[] = sources.map(() => undefined);
  const failedProjects: FailedProject[] = [];
  const combined = () => combine(latest.filter((part) => part !== undefined), [...failedProjects]);
  const outcomes = await Promise.allSettled(
    sources.map(async (source, index) => {
      try {
        latest[index] = await loadOne(source, {
          projectNames,
          onProgress: (snapshot) => {
            latest[index] = snapshot;
            onProgress?.(combined());
          },
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        latest[index] = undefined;
        failedProjects.push({ project: source.project ?? { id: '', name: '' }, error });
        onProgress?.(combined());
        throw error;
      }
    }),
  );
  const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
  if (rejected && (signal?.aborted || outcomes.every((outcome) => outcome.status === 'rejected'))) throw rejected.reason;
  return combined();
}

/** Rows once each: a resource several projects see (shared, public; anything, for an admin) is listed by each of their tokens. */
export function uniqueByKey<Row extends { key: string }>(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.key)) return false;
    seen.add(row.key);
    return true;
  });
}
