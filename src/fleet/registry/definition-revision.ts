import type { CloudDefinition } from './cloud-definition.ts';

const revisions = new WeakMap<CloudDefinition, number>();
let next = 0;

/**
 * A number that changes whenever a cloud's definition does (edited, or given
 * its secret), for query keys: data loaded with the old definition is then
 * never shown for the new one.
 */
export function definitionRevision(cloud: CloudDefinition): number {
  let revision = revisions.get(cloud);
  if (revision === undefined) {
    next += 1;
    revision = next;
    revisions.set(cloud, revision);
  }
  return revision;
}
