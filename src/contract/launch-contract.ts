import { describe, expect } from 'vitest';
import { createCloudStepExecutor } from '../fleet/actions/cloud-steps.ts';
import { loadFanOutLaunchPlan } from '../fleet/actions/launch-load.ts';
import { LAUNCH_METADATA_KEY, launchMarker, type LaunchSpec } from '../fleet/actions/launch-plan.ts';
import {
  createServer,
  deleteServer,
  isPartialServer,
  listFlavors,
  listImages,
  listNetworks,
  listServers,
  type CloudClient,
  type ServiceHttp,
} from '../openstack/index.ts';
import { itNeeds } from './client-contract.ts';
import { contractClient, failureOf } from './contract-client.ts';
import type { ContractTarget } from './contract-target.ts';

/** A spec the site can resolve: an active image that is the only one of its name, the smallest flavor by shape, a network with a subnet. */
async function resolvableSpec(client: CloudClient, region: string, name: string): Promise<LaunchSpec> {
  const [compute, image, network] = await Promise.all([client.serviceHttp('compute', region), client.serviceHttp('image', region), client.serviceHttp('network', region)]);
  const images: { name: string; status: string }[] = [];
  for await (const page of listImages(image)) images.push(...page.flatMap((i) => (i.name ? [{ name: i.name, status: i.status }] : [])));
  const unique = images.find((i) => i.status === 'active' && images.filter((other) => other.name === i.name).length === 1);
  const flavors = [];
  for await (const page of listFlavors(compute)) flavors.push(...page);
  const smallest = flavors.sort((a, b) => a.ram - b.ram || a.vcpus - b.vcpus || a.disk - b.disk)[0];
  const projectId = client.session()?.project?.id;
  const bootable: { name: string; project_id: string }[] = [];
  for await (const page of listNetworks(network)) bootable.push(...page.filter((n) => n.subnets.length > 0 && !n['router:external']));
  // The project's own network; an admin (the lab's contract user) may boot on another project's.
  const own = (bootable.find((n) => n.project_id === projectId) ?? bootable[0])?.name;
  const lacking = [unique ? '' : `an active image of a unique name (of ${images.length})`, smallest ? '' : 'a flavor', own ? '' : 'a network with a subnet'].filter(Boolean);
  if (!unique || !smallest || !own) throw new Error(`${client.cloud}/${region} lacks ${lacking.join(', ')} to boot on`);
  return { name, image: { name: unique.name }, flavor: { vcpus: smallest.vcpus, ram: smallest.ram, disk: smallest.disk }, network: own };
}

async function serversNamed(compute: ServiceHttp, name: string) {
  const found = [];
  for await (const page of listServers(compute)) found.push(...page.filter((server) => !isPartialServer(server) && server.name === name));
  return found;
}

/**
 * Fan-out launch's boot, against each backend: the spec resolved to the
 * site's ids, one POST /servers, the server listed with the launch's
 * metadata, a second plan that finds it, and Nova's 400 for an unknown
 * image. Every test boots a uniquely named server and deletes it.
 */
export function describeLaunchContract(target: ContractTarget): void {
  describe(`fan-out launch (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!(['compute', 'image', 'network'] as const).every((service) => cloud.services.includes(service))) continue;
      const region = cloud.regions[0]?.name ?? '';
      itNeeds(cloud, ['compute', 'image', 'network'], `${cloud.name}: boots the resolved spec once, finds it again, refuses an unknown image`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        await client.signIn();
        const compute = await client.serviceHttp('compute', region);
        const spec = await resolvableSpec(client, region, `contract-launch-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
        const targets = [{ cloud: cloud.name, region }];
        const clientFor = (name: string) => (name === cloud.name ? client : undefined);
        try {
          const plan = await loadFanOutLaunchPlan(clientFor, { planId: 'contract', now: 0, spec, targets });
          const [step] = plan.steps;
          expect(step?.change).toBe('create');
          if (step?.operation.kind !== 'create-server') throw new Error('no boot planned');

          const refused = await failureOf(createServer(compute, { ...step.operation, imageId: '00000000-0000-4000-a000-000000000000' }));
          expect(refused).toMatchObject({ kind: 'http', status: 400 });

          const execute = createCloudStepExecutor({ service: (_target, serviceType) => client.serviceHttp(serviceType, region), projectId: () => client.session()?.project?.id });
          expect(await execute(step, new AbortController().signal)).toMatchObject({ result: 'done', requestIds: [expect.stringMatching(/^req-/)] });

          const [server, ...others] = await serversNamed(compute, spec.name);
          expect(others).toEqual([]);
          if (!server || isPartialServer(server)) throw new Error('the booted server is not listed in full');
          expect(server.metadata).toEqual({ [LAUNCH_METADATA_KEY]: launchMarker(spec) });
          expect(server.flavor).toBeDefined();

          const again = await loadFanOutLaunchPlan(clientFor, { planId: 'contract-2', now: 1, spec, targets });
          expect(again.steps.map((s) => s.change)).toEqual(['no-change']);
          expect(await execute(step, new AbortController().signal)).toMatchObject({ result: 'already-done' });
        } finally {
          for (const server of await serversNamed(compute, spec.name)) await deleteServer(compute, server.id).catch(() => undefined);
        }
      });
    }
  });
}
