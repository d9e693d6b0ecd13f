import { describe, expect, it, vi } from 'vitest';
import { createHttpPolicy, DIRECT, type CloudClient } from '../openstack/index.ts';
import { createFleetRuntime } from './fleet-runtime.ts';
import { createCloudRegistryStore } from './registry/cloud-registry-store.ts';
import { definitionRevision } from './registry/definition-revision.ts';
import { userCloud } from './registry/test-clouds.ts';
import { createFleetConnections } from './session/fleet-connections.ts';

function runtimeWith(names: string[]) {
  const signOuts = new Map<string, ReturnType<typeof vi.fn>>();
  const connections = createFleetConnections({
    policy: createHttpPolicy(),
    createClient: (options) => {
      const signOut = vi.fn();
      signOuts.set(options.cloud, signOut);
      return { cloud: options.cloud, signOut } as unknown as CloudClient;
    },
  });
  const registry = createCloudRegistryStore({ fixed: [], transportFor: () => DIRECT });
  registry.getState().addClouds(names.map((name) => userCloud(name, 'pw')));
  const runtime = createFleetRuntime({ origin: { kind: 'configured' }, registry, connections, transportFor: () => DIRECT, readOnly: false, configProblems: [], configWarnings: [] });
  for (const cloud of registry.getState().clouds) connections.clientFor(cloud);
  return { runtime, signOuts };
}

describe('the fleet runtime', () => {
  it('signs out the client of a cloud removed from the registry or given another secret, and keeps the others', () => {
    const { runtime, signOuts } = runtimeWith(['ams', 'fra', 'par']);
    const par = runtime.registry.getState().clouds[2];
    runtime.registry.getState().removeCloud('ams');
    runtime.registry.getState().setSecret('fra', 'new');
    expect([...signOuts].map(([name, signOut]) => [name, signOut.mock.calls.length])).toEqual([
      ['ams', 1],
      ['fra', 1],
      ['par', 0],
    ]);
    expect(runtime.registry.getState().clouds[1]).toBe(par);
  });

  it('gives a changed definition a new revision and an unchanged one the same', () => {
    const { runtime } = runtimeWith(['ams', 'fra']);
    const [ams, fra] = runtime.registry.getState().clouds;
    if (!ams || !fra) throw new Error('clouds missing');
    const before = [definitionRevision(ams), definitionRevision(fra)];
    runtime.registry.getState().setSecret('ams', 'other');
    const [amsAfter, fraAfter] = runtime.registry.getState().clouds;
    if (!amsAfter || !fraAfter) throw new Error('clouds missing');
    expect(definitionRevision(amsAfter)).not.toBe(before[0]);
    expect(definitionRevision(fraAfter)).toBe(before[1]);
  });
});
