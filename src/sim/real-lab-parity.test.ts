import { describe, expect, it } from 'vitest';
import type { SimCloudInfo, SimFleet } from './sim-fleet.ts';
import { createSimFleet } from './sim-fleet.ts';

/**
 * Where the simulator disagreed with the real services of the OpenStack lab
 * (scripts/openstack-lab: Keystone, Nova, Neutron, Glance, Placement of Zed),
 * found by the client contract against the lab. The real service is right;
 * each test pins what it answered.
 */

const originFor = (name: string) => `https://${name}.sim.invalid`;
const UNKNOWN = '00000000-0000-4000-8000-00000000c0de';

function setup() {
  const sim = createSimFleet('regional=1x1,servers=4,seed=7', { originFor });
  const cloud = sim.clouds()[0] as SimCloudInfo;
  const region = cloud.regions[0] as string;
  const origin = new URL(cloud.authUrl).origin;
  return { sim, cloud, service: (name: string) => `${origin}/${region}/${name}` };
}

async function call(sim: SimFleet, url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await sim.handle(new Request(url, { headers }));
  if (!response) throw new Error(`not a simulated origin: ${url}`);
  return response;
}

async function adminToken(sim: SimFleet, cloud: SimCloudInfo): Promise<string> {
  const body = {
    auth: {
      identity: { methods: ['password'], password: { user: { name: cloud.username, domain: { name: 'Default' }, password: cloud.password } } },
      scope: { project: { name: cloud.projectName, domain: { name: 'Default' } } },
    },
  };
  const response = await sim.handle(new Request(`${cloud.authUrl}/auth/tokens`, { method: 'POST', body: JSON.stringify(body) }));
  const token = response?.headers.get('X-Subject-Token');
  if (!token) throw new Error('sign-in failed');
  return token;
}

describe('the simulator answers as the real lab does', () => {
  it("Keystone's root: 300 with a Location of its only version", async () => {
    const { sim, cloud } = setup();
    const response = await call(sim, `${new URL(cloud.authUrl).origin}/identity`);
    expect(response.status).toBe(300);
    expect(response.headers.get('Location')).toBe(`${new URL(cloud.authUrl).origin}/identity/v3/`);
  });

  it("Nova's root lists the legacy v2.0 with an empty version, and v2.1 with only its self link", async () => {
    const { sim, service } = setup();
    const body = (await (await call(sim, service('compute'))).json()) as { versions: { id: string; version: string; links: unknown[] }[] };
    expect(body.versions.map((v) => [v.id, v.version])).toEqual([
      ['v2.0', ''],
      ['v2.1', expect.stringMatching(/^2\.\d+$/)],
    ]);
    expect(body.versions[1]?.links).toEqual([{ href: `${service('compute')}/v2.1/`, rel: 'self' }]);
  });

  it("Nova's v2.1 document negotiates the microversion like any v2.1 request", async () => {
    const { sim, service } = setup();
    const plain = await call(sim, `${service('compute')}/v2.1`);
    expect(plain.headers.get('OpenStack-API-Version')).toBe('compute 2.1');
    expect(plain.headers.get('X-Compute-Request-Id')).toMatch(/^req-/);
    const asked = await call(sim, `${service('compute')}/v2.1`, { 'OpenStack-API-Version': 'compute 2.50' });
    expect(asked.headers.get('X-OpenStack-Nova-API-Version')).toBe('2.50');
    expect((await call(sim, `${service('compute')}/v2.1`, { 'OpenStack-API-Version': 'compute 2.x' })).status).toBe(400);
  });

  it('Nova echoes an unsupported microversion in the 406, and no microversion on a malformed one', async () => {
    const { sim, cloud, service } = setup();
    const token = await adminToken(sim, cloud);
    const refused = await call(sim, `${service('compute')}/v2.1/servers/detail`, { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.197' });
    expect(refused.status).toBe(406);
    expect(refused.headers.get('OpenStack-API-Version')).toBe('compute 2.197');
    expect(refused.headers.get('X-OpenStack-Nova-API-Version')).toBe('2.197');
    const malformed = await call(sim, `${service('compute')}/v2.1/servers/detail`, { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.x' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('OpenStack-API-Version')).toBeNull();
  });

  it("Neutron leaves the description of a default group's own rules null", async () => {
    const { sim, cloud, service } = setup();
    const token = await adminToken(sim, cloud);
    const body = (await (await call(sim, `${service('network')}/v2.0/security-groups`, { 'X-Auth-Token': token })).json()) as {
      security_groups: { name: string; security_group_rules: { description: string | null }[] }[];
    };
    const rules = (name: string) => body.security_groups.filter((g) => g.name === name).flatMap((g) => g.security_group_rules.map((r) => r.description));
    expect(rules('default').length).toBeGreaterThan(0);
    expect(new Set(rules('default'))).toEqual(new Set([null]));
    expect(rules('web').every((d) => typeof d === 'string')).toBe(true);
  });

  it("Glance's errors are webob's: an HTML page unless JSON is asked for, and then the page's line breaks stay in", async () => {
    const { sim, cloud, service } = setup();
    const token = await adminToken(sim, cloud);
    const url = `${service('image')}/v2/images/${UNKNOWN}`;
    const page = await call(sim, url, { 'X-Auth-Token': token });
    expect(page.status).toBe(404);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    expect(await page.text()).toContain(`<h1>404 Not Found</h1>\n  No image found with ID ${UNKNOWN}<br /><br />`);
    const json = await call(sim, url, { 'X-Auth-Token': token, Accept: 'application/json' });
    expect(await json.json()).toEqual({ message: `No image found with ID ${UNKNOWN}<br /><br />\n\n\n`, code: '404 Not Found', title: 'Not Found' });
  });

  it('Placement: its root carries the microversion, errors carry a code, and the provider list takes no paging', async () => {
    const { sim, cloud, service } = setup();
    const root = await call(sim, service('placement'), { 'OpenStack-API-Version': 'placement 1.39' });
    expect(root.headers.get('OpenStack-API-Version')).toBe('placement 1.39');
    expect((await call(sim, service('placement'))).headers.get('OpenStack-API-Version')).toBe('placement 1.0');
    const token = await adminToken(sim, cloud);
    const headers = { 'X-Auth-Token': token, 'OpenStack-API-Version': 'placement 1.39' };
    const missing = (await (await call(sim, `${service('placement')}/resource_providers/${UNKNOWN}`, headers)).json()) as { errors: { code: string }[] };
    expect(missing.errors[0]?.code).toBe('placement.undefined_code');
    const paged = await call(sim, `${service('placement')}/resource_providers?limit=1`, headers);
    expect(paged.status).toBe(400);
    expect(await paged.text()).toContain("'limit' was unexpected");
    expect((await call(sim, `${service('placement')}/resource_providers?name=none`, headers)).status).toBe(200);
  });
});
