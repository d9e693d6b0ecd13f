import { describe, expect, it } from 'vitest';
import { LAUNCH_METADATA_KEY, launchMarker, parseWantedFlavor, planFanOutLaunch, type LaunchSpec, type TargetLaunchState } from './launch-plan.ts';

const SPEC: LaunchSpec = { name: 'web-1', image: { name: 'ubuntu-24.04' }, flavor: { vcpus: 2, ram: 4096, disk: 40 }, network: 'private', keypair: 'deploy' };

function site(cloud: string, overrides: Partial<Extract<TargetLaunchState, { state: 'read' }>> = {}): TargetLaunchState {
  return {
    target: { cloud, region: 'RegionOne' },
    state: 'read',
    images: [{ id: `${cloud}-img`, name: 'ubuntu-24.04', status: 'active', checksum: 'c1' }],
    flavors: [
      { id: `${cloud}-big`, name: 'm1.medium.eph', vcpus: 2, ram: 4096, disk: 40, ephemeral: 10, swap: 0 },
      { id: `${cloud}-med`, name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40, ephemeral: 0, swap: 0 },
      { id: `${cloud}-small`, name: 'm1.small', vcpus: 1, ram: 2048, disk: 20, ephemeral: 0, swap: 0 },
    ],
    networks: [{ id: `${cloud}-net` }],
    keypairPresent: true,
    servers: [],
    ...overrides,
  };
}

function plan(targets: TargetLaunchState[], spec: LaunchSpec = SPEC) {
  return planFanOutLaunch({ planId: 'p1', now: 0, spec, targets });
}

describe('planFanOutLaunch', () => {
  it("boots on each site with that site's own ids, the flavor matched by shape, tagged with the launch", () => {
    const result = plan([site('ams'), site('fra')]);
    expect(result.kind).toBe('fan-out-launch');
    expect(result.steps.map((step) => [step.target.cloud, step.change, step.call])).toEqual([
      ['ams', 'create', 'POST /servers'],
      ['fra', 'create', 'POST /servers'],
    ]);
    expect(result.steps[1]?.operation).toEqual({
      kind: 'create-server',
      name: 'web-1',
      imageId: 'fra-img',
      flavorId: 'fra-med',
      networkId: 'fra-net',
      keyName: 'deploy',
      metadata: { [LAUNCH_METADATA_KEY]: launchMarker(SPEC) },
    });
    expect(result.steps[0]?.reason).toBe('image ams-img, flavor m1.medium (ams-med), network ams-net, key pair deploy');
  });

  it('names everything that cannot be resolved on a site and sends nothing there', () => {
    const result = plan([site('ams'), site('lon', { images: [], networks: [], keypairPresent: false, flavors: [] })]);
    expect(result.steps.map((step) => step.change)).toEqual(['create', 'conflict']);
    expect(result.steps[1]?.reason).toBe('not resolved here: image ubuntu-24.04; flavor 2 vCPU/4096 MB/40 GB; network private; key pair deploy');
  });

  it('tells apart an image of other data (checksum) and ambiguous names', () => {
    const withChecksum: LaunchSpec = { ...SPEC, image: { name: 'ubuntu-24.04', checksum: 'c2' } };
    expect(plan([site('ams')], withChecksum).steps[0]?.reason).toContain('image ubuntu-24.04 with checksum c2 (only other data under that name)');
    const twoImages = site('ams', { images: [{ id: 'a', name: 'ubuntu-24.04', status: 'active' }, { id: 'b', name: 'ubuntu-24.04', status: 'active' }] });
    expect(plan([twoImages]).steps[0]?.reason).toContain('2 active images have that name; give a checksum to choose');
    const twoNetworks = site('ams', { networks: [{ id: 'n1' }, { id: 'n2' }] });
    expect(plan([twoNetworks]).steps[0]?.reason).toContain('network private: 2 networks have that name');
    const queued = site('ams', { images: [{ id: 'q', name: 'ubuntu-24.04', status: 'queued' }] });
    expect(plan([queued]).steps[0]?.change).toBe('conflict');
  });

  it('finds a flavor by name when one is named', () => {
    const result = plan([site('ams')], { ...SPEC, flavor: { name: 'm1.small' } });
    expect(result.steps[0]?.operation).toMatchObject({ flavorId: 'ams-small' });
  });

  it("is no change where this launch's server is there; a same-named server of anything else is a conflict", () => {
    const ours = site('ams', { servers: [{ id: 's1', name: 'web-1', metadata: { [LAUNCH_METADATA_KEY]: launchMarker(SPEC) } }] });
    const foreign = site('fra', { servers: [{ id: 's2', name: 'web-1', metadata: {} }] });
    const result = plan([ours, foreign]);
    expect(result.steps.map((step) => step.change)).toEqual(['no-change', 'conflict']);
    expect(result.steps[1]?.reason).toContain('not from this launch');
  });

  it('cannot resolve a site whose state could not be read, and says why', () => {
    const result = plan([{ target: { cloud: 'vie', region: 'RegionOne' }, state: 'unknown', error: 'connection refused' }]);
    expect(result.steps[0]?.change).toBe('conflict');
    expect(result.steps[0]?.reason).toContain('connection refused');
  });
});

describe('parseWantedFlavor', () => {
  it('reads a shape or a name', () => {
    expect(parseWantedFlavor('2/4096/40')).toEqual({ vcpus: 2, ram: 4096, disk: 40 });
    expect(parseWantedFlavor(' m1.small ')).toEqual({ name: 'm1.small' });
    expect(parseWantedFlavor('')).toBeUndefined();
    expect(parseWantedFlavor('0/4096/40')).toBeUndefined();
  });
});
