import { describe, expect, it } from 'vitest';
import type { SimFleet } from './sim-fleet.ts';
import { createSimFleet } from './sim-fleet.ts';

const originFor = (name: string) => `https://${name}.sim.invalid`;
const ORIGIN = 'http://127.0.0.1:4173';

async function tokenFor(sim: SimFleet, name: string): Promise<string> {
  const cloud = sim.clouds().find((c) => c.name === name);
  if (!cloud) throw new Error(`no cloud ${name}`);
  const response = await sim.handle(
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
  return response?.headers.get('X-Subject-Token') ?? '';
}

function servers(sim: SimFleet, token: string, query = ''): Promise<Response | undefined> {
  return sim.handle(new Request(`https://ams.sim.invalid/RegionOne/compute/v2.1/servers/detail${query}`, { headers: { 'X-Auth-Token': token, Origin: ORIGIN } }));
}

describe('faults of the wire', () => {
  it('pagesize: pages never exceed the cap and a next link carries on', async () => {
    const sim = createSimFleet('sites=1,servers=12,seed=1,fault.ams=pagesize:3', { originFor });
    const body = (await (await servers(sim, await tokenFor(sim, 'ams'), '?limit=1000'))?.json()) as { servers: unknown[]; servers_links?: { href: string }[] };
    expect(body.servers).toHaveLength(3);
    expect(new URL(body.servers_links?.[0]?.href ?? '').searchParams.get('limit')).toBe('3');
  });

  it('failpage: the first page answers, every later page is a 500', async () => {
    const sim = createSimFleet('sites=1,servers=12,seed=1,fault.ams=pagesize:3,fault.ams=failpage', { originFor });
    const token = await tokenFor(sim, 'ams');
    const first = (await (await servers(sim, token))?.json()) as { servers: Array<{ id: string }> };
    const next = await servers(sim, token, `?limit=3&marker=${first.servers[2]?.id ?? ''}`);
    expect(next?.status).toBe(500);
    expect(Object.keys((await next?.json()) as object)).toEqual(['computeFault']);
  });

  it('notjson, wrongtypes and huge: a 200 whose body the client cannot use', async () => {
    const sim = createSimFleet('sites=3,servers=4,seed=1,fault.ams=notjson,fault.fra=wrongtypes,fault.par=huge:2', { originFor });
    const get = async (name: string) => {
      const token = await tokenFor(sim, name);
      return sim.handle(new Request(`https://${name}.sim.invalid/RegionOne/compute/v2.1/servers/detail`, { headers: { 'X-Auth-Token': token } }));
    };
    const notJson = await get('ams');
    expect(notJson?.status).toBe(200);
    expect(notJson?.headers.get('Content-Type')).toBe('text/html');
    const text = (await notJson?.text()) ?? '';
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const wrong = (await (await get('fra'))?.json()) as { servers: unknown };
    expect(Array.isArray(wrong.servers)).toBe(false);
    const huge = await (await get('par'))?.text();
    expect(huge?.length).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('nocors: neither the preflight nor the answer carries CORS headers', async () => {
    const sim = createSimFleet('sites=1,seed=1,fault.ams=nocors', { originFor });
    const preflight = await sim.handle(
      new Request('https://ams.sim.invalid/identity/v3/auth/tokens', {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      }),
    );
    expect(preflight?.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const answer = await servers(sim, await tokenFor(sim, 'ams'));
    expect(answer?.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('hang: no answer until the client gives up', async () => {
    const sim = createSimFleet('sites=1,seed=1,fault.ams=hang', { originFor });
    const abort = new AbortController();
    const pending = sim.handle(new Request('https://ams.sim.invalid/identity/v3', { signal: abort.signal }));
    const settled = await Promise.race([pending.then(() => 'answered', () => 'failed'), new Promise((done) => setTimeout(() => done('waiting'), 50))]);
    expect(settled).toBe('waiting');
    abort.abort();
    await expect(pending).rejects.toBeInstanceOf(TypeError);
  });

  it('setFaults: an outage starts and clears while the fleet runs', async () => {
    const sim = createSimFleet('sites=2,seed=1', { originFor });
    const token = await tokenFor(sim, 'ams');
    sim.setFaults('ams', [{ kind: 'down' }]);
    await expect(servers(sim, token)).rejects.toBeInstanceOf(TypeError);
    sim.setFaults('ams', []);
    expect((await servers(sim, token))?.status).toBe(200);
    expect(() => sim.setFaults('nowhere', [])).toThrow(RangeError);
  });
});
