import { describe, expect, it } from 'vitest';
import type { FlavorShape } from '../../openstack/index.ts';
import { planFlavorParity } from './flavor-parity.ts';

const small: FlavorShape = { name: 'm1.small', vcpus: 1, ram: 2048, disk: 20, ephemeral: 0, swap: 0, isPublic: true };
const large: FlavorShape = { name: 'm1.large', vcpus: 4, ram: 8192, disk: 80, ephemeral: 0, swap: 0, isPublic: true };

describe('planFlavorParity', () => {
  it('creates missing flavors, leaves identical ones and flags a same-named flavor of another shape', () => {
    const plan = planFlavorParity({
      planId: 'p',
      now: 0,
      reference: { cloud: 'core', region: 'eu-west-1' },
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
});
