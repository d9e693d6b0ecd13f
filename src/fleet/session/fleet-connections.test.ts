import { describe, expect, it, vi } from 'vitest';
import { createHttpPolicy, type CloudClient, type CloudClientOptions } from '../../openstack/index.ts';
import type { CloudDefinition } from '../registry/cloud-definition.ts';
import { createFleetConnections } from './fleet-connections.ts';

const definition = (name: string, password = 'pw'): CloudDefinition => ({
  name,
  authUrl: `https://${name}.example.test/v3`,
  auth: { type: 'password', username: 'ops', password },
  transport: { kind: 'direct' },
  source: 'user',
});

function fakeClientFactory() {
  const created: Array<{ options: CloudClientOptions; signOut: ReturnType<typeof vi.fn> }> = [];
  const createClient = (options: CloudClientOptions) => {
    const signOut = vi.fn();
    created.push({ options, signOut });
    return { cloud: options.cloud, signOut } as unknown as CloudClient;
  };
  return { created, createClient };
}

describe('fleet connections', () => {
  it('reuses one client per cloud definition and shares the fleet policy', () => {
    const policy = createHttpPolicy();
    const { created, createClient } = fakeClientFactory();
    const connections = createFleetConnections({ policy, createClient });
    const ams = definition('ams');
    expect(connections.clientFor(ams)).toBe(connections.clientFor(ams));
    connections.clientFor(definition('fra'));
    expect(created).toHaveLength(2);
    expect(created.every((c) => c.options.policy === policy)).toBe(true);
  });

  it('signs out and replaces the client when the definition changes', () => {
    const { created, createClient } = fakeClientFactory();
    const connections = createFleetConnections({ policy: createHttpPolicy(), createClient });
    connections.clientFor(definition('ams', 'old'));
    connections.clientFor(definition('ams', 'new'));
    expect(created).toHaveLength(2);
    expect(created[0]?.signOut).toHaveBeenCalledOnce();
    expect(created[1]?.options.auth).toMatchObject({ password: 'new' });
  });

  it('retains only the clients of clouds still defined the same way, signing the others out', () => {
    const { created, createClient } = fakeClientFactory();
    const connections = createFleetConnections({ policy: createHttpPolicy(), createClient });
    const ams = definition('ams');
    const fra = definition('fra');
    const par = definition('par');
    const amsClient = connections.clientFor(ams);
    connections.clientFor(fra);
    connections.clientFor(par);
    connections.retain([ams, definition('par', 'changed')]);
    expect(created.map((c) => c.signOut.mock.calls.length)).toEqual([0, 1, 1]);
    expect(connections.clientFor(ams)).toBe(amsClient);
    expect(created).toHaveLength(3);
  });
});
