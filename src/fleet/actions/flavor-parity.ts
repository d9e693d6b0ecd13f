import { extraSpecsText, sameFlavorShape, type FlavorExtraSpecs, type FlavorShape } from '../../openstack/index.ts';
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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** How a target's extra specs stand against the wanted ones. */
export interface ExtraSpecsComparison {
  /** Wanted keys the target lacks, with the wanted values: what may be added. */
  missing: Record<string, string>;
  /** Keys both have, with other values. */
  differing: { key: string; wanted: string; there: string }[];
  /** Keys only the target has: left as they are. */
  onlyThere: string[];
}

export function compareExtraSpecs(wanted: FlavorExtraSpecs, there: FlavorExtraSpecs): ExtraSpecsComparison {
  const missing: Record<string, string> = {};
  const differing: ExtraSpecsComparison['differing'] = [];
  for (const key of Object.keys(wanted).sort()) {
    const value = wanted[key] ?? '';
    const current = there[key];
    if (current === undefined) missing[key] = value;
    else if (current !== value) differing.push({ key, wanted: value, there: current });
  }
  const onlyThere = Object.keys(there)
    .filter((key) => wanted[key] === undefined)
    .sort();
  return { missing, differing, onlyThere };
}

function createCall(flavor: FlavorShape): string {
  return flavor.extraSpecs && Object.keys(flavor.extraSpecs).length > 0 ? 'POST /flavors, POST /flavors/{id}/os-extra_specs' : 'POST /flavors';
}

function createReason(flavor: FlavorShape): string {
  if (flavor.extraSpecs === undefined) return `${describeShape(flavor)}; without extra specs: the reference’s could not be read`;
  const specs = flavor.extraSpecs;
  const count = Object.keys(specs).length;
  return `${describeShape(flavor)}${count > 0 ? `; with ${plural(count, 'extra spec')} (${extraSpecsText(specs)})` : ''}`;
}

/**
 * A flavor of the reference's name and shape is there: the extra specs decide.
 * Missing keys are added in place (a change: running servers keep the flavor
 * they were booted with; new boots and resizes get the keys). A key with
 * another value is a conflict and is never overwritten: it would move where
 * that cloud's new servers land and how they are pinned, which the cloud's
 * operators chose. Keys only the target has are left as they are.
 */
function sameShapeStep(base: Omit<PlanStep, 'change' | 'call' | 'operation'>, flavor: FlavorShape, existing: FlavorShape): PlanStep {
  const wanted = flavor.extraSpecs;
  const noChange = (reason?: string): PlanStep => ({ ...base, change: 'no-change', call: '—', reason, operation: { kind: 'create-flavor', flavor } });
  if (wanted === undefined) return noChange('the reference’s extra specs could not be read: not compared');
  if (existing.extraSpecs === undefined) {
    if (Object.keys(wanted).length === 0) return noChange();
    return {
      ...base,
      change: 'change',
      call: 'POST /flavors/{id}/os-extra_specs',
      reason: `extra specs there unknown; read again before adding ${extraSpecsText(wanted)}, and nothing set when a value differs`,
      operation: { kind: 'set-flavor-extra-specs', flavorName: flavor.name, extraSpecs: { ...wanted } },
    };
  }
  const { missing, differing, onlyThere } = compareExtraSpecs(wanted, existing.extraSpecs);
  const onlyThereNote = onlyThere.length > 0 ? `${plural(onlyThere.length, 'extra spec')} only there left as they are (${onlyThere.join(', ')})` : '';
  if (differing.length > 0) {
    const what = differing.map((entry) => `${entry.key} is ${entry.there} there, ${entry.wanted} in the reference`).join('; ');
    const alsoMissing = Object.keys(missing).length > 0 ? `; also lacks ${extraSpecsText(missing)}` : '';
    return { ...base, change: 'conflict', call: '—', reason: `extra specs differ: ${what}${alsoMissing}; not overwritten`, operation: { kind: 'create-flavor', flavor } };
  }
  if (Object.keys(missing).length === 0) return noChange(onlyThereNote || undefined);
  return {
    ...base,
    change: 'change',
    call: 'POST /flavors/{id}/os-extra_specs',
    reason: [`adds ${extraSpecsText(missing)}`, onlyThereNote].filter(Boolean).join('; '),
    operation: { kind: 'set-flavor-extra-specs', flavorName: flavor.name, extraSpecs: missing },
  };
}

/**
 * Flavor parity: every flavor of the reference, by name, on every target.
 * Missing → create with its extra specs (admin); same name and shape → the
 * extra specs decide (see sameShapeStep); same name, another shape →
 * conflict, never replaced (servers may use it, and Nova cannot resize a
 * flavor in place).
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
        destructive: false,
      };
      const create: PlanStep = { ...base, change: 'create', call: createCall(flavor), reason: createReason(flavor), operation: { kind: 'create-flavor', flavor } };
      if ('error' in entry) {
        steps.push({ ...create, reason: `current flavors unknown (${entry.error}); looked up again before creating` });
        continue;
      }
      const existing = entry.flavors.find((candidate) => candidate.name === flavor.name);
      if (!existing) steps.push(create);
      else if (sameFlavorShape(existing, flavor)) steps.push(sameShapeStep(base, flavor, existing));
      else steps.push({ ...create, change: 'conflict', call: '—', reason: `${flavor.name} there is ${describeShape(existing)}; the reference is ${describeShape(flavor)}` });
    }
  }
  const targets = input.targets.filter((entry) => targetKey(entry.target) !== targetKey(input.reference)).length;
  return {
    id: input.planId,
    kind: 'flavor-parity',
    title: `Flavor parity: ${plural(input.flavors.length, 'flavor')} of ${targetKey(input.reference)} on ${plural(targets, 'target')}`,
    createdAt: input.now,
    steps,
  };
}
