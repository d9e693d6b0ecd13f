import { describeError } from '../health/describe-error.ts';
import type { CloudImages } from '../inventory/image-load.ts';
import { imageDigest } from '../inventory/image-row.ts';
import type { CloudNetworks } from '../inventory/network-load.ts';
import type { ImageFact, RelationSource, SubnetFact } from './topology-relations.ts';

/** What the view knows of one cloud's inventory query (the networks' or the images'). */
export interface CloudQueryState<Data> {
  cloud: string;
  data?: Data;
  /** The whole cloud failed (its sign-in). */
  error?: unknown;
  /** The cloud waits for its secret: nothing was asked. */
  signInNeeded?: boolean;
}

export interface RelationFacts<Fact> {
  facts: Fact[];
  sources: RelationSource[];
}

/** Worst first: a region read through several projects is only known when every project's listing is. */
const STATE_ORDER: readonly RelationSource['state'][] = ['failed', 'loading', 'ok'];

function mergeSource(sources: Map<string, RelationSource>, source: RelationSource): void {
  const key = `${source.cloud}\u0000${source.region ?? ''}`;
  const known = sources.get(key);
  if (!known || STATE_ORDER.indexOf(source.state) < STATE_ORDER.indexOf(known.state)) sources.set(key, source);
}

function reasonOf(error: unknown): string {
  const { headline, status } = describeError(error);
  return status === undefined ? headline : `${headline} (HTTP ${status})`;
}

function cloudSource<Data>(state: CloudQueryState<Data>): RelationSource | undefined {
  if (state.error !== undefined) return { cloud: state.cloud, state: 'failed', reason: reasonOf(state.error) };
  if (state.signInNeeded) return { cloud: state.cloud, state: 'failed', reason: 'waiting for its secret' };
  if (!state.data) return { cloud: state.cloud, state: 'loading' };
  return undefined;
}

/**
 * Every subnet of the fleet with its network's name, and per region whether
 * its subnets are all there. The networks listing only names them: when it
 * failed, the network's id stands in (a span is then not recognized by name).
 */
export function subnetFacts(states: readonly CloudQueryState<CloudNetworks>[]): RelationFacts<SubnetFact> {
  const facts: SubnetFact[] = [];
  const sources = new Map<string, RelationSource>();
  for (const state of states) {
    const whole = cloudSource(state);
    if (whole) mergeSource(sources, whole);
    for (const { region, kinds } of state.data?.regions ?? []) {
      const names = new Map(kinds.networks.rows.map((row) => [row.id, row.name]));
      for (const row of kinds.subnets.rows) {
        for (const cidr of row.cidrs) facts.push({ cloud: state.cloud, region, id: row.id, cidr, network: names.get(row.networkId) || row.networkId });
      }
      const listing = kinds.subnets;
      const regionState: RelationSource['state'] = listing.complete ? 'ok' : listing.state === 'loading' ? 'loading' : 'failed';
      mergeSource(sources, {
        cloud: state.cloud,
        region,
        state: regionState,
        ...(regionState === 'failed' ? { reason: listing.state === 'needs-admin' ? 'subnets need admin' : reasonOf(listing.error) } : {}),
      });
    }
  }
  return { facts, sources: [...sources.values()] };
}

/** Every image with data, by its digest, and per region whether its images are all there. */
export function imageFacts(states: readonly CloudQueryState<CloudImages>[]): RelationFacts<ImageFact> {
  const facts: ImageFact[] = [];
  const sources = new Map<string, RelationSource>();
  for (const state of states) {
    const whole = cloudSource(state);
    if (whole) mergeSource(sources, whole);
    for (const { region, rows, complete, state: loadState, error } of state.data?.regions ?? []) {
      for (const row of rows) facts.push({ cloud: state.cloud, region, digest: imageDigest(row), name: row.name });
      const regionState: RelationSource['state'] = complete ? 'ok' : loadState === 'loading' ? 'loading' : 'failed';
      mergeSource(sources, { cloud: state.cloud, region, state: regionState, ...(regionState === 'failed' ? { reason: reasonOf(error) } : {}) });
    }
  }
  return { facts, sources: [...sources.values()] };
}
