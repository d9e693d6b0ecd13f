import { describe, expect, it } from 'vitest';
import {
  isPartialComputeService,
  isPartialServer,
  type CloudClient,
  type FetchLike,
  type RequestEvent,
  type Server,
} from '../openstack/index.ts';
import { contractClient, failureOf, firstPage, type ContractClientOptions } from './contract-client.ts';
import type { ContractCloud, ContractTarget } from './contract-target.ts';
import { createSimTarget } from './sim-target.ts';

/**
 * How the real client behaves when a simulated cloud misbehaves, one fault
 * kind at a time (src/sim/README.md). Simulator only: a real lab cannot be
 * told to fail on cue. Time is a fake clock shared by the fleet and the
 * client, so waits are recorded instead of slept.
 */

const T0 = Date.UTC(2026, 2, 1, 12);
const MAX_ATTEMPTS = 4;

interface FakeClock {
  now(): number;
  advance(ms: number): void;
  sleep(ms: number): Promise<void>;
  /** Every wait the client asked for, in order. */
  readonly sleeps: number[];
}

function fakeClock(): FakeClock {
  let now = T0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function cloudOf(target: ContractTarget, name: string): ContractCloud {
  const cloud = target.clouds.find((c) => c.name === name);
  if (!cloud) throw new Error(`no cloud ${name} in the target`);
  return cloud;
}

function clientFor(target: ContractTarget, name: string, clock: FakeClock, options: ContractClientOptions = {}) {
  return contractClient(target.fetch, cloudOf(target, name), {
    ...options,
    policy: { sleep: clock.sleep, now: clock.now, random: () => 0.5, retry: { maxAttempts: MAX_ATTEMPTS }, ...options.policy },
  });
}

/** Every server, five a page; `afterPage` runs between pages (the next page is only asked for after it). */
async function allServers(client: CloudClient, region: string, afterPage?: (page: number) => void): Promise<Server[]> {
  const servers: Server[] = [];
  let page = 0;
  for await (const items of (await client.compute(region)).servers({ pageSize: 5, allTenants: true })) {
    servers.push(...items);
    page += 1;
    afterPage?.(page);
  }
  return servers;
}

/** Past the token's 300 s lifetime, once, after the first page. */
const expireAfterFirstPage = (clock: FakeClock) => (page: number) => {
  if (page === 1) clock.advance(301_000);
};

/** The same listing from the same fleet without its faults: what a faulty cloud must still end up showing. */
async function healthyServerIds(spec: string, cloud: string, region: string): Promise<string[]> {
  const target = createSimTarget(spec, { clouds: [cloud] });
  return (await allServers(clientFor(target, cloud, fakeClock()).client, region)).map((s) => s.id).sort();
}

function signIns(events: readonly RequestEvent[]): number {
  return events.filter((e) => e.method === 'POST' && e.url.endsWith('/auth/tokens') && e.status === 201).length;
}

/** Consecutive attempts of one request: a run starts at attempt 1. */
function attemptRuns(events: readonly RequestEvent[]): RequestEvent[][] {
  const runs: RequestEvent[][] = [];
  for (const event of events) {
    if (event.attempt === 1 || runs.length === 0) runs.push([event]);
    else runs[runs.length - 1]?.push(event);
  }
  return runs;
}

describe('client against a faulty simulated fleet', () => {
  it('down: a network error naming the cloud, while the other cloud of the fleet lists fine', async () => {
    const clock = fakeClock();
    const target = createSimTarget('sites=2,seed=3,fault.ams=down', { clouds: ['ams', 'fra'], now: clock.now });
    const ams = clientFor(target, 'ams', clock);
    const fra = clientFor(target, 'fra', clock);
    const [error, listed] = await Promise.all([failureOf(allServers(ams.client, 'RegionOne')), allServers(fra.client, 'RegionOne')]);
    expect(error).toMatchObject({ kind: 'network', cloud: 'ams' });
    expect(error.message).toContain('ams');
    // A refused connection is worth retrying; the sign-in is, up to the policy's attempts.
    expect(ams.wire).toHaveLength(MAX_ATTEMPTS);
    expect(listed).toHaveLength(cloudOf(target, 'fra').regions[0]?.counts.servers ?? -1);
  });

  it('http5xx: retries 502/503 up to the policy’s attempts, stops at a 500, then fails with status and request id', async () => {
    const clock = fakeClock();
    // Keystone healthy (a twin fleet without the fault signs in), the APIs behind a failing load balancer,
    // which answers before any token is checked: the retries under test are those of ordinary GETs.
    const keystone = createSimTarget('sites=1,seed=5', { now: clock.now });
    const apis = createSimTarget('sites=1,seed=5,fault.ams=http5xx:1', { now: clock.now });
    const fetch: FetchLike = (url, init) => (new URL(url).pathname.startsWith('/identity/') ? keystone : apis).fetch(url, init);
    const { client, events } = clientFor({ ...apis, fetch }, 'ams', clock);
    const image = await client.image('RegionOne');
    const attempts: number[] = [];
    for (let call = 0; call < 8; call += 1) {
      const before = events.length;
      const error = await failureOf(firstPage(image.images()));
      const runs = attemptRuns(events.slice(before));
      for (const run of runs) {
        const statuses = run.map((e) => e.status);
        expect(run.length).toBeLessThanOrEqual(MAX_ATTEMPTS);
        for (const status of statuses.slice(0, -1)) expect([502, 503]).toContain(status);
        expect(run.length === MAX_ATTEMPTS || statuses.at(-1) === 500).toBe(true);
      }
      const last = runs.at(-1)?.at(-1);
      expect(error).toMatchObject({ kind: 'http', cloud: 'ams', status: last?.status });
      expect(error.requestId).toBeTruthy();
      expect(error.requestId).toBe(last?.error?.requestId);
      attempts.push(runs.at(-1)?.length ?? 0);
    }
    // The seed gives both endings: a retry budget used up, and a 500 that is not retried.
    expect(attempts).toContain(MAX_ATTEMPTS);
    expect(attempts).toContain(1);
    const retries = attemptRuns(events.filter((e) => e.service !== 'identity')).reduce((sum, run) => sum + run.length - 1, 0);
    expect(clock.sleeps).toHaveLength(retries);
  });

  it('ratelimit: waits each Retry-After, then completes the listing', async () => {
    const clock = fakeClock();
    const spec = 'sites=1,seed=2,fault.ams=ratelimit:0.3';
    const target = createSimTarget(spec, { now: clock.now });
    const retryAfters: number[] = [];
    const fetch: FetchLike = async (url, init) => {
      const response = await target.fetch(url, init);
      if (response.status === 429) retryAfters.push(Number(response.headers.get('retry-after')) * 1000);
      return response;
    };
    const { client } = clientFor({ ...target, fetch }, 'ams', clock, { policy: { retry: { maxAttempts: 10 } } });
    const ids = (await allServers(client, 'RegionOne')).map((s) => s.id).sort();
    expect(retryAfters.length).toBeGreaterThan(0);
    expect(clock.sleeps).toEqual(retryAfters);
    expect(ids).toEqual(await healthyServerIds('sites=1,seed=2', 'ams', 'RegionOne'));
  });

  describe('expire: the token runs out mid-listing', () => {
    const spec = 'regional=1x1,servers=40,seed=6,fault.core=expire:300';

    it('renews once before the next page when the clock says so, and the listing is whole', async () => {
      const clock = fakeClock();
      const target = createSimTarget(spec, { now: clock.now });
      const { client, events } = clientFor(target, 'core', clock);
      const servers = await allServers(client, 'eu-west-1', expireAfterFirstPage(clock));
      const ids = servers.map((s) => s.id);
      expect(signIns(events)).toBe(2);
      expect(events.some((e) => e.status === 401)).toBe(false);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(await healthyServerIds('regional=1x1,servers=40,seed=6', 'core', 'eu-west-1'));
    });

    it('re-authenticates once on a 401 when the browser’s clock lags the cloud’s, and the listing is whole', async () => {
      const clock = fakeClock();
      // The cloud's clock runs 10 minutes ahead: the client still believes in a token Keystone has expired.
      const target = createSimTarget(spec, { now: () => clock.now() + 600_000 });
      const { client, events } = clientFor(target, 'core', clock);
      const servers = await allServers(client, 'eu-west-1', expireAfterFirstPage(clock));
      const ids = servers.map((s) => s.id);
      expect(signIns(events)).toBe(2);
      expect(events.filter((e) => e.status === 401).length).toBeGreaterThanOrEqual(1);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(await healthyServerIds('regional=1x1,servers=40,seed=6', 'core', 'eu-west-1'));
    });
  });

  it('malformed: invalid-response naming the cloud, not retried, while the other cloud lists fine', async () => {
    const clock = fakeClock();
    const target = createSimTarget('sites=2,seed=3,fault.ams=malformed', { clouds: ['ams', 'fra'], now: clock.now });
    const ams = clientFor(target, 'ams', clock);
    const error = await failureOf(allServers(ams.client, 'RegionOne'));
    expect(error).toMatchObject({ kind: 'invalid-response', cloud: 'ams' });
    expect(error.message).toContain('ams');
    expect(ams.wire.filter((call) => call.url.includes('/servers/detail'))).toHaveLength(1);
    const fra = clientFor(target, 'fra', clock);
    expect(await allServers(fra.client, 'RegionOne')).toHaveLength(cloudOf(target, 'fra').regions[0]?.counts.servers ?? -1);
  });

  it('cellsdown: from 2.69 the unreachable cell’s servers and services come back as UNKNOWN records, not dropped', async () => {
    const clock = fakeClock();
    const healthy = 'regional=1x1,cells=2,servers=60,seed=4';
    const target = createSimTarget(`${healthy},fault.core=cellsdown`, { now: clock.now });
    const { client } = clientFor(target, 'core', clock);
    const compute = await client.compute('eu-west-1');
    const version = (await compute.microversion())?.split('.').map(Number) ?? [];
    expect((version[0] ?? 0) * 1000 + (version[1] ?? 0)).toBeGreaterThanOrEqual(2069);
    const servers = await allServers(client, 'eu-west-1');
    const partial = servers.filter(isPartialServer);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((s) => s.status === 'UNKNOWN')).toBe(true);
    expect(servers.map((s) => s.id).sort()).toEqual(await healthyServerIds(healthy, 'core', 'eu-west-1'));
    expect((await compute.services()).filter(isPartialComputeService).length).toBeGreaterThan(0);
  });

  it('role:member: admin-only listings are forbidden, the project’s own servers are not', async () => {
    const clock = fakeClock();
    const target = createSimTarget('sites=1,seed=3,fault.ams=role:member', { now: clock.now });
    const { client } = clientFor(target, 'ams', clock);
    const compute = await client.compute('RegionOne');
    const placement = await client.placement('RegionOne');
    const denied = [
      () => firstPage(compute.hypervisors()),
      () => compute.services(),
      () => compute.aggregates(),
      () => compute.availabilityZones(),
      () => placement.resourceProviders(),
      () => firstPage(compute.servers({ allTenants: true })),
    ];
    for (const call of denied) expect(await failureOf(call())).toMatchObject({ kind: 'forbidden', status: 403, cloud: 'ams' });
    let own = 0;
    for await (const page of compute.servers()) own += page.length;
    expect(own).toBeGreaterThan(0);
  });

  it('read-only: signs in, but a mutating request is refused before it reaches fetch', async () => {
    const clock = fakeClock();
    const target = createSimTarget('sites=1,seed=3', { now: clock.now });
    const { client, wire } = clientFor(target, 'ams', clock, { policy: { isReadOnly: () => true } });
    const http = await client.serviceHttp('compute', 'RegionOne');
    const sent = wire.length;
    expect(sent).toBeGreaterThan(0);
    const mutations = [
      () => http.request({ method: 'POST', url: 'servers', body: { server: { name: 'x', flavorRef: '1', imageRef: '' } } }),
      () => http.request({ method: 'DELETE', url: 'servers/00000000-0000-4000-8000-00000000c0de' }),
      () => http.request({ method: 'PUT', url: 'os-quota-sets/p', body: { quota_set: { instances: 1 } } }),
    ];
    for (const mutate of mutations) expect(await failureOf(mutate())).toMatchObject({ kind: 'read-only', cloud: 'ams' });
    expect(wire).toHaveLength(sent);
  });
});
