import { describe, expect, vi } from 'vitest';
import { createCloudClient, createHttpPolicy, isPartialServer, type CloudClient } from '../openstack/index.ts';
import { describeClientContract, itNeeds } from './client-contract.ts';
import { contractClient } from './contract-client.ts';
import type { ContractCloud } from './contract-target.ts';
import { labCloud, type LabCloud } from './lab-json.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

// Real services answer in tens of milliseconds rather than microseconds, and a sign-in costs a bcrypt round.
vi.setConfig({ testTimeout: 60_000 });

const lab = readLabJson();
const target = createLabTarget(lab, globalThis.fetch.bind(globalThis));

describeClientContract(target);

/**
 * What the lab seeded, by name, through the client: the console has no
 * images view yet (/images is a planned page), so the seeded Glance images
 * are checked here rather than in the browser.
 */
describe('the lab’s seed, through the client', () => {
  for (const cloud of target.clouds) {
    const seeded = labCloud(lab, cloud.name);
    const region = cloud.regions[0]?.name ?? '';
    describe(cloud.name, () => {
      const admin = contractClient(target.fetch, cloud).client;

      if (cloud.services.includes('image')) {
        itNeeds(cloud, ['image'], `lists the seeded images: ${seeded.seeded.images.join(', ')}`, async () => {
          const names: string[] = [];
          for await (const page of (await admin.image(region)).images()) names.push(...page.map((image) => image.name ?? ''));
          expect([...names].sort()).toEqual([...seeded.seeded.images].sort());
        });
      }

      if (cloud.services.includes('compute')) {
        // Keypairs belong to the user who made them: the seed made them as demo, so demo sees them and the admin does not.
        itNeeds(cloud, ['compute'], `lists demo’s own keypairs: ${seeded.seeded.keypairs.join(', ') || '(none)'}`, async () => {
          const names: string[] = [];
          for await (const page of (await demoClient(cloud, seeded).compute(region)).keypairs()) names.push(...page.map((k) => k.name));
          expect([...names].sort()).toEqual([...seeded.seeded.keypairs].sort());
        });

        itNeeds(cloud, ['compute'], 'lists every seeded server in its availability zone, in every region', async () => {
          const expected = Object.entries(seeded.seeded.servers).map(([name, server]) => [name, server.availability_zone, server.status]);
          for (const { name } of cloud.regions) expect(await serversOf(admin, name)).toEqual(expected.sort());
        });
      }
    });
  }
});

/** The seed's unprivileged user, in its own project. */
function demoClient(cloud: ContractCloud, seeded: LabCloud): CloudClient {
  const { demo } = seeded.credentials;
  return createCloudClient({
    cloud: cloud.name,
    authUrl: cloud.authUrl,
    auth: { type: 'password', username: demo.username, userDomainName: demo.user_domain_name, password: demo.password },
    scope: { projectName: demo.project_name, projectDomainName: demo.project_domain_name },
    policy: createHttpPolicy({ fetch: target.fetch }),
  });
}

async function serversOf(client: CloudClient, region: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const page of (await client.compute(region)).servers({ allTenants: true })) {
    for (const server of page) {
      if (isPartialServer(server)) throw new Error(`server ${server.id} is in a cell Nova cannot reach`);
      rows.push([server.name, server['OS-EXT-AZ:availability_zone'], server.status]);
    }
  }
  return rows.sort();
}
