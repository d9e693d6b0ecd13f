import { describe, expect, it } from 'vitest';
import {
  endpointOrigins,
  findEndpoint,
  isPartialComputeService,
  type CloudClient,
  type CloudSession,
} from '../openstack/index.ts';
import { applicationCredentialAuth, contractClient, failureOf, passwordAuth } from './contract-client.ts';
import {
  CONTRACT_SERVICES,
  type ContractCloud,
  type ContractRegion,
  type ContractRequirement,
  type ContractService,
  type ContractTarget,
} from './contract-target.ts';
import { PAGED_LISTINGS } from './paged-listings.ts';

/**
 * The client's contract (DESIGN.md, rule 1): what src/openstack promises
 * whatever answers it, registered as vitest blocks for one backend.
 *
 * Backends plug in as a ContractTarget (contract-target.ts) and a
 * `<backend>.contract.test.ts` that builds one and calls
 * describeClientContract(target):
 * - sim.contract.test.ts: the simulated fleet, in-process (sim-target.ts);
 * - a lab target goes beside it as lab-target.ts + lab.contract.test.ts: it
 *   reads `$ARCHIPELAGO_LAB_DIR/lab.json` (written by scripts/openstack-lab),
 *   maps each cloud's admin credentials, application credential, regions and
 *   seeded counts to a ContractCloud, and uses globalThis.fetch. Real services
 *   answer in tens of milliseconds rather than microseconds, so that file
 *   raises vitest's timeout (vi.setConfig({ testTimeout })).
 * A cloud may offer fewer services (lab-b: Keystone, Glance and a Nova API
 * alone); the suite then checks that the missing ones are refused. A real
 * service that did not come up is named in `unavailable`: its tests fail
 * with that note (`npm run test:real` brings the whole lab up, so a missing
 * service is a broken lab, and a skipped test would pass untested).
 * When the two disagree, the real service is right and the simulator is fixed.
 */

const NOVA_MICROVERSIONS = { min: '2.1', max: '2.96' } as const;
// Smaller than most seeded collections, so every listing really crosses pages (and meets Nova's empty last page).
const SMALL_PAGE = 2;
const ONE_PAGE = 1000;
/** No Nova cloud has this server: a valid UUID, so the 404 is about existence, not format. */
const UNKNOWN_SERVER = '00000000-0000-4000-8000-00000000c0de';
/** One listing per paging style: Nova's links, Neutron's links, Glance's relative `next`. */
const TOKEN_SCOPE_LISTINGS = PAGED_LISTINGS.filter((l) => l.name === 'servers' || l.name === 'networks' || l.name === 'images');

export function describeClientContract(target: ContractTarget): void {
  describe(`client contract against ${target.name}`, () => {
    for (const cloud of target.clouds) {
      describe(cloud.name, () => {
        describeSignIn(target, cloud);
        // One signed-in client per cloud, as the console keeps one: its sign-in is shared by the listings.
        const shared = contractClient(target.fetch, cloud);
        for (const region of cloud.regions) describeRegion(shared.client, cloud, region);
        describeTokenScope(target, cloud);
      });
    }
  });
}

/**
 * A test that needs `requirements` besides identity (which every test needs).
 * When the target says one is unavailable, the test fails with the target's
 * note before it calls anything.
 */
export function itNeeds(cloud: ContractCloud, requirements: readonly ContractRequirement[], title: string, body: () => Promise<void>): void {
  it(title, async () => {
    const notes = (['identity', ...requirements] as const).flatMap((r) => cloud.unavailable[r] ?? []);
    if (notes.length > 0) throw new Error(`${cloud.name}: cannot be tested, ${[...new Set(notes)].join('; ')}`);
    await body();
  });
}

function offers(cloud: ContractCloud, service: ContractService): boolean {
  return cloud.services.includes(service);
}

function describeSignIn(target: ContractTarget, cloud: ContractCloud): void {
  const regionNames = cloud.regions.map((r) => r.name);

  itNeeds(cloud, [], 'signs in with a password: a scoped token whose catalog serves every expected region', async () => {
    const session = await contractClient(target.fetch, cloud).client.signIn();
    expect(session.project?.name).toBe(cloud.scope.projectName);
    expect(session.roles).toContain('admin');
    expect([...session.regions].sort()).toEqual([...regionNames].sort());
    expectCatalogServes(session, cloud);
    expect(session.expiresAt.getTime()).toBeGreaterThan(session.issuedAt.getTime());
  });

  itNeeds(cloud, ['application-credential'], 'signs in with an application credential', async () => {
    const session = await contractClient(target.fetch, cloud, { auth: applicationCredentialAuth(cloud) }).client.signIn();
    expect(session.project).toBeDefined();
    expect([...session.regions].sort()).toEqual([...regionNames].sort());
    expectCatalogServes(session, cloud);
  });

  itNeeds(cloud, [], 'refuses a wrong password as unauthorized, without repeating it', async () => {
    const wrong = `wrong-${cloud.user.password}-x9`;
    const { client } = contractClient(target.fetch, cloud, { auth: passwordAuth(cloud, wrong) });
    const error = await failureOf(client.signIn());
    expect(error).toMatchObject({ kind: 'unauthorized', cloud: cloud.name, status: 401 });
    expect(error.requestId).toBeTruthy();
    for (const secret of [wrong, cloud.user.password]) {
      expect(error.message).not.toContain(secret);
      expect(error.apiMessage ?? '').not.toContain(secret);
    }
    expect(client.session()).toBeUndefined();
  });
}

/** Every offered service in every region, and none of the others anywhere. */
function expectCatalogServes(session: CloudSession, cloud: ContractCloud): void {
  for (const region of cloud.regions) {
    for (const serviceType of CONTRACT_SERVICES) {
      const find = () => findEndpoint(session.catalog, { cloud: cloud.name, serviceType, region: region.name });
      if (offers(cloud, serviceType)) expect(find).not.toThrow();
      else expect(find).toThrow(/the catalog has no such service/);
    }
  }
}

function describeRegion(client: CloudClient, cloud: ContractCloud, region: ContractRegion): void {
  const name = region.name;
  describe(name, () => {
    for (const service of CONTRACT_SERVICES.filter((s) => !offers(cloud, s))) {
      itNeeds(cloud, [], `has no ${service} endpoint: the client refuses it as a config error`, async () => {
        const error = await failureOf(client.serviceHttp(service, name));
        expect(error).toMatchObject({ kind: 'config', cloud: cloud.name, region: name, service });
      });
    }

    for (const listing of PAGED_LISTINGS.filter((l) => offers(cloud, l.service))) {
      const expected = region.counts[listing.name];
      const title = `${listing.name}: pages of ${SMALL_PAGE} yield every item exactly once${expected === undefined ? '' : ` (${expected})`}`;
      itNeeds(cloud, [listing.service], title, async () => {
        const small = await listing.idPages(client, name, SMALL_PAGE);
        const whole = (await listing.idPages(client, name, ONE_PAGE)).flat();
        const ids = small.flat();
        expect(Math.max(0, ...small.map((page) => page.length))).toBeLessThanOrEqual(SMALL_PAGE);
        expect(ids.every((id) => id.length > 0)).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(whole).size).toBe(whole.length);
        expect([...ids].sort()).toEqual([...whole].sort());
        if (expected === undefined) expect(ids.length).toBeGreaterThanOrEqual(1);
        else expect(ids.length).toBe(expected);
      });
    }

    if (offers(cloud, 'compute')) describeCompute(client, cloud, region);

    if (offers(cloud, 'placement') && offers(cloud, 'compute')) {
      itNeeds(cloud, ['placement', 'compute'], 'lists resource providers with inventories and usages within capacity; every hypervisor is one', async () => {
        const placement = await client.placement(name);
        const providers = await placement.resourceProviders();
        const uuids = new Set(providers.map((p) => p.uuid));
        expect(uuids.size).toBe(providers.length);
        // From Nova 2.53 a hypervisor's id is its compute node's UUID, which is its resource provider's.
        for await (const page of (await client.compute(name)).hypervisors()) {
          for (const hypervisor of page) expect(uuids).toContain(hypervisor.id);
        }
        for (const provider of providers) {
          const [{ inventories }, { usages }] = await Promise.all([placement.inventories(provider.uuid), placement.usages(provider.uuid)]);
          for (const [resourceClass, used] of Object.entries(usages)) {
            const inventory = inventories[resourceClass];
            if (used === 0) continue;
            expect(inventory, `${provider.name} uses ${resourceClass} it has no inventory of`).toBeDefined();
            // Placement refuses an allocation beyond (total - reserved) × allocation_ratio.
            if (inventory) expect(used).toBeLessThanOrEqual((inventory.total - inventory.reserved) * inventory.allocation_ratio);
          }
        }
      });
    }
  });
}

function describeCompute(client: CloudClient, cloud: ContractCloud, region: ContractRegion): void {
  const name = region.name;
  const needs = ['compute'] as const;

  itNeeds(cloud, needs, `negotiates a Nova microversion within [${NOVA_MICROVERSIONS.min}, ${NOVA_MICROVERSIONS.max}]`, async () => {
    const version = await (await client.compute(name)).microversion();
    expect(version).toBeDefined();
    expect(compareVersions(version ?? '', NOVA_MICROVERSIONS.min)).toBeGreaterThanOrEqual(0);
    expect(compareVersions(version ?? '', NOVA_MICROVERSIONS.max)).toBeLessThanOrEqual(0);
  });

  if (region.counts.hypervisors === 0) {
    // A Nova API alone (lab-b): it must answer, and nothing in it may claim a compute host.
    itNeeds(cloud, needs, 'has no compute host: no zone, service or aggregate holds a nova-compute', async () => {
      const compute = await client.compute(name);
      const [zones, services, aggregates] = await Promise.all([compute.availabilityZones(), compute.services(), compute.aggregates()]);
      expect(zones.flatMap((z) => Object.values(z.hosts ?? {})).some((s) => 'nova-compute' in s)).toBe(false);
      expect(services.map((s) => s.binary)).not.toContain('nova-compute');
      expect(aggregates.flatMap((a) => a.hosts)).toEqual([]);
    });
  } else {
    itNeeds(cloud, needs, 'lists availability zones with their hosts', async () => {
      const zones = await (await client.compute(name)).availabilityZones();
      const names = zones.map((z) => z.zoneName);
      expect(new Set(names).size).toBe(names.length);
      // 'internal' holds the control services; a compute host lives in some other zone.
      const computeZones = zones.filter((z) => z.zoneName !== 'internal');
      expect(computeZones.length).toBeGreaterThanOrEqual(1);
      const hosts = computeZones.flatMap((z) => Object.values(z.hosts ?? {}));
      expect(hosts.some((services) => 'nova-compute' in services)).toBe(true);
    });

    itNeeds(cloud, needs, 'lists host aggregates', async () => {
      const aggregates = await (await client.compute(name)).aggregates();
      expect(aggregates.length).toBeGreaterThanOrEqual(1);
      expect(new Set(aggregates.map((a) => a.id)).size).toBe(aggregates.length);
    });

    itNeeds(cloud, needs, 'lists compute services, all complete, with nova-compute among them', async () => {
      const services = await (await client.compute(name)).services();
      expect(services.filter(isPartialComputeService)).toEqual([]);
      expect(services.map((s) => s.binary)).toContain('nova-compute');
    });
  }

  itNeeds(cloud, needs, 'reports limits and quota usage that agree with the project’s own servers', async () => {
    const compute = await client.compute(name);
    const projectId = client.session()?.project?.id;
    expect(projectId).toBeDefined();
    const [limits, quota] = await Promise.all([compute.limits(), compute.quotaSet(projectId ?? '')]);
    let own = 0;
    for await (const page of compute.servers({ pageSize: ONE_PAGE })) own += page.length;
    expect(quota.id).toBe(projectId);
    expect(quota.instances.in_use).toBe(own);
    expect(limits.totalInstancesUsed).toBe(own);
  });

  itNeeds(cloud, needs, 'answers an unknown server with not-found, naming the cloud and the request id', async () => {
    const http = await client.serviceHttp('compute', name);
    const error = await failureOf(http.request({ url: `servers/${UNKNOWN_SERVER}` }));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, cloud: cloud.name, region: name });
    expect(error.requestId).toBeTruthy();
  });
}

function describeTokenScope(target: ContractTarget, cloud: ContractCloud): void {
  const listings = TOKEN_SCOPE_LISTINGS.filter((l) => offers(cloud, l.service));
  const requirements = cloud.services.filter((s) => s !== 'identity');
  itNeeds(cloud, requirements, 'sends the token only to the origins of its own catalog and auth_url', async () => {
    const { client, events, wire } = contractClient(target.fetch, cloud);
    const session = await client.signIn();
    // Whole listings, small pages: next links are where a misconfigured proxy sends a client elsewhere.
    for (const region of cloud.regions) {
      for (const listing of listings) await listing.idPages(client, region.name, SMALL_PAGE);
      if (offers(cloud, 'placement')) await (await client.placement(region.name)).resourceProviders();
    }
    const allowed = new Set([...endpointOrigins(session.catalog), new URL(cloud.authUrl).origin]);
    const withToken = wire.filter((call) => call.token !== null);
    // Every service but identity, in every region, at least one token-bearing request each.
    expect(withToken.length).toBeGreaterThanOrEqual(requirements.length * cloud.regions.length);
    for (const call of withToken) {
      expect(allowed).toContain(new URL(call.url).origin);
      expect(call.token).toBe(session.token);
    }
    for (const event of events.filter((e) => e.tokenSent)) expect(allowed).toContain(new URL(event.url).origin);
    // Signing in carries the credentials in the body, never someone's token.
    expect(wire.filter((call) => call.method === 'POST' && call.url.endsWith('/auth/tokens')).map((call) => call.token)).toEqual([null]);
  });
}

/** Numeric, so 2.9 < 2.10; a malformed version sorts below everything. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => (/^\d+\.\d+$/.test(v) ? v.split('.').map(Number) : [-1, -1]);
  const [am = -1, an = -1] = parse(a);
  const [bm = -1, bn = -1] = parse(b);
  return am - bm || an - bn;
}
