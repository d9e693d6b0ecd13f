import { afterEach, describe, expect, it } from 'vitest';
import type { SimFleetServer } from './serve-sim-fleet.ts';
import { serveSimFleet } from './serve-sim-fleet.ts';

let fleet: SimFleetServer | undefined;

afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

/** A port range unlikely to collide with the dev servers or other test runs. */
function basePort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

describe('serveSimFleet', () => {
  it('serves each cloud on its own loopback origin over real HTTP', async () => {
    fleet = await serveSimFleet('regional=1x2,sites=1,servers=5,seed=3,fault.ams=down', { host: '127.0.0.1', basePort: basePort() });
    expect(fleet.origins).toHaveLength(2);
    const [core, ams] = fleet.clouds();
    if (!core || !ams) throw new Error('expected two clouds');
    expect(core.authUrl).toBe(`${fleet.origins[0]}/identity/v3`);

    const auth = await fetch(`${core.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:5173' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: core.username, domain: { name: 'Default' }, password: core.password } } },
          scope: { project: { name: core.projectName, domain: { name: 'Default' } } },
        },
      }),
    });
    expect(auth.status).toBe(201);
    expect(auth.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const token = auth.headers.get('x-subject-token') ?? '';
    const servers = await fetch(`${fleet.origins[0]}/eu-central-1/compute/v2.1/servers/detail`, { headers: { 'X-Auth-Token': token } });
    expect(servers.status).toBe(200);
    expect(servers.headers.get('x-openstack-request-id')).toMatch(/^req-/);
    expect(Array.isArray(((await servers.json()) as { servers: unknown[] }).servers)).toBe(true);

    await expect(fetch(`${ams.authUrl}`)).rejects.toThrow(TypeError);
  });

  it('frees its ports on close', async () => {
    const port = basePort();
    fleet = await serveSimFleet('sites=1,seed=1', { host: '127.0.0.1', basePort: port });
    await fleet.close();
    fleet = await serveSimFleet('sites=1,seed=1', { host: '127.0.0.1', basePort: port });
    expect((await fetch(`${fleet.origins[0]}/identity/v3`)).status).toBe(200);
  });
});
