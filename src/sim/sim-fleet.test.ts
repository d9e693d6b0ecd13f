import { describe, expect, it } from 'vitest';
import type { SimCloudInfo, SimFleet } from './sim-fleet.ts';
import { createSimFleet } from './sim-fleet.ts';

const APP_ORIGIN = 'http://127.0.0.1:5173';
const originFor = (name: string) => `https://${name}.sim.invalid`;

function passwordBody(cloud: SimCloudInfo, password = cloud.password, scoped = true): string {
  return JSON.stringify({
    auth: {
      identity: { methods: ['password'], password: { user: { name: cloud.username, domain: { name: 'Default' }, password } } },
      ...(scoped ? { scope: { project: { name: cloud.projectName, domain: { name: 'Default' } } } } : {}),
    },
  });
}

async function call(sim: SimFleet, url: string, init?: RequestInit): Promise<Response> {
  const response = await sim.handle(new Request(url, init));
  if (!response) throw new Error(`not a simulated origin: ${url}`);
  return response;
}

async function signIn(sim: SimFleet, cloud: SimCloudInfo): Promise<string> {
  const response = await call(sim, `${cloud.authUrl}/auth/tokens`, { method: 'POST', body: passwordBody(cloud) });
  const token = response.headers.get('X-Subject-Token');
  if (response.status !== 201 || token === null) throw new Error(`sign-in failed: ${response.status}`);
  return token;
}

function setup(spec = 'regional=1x3,sites=2,servers=30,seed=7') {
  const sim = createSimFleet(spec, { originFor });
  const clouds = sim.clouds();
  const core = clouds[0] as SimCloudInfo;
  return { sim, clouds, core };
}

type Json = Record<string, unknown>;
const json = async (r: Response) => (await r.json()) as Json;

describe('Keystone', () => {
  it('answers password auth with 201, X-Subject-Token and a catalog with every service × region × interface', async () => {
    const { sim, core } = setup();
    const response = await call(sim, `${core.authUrl}/auth/tokens`, { method: 'POST', body: passwordBody(core), headers: { Origin: APP_ORIGIN } });
    expect(response.status).toBe(201);
    expect(response.headers.get('X-Subject-Token')).toMatch(/^gAAAAA/);
    expect(response.headers.get('X-OpenStack-Request-Id')).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('X-Subject-Token');
    const { token } = (await json(response)) as { token: Json & { catalog: { type: string; endpoints: Json[] }[] } };
    expect(Object.keys(token)).toEqual(expect.arrayContaining(['methods', 'user', 'project', 'roles', 'catalog', 'expires_at', 'issued_at', 'audit_ids']));
    expect(token.catalog.map((s) => s.type).sort()).toEqual(['compute', 'identity', 'image', 'network', 'placement']);
    for (const service of token.catalog) {
      expect(service.endpoints).toHaveLength(3 * 3);
      const keys = new Set(service.endpoints.map((e) => `${String(e.region)}/${String(e.interface)}`));
      expect(keys.size).toBe(9);
      expect(service.endpoints.every((e) => e.region === e.region_id)).toBe(true);
    }
    const compute = token.catalog.find((s) => s.type === 'compute');
    expect(compute?.endpoints.find((e) => e.region === 'us-east-1' && e.interface === 'public')?.url).toBe(
      'https://core.sim.invalid/us-east-1/compute/v2.1',
    );
  });

  it('rejects a bad password with 401 and Keystone’s error body', async () => {
    const { sim, core } = setup();
    const response = await call(sim, `${core.authUrl}/auth/tokens`, { method: 'POST', body: passwordBody(core, 'wrong') });
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({ error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } });
    expect(response.headers.has('X-Subject-Token')).toBe(false);
  });

  it('issues an unscoped token without catalog, lists projects, and rescopes with the token method', async () => {
    const { sim, core } = setup();
    const unscoped = await call(sim, `${core.authUrl}/auth/tokens`, { method: 'POST', body: passwordBody(core, core.password, false) });
    expect(unscoped.status).toBe(201);
    const body = (await json(unscoped)) as { token: Json };
    expect(body.token.catalog).toBeUndefined();
    expect(body.token.project).toBeUndefined();
    const token = unscoped.headers.get('X-Subject-Token') ?? '';
    const projects = (await json(await call(sim, `${core.authUrl}/auth/projects`, { headers: { 'X-Auth-Token': token } }))) as { projects: { name: string; id: string }[] };
    expect(projects.projects.map((p) => p.name)).toContain('demo');
    const catalog = await call(sim, `${core.authUrl}/auth/catalog`, { headers: { 'X-Auth-Token': token } });
    expect(catalog.status).toBe(403);
    const demo = projects.projects.find((p) => p.name === 'demo');
    const rescoped = await call(sim, `${core.authUrl}/auth/tokens`, {
      method: 'POST',
      body: JSON.stringify({ auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: demo?.id } } } }),
    });
    expect(rescoped.status).toBe(201);
    expect(((await json(rescoped)) as { token: Json }).token.methods).toEqual(['token', 'password']);
  });

  it('accepts the cloud’s application credential and binds it to its project', async () => {
    const { sim, core } = setup();
    const response = await call(sim, `${core.authUrl}/auth/tokens`, {
      method: 'POST',
      body: JSON.stringify({ auth: { identity: { methods: ['application_credential'], application_credential: { id: core.applicationCredentialId, secret: core.applicationCredentialSecret } } } }),
    });
    expect(response.status).toBe(201);
    const { token } = (await json(response)) as { token: Json & { project: Json; application_credential: Json } };
    expect(token.project.name).toBe('demo');
    expect(token.application_credential.id).toBe(core.applicationCredentialId);
  });

  it('serves version documents', async () => {
    const { sim, core } = setup();
    const root = await call(sim, 'https://core.sim.invalid/identity');
    expect(root.status).toBe(300);
    const v3 = (await json(await call(sim, core.authUrl))) as { version: { id: string; links: { href: string }[] } };
    expect(v3.version.id).toMatch(/^v3\./);
    expect(v3.version.links[0]?.href).toBe('https://core.sim.invalid/identity/v3/');
  });
});

describe('service auth', () => {
  it('answers 401 without a token, with a token of another cloud, and for an unknown token', async () => {
    const { sim, clouds, core } = setup();
    const url = 'https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail';
    const none = await call(sim, url);
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toBe('Keystone uri="https://core.sim.invalid/identity"');
    expect(((await json(none)) as { error: Json }).error.code).toBe(401);
    const other = await signIn(sim, clouds[1] as SimCloudInfo);
    expect((await call(sim, url, { headers: { 'X-Auth-Token': other } })).status).toBe(401);
    expect((await call(sim, url, { headers: { 'X-Auth-Token': 'gAAAAAnope' } })).status).toBe(401);
    const mine = await signIn(sim, core);
    expect((await call(sim, url, { headers: { 'X-Auth-Token': mine } })).status).toBe(200);
  });

  it('ignores origins it does not simulate', async () => {
    const { sim } = setup();
    expect(await sim.handle(new Request('https://cloud.example.com/identity/v3'))).toBeUndefined();
  });

  it('answers CORS preflights like oslo.middleware', async () => {
    const { sim } = setup();
    const preflight = await call(sim, 'https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail', {
      method: 'OPTIONS',
      headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-auth-token, openstack-api-version' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('X-Auth-Token');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('X-OpenStack-Nova-API-Version');
    expect(preflight.headers.get('Access-Control-Max-Age')).toBe('3600');
    const refused = await call(sim, 'https://core.sim.invalid/identity/v3/auth/tokens', {
      method: 'OPTIONS',
      headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-secret-thing' },
    });
    expect(refused.headers.has('Access-Control-Allow-Origin')).toBe(false);
  });
});

describe('Nova', () => {
  it('pages servers with limit/marker and absolute next links, yielding each server exactly once', async () => {
    const { sim, core } = setup('regional=1x1,servers=100,seed=9');
    const token = await signIn(sim, core);
    const seen: string[] = [];
    let url: string | undefined = 'https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail?all_tenants=1&limit=7';
    let pages = 0;
    while (url !== undefined) {
      const body = (await json(await call(sim, url, { headers: { 'X-Auth-Token': token } }))) as {
        servers: { id: string }[];
        servers_links?: { href: string; rel: string }[];
      };
      seen.push(...body.servers.map((s) => s.id));
      url = body.servers_links?.find((l) => l.rel === 'next')?.href;
      if (url !== undefined) {
        expect(url.startsWith('https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail?')).toBe(true);
        expect(new URL(url).searchParams.get('all_tenants')).toBe('1');
      }
      pages += 1;
    }
    expect(pages).toBeGreaterThan(5);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await json(await call(sim, 'https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail?all_tenants=1', { headers: { 'X-Auth-Token': token } }))) as { servers: { id: string }[] };
    expect(seen).toEqual(all.servers.map((s) => s.id));
  });

  it('negotiates microversions: echoes them with Vary, embeds flavors from 2.47, 406 for 9.99', async () => {
    const { sim, core } = setup();
    const token = await signIn(sim, core);
    const url = 'https://core.sim.invalid/eu-west-1/compute/v2.1/servers/detail?limit=1';
    const old = await call(sim, url, { headers: { 'X-Auth-Token': token } });
    expect(old.headers.get('OpenStack-API-Version')).toBe('compute 2.1');
    expect(old.headers.get('X-OpenStack-Nova-API-Version')).toBe('2.1');
    expect(old.headers.get('X-Compute-Request-Id')).toBe(old.headers.get('X-OpenStack-Request-Id'));
    expect(((await json(old)) as { servers: { flavor: Json }[] }).servers[0]?.flavor.id).toBeDefined();
    const modern = await call(sim, url, { headers: { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.96' } });
    expect(modern.headers.get('OpenStack-API-Version')).toBe('compute 2.96');
    expect(modern.headers.get('Vary')).toContain('OpenStack-API-Version');
    const server = ((await json(modern)) as { servers: Json[] }).servers[0] as Json & { flavor: Json };
    expect(server.flavor.original_name).toBeDefined();
    expect(server.flavor.id).toBeUndefined();
    expect(server.pinned_availability_zone).toBeNull();
    const legacy = await call(sim, url, { headers: { 'X-Auth-Token': token, 'X-OpenStack-Nova-API-Version': '2.53' } });
    expect(legacy.headers.get('X-OpenStack-Nova-API-Version')).toBe('2.53');
    const tooNew = await call(sim, url, { headers: { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 9.99' } });
    expect(tooNew.status).toBe(406);
    expect(Object.keys(await json(tooNew))).toEqual(['computeFault']);
  });

  it('serves the root version document with 2.96 / 2.1', async () => {
    const { sim } = setup();
    const body = (await json(await call(sim, 'https://core.sim.invalid/eu-west-1/compute/v2.1'))) as { version: Json };
    expect(body.version).toMatchObject({ id: 'v2.1', version: '2.96', min_version: '2.1', status: 'CURRENT' });
  });

  it('returns Nova error bodies for unknown ids and paths', async () => {
    const { sim, core } = setup();
    const token = await signIn(sim, core);
    const missing = await call(sim, 'https://core.sim.invalid/eu-west-1/compute/v2.1/servers/nope', { headers: { 'X-Auth-Token': token } });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({ itemNotFound: { code: 404, message: 'Instance nope could not be found.' } });
    const unknown = await call(sim, 'https://core.sim.invalid/eu-west-1/compute/v2.1/os-nothing', { headers: { 'X-Auth-Token': token } });
    expect(unknown.status).toBe(404);
    expect(Object.keys(await json(unknown))).toEqual(['itemNotFound']);
  });

  it('pages hypervisors from 2.33 and switches to uuid ids at 2.53', async () => {
    const { sim, core } = setup('regional=1x1,servers=100,seed=9');
    const token = await signIn(sim, core);
    const url = 'https://core.sim.invalid/eu-west-1/compute/v2.1/os-hypervisors/detail?limit=2';
    const v52 = (await json(await call(sim, url, { headers: { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.52' } }))) as { hypervisors: Json[]; hypervisors_links: Json[] };
    expect(typeof v52.hypervisors[0]?.id).toBe('number');
    expect(v52.hypervisors).toHaveLength(2);
    expect(v52.hypervisors_links[0]?.rel).toBe('next');
    const v53 = (await json(await call(sim, url, { headers: { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.53' } }))) as { hypervisors: Json[] };
    expect(v53.hypervisors[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Neutron', () => {
  it('pages with limit/marker and <plural>_links', async () => {
    const { sim, core } = setup('regional=1x1,servers=50,seed=2');
    const token = await signIn(sim, core);
    const ids: string[] = [];
    let url: string | undefined = 'https://core.sim.invalid/eu-west-1/network/v2.0/ports?limit=10';
    while (url !== undefined) {
      const body = (await json(await call(sim, url, { headers: { 'X-Auth-Token': token } }))) as { ports: { id: string }[]; ports_links?: { href: string; rel: string }[] };
      ids.push(...body.ports.map((p) => p.id));
      url = body.ports_links?.find((l) => l.rel === 'next')?.href;
    }
    const all = (await json(await call(sim, 'https://core.sim.invalid/eu-west-1/network/v2.0/ports', { headers: { 'X-Auth-Token': token } }))) as { ports: { id: string }[]; ports_links?: unknown };
    expect(all.ports_links).toBeUndefined();
    expect(ids).toEqual(all.ports.map((p) => p.id));
    expect([...ids].sort()).toEqual(ids);
  });

  it('lists versions at the root and answers NeutronError for unknown resources', async () => {
    const { sim, core } = setup();
    const root = (await json(await call(sim, 'https://core.sim.invalid/eu-west-1/network'))) as { versions: Json[] };
    expect(root.versions[0]).toMatchObject({ id: 'v2.0', status: 'CURRENT' });
    const token = await signIn(sim, core);
    const missing = await call(sim, 'https://core.sim.invalid/eu-west-1/network/v2.0/networks/nope', { headers: { 'X-Auth-Token': token } });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({ NeutronError: { type: 'NetworkNotFound', message: 'Network nope could not be found.', detail: '' } });
  });
});

describe('Glance', () => {
  it('answers 300 at the root and pages images with relative next links', async () => {
    const { sim, core } = setup();
    const root = await call(sim, 'https://core.sim.invalid/eu-west-1/image');
    expect(root.status).toBe(300);
    const token = await signIn(sim, core);
    const names: string[] = [];
    let next: string | undefined = '/v2/images?limit=2';
    while (next !== undefined) {
      const body = (await json(await call(sim, `https://core.sim.invalid/eu-west-1/image${next}`, { headers: { 'X-Auth-Token': token } }))) as {
        images: { name: string }[];
        next?: string;
        first: string;
        schema: string;
      };
      expect(body.schema).toBe('/v2/schemas/images');
      expect(body.first).toBe('/v2/images?limit=2');
      names.push(...body.images.map((i) => i.name));
      if (body.next !== undefined) expect(body.next).toMatch(/^\/v2\/images\?limit=2&marker=[0-9a-f-]{36}$/);
      next = body.next;
    }
    expect(names).toContain('cirros-0.6.2-x86_64-disk');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('Placement', () => {
  it('lists resource providers with inventories and usages, and uses its own error body', async () => {
    const { sim, core } = setup();
    const root = (await json(await call(sim, 'https://core.sim.invalid/eu-west-1/placement'))) as { versions: Json[] };
    expect(root.versions[0]).toMatchObject({ id: 'v1.0', max_version: '1.39', min_version: '1.0' });
    const token = await signIn(sim, core);
    const headers = { 'X-Auth-Token': token, 'OpenStack-API-Version': 'placement 1.39' };
    const list = (await json(await call(sim, 'https://core.sim.invalid/eu-west-1/placement/resource_providers', { headers }))) as { resource_providers: { uuid: string }[] };
    const uuid = list.resource_providers[0]?.uuid ?? '';
    const inv = (await json(await call(sim, `https://core.sim.invalid/eu-west-1/placement/resource_providers/${uuid}/inventories`, { headers }))) as { inventories: Record<string, Json> };
    expect(inv.inventories.VCPU?.allocation_ratio).toBe(4);
    const usages = (await json(await call(sim, `https://core.sim.invalid/eu-west-1/placement/resource_providers/${uuid}/usages`, { headers }))) as { usages: Record<string, number> };
    expect(Object.keys(usages.usages).sort()).toEqual(['DISK_GB', 'MEMORY_MB', 'VCPU']);
    const missing = await call(sim, 'https://core.sim.invalid/eu-west-1/placement/resource_providers/nope', { headers });
    const body = (await json(missing)) as { errors: Json[] };
    expect(missing.status).toBe(404);
    expect(body.errors[0]).toMatchObject({ status: 404, title: 'Not Found' });
    expect(body.errors[0]?.request_id).toBe(missing.headers.get('X-OpenStack-Request-Id'));
  });
});
