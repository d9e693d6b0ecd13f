import { describe, expect, it } from 'vitest';
import type { SimCloudInfo, SimFleet } from './sim-fleet.ts';
import { createSimFleet } from './sim-fleet.ts';

const originFor = (name: string) => `https://${name}.sim.invalid`;

async function signIn(sim: SimFleet, cloud: SimCloudInfo): Promise<Response | undefined> {
  return sim.handle(
    new Request(`${cloud.authUrl}/auth/tokens`, {
      method: 'POST',
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: cloud.username, domain: { name: 'Default' }, password: cloud.password } } },
          scope: { project: { name: cloud.projectName, domain: { name: 'Default' } } },
        },
      }),
    }),
  );
}

function cloudNamed(sim: SimFleet, name: string): SimCloudInfo {
  const cloud = sim.clouds().find((c) => c.name === name);
  if (!cloud) throw new Error(`no cloud ${name}`);
  return cloud;
}

async function tokenFor(sim: SimFleet, name: string): Promise<string> {
  const response = await signIn(sim, cloudNamed(sim, name));
  return response?.headers.get('X-Subject-Token') ?? '';
}

describe('faults', () => {
  it('down: handle rejects with a TypeError like a refused fetch; other clouds answer', async () => {
    const sim = createSimFleet('sites=2,seed=1,fault.ams=down', { originFor });
    await expect(signIn(sim, cloudNamed(sim, 'ams'))).rejects.toBeInstanceOf(TypeError);
    expect((await signIn(sim, cloudNamed(sim, 'fra')))?.status).toBe(201);
  });

  it('ratelimit: 429 with Retry-After and the service’s error body', async () => {
    const sim = createSimFleet('sites=1,seed=1,fault.ams=ratelimit:1', { originFor });
    const response = await sim.handle(new Request('https://ams.sim.invalid/RegionOne/compute/v2.1/servers/detail', { headers: { Origin: 'http://localhost' } }));
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(response?.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
    expect(Object.keys((await response?.json()) as object)).toEqual(['overLimit']);
  });

  it('http5xx: a mix of 500, 502 and 503 at the given rate', async () => {
    const sim = createSimFleet('sites=1,seed=1,fault.ams=http5xx:1', { originFor });
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const response = await sim.handle(new Request('https://ams.sim.invalid/RegionOne/network/v2.0/networks'));
      statuses.add(response?.status ?? 0);
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);
  });

  it('expire: a token answers 401 once the injected clock passes its lifetime', async () => {
    let now = Date.UTC(2025, 0, 1);
    const sim = createSimFleet('sites=1,seed=1,fault.ams=expire:60', { originFor, now: () => now });
    const response = await signIn(sim, cloudNamed(sim, 'ams'));
    const body = (await response?.json()) as { token: { expires_at: string; issued_at: string } };
    expect(Date.parse(body.token.expires_at) - Date.parse(body.token.issued_at)).toBe(60_000);
    const token = response?.headers.get('X-Subject-Token') ?? '';
    const get = () => sim.handle(new Request('https://ams.sim.invalid/RegionOne/image/v2/images', { headers: { 'X-Auth-Token': token } }));
    now += 59_000;
    expect((await get())?.status).toBe(200);
    now += 1_000;
    expect((await get())?.status).toBe(401);
  });

  it('latency and slowpage: waits through the injected sleep', async () => {
    const waits: number[] = [];
    const sim = createSimFleet('sites=1,seed=1,latency=30,fault.ams=slowpage:500', { originFor, sleep: async (ms) => void waits.push(ms) });
    const token = await tokenFor(sim, 'ams');
    waits.length = 0;
    await sim.handle(new Request('https://ams.sim.invalid/RegionOne/image/v2/images?limit=1', { headers: { 'X-Auth-Token': token } }));
    await sim.handle(new Request('https://ams.sim.invalid/RegionOne/image/v2/images?limit=1&marker=x', { headers: { 'X-Auth-Token': token } }));
    expect(waits).toEqual([30, 530]);
  });

  it('malformed: the server listing is cut mid-JSON', async () => {
    const sim = createSimFleet('sites=1,seed=1,fault.ams=malformed', { originFor });
    const token = await tokenFor(sim, 'ams');
    const response = await sim.handle(new Request('https://ams.sim.invalid/RegionOne/compute/v2.1/servers/detail', { headers: { 'X-Auth-Token': token } }));
    expect(response?.status).toBe(200);
    const text = (await response?.text()) ?? '';
    expect(text.startsWith('{"servers":')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('cellsdown: UNKNOWN partial records at ≥ 2.69, silently dropped below', async () => {
    const sim = createSimFleet('regional=1x1,cells=2,servers=60,seed=4,fault.core=cellsdown', { originFor });
    const token = await tokenFor(sim, 'core');
    const list = async (version: string) => {
      const response = await sim.handle(
        new Request('https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail?all_tenants=1', { headers: { 'X-Auth-Token': token, 'OpenStack-API-Version': `compute ${version}` } }),
      );
      return ((await response?.json()) as { servers: Record<string, unknown>[] }).servers;
    };
    const modern = await list('2.69');
    const unknown = modern.filter((s) => s.status === 'UNKNOWN');
    expect(unknown.length).toBeGreaterThan(0);
    expect(Object.keys(unknown[0] ?? {}).sort()).toEqual(['created', 'id', 'links', 'status', 'tenant_id']);
    const old = await list('2.68');
    expect(old.some((s) => s.status === 'UNKNOWN')).toBe(false);
    expect(old.length).toBe(modern.length - unknown.length);
  });

  it('role:member: 403 on admin-only Nova and Placement calls, servers still listed', async () => {
    const sim = createSimFleet('sites=1,seed=1,fault.ams=role:member', { originFor });
    const response = await signIn(sim, cloudNamed(sim, 'ams'));
    const body = (await response?.json()) as { token: { roles: { name: string }[] } };
    expect(body.token.roles.map((r) => r.name)).not.toContain('admin');
    const token = response?.headers.get('X-Subject-Token') ?? '';
    const get = (path: string) => sim.handle(new Request(`https://ams.sim.invalid/RegionOne${path}`, { headers: { 'X-Auth-Token': token } }));
    for (const path of ['/compute/v2.1/os-hypervisors/detail', '/compute/v2.1/os-services', '/compute/v2.1/os-aggregates']) {
      const denied = await get(path);
      expect(denied?.status).toBe(403);
      expect(Object.keys((await denied?.json()) as object)).toEqual(['forbidden']);
    }
    const placement = await get('/placement/resource_providers');
    expect(placement?.status).toBe(403);
    expect(((await placement?.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect((await get('/compute/v2.1/servers/detail'))?.status).toBe(200);
  });
});
