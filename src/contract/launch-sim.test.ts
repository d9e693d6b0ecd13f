import { describe, expect, it } from 'vitest';
import { createCloudStepExecutor } from '../fleet/actions/cloud-steps.ts';
import { LAUNCH_METADATA_KEY, launchMarker, type LaunchSpec } from '../fleet/actions/launch-plan.ts';
import { loadFanOutLaunchPlan } from '../fleet/actions/launch-load.ts';
import {
  createCloudClient,
  createHttpPolicy,
  createServer,
  importKeypair,
  isOpenStackError,
  isPartialServer,
  listNetworks,
  listServers,
  type CloudClient,
  type RequestEvent,
} from '../openstack/index.ts';
import { createSimFleet, type SimCloudInfo } from '../sim/index.ts';
import { simOriginFor } from './sim-target.ts';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOr5xYwVq2f7Pp0k4QWm9n1Z3c8rLhT6bJd2sXyQeA1u launch@archipelago';

/** Fan-out launch against the simulator through the real client; `loseNextBoot` drops the answer to a POST /servers that took effect. */
function setup() {
  const sim = createSimFleet('sites=3,servers=0,seed=5', { originFor: simOriginFor });
  const events: RequestEvent[] = [];
  const faults = { loseNextBoot: false };
  const policy = createHttpPolicy({
    fetch: async (url, init) => {
      const request = new Request(url, init);
      const boot = request.method === 'POST' && new URL(request.url).pathname.endsWith('/servers');
      const response = await sim.handle(request);
      if (response === undefined) throw new TypeError('Failed to fetch');
      if (boot && faults.loseNextBoot) {
        faults.loseNextBoot = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    },
    observers: [(event) => events.push(event)],
    retry: { baseDelayMs: 1 },
  });
  const clients = new Map<string, CloudClient>(
    sim.clouds().map((cloud: SimCloudInfo) => [
      cloud.name,
      createCloudClient({
        cloud: cloud.name,
        authUrl: cloud.authUrl,
        auth: { type: 'password', username: cloud.username, password: cloud.password, userDomainName: cloud.userDomainName },
        scope: { projectName: cloud.projectName, projectDomainName: cloud.projectDomainName },
        policy,
      }),
    ]),
  );
  const clientFor = (cloud: string) => clients.get(cloud);
  const clientOf = (cloud: string) => clients.get(cloud) as CloudClient;
  const execute = createCloudStepExecutor({
    service: (target, serviceType, signal) => clientOf(target.cloud).serviceHttp(serviceType, target.region, signal),
    projectId: (target) => clientOf(target.cloud).session()?.project?.id,
  });
  const boots = () => events.filter((event) => event.method === 'POST' && event.url.endsWith('/servers'));
  const targets = sim.clouds().map((cloud) => ({ cloud: cloud.name, region: 'RegionOne' }));
  return { clientFor, clientOf, execute, boots, faults, targets };
}

/** The signed-in project's own network: named alike on every simulated site. */
async function projectNetworkName(client: CloudClient): Promise<string> {
  await client.signIn();
  const projectId = client.session()?.project?.id;
  for await (const page of listNetworks(await client.serviceHttp('network', 'RegionOne'))) {
    const own = page.find((network) => network.project_id === projectId);
    if (own) return own.name;
  }
  throw new Error('the project has no network');
}

async function serversNamed(client: CloudClient, name: string) {
  const found = [];
  for await (const page of listServers(await client.serviceHttp('compute', 'RegionOne'))) found.push(...page.filter((server) => 'name' in server && server.name === name));
  return found;
}

describe('fan-out launch on the simulator', () => {
  it('boots on every site with its own ids, once, even when an answer is lost; a second plan finds them all', async () => {
    const { clientFor, clientOf, execute, boots, faults, targets } = setup();
    const first = clientOf(targets[0]?.cloud ?? '');
    for (const target of targets) await importKeypair(await clientOf(target.cloud).serviceHttp('compute', 'RegionOne'), { name: 'launch-key', publicKey: KEY });
    const spec: LaunchSpec = { name: 'launch-e2e', image: { name: 'cirros-0.6.2-x86_64-disk' }, flavor: { vcpus: 1, ram: 2048, disk: 20 }, network: await projectNetworkName(first), keypair: 'launch-key' };

    const plan = await loadFanOutLaunchPlan(clientFor, { planId: 'p1', now: 0, spec, targets });
    expect(plan.steps.map((step) => step.change)).toEqual(['create', 'create', 'create']);
    const imageIds = plan.steps.map((step) => (step.operation.kind === 'create-server' ? step.operation.imageId : ''));
    expect(new Set(imageIds).size).toBe(3);

    faults.loseNextBoot = true;
    const signal = new AbortController().signal;
    const outcomes = [];
    for (const step of plan.steps) outcomes.push(await execute(step, signal));
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['done', 'done', 'done']);
    expect(boots()).toHaveLength(3);

    for (const [index, target] of targets.entries()) {
      const servers = await serversNamed(clientOf(target.cloud), spec.name);
      expect(servers).toHaveLength(1);
      const [server] = servers;
      if (!server || isPartialServer(server)) throw new Error('the launched server is not listed in full');
      expect(server).toMatchObject({ status: 'ACTIVE', key_name: 'launch-key', metadata: { [LAUNCH_METADATA_KEY]: launchMarker(spec) }, image: { id: imageIds[index] } });
      expect(Object.keys(server.addresses)).toEqual([spec.network]);
    }

    const again = await loadFanOutLaunchPlan(clientFor, { planId: 'p2', now: 1, spec, targets });
    expect(again.steps.map((step) => step.change)).toEqual(['no-change', 'no-change', 'no-change']);
  });

  it('refuses a boot naming what the site does not have, as Nova does (400)', async () => {
    const { clientOf, targets } = setup();
    const client = clientOf(targets[0]?.cloud ?? '');
    const network = await projectNetworkName(client);
    const compute = await client.serviceHttp('compute', 'RegionOne');
    const plan = await loadFanOutLaunchPlan((cloud) => clientOf(cloud), {
      planId: 'p',
      now: 0,
      spec: { name: 'x', image: { name: 'cirros-0.6.2-x86_64-disk' }, flavor: { name: 'm1.tiny' }, network },
      targets: targets.slice(0, 1),
    });
    const step = plan.steps[0];
    if (step?.operation.kind !== 'create-server') throw new Error('no boot planned');
    const good = step.operation;
    const attempts = [
      { ...good, imageId: 'no-such-image' },
      { ...good, flavorId: 'no-such-flavor' },
      { ...good, networkId: 'no-such-network' },
      { ...good, keyName: 'no-such-key' },
    ];
    const statuses = await Promise.all(attempts.map((input) => createServer(compute, input).then(() => 202, (error: unknown) => (isOpenStackError(error) ? error.status : 0))));
    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(await serversNamed(client, 'x')).toEqual([]);
  });
});
