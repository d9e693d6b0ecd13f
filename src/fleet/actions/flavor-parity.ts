import { sameFlavorShape, type FlavorShape } from '../../openstack/index.ts';
import { targetKey, type ActionPlan, type ActionTarget, type PlanStep } from './plan.ts';

/** A target's flavors as read just before planning, or why they could not be read. */
export type TargetFlavors = { target: ActionTarget; flavors: readonly FlavorShape[] } | { target: ActionTarget; error: string };

export interface FlavorParityInput {
  planId: string;
  now: number;
  reference: ActionTarget;
  flavors: readonly FlavorShape[];
  targets: readonly TargetFlavors[];
}

function describeShape(flavor: FlavorShape): string {
  return `${flavor.vcpus} vCPU, ${flavor.ram} MB RAM, ${flavor.disk} GB disk${flavor.ephemeral ? `, ${flavor.ephemeral} GB ephemeral` : ''}${flavor.swap ? `, ${flavor.swap} MB swap` : ''}${flavor.isPublic ? '' : ', private'}`;
}

/**
 * Flavor parity: every flavor of the reference, by name, on every target.
 * Missing → create (admin); same name and shape → no change; same name,
 * another shape → conflict, never replaced (servers may use it).
 */
export function planFlavorParity(input: FlavorParityInput): ActionPlan {
  const steps: PlanStep[] = [];
  for (const entry of input.targets) {
    if (targetKey(entry.target) === targetKey(input.reference)) continue;
    for (const flavor of input.flavors) {
      const base = {
        id: `${targetKey(entry.target)}/flavor/${flavor.name}`,
        target: entry.target,
        resource: `flavor ${flavor.name}`,
        call: 'POST /flavors',
        destructive: false,
        operation: { kind: 'create-flavor', flavor } as const,
      };
      if ('error' in entry) {
        steps.push({ ...base, change: 'create', reason: `current flavors unknown (${entry.error}); looked up again before creating` });
        continue;
      }
      const existing = entry.flavors.find((candidate) => candidate.name === flavor.name);
      if (!existing) steps.push({ ...base, change: 'create', reason: describeShape(flavor) });
      else if (sameFlavorShape(existing, flavor)) steps.push({ ...base, change: 'no-change', call: '—' });
      else steps.push({ ...base, change: 'conflict', call: '—', reason: `${flavor.name} there is ${describeShape(existing)}; the reference is ${describeShape(flavor)}` });
    }
  }
  const targets = input.targets.filter((entry) => targetKey(entry.target) !== targetKey(input.reference)).length;
  return {
    id: input.planId,
    kind: 'flavor-parity',
    title: `Flavor parity: ${input.flavors.length} flavor${input.flavors.length === 1 ? '' : 's'} of ${targetKey(input.reference)} on ${targets} target${targets === 1 ? '' : 's'}`,
    createdAt: input.now,
    steps,
  };
}
