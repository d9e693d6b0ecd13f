import type { SimKeypair, SimRegion, SimServer } from '../fleet-model.ts';

/**
 * What mutations change beyond the generated records, per simulated region.
 * Kept beside the model (not in it) so the generator stays a pure function of
 * the spec; the state lives as long as the SimFleet that owns the regions.
 */
interface RegionMutations {
  /** Key pairs of users other than the admin (the generated key pairs are the admin's, in region.keypairs). */
  keypairsByUser: Map<number, SimKeypair[]>;
  deleted: WeakSet<SimServer>;
  tags: WeakMap<SimServer, string[]>;
}

const byRegion = new WeakMap<SimRegion, RegionMutations>();

function mutationsOf(region: SimRegion): RegionMutations {
  let state = byRegion.get(region);
  if (!state) {
    state = { keypairsByUser: new Map(), deleted: new WeakSet(), tags: new WeakMap() };
    byRegion.set(region, state);
  }
  return state;
}

/** The user's key pairs in this region: the array itself, so a create or delete changes what the listing shows. */
export function userKeypairs(region: SimRegion, userIndex: number): SimKeypair[] {
  if (userIndex === 0) return region.keypairs;
  const state = mutationsOf(region);
  let list = state.keypairsByUser.get(userIndex);
  if (!list) {
    list = [];
    state.keypairsByUser.set(userIndex, list);
  }
  return list;
}

export function isDeleted(region: SimRegion, server: SimServer): boolean {
  return byRegion.get(region)?.deleted.has(server) ?? false;
}

export function markDeleted(region: SimRegion, server: SimServer): void {
  mutationsOf(region).deleted.add(server);
}

/** Server tags (2.26+); generated servers have none. */
export function serverTags(region: SimRegion, server: SimServer): string[] {
  return byRegion.get(region)?.tags.get(server) ?? [];
}

export function setServerTags(region: SimRegion, server: SimServer, tags: string[]): void {
  mutationsOf(region).tags.set(server, tags);
}
