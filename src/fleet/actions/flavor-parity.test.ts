import { describe, expect, it } from 'vitest';
import type { FlavorShape } from '../../openstack/index.ts';
import { compareExtraSpecs, planFlavorParity } from './flavor-parity.ts';

const small: FlavorShape = { name: 'm1.small', vcpus: 1, ram: 2048, disk: 20, ephemeral: 0, swap: 0, isPublic: true, extraSpecs: {} };
const large: FlavorShape = { name: 'm1.large', vcpus: 4, ram: 8192, disk: 80, ephemeral: 0, swap: 0, isPublic: true, extraSpecs: {} };
const pinned: FlavorShape = { name: 'c1.pinned', vcpus: 8, ram: 8192, disk: 40, ephemeral: 0, swap: 0, isPublic: true, extraSpecs: { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large' } };

const reference = { cloud: 'core', region: 'eu-west-1' };

function planFor(flavors: FlavorShape[], there: FlavorShape[] | { error: string }) {
  const target = { cloud: 'fra', region: 'RegionOne' };
  return planFlavorParity({ planId: 'p', now: 0, reference, flavors, targets: [Array.isArray(there) ? { target, flavors: there } : { target, ...there }] });
}

describe('planFlavorParity', () => {
  it('creates missing flavors, leaves identical ones and flags a same-named flavor of another shape', () => {
    const plan = planFlavorParity({
      planId: 'p',
      now: 0,
      reference,
      flavors: [small, large],
      targets: [
        { target: { cloud: 'core', region: 'eu-west-1' }, flavors: [small, large] },
        { target: { cloud: 'ams', region: 'RegionOne' }, flavors: [{ ...small, description: 'another text' }, { ...large, ram: 16384 }] },
        { target: { cloud: 'fra', region: 'RegionOne' }, flavors: [] },
        { target: { cloud: 'par', region: 'RegionOne' }, error: 'connection refused' },
      ],
    });
    expect(plan.steps.map((step) => [step.target.cloud, step.resource, step.change])).toEqual([
      ['ams', 'flavor m1.small', 'no-change'],
      ['ams', 'flavor m1.large', 'conflict'],
      ['fra', 'flavor m1.small', 'create'],
      ['fra', 'flavor m1.large', 'create'],
      ['par', 'flavor m1.small', 'create'],
      ['par', 'flavor m1.large', 'create'],
    ]);
    expect(plan.steps[1]?.reason).toContain('16384 MB RAM');
    expect(plan.steps[4]?.reason).toContain('connection refused');
    expect(plan.steps[2]?.operation).toEqual({ kind: 'create-flavor', flavor: small });
    expect(plan.title).toBe('Flavor parity: 2 flavors of core/eu-west-1 on 3 targets');
  });

  it('creates a missing flavor together with its extra specs, and says which', () => {
    const [step] = planFor([pinned], []).steps;
    expect(step).toMatchObject({ change: 'create', call: 'POST /flavors, POST /flavors/{id}/os-extra_specs', operation: { kind: 'create-flavor', flavor: pinned } });
    expect(step?.reason).toBe('8 vCPU, 8192 MB RAM, 40 GB disk; with 2 extra specs (hw:cpu_policy=dedicated, hw:mem_page_size=large)');
  });

  it('leaves a flavor with the same extra specs alone, whatever keys only the target has', () => {
    expect(planFor([pinned], [pinned]).steps.map((step) => [step.change, step.reason])).toEqual([['no-change', undefined]]);
    const withMore = { ...pinned, extraSpecs: { ...pinned.extraSpecs, 'trait:HW_CPU_X86_AVX2': 'required' } };
    expect(planFor([pinned], [withMore]).steps.map((step) => [step.change, step.reason])).toEqual([
      ['no-change', '1 extra spec only there left as they are (trait:HW_CPU_X86_AVX2)'],
    ]);
  });

  it('adds the extra specs a same-shaped flavor lacks, as a change in place', () => {
    const lacking = { ...pinned, extraSpecs: { 'hw:cpu_policy': 'dedicated', 'aggregate_instance_extra_specs:ssd': 'true' } };
    const [step] = planFor([pinned], [lacking]).steps;
    expect(step).toMatchObject({
      change: 'change',
      call: 'POST /flavors/{id}/os-extra_specs',
      destructive: false,
      operation: { kind: 'set-flavor-extra-specs', flavorName: 'c1.pinned', extraSpecs: { 'hw:mem_page_size': 'large' } },
    });
    expect(step?.reason).toBe('adds hw:mem_page_size=large; 1 extra spec only there left as they are (aggregate_instance_extra_specs:ssd)');
  });

  it('calls a same-shaped flavor whose extra spec has another value a conflict naming the keys, and sends nothing', () => {
    const other = { ...pinned, extraSpecs: { 'hw:cpu_policy': 'shared' } };
    const [step] = planFor([pinned], [other]).steps;
    expect(step?.change).toBe('conflict');
    expect(step?.call).toBe('—');
    expect(step?.reason).toBe('extra specs differ: hw:cpu_policy is shared there, dedicated in the reference; also lacks hw:mem_page_size=large; not overwritten');
  });

  it('does not compare extra specs it could not read at the reference, and reads them again at a target it could not read', () => {
    const unknownAtReference = { ...pinned, extraSpecs: undefined };
    expect(planFor([unknownAtReference], [{ ...pinned, extraSpecs: { 'hw:cpu_policy': 'shared' } }]).steps.map((step) => [step.change, step.reason])).toEqual([
      ['no-change', 'the reference’s extra specs could not be read: not compared'],
    ]);
    const [step] = planFor([pinned], [{ ...pinned, extraSpecs: undefined }]).steps;
    expect(step).toMatchObject({ change: 'change', operation: { kind: 'set-flavor-extra-specs', extraSpecs: pinned.extraSpecs } });
    expect(step?.reason).toContain('extra specs there unknown');
    expect(planFor([small], [{ ...small, extraSpecs: undefined }]).steps.map((step) => step.change)).toEqual(['no-change']);
    expect(planFor([unknownAtReference], []).steps.map((step) => [step.change, step.reason])).toEqual([
      ['create', '8 vCPU, 8192 MB RAM, 40 GB disk; without extra specs: the reference’s could not be read'],
    ]);
  });
});

describe('compareExtraSpecs', () => {
  it('splits wanted keys into missing and differing, and names the keys only the target has', () => {
    expect(compareExtraSpecs({ a: '1', b: '2', c: '3' }, { b: '2', c: '4', d: '5' })).toEqual({
      missing: { a: '1' },
      differing: [{ key: 'c', wanted: '3', there: '4' }],
      onlyThere: ['d'],
    });
  });
});
