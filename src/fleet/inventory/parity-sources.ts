import type { CloudImages } from './image-load.ts';
import type { InventoryProject } from './per-project-load.ts';
import { LOADED_PARITY_KINDS, type CloudParity } from './parity-load.ts';
import { imageEntries } from './parity-entries.ts';
import { PARITY_KINDS, type ParityKind, type ParityListing, type ParityObservation, type ParityUnknownReason } from './parity-model.ts';

/** What the view knows of one cloud's query (the parity listings or the images). */
export interface ParityQueryState<D> {
  data?: D;
  /** The whole cloud failed (sign-in). */
  error?: unknown;
}

export interface CloudParityState {
  cloud: string;
  signInNeeded?: boolean;
  parity: ParityQueryState<CloudParity>;
  images: ParityQueryState<CloudImages>;
}

/**
 * One observation per cloud and region (per cloud, region and project with
 * "all projects I can see"), in registry order. A cloud that has not told its
 * regions yet (loading, failed to sign in, waiting for its secret) is one
 * observation with every kind unknown; so is a project that failed to sign in.
 */
export function parityObservations(states: readonly CloudParityState[]): ParityObservation[] {
  const observations: ParityObservation[] = [];
  for (const state of states) {
    const { cloud } = state;
    if (state.signInNeeded) {
      observations.push({ key: cloud, cloud, listings: allUnknown('signin-needed') });
      continue;
    }
    const places = placesOf(state);
    if (places.length === 0 && !state.parity.data?.failedProjects && !state.images.data?.failedProjects) {
      const error = state.parity.error ?? state.images.error;
      observations.push({ key: cloud, cloud, listings: allUnknown(error === undefined ? 'loading' : 'failed', error) });
      continue;
    }
    const failed = new Map([...(state.images.data?.failedProjects ?? []), ...(state.parity.data?.failedProjects ?? [])].map((each) => [each.project.id, each]));
    for (const { project, error } of failed.values()) {
      observations.push({ key: `${cloud}//${project.name}`, cloud, project: project.name, listings: allUnknown('failed', error) });
    }
    for (const { region, project } of places) {
      const listings = {} as Record<ParityKind, ParityListing>;
      const parityRegion = state.parity.data?.regions.find((r) => samePlace(r, region, project));
      for (const kind of LOADED_PARITY_KINDS) {
        listings[kind] = parityRegion?.listings[kind] ?? wholeCloud(state.parity);
      }
      listings.image = imageListing(state.images, region, project);
      observations.push(project ? { key: `${cloud}/${region}/${project.name}`, cloud, region, project: project.name, listings } : { key: `${cloud}/${region}`, cloud, region, listings });
    }
  }
  return observations;
}

interface Place {
  region: string;
  project?: InventoryProject;
}

/** Every region (of every project) either query has told, once each, the parity listings' order first. */
function placesOf(state: CloudParityState): Place[] {
  const places = new Map<string, Place>();
  for (const { region, project } of [...(state.parity.data?.regions ?? []), ...(state.images.data?.regions ?? [])]) {
    const key = `${project?.id ?? ''}/${region}`;
    if (!places.has(key)) places.set(key, project ? { region, project } : { region });
  }
  return [...places.values()];
}

function samePlace(candidate: Place, region: string, project: InventoryProject | undefined): boolean {
  return candidate.region === region && candidate.project?.id === project?.id;
}

function imageListing(query: ParityQueryState<CloudImages>, region: string, project: InventoryProject | undefined): ParityListing {
  const images = query.data?.regions.find((r) => samePlace(r, region, project));
  if (!images) return wholeCloud(query);
  if (images.state === 'failed') return { state: 'unknown', reason: 'failed', error: images.error };
  // A region still paging may yet list the image: only a complete listing can say "missing".
  if (!images.complete) return { state: 'unknown', reason: 'loading' };
  return { state: 'ok', entries: imageEntries(images.rows, project?.id ?? query.data?.projectId) };
}

function wholeCloud(query: ParityQueryState<unknown>): ParityListing {
  return query.error === undefined ? { state: 'unknown', reason: 'loading' } : { state: 'unknown', reason: 'failed', error: query.error };
}

function allUnknown(reason: ParityUnknownReason, error?: unknown): Record<ParityKind, ParityListing> {
  const listing: ParityListing = { state: 'unknown', reason, ...(error === undefined ? {} : { error }) };
  return Object.fromEntries(PARITY_KINDS.map((kind) => [kind, listing])) as Record<ParityKind, ParityListing>;
}

/** A source some of whose listings failed: shown with its error, so "unknown" always has a cause beside it. */
export interface ParityProblem {
  source: string;
  kinds: readonly ParityKind[];
  error: unknown;
}

export function parityProblems(observations: readonly ParityObservation[]): ParityProblem[] {
  const problems: ParityProblem[] = [];
  for (const observation of observations) {
    const failed = PARITY_KINDS.filter((kind) => {
      const listing = observation.listings[kind];
      return listing.state === 'unknown' && listing.reason === 'failed';
    });
    const first = failed[0];
    if (first === undefined) continue;
    const listing = observation.listings[first];
    problems.push({ source: observation.key, kinds: failed, error: listing.state === 'unknown' ? listing.error : undefined });
  }
  return problems;
}
