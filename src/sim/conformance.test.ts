import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimCloudInfo } from './sim-fleet.ts';
import { createSimFleet } from './sim-fleet.ts';

/**
 * Every key an upstream API-reference sample shows must be in what the
 * simulator sends (top level and per item), except keys listed here with the
 * reason they are absent from a Zed cloud with the simulated configuration.
 */
const SAMPLES = new URL('../../../shared/openstack-api-samples/', import.meta.url);

const INTENTIONALLY_ABSENT: Record<string, string[]> = {
  // Neutron's samples include PVLAN and QinQ fields, added after Zed; a Zed cloud never sends them.
  networks: ['pvlan', 'qinq'],
  ports: ['pvlan_type', 'pvlan_community'],
};

interface Case {
  name: string;
  sample: string;
  path: string;
  collection: string;
  headers?: Record<string, string>;
  /** Items are wrapped, as Nova wraps keypairs. */
  wrapper?: string;
}

const CASES: Case[] = [
  { name: 'servers', sample: 'nova/servers/v2.96/servers-details-resp.json', path: '/compute/v2.1/servers/detail?limit=1', collection: 'servers', headers: { 'OpenStack-API-Version': 'compute 2.96' } },
  { name: 'flavors', sample: 'nova/flavors/v2.75/flavors-detail-resp.json', path: '/compute/v2.1/flavors/detail', collection: 'flavors', headers: { 'OpenStack-API-Version': 'compute 2.75' } },
  { name: 'keypairs', sample: 'nova/os-keypairs/v2.35/keypairs-list-resp.json', path: '/compute/v2.1/os-keypairs?limit=1', collection: 'keypairs', wrapper: 'keypair', headers: { 'OpenStack-API-Version': 'compute 2.35' } },
  { name: 'hypervisors', sample: 'nova/os-hypervisors/v2.53/hypervisors-detail-resp.json', path: '/compute/v2.1/os-hypervisors/detail?limit=1', collection: 'hypervisors', headers: { 'OpenStack-API-Version': 'compute 2.53' } },
  { name: 'networks', sample: 'neutron/v2/samples/networks/networks-list-response.json', path: '/network/v2.0/networks', collection: 'networks' },
  { name: 'subnets', sample: 'neutron/v2/samples/subnets/subnets-list-response.json', path: '/network/v2.0/subnets', collection: 'subnets' },
  { name: 'ports', sample: 'neutron/v2/samples/ports/ports-list-response.json', path: '/network/v2.0/ports', collection: 'ports' },
  { name: 'images', sample: 'glance/v2/samples/images-list-response.json', path: '/image/v2/images', collection: 'images' },
  { name: 'resource providers', sample: 'placement/samples/resource_providers/get-resource_providers.json', path: '/placement/resource_providers', collection: 'resource_providers', headers: { 'OpenStack-API-Version': 'placement 1.14' } },
];

type Obj = Record<string, unknown>;

function itemKeys(body: Obj, c: Case): Set<string> {
  const keys = new Set<string>();
  for (const raw of body[c.collection] as Obj[]) {
    const item = c.wrapper ? (raw[c.wrapper] as Obj) : raw;
    for (const key of Object.keys(item)) keys.add(key);
  }
  return keys;
}

describe('conformance with the upstream API samples', async () => {
  const sim = createSimFleet('regional=1x1,servers=40,seed=7', { originFor: (name) => `https://${name}.sim.invalid` });
  const cloud = sim.clouds()[0] as SimCloudInfo;
  const auth = await sim.handle(
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
  const token = auth?.headers.get('X-Subject-Token') ?? '';

  it.each(CASES)('$name carries every key of $sample', async (c) => {
    const sample = JSON.parse(readFileSync(new URL(c.sample, SAMPLES), 'utf8')) as Obj;
    const response = await sim.handle(new Request(`https://core.sim.invalid/eu-west-1${c.path}`, { headers: { 'X-Auth-Token': token, ...c.headers } }));
    expect(response?.status).toBe(200);
    const body = (await response?.json()) as Obj;
    const absent = new Set(INTENTIONALLY_ABSENT[c.name] ?? []);
    const topMissing = Object.keys(sample).filter((k) => !(k in body) && !k.endsWith('_links'));
    expect(topMissing).toEqual([]);
    const mine = itemKeys(body, c);
    const theirs = itemKeys(sample, c);
    const missing = [...theirs].filter((k) => !mine.has(k) && !absent.has(k));
    expect(missing).toEqual([]);
  });
});
