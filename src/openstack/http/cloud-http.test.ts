import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { createCloudHttp } from './cloud-http.ts';
import { createFakeFetch, hangUntilAborted, jsonResponse, textResponse, type FakeHandler } from './fake-fetch.ts';
import { createHttpPolicy, type RequestEvent } from './http-policy.ts';
import { DIRECT, proxyPrefix, type Transport } from './transport.ts';

const AUTH = 'https://keystone.example.org:5000/v3';
const NOVA = 'https://nova.example.org/compute/v2.1';

interface SetupOptions {
  readOnly?: boolean;
  transport?: Transport;
  timeoutMs?: number;
}

function setup(handler: FakeHandler, options: SetupOptions = {}) {
  const fake = createFakeFetch(handler);
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const reauths: string[] = [];
  const transport = options.transport ?? DIRECT;
  let token = 'tok-1';
  const policy = createHttpPolicy({
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    observers: [(event) => events.push(event)],
    isReadOnly: () => options.readOnly ?? false,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  const http = createCloudHttp({
    cloud: 'prod',
    policy,
    transport,
    signInUrl: `${AUTH}/auth/tokens`,
    scope: () => ({ authUrl: AUTH, catalogOrigins: ['https://nova.example.org'], proxyPrefix: proxyPrefix(transport, 'prod') }),
    session: {
      token: async () => token,
      reauthenticate: async (rejected) => {
        reauths.push(rejected);
        token = `tok-${reauths.length + 1}`;
      },
    },
  });
  const compute = http.serviceHttp({ region: 'RegionOne', service: 'compute', baseUrl: NOVA });
  return { http, compute, fake, sleeps, events, reauths, policy };
}

async function failure(promise: Promise<unknown>): Promise<OpenStackError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OpenStackError)) throw new Error(`expected an OpenStackError, got ${String(error)}`);
  return error;
}

const ok: FakeHandler = () => jsonResponse(200, { servers: [] }, { 'x-openstack-request-id': 'req-ok' });

describe('cloud http: one binding per endpoint', () => {
  it('asks an endpoint for its version document once for the client, however often a view refreshes', async () => {
    const versions = { version: { id: 'v2.1', status: 'CURRENT', version: '2.90', min_version: '2.1', links: [] } };
    const { http, fake } = setup(() => jsonResponse(200, versions));
    const binding = { region: 'RegionOne', service: 'compute', baseUrl: NOVA };
    await negotiateMicroversion(http.serviceHttp(binding), 'compute');
    await negotiateMicroversion(http.serviceHttp({ ...binding }), 'compute');
    expect(fake.calls).toHaveLength(1);
    await negotiateMicroversion(http.serviceHttp({ ...binding, region: 'RegionTwo' }), 'compute');
    expect(fake.calls).toHaveLength(2);
  });
});

describe('cloud http: requests', () => {
  it('sends a GET with the token, JSON accept, no cookies, and the URL resolved under the version', async () => {
    const { compute, fake } = setup(ok);
    const response = await compute.request({ url: 'servers/detail', query: { limit: 2 } });
    const call = fake.calls[0];
    expect(call?.url).toBe('https://nova.example.org/compute/v2.1/servers/detail?limit=2');
    expect(call?.headers.get('x-auth-token')).toBe('tok-1');
    expect(call?.headers.get('accept')).toBe('application/json');
    expect(call?.init.credentials).toBe('omit');
    expect(call?.init.redirect).toBe('manual');
    expect(response).toMatchObject({ status: 200, body: { servers: [] }, requestId: 'req-ok' });
  });

  it('sends JSON bodies with a content type', async () => {
    const { compute, fake } = setup(() => jsonResponse(202, {}));
    await compute.request({ method: 'POST', url: 'servers/s1/action', body: { 'os-start': null } });
    expect(fake.calls[0]?.body).toEqual({ 'os-start': null });
    expect(fake.calls[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('returns undefined for an empty body', async () => {
    const { compute } = setup(() => new Response(null, { status: 204 }));
    expect((await compute.request({ method: 'DELETE', url: 'servers/s1' })).body).toBeUndefined();
  });

  it('rewrites URLs for a proxied cloud and still sends its token there', async () => {
    const { compute, fake } = setup(ok, { transport: { kind: 'proxy', basePath: '/os-proxy' } });
    await compute.request({ url: 'servers/detail', query: { marker: 'm1' } });
    expect(fake.calls[0]?.url).toBe('/os-proxy/prod/https/nova.example.org/443/compute/v2.1/servers/detail?marker=m1');
    expect(fake.calls[0]?.headers.get('x-auth-token')).toBe('tok-1');
  });
});

describe('cloud http: token isolation', () => {
  it('never attaches the token to an origin outside the catalog, even if the caller sets it', async () => {
    const { http, fake, events } = setup(ok);
    await http.send({ method: 'GET', url: 'https://metrics.elsewhere.example/v1/x', headers: { 'X-Auth-Token': 'tok-1' } });
    expect(fake.calls[0]?.headers.has('x-auth-token')).toBe(false);
    expect(fake.calls[0]?.init.redirect).toBe('follow');
    expect(events[0]?.tokenSent).toBe(false);
  });

  it('refuses a pagination link pointing to another origin before any request is made', async () => {
    const { compute, fake } = setup(ok);
    const error = await failure(compute.request({ url: 'https://attacker.example/compute/v2.1/servers/detail?marker=x' }));
    expect(error.kind).toBe('config');
    expect(error.url).toBe('https://attacker.example/compute/v2.1/servers/detail');
    expect(fake.calls).toHaveLength(0);
  });

  it('does not follow a redirect while carrying a token', async () => {
    const { compute, fake } = setup(() => new Response(null, { status: 302, headers: { Location: 'https://attacker.example/' } }));
    const error = await failure(compute.request({ url: 'servers' }));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('redirect');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('cloud http: retries', () => {
  it('retries 503 and 429 after the Retry-After delays, then succeeds', async () => {
    const answers = [
      () => textResponse(503, 'busy', { 'Retry-After': '2' }),
      () => textResponse(429, 'slow down', { 'Retry-After': '1' }),
      ok,
    ];
    const { compute, sleeps, events, fake } = setup((call) => (answers.shift() ?? ok)(call));
    await compute.request({ url: 'servers' });
    expect(sleeps).toEqual([2000, 1000]);
    expect(fake.calls).toHaveLength(3);
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 429],
      [3, 200],
    ]);
  });

  it('backs off with jitter when there is no Retry-After, and gives up after maxAttempts', async () => {
    const { compute, sleeps, fake } = setup(() => textResponse(502, 'Bad Gateway'));
    const error = await failure(compute.request({ url: 'servers' }));
    expect(fake.calls).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(error).toMatchObject({ kind: 'http', status: 502, apiMessage: 'Bad Gateway' });
  });

  it('retries network errors for GET', async () => {
    let failures = 1;
    const { compute, fake } = setup(() => {
      if (failures-- > 0) throw new TypeError('fetch failed');
      return ok({} as never);
    });
    await compute.request({ url: 'servers' });
    expect(fake.calls).toHaveLength(2);
  });

  it('never retries a POST, on 503 or on a network error', async () => {
    const busy = setup(() => textResponse(503, 'busy', { 'Retry-After': '1' }));
    expect((await failure(busy.compute.request({ method: 'POST', url: 'servers', body: {} }))).status).toBe(503);
    expect(busy.fake.calls).toHaveLength(1);

    const down = setup(() => Promise.reject(new TypeError('fetch failed')));
    expect((await failure(down.compute.request({ method: 'POST', url: 'servers', body: {} }))).kind).toBe('network');
    expect(down.fake.calls).toHaveLength(1);
    expect(down.sleeps).toEqual([]);
  });

  it('retries a POST the caller declares idempotent', async () => {
    const answers = [() => textResponse(503, 'busy'), ok];
    const { compute, fake } = setup((call) => (answers.shift() ?? ok)(call));
    await compute.request({ method: 'POST', url: 'os-server-external-events', body: {}, idempotent: true });
    expect(fake.calls).toHaveLength(2);
  });
});

describe('cloud http: re-authentication', () => {
  it('re-authenticates once on 401 and retries with the new token', async () => {
    const { compute, fake, reauths } = setup((call) => (call.headers.get('x-auth-token') === 'tok-1' ? jsonResponse(401, {}) : ok(call)));
    await compute.request({ url: 'servers' });
    expect(reauths).toEqual(['tok-1']);
    expect(fake.calls.map((c) => c.headers.get('x-auth-token'))).toEqual(['tok-1', 'tok-2']);
  });

  it('reports unauthorized after a second 401, without a second re-authentication', async () => {
    const body = { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } };
    const { compute, fake, reauths } = setup(() => jsonResponse(401, body, { 'x-openstack-request-id': 'req-401' }));
    const error = await failure(compute.request({ url: 'servers' }));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, requestId: 'req-401', cloud: 'prod' });
    expect(reauths).toHaveLength(1);
    expect(fake.calls).toHaveLength(2);
  });
});

describe('cloud http: read-only mode', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('refuses %s before fetch', async (method) => {
    const { compute, fake } = setup(ok, { readOnly: true });
    const error = await failure(compute.request({ method, url: 'servers/s1', body: {} }));
    expect(error).toMatchObject({ kind: 'read-only', method, cloud: 'prod', service: 'compute' });
    expect(fake.calls).toHaveLength(0);
  });

  it('lets reads and the Keystone sign-in through', async () => {
    const { http, compute, fake } = setup(ok, { readOnly: true });
    await compute.request({ url: 'servers' });
    await compute.request({ method: 'HEAD', url: 'servers' });
    await http.send({ method: 'POST', url: `${AUTH}/auth/tokens`, body: {}, credential: { kind: 'none' } });
    expect(fake.calls.map((c) => c.method)).toEqual(['GET', 'HEAD', 'POST']);
    const other = await failure(http.send({ method: 'POST', url: `${AUTH}/auth/tokens/extra`, body: {} }));
    expect(other.kind).toBe('read-only');
  });
});

describe('cloud http: errors', () => {
  it.each([
    [
      'Nova',
      404,
      'not-found',
      JSON.stringify({ itemNotFound: { code: 404, message: 'Instance s1 could not be found.' } }),
      { 'x-compute-request-id': 'req-nova' },
      'Instance s1 could not be found.',
      'req-nova',
    ],
    [
      'Neutron',
      409,
      'http',
      JSON.stringify({ NeutronError: { type: 'InUse', message: 'Port p1 is in use.', detail: '' } }),
      { 'x-openstack-request-id': 'req-neutron' },
      'Port p1 is in use.',
      'req-neutron',
    ],
    [
      'Placement',
      404,
      'not-found',
      JSON.stringify({ errors: [{ status: 404, title: 'Not Found', detail: 'No resource provider with uuid r1 found', request_id: 'req-placement' }] }),
      {},
      'No resource provider with uuid r1 found',
      'req-placement',
    ],
    [
      'Keystone',
      403,
      'forbidden',
      JSON.stringify({ error: { code: 403, message: 'You are not authorized to perform the requested action.', title: 'Forbidden' } }),
      { 'x-openstack-request-id': 'req-keystone' },
      'You are not authorized to perform the requested action.',
      'req-keystone',
    ],
    [
      'Glance',
      404,
      'not-found',
      '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID i1<br /></body></html>',
      { 'x-openstack-request-id': 'req-glance', 'Content-Type': 'text/html' },
      '404 Not Found No image found with ID i1',
      'req-glance',
    ],
    ['a proxy', 500, 'http', 'Internal Server Error', {}, 'Internal Server Error', undefined],
  ])('maps a %s error body', async (_, status, kind, body, headers, apiMessage, requestId) => {
    const { compute } = setup(() => new Response(body, { status, headers }));
    const error = await failure(compute.request({ url: 'servers/s1', query: { secretish: 'marker' } }));
    expect(error).toMatchObject({
      kind,
      status,
      apiMessage,
      requestId,
      cloud: 'prod',
      region: 'RegionOne',
      service: 'compute',
      method: 'GET',
      url: 'https://nova.example.org/compute/v2.1/servers/s1',
    });
    expect(error.message).toContain('prod / RegionOne / compute');
    expect(error.message).not.toContain('secretish');
  });

  it('reports invalid JSON on a 2xx as invalid-response naming the cloud', async () => {
    const { compute } = setup(() => textResponse(200, '{"servers": [', { 'x-openstack-request-id': 'req-bad' }));
    const error = await failure(compute.request({ url: 'servers' }));
    expect(error).toMatchObject({ kind: 'invalid-response', cloud: 'prod', requestId: 'req-bad' });
    expect(error.message.startsWith('prod')).toBe(true);
  });

  it('times out an attempt that never answers, without retrying it', async () => {
    const { compute, fake } = setup(hangUntilAborted, { timeoutMs: 20 });
    const error = await failure(compute.request({ url: 'servers' }));
    expect(error.kind).toBe('timeout');
    expect(fake.calls).toHaveLength(1);
  });

  it("reports the caller's abort as aborted", async () => {
    const { compute } = setup(hangUntilAborted);
    const controller = new AbortController();
    const pending = compute.request({ url: 'servers', signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('reports a refused connection as a network error after the retries', async () => {
    const { compute, fake } = setup(() => Promise.reject(new TypeError('fetch failed')));
    const error = await failure(compute.request({ url: 'servers' }));
    expect(error).toMatchObject({ kind: 'network', cloud: 'prod', url: 'https://nova.example.org/compute/v2.1/servers' });
    expect(fake.calls).toHaveLength(4);
  });

  it('never lets the token into an error message, even if the API echoes it', async () => {
    const { compute } = setup(() => jsonResponse(400, { badRequest: { code: 400, message: 'bad token tok-1 in request' } }));
    const error = await failure(compute.request({ url: 'servers' }));
    expect(error.message).not.toContain('tok-1');
    expect(error.apiMessage).toBe('bad token *** in request');
  });
});

describe('cloud http: observers and limits', () => {
  it('reports every attempt with its timing and whether a token went out', async () => {
    const answers = [() => textResponse(503, 'busy', { 'Retry-After': '0' }), ok];
    const { compute, events } = setup((call) => (answers.shift() ?? ok)(call));
    await compute.request({ url: 'servers', query: { limit: 1 } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      cloud: 'prod',
      region: 'RegionOne',
      service: 'compute',
      method: 'GET',
      url: 'https://nova.example.org/compute/v2.1/servers',
      attempt: 1,
      status: 503,
      tokenSent: true,
    });
    expect(events[0]?.error?.kind).toBe('http');
    expect(events[1]).toMatchObject({ attempt: 2, status: 200, error: undefined });
    expect(events.every((e) => e.durationMs >= 0)).toBe(true);
  });

  it('keeps at most 6 requests in flight per origin', async () => {
    let inFlight = 0;
    let peak = 0;
    const { compute, policy } = setup(async (call) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return ok(call);
    });
    await Promise.all(Array.from({ length: 20 }, () => compute.request({ url: 'servers' })));
    expect(peak).toBe(6);
    expect(policy.limiter.counts()).toMatchObject({ active: 0, queued: 0, started: 20, peakPerOrigin: 6 });
  });
});
