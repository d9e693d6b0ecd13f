import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  aggregateSchema,
  flavorSchema,
  getLimitsResponseSchema,
  getQuotaSetResponseSchema,
  hypervisorSchema,
  listAggregatesResponseSchema,
  listAvailabilityZonesResponseSchema,
  listComputeServicesResponseSchema,
  listFlavorsResponseSchema,
  listHypervisorsResponseSchema,
  listKeypairsResponseSchema,
  listServersResponseSchema,
  serverSchema,
} from './compute/index.ts';
import { imageSchema, listImagesResponseSchema } from './image/index.ts';
import { versionDocumentSchema } from './microversion.ts';
import {
  listFloatingIpsResponseSchema,
  listNetworksResponseSchema,
  listPortsResponseSchema,
  listRoutersResponseSchema,
  listSecurityGroupsResponseSchema,
  listSubnetsResponseSchema,
} from './network/index.ts';
import { inventoriesSchema, listResourceProvidersResponseSchema, resourceProviderSchema, usagesSchema } from './placement/index.ts';

/**
 * DESIGN.md rule 1: every schema accepts every relevant upstream API
 * reference sample. Files are picked by glob so new upstream samples are
 * checked without editing this test, and every sample the api-ref shows for
 * the operation (API-REF-MAP.tsv) must be among them.
 */
const samplesDir = fileURLToPath(new URL('../../../shared/openstack-api-samples/', import.meta.url));

interface SampleSet {
  name: string;
  schema: z.ZodType;
  globs: string[];
  /** `service<TAB>METHOD<TAB>url_template` rows of API-REF-MAP.tsv whose samples must be covered. */
  apiRef?: string[];
}

const sets: SampleSet[] = [
  {
    name: 'compute list-servers',
    schema: listServersResponseSchema,
    globs: ['nova/servers/**/servers-details*.json'],
    apiRef: ['nova\tGET\t/servers/detail'],
  },
  {
    name: 'compute server (show)',
    schema: z.object({ server: serverSchema }),
    globs: ['nova/servers/**/server-get*-resp.json'],
    apiRef: ['nova\tGET\t/servers/{server_id}'],
  },
  {
    name: 'compute list-flavors',
    schema: listFlavorsResponseSchema,
    globs: ['nova/flavors/**/flavors-detail-resp.json'],
    apiRef: ['nova\tGET\t/flavors/detail'],
  },
  {
    name: 'compute flavor (show)',
    schema: z.object({ flavor: flavorSchema }),
    globs: ['nova/flavors/**/flavor-get-resp.json'],
    apiRef: ['nova\tGET\t/flavors/{flavor_id}'],
  },
  {
    name: 'compute list-keypairs',
    schema: listKeypairsResponseSchema,
    globs: ['nova/os-keypairs/**/keypairs-list*-resp.json'],
    apiRef: ['nova\tGET\t/os-keypairs'],
  },
  {
    name: 'compute list-availability-zones',
    schema: listAvailabilityZonesResponseSchema,
    globs: ['nova/os-availability-zone/availability-zone-detail-resp.json'],
    apiRef: ['nova\tGET\t/os-availability-zone/detail'],
  },
  {
    name: 'compute list-aggregates',
    schema: listAggregatesResponseSchema,
    globs: ['nova/os-aggregates/**/aggregates-list-get-resp.json'],
    apiRef: ['nova\tGET\t/os-aggregates'],
  },
  {
    name: 'compute aggregate (show)',
    schema: z.object({ aggregate: aggregateSchema }),
    globs: ['nova/os-aggregates/**/aggregates-get-resp.json'],
    apiRef: ['nova\tGET\t/os-aggregates/{aggregate_id}'],
  },
  {
    name: 'compute list-hypervisors',
    schema: listHypervisorsResponseSchema,
    globs: ['nova/os-hypervisors/**/hypervisors-detail*-resp.json'],
    apiRef: ['nova\tGET\t/os-hypervisors/detail'],
  },
  {
    name: 'compute hypervisor (show)',
    schema: z.object({ hypervisor: hypervisorSchema }),
    globs: ['nova/os-hypervisors/**/hypervisors-show*-resp.json'],
    apiRef: ['nova\tGET\t/os-hypervisors/{hypervisor_id}'],
  },
  {
    name: 'compute list-compute-services',
    schema: listComputeServicesResponseSchema,
    globs: ['nova/os-services/**/services-list-get-resp.json'],
    apiRef: ['nova\tGET\t/os-services'],
  },
  {
    name: 'compute get-limits',
    schema: getLimitsResponseSchema,
    globs: ['nova/limits/**/limit-get-resp.json'],
    apiRef: ['nova\tGET\t/limits'],
  },
  {
    name: 'compute get-quota-set',
    schema: getQuotaSetResponseSchema,
    globs: ['nova/os-quota-sets*/**/quotas-show-detail-get-resp.json'],
    apiRef: ['nova\tGET\t/os-quota-sets/{tenant_id}/detail'],
  },
  {
    name: 'compute and placement version documents',
    schema: versionDocumentSchema,
    globs: ['nova/versions/*.json', 'placement/samples/root/get-root.json'],
    apiRef: ['placement\tGET\t/'],
  },
  {
    name: 'network list-networks',
    schema: listNetworksResponseSchema,
    globs: ['neutron/v2/samples/networks/networks*-list-response.json'],
    apiRef: ['neutron\tGET\t/v2.0/networks'],
  },
  {
    name: 'network list-subnets',
    schema: listSubnetsResponseSchema,
    globs: ['neutron/v2/samples/subnets/subnets-list-response.json'],
    apiRef: ['neutron\tGET\t/v2.0/subnets'],
  },
  {
    name: 'network list-routers',
    schema: listRoutersResponseSchema,
    globs: ['neutron/v2/samples/routers/routers-list-response.json'],
    apiRef: ['neutron\tGET\t/v2.0/routers'],
  },
  {
    name: 'network list-ports',
    schema: listPortsResponseSchema,
    globs: ['neutron/v2/samples/ports/ports*-list-response.json'],
    apiRef: ['neutron\tGET\t/v2.0/ports'],
  },
  {
    name: 'network list-floating-ips',
    schema: listFloatingIpsResponseSchema,
    globs: ['neutron/v2/samples/floatingips/floating-ips-list-response.json'],
    apiRef: ['neutron\tGET\t/v2.0/floatingips'],
  },
  {
    name: 'network list-security-groups',
    schema: listSecurityGroupsResponseSchema,
    globs: ['neutron/v2/samples/security-groups/security-groups-list-response.json'],
    apiRef: ['neutron\tGET\t/v2.0/security-groups'],
  },
  {
    name: 'image list-images',
    schema: listImagesResponseSchema,
    globs: ['glance/v2/samples/images-list-response.json'],
    apiRef: ['glance\tGET\t/v2/images'],
  },
  {
    name: 'image (show, create, update)',
    schema: imageSchema,
    globs: ['glance/v2/samples/image-{show,create,update}-response.json'],
    apiRef: ['glance\tGET\t/v2/images/{image_id}'],
  },
  {
    name: 'placement list-resource-providers',
    schema: listResourceProvidersResponseSchema,
    globs: ['placement/samples/resource_providers/get-resource_providers.json'],
    apiRef: ['placement\tGET\t/resource_providers'],
  },
  {
    name: 'placement resource provider (show, create, update)',
    schema: resourceProviderSchema,
    globs: ['placement/samples/resource_providers/{get-resource_provider,create-resource_provider,update-resource_provider}.json'],
    apiRef: ['placement\tGET\t/resource_providers/{uuid}'],
  },
  {
    name: 'placement get-inventories',
    schema: inventoriesSchema,
    globs: ['placement/samples/inventories/{get,update}-inventories.json'],
    apiRef: ['placement\tGET\t/resource_providers/{uuid}/inventories'],
  },
  {
    name: 'placement get-usages',
    schema: usagesSchema,
    globs: ['placement/samples/resource_provider_usages/get-resource_provider_usages.json'],
    apiRef: ['placement\tGET\t/resource_providers/{uuid}/usages'],
  },
];

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] ?? '';
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (c === '*') source += '[^/]*';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [relative(samplesDir, join(dir, entry.name)).split(sep).join('/')],
  );
}

if (!existsSync(join(samplesDir, 'MANIFEST.tsv'))) {
  throw new Error(`OpenStack API samples not found at ${samplesDir}: they are expected at <repo>/../shared/openstack-api-samples`);
}

const allFiles = listFiles(samplesDir);
const apiRefRows = readFileSync(join(samplesDir, 'API-REF-MAP.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols) => cols.length >= 4);

const checked = new Map<string, number>();
afterAll(() => {
  console.info(
    `samples checked per schema:\n${[...checked].map(([name, count]) => `  ${String(count).padStart(3)}  ${name}`).join('\n')}`,
  );
});

describe.each(sets)('$name', ({ name, schema, globs, apiRef }) => {
  const patterns = globs.map(globToRegExp);
  const files = allFiles.filter((file) => patterns.some((pattern) => pattern.test(file)));
  checked.set(name, files.length);

  it('matches at least one sample', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(apiRef ?? [])('covers every api-ref sample of %s', (ref) => {
    const [service, method, url] = ref.split('\t');
    const required = apiRefRows
      .filter(([s, , m, u]) => s === service && m === method && u === url)
      .map(([s, path]) => `${s ?? ''}/${path ?? ''}`);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((file) => !files.includes(file))).toEqual([]);
  });

  it.each(files)('accepts %s', (file) => {
    const body: unknown = JSON.parse(readFileSync(join(samplesDir, file), 'utf8'));
    const result = schema.safeParse(body);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});
