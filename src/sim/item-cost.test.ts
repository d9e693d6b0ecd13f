import { describe, expect, it } from 'vitest';
import type { SimCloudInfo, SimFleet } from './sim-fleet.ts';
import { createSimFleet } from './sim-fleet.ts';

const originFor = (name: string) => `https://${name}.sim.invalid`;

/** The fleet with its waits recorded instead of slept, so the test sees what each answer cost. */
function recordingFleet(spec: string): { sim: SimFleet; cloud: SimCloudInfo; waits: number[] } {
  const waits: number[] = [];
  const sim = createSimFleet(spec, {
    originFor,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  const [cloud] = sim.clouds();
  if (!cloud) throw new Error('the spec has no cloud');
  return { sim, cloud, waits };
}

async function answer(sim: SimFleet, url: string, init?: RequestInit): Promise<Response> {
  const response = await sim.handle(new Request(url, init));
  if (!response) throw new Error(`not a simulated origin: ${url}`);
  return response;
}

async function signIn(sim: SimFleet, cloud: SimCloudInfo): Promise<string> {
  const body = {
    auth: {
      identity: { methods: ['password'], password: { user: { name: cloud.username, domain: { name: 'Default' }, password: cloud.password } } },
      scope: { project: { name: cloud.projectName, domain: { name: 'Default' } } },
    },
  };
  const response = await answer(sim, `${cloud.authUrl}/auth/tokens`, { method: 'POST', body: JSON.stringify(body) });
  const token = response.headers.get('X-Subject-Token');
  if (token === null) throw new Error(`sign-in failed: ${response.status}`);
  return token;
}

const serversUrl = (cloud: SimCloudInfo, query: string) => `${originFor(cloud.name)}/RegionOne/compute/v2.1/servers/detail?all_tenants=1&${query}`;

describe('per-item server cost (itemcost=)', () => {
  it('makes a server page cost its latency plus the per-item cost of every server on it', async () => {
    const { sim, cloud, waits } = recordingFleet('sites=1,servers=50,seed=3,latency=30,itemcost=2000');
    const token = await signIn(sim, cloud);
    waits.length = 0;
    const response = await answer(sim, serversUrl(cloud, 'limit=10'), { headers: { 'X-Auth-Token': token } });
    const { servers } = (await response.json()) as { servers: unknown[] };
    expect(servers).toHaveLength(10);
    expect(waits).toEqual([30, 10 * 2]);
  });

  it('charges nothing beyond the latency for an answer that lists nothing', async () => {
    const { sim, cloud, waits } = recordingFleet('sites=1,servers=50,seed=3,latency=30,itemcost=2000');
    await signIn(sim, cloud);
    expect(waits).toEqual([30]);
  });

  it('costs nothing per item by default', async () => {
    const { sim, cloud, waits } = recordingFleet('sites=1,servers=50,seed=3,latency=30');
    const token = await signIn(sim, cloud);
    waits.length = 0;
    await answer(sim, serversUrl(cloud, 'limit=40'), { headers: { 'X-Auth-Token': token } });
    expect(waits).toEqual([30]);
  });
});
