import type { CloudTopologyInput } from './topology-input.ts';

/**
 * The previous input object of each cloud whose fields are all the very same
 * values as now, else the new one: buildTopology reuses the subtree of an
 * input it has seen, so only clouds that changed are built again.
 */
export function keepUnchanged(previous: readonly CloudTopologyInput[] | undefined, next: readonly CloudTopologyInput[]): CloudTopologyInput[] {
  const before = new Map((previous ?? []).map((input) => [input.cloud, input]));
  return next.map((input) => {
    const old = before.get(input.cloud);
    return old !== undefined && sameFields(old, input) ? old : input;
  });
}

function sameFields(a: CloudTopologyInput, b: CloudTopologyInput): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof CloudTopologyInput)[]);
  return [...keys].every((key) => Object.is(a[key], b[key]));
}
