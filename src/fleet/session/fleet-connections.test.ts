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

function fakeClientFactory(revokeFails: (cloud: string) => boolean = () => false) {
  const created: Array<{ options: CloudClientOptions; signOut: ReturnType<typeof vi.fn>; revoke: ReturnType<typeof vi.fn> }> = [];
  const createClient = (options: CloudClientOptions) => {
    const projectId = options.scope?.projectId ?? 'own';
    const project = { id: projectId, name: `name-${projectId}` };
    // Like the real client: a signed-in session is one token; signOut drops it locally, revoke revokes what it held.
    let live = false;
    let held = 0;
    const signOut = vi.fn(() => {
      live = false;
    });
    const revoke = vi.fn(async () => {
      live = false;
      if (revokeFails(options.cloud)) throw new Error(`${options.cloud} Keystone down`);
      const count = held;
      held = 0;
      return count;
    });
    created.push({ options, signOut, revoke });
    return {
      cloud: options.cloud,
      signOut,
      revoke,
      signIn: async () => {
        live = true;
        held += 1;
        return { project };
      },
      session: () => (live ? { project } : undefined),
      projects: async () => [{ id: 'p1', name: 'one' }, { id: 'p2', name: 'two' }],
    } as unknown as CloudClient;
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

  it('keeps one client, and so one token, per (cloud, project)', () => {
    const { created, createClient } = fakeClientFactory();
    const connections = createFleetConnections({ policy: createHttpPolicy(), createClient });
    const ams = definition('ams');
    const own = connections.clientFor(ams);
    const p1 = connections.clientForProject(ams, 'p1');
    expect(connections.clientForProject(ams, 'p1')).toBe(p1);
    expect(p1).not.toBe(own);
    expect(created.map((c) => c.options.scope)).toEqual([undefined, { projectId: 'p1' }]);
    connections.retain([definition('ams', 'changed')]);
    expect(created.map((c) => c.signOut.mock.calls.length)).toEqual([1, 1]);
  });

  it('lists the user’s projects, but only its own project for an application credential', async () => {
    const { createClient } = fakeClientFactory();
    const connections = createFleetConnections({ policy: createHttpPolicy(), createClient });
    expect((await connections.projectsOf(definition('ams'))).map((p) => p.id)).toEqual(['p1', 'p2']);
    const appCred: CloudDefinition = { ...definition('fra'), auth: { type: 'applicationCredential', id: 'ac', secret: 's' } };
    expect(await connections.projectsOf(appCred)).toEqual([{ id: 'own', name: 'name-own' }]);
  });

  it('revokes every token held, by clients in use and by clients let go of, and reports each failure by cloud', async () => {
    const { created, createClient } = fakeClientFactory((cloud) => cloud === 'fra');
    const connections = createFleetConnections({ policy: createHttpPolicy(), createClient });
    const ams = definition('ams');
    const fra = definition('fra');
    const amsOwn = connections.clientFor(ams);
    await amsOwn.signIn();
    await connections.clientForProject(ams, 'p2').signIn();
    await connections.clientFor(fra).signIn();
    connections.clientFor(definition('par'));
    // Another password for par: its first client is let go of, but the token it held is still to be revoked.
    await connections.clientFor(definition('par')).signIn();
    const retiredPar = connections.clientFor(definition('par', 'other'));
    await retiredPar.signIn();
    connections.retain([ams, fra]);

    const outcomes = await connections.revokeAll();
    expect(created.map((c) => c.revoke.mock.calls.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(outcomes.map(({ cloud, project, revoked, error }) => [cloud, project, revoked, error === undefined ? 'ok' : String(error)])).toEqual([
      ['par', undefined, 1, 'ok'],
      ['par', undefined, 1, 'ok'],
      ['ams', 'name-own', 1, 'ok'],
      ['ams', 'name-p2', 1, 'ok'],
      ['fra', 'name-own', 0, 'Error: fra Keystone down'],
    ]);
    expect(connections.clientFor(ams)).not.toBe(amsOwn);
    expect(await connections.revokeAll()).toEqual([]);
  });
});
