import { describe, expect, it } from 'vitest';
import { createCloudStepExecutor } from '../fleet/actions/cloud-steps.ts';
import { loadFlavorParityPlan, loadSecurityGroupSyncPlan } from '../fleet/actions/load-plans.ts';
import type { PlanStep } from '../fleet/actions/plan.ts';
import type { StepExecutor } from '../fleet/actions/execute-plan.ts';
import { planServerLifecycle, type LifecycleVerb } from '../fleet/actions/server-lifecycle.ts';
import { createCloudClient, createFlavor, createHttpPolicy, createSecurityGroup, createSecurityGroupRule, getServer, isPartialServer, listFlavors, type CloudClient, type RequestEvent, type Server } from '../openstack/index.ts';
import { failureOf } from './contract-client.ts';
import { createSimFleet, type SimCloudInfo } from '../sim/index.ts';
import { simFetch, simOriginFor } from './sim-target.ts';

/** The action engine's steps against the simulator, through the real client: what the bulk server actions rely on. */
function setup(spec = 'sites=2,servers=8,seed=5') {
  const sim = createSimFleet(spec, { originFor: simOriginFor });
  const events: RequestEvent[] = [];
  const policy = createHttpPolicy({ fetch: simFetch(sim), observers: [(event) => events.push(event)], retry: { baseDelayMs: 1 } });
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
  const clientOf = (cloud: string) => clients.get(cloud) as CloudClient;
  const execute: StepExecutor = createCloudStepExecutor({
    service: (target, serviceType, signal) => clientOf(target.cloud).serviceHttp(serviceType, target.region, signal),
    projectId: (target) => clientOf(target.cloud).session()?.project?.id,
  });
  const writes = () => events.filter((event) => event.method !== 'GET' && !event.url.endsWith('/auth/tokens'));
  return { sim, clientOf, execute, writes };
}

async function serversOf(client: CloudClient): Promise<Server[]> {
  const all: Server[] = [];
  for await (const page of (await client.compute('RegionOne')).servers({ allTenants: true })) all.push(...page);
  return all;
}

async function runVerb(execute: StepExecutor, verb: LifecycleVerb, servers: Server[], cloud: string, tag?: string) {
  const plan = planServerLifecycle({
    planId: 'p',
    now: 0,
    verb,
    tag,
    servers: servers.flatMap((s) => (isPartialServer(s) ? [] : [{ cloud, region: 'RegionOne', id: s.id, name: s.name, status: s.status }])),
  });
  const signal = new AbortController().signal;
  return Promise.all(plan.steps.map((step) => execute(step, signal)));
}

describe('server lifecycle steps on the simulator', () => {
  it('stops a running server once; stopping it again sends nothing', async () => {
    const { clientOf, execute, writes } = setup();
    const ams = clientOf('ams');
    const running = (await serversOf(ams)).filter((s) => s.status === 'ACTIVE').slice(0, 2);
    expect(running).toHaveLength(2);
    expect((await runVerb(execute, 'stop', running, 'ams')).map((o) => o.result)).toEqual(['done', 'done']);
    expect(writes().map((w) => [w.method, w.status])).toEqual([
      ['POST', 202],
      ['POST', 202],
    ]);
    const after = await serversOf(ams);
    expect(running.map((s) => after.find((a) => a.id === s.id)?.status)).toEqual(['SHUTOFF', 'SHUTOFF']);
    expect((await runVerb(execute, 'stop', running, 'ams')).map((o) => o.result)).toEqual(['already-done', 'already-done']);
    expect(writes()).toHaveLength(2);
    expect((await runVerb(execute, 'start', running, 'ams')).map((o) => o.result)).toEqual(['done', 'done']);
  });

  it('locks, tags and deletes; a deleted server is gone from the listing and deleting it again sends nothing', async () => {
    const { clientOf, execute, writes } = setup();
    const fra = clientOf('fra');
    const [first] = await serversOf(fra);
    if (!first) throw new Error('fra has no servers');
    await runVerb(execute, 'lock', [first], 'fra');
    await runVerb(execute, 'tag', [first], 'fra', 'maintenance');
    const compute = await fra.serviceHttp('compute', 'RegionOne');
    expect(await getServer(compute, first.id)).toMatchObject({ locked: true, tags: ['maintenance'] });
    await runVerb(execute, 'delete', [first], 'fra');
    expect((await serversOf(fra)).some((s) => s.id === first.id)).toBe(false);
    expect(await getServer(compute, first.id)).toBeUndefined();
    expect((await runVerb(execute, 'delete', [first], 'fra'))[0]?.result).toBe('already-done');
    expect(writes().map((w) => `${w.method} ${w.status}`)).toEqual(['POST 202', 'PUT 200', 'DELETE 204']);
  });

  it('fails the steps of a failing cloud with its name, and leaves the other clouds alone', async () => {
    const { clientOf, execute } = setup('sites=2,servers=8,seed=5,fault.ams=http5xx:1');
    const stop = runVerb(execute, 'stop', [{ id: 'x', name: 'x', status: 'ACTIVE' } as Server], 'ams');
    await expect(stop).rejects.toMatchObject({ cloud: 'ams' });
    expect(await serversOf(clientOf('fra'))).not.toHaveLength(0);
  });
});

describe('flavor parity on the simulator', () => {
  it('creates the reference’s missing flavors as admin, once', async () => {
    const { clientOf, execute, writes } = setup('regional=1x2,sites=1,servers=2,seed=5');
    const core = clientOf('core');
    const reference = await core.serviceHttp('compute', 'eu-west-1');
    const target = await core.serviceHttp('compute', 'eu-central-1');
    const name = 'parity.test';
    await createFlavor(reference, { name, vcpus: 3, ram: 3072, disk: 30, ephemeral: 0, swap: 0, isPublic: true });
    const plan = await loadFlavorParityPlan((cloud) => (cloud === 'core' ? core : undefined), {
      planId: 'p',
      now: 0,
      reference: { cloud: 'core', region: 'eu-west-1' },
      targets: [{ cloud: 'core', region: 'eu-central-1' }],
    });
    const create = plan.steps.filter((step) => step.change === 'create');
    expect(create.map((step) => step.resource)).toEqual([`flavor ${name}`]);
    const signal = new AbortController().signal;
    expect((await execute(create[0] as PlanStep, signal)).result).toBe('done');
    expect((await execute(create[0] as PlanStep, signal)).result).toBe('already-done');
    expect(writes().map((w) => `${w.method} ${w.status}`)).toEqual(['POST 200', 'POST 200']);
    const shapes: string[] = [];
    for await (const page of listFlavors(target)) shapes.push(...page.filter((f) => f.name === name).map((f) => `${f.vcpus}/${f.ram}/${f.disk}`));
    expect(shapes).toEqual(['3/3072/30']);
    expect(await failureOf(createFlavor(target, { name, vcpus: 1, ram: 1, disk: 0, ephemeral: 0, swap: 0, isPublic: true }))).toMatchObject({ status: 409 });
  });
});

describe('security group sync on the simulator', () => {
  it('creates the group with its rules where it is missing, and a second run finds nothing to do', async () => {
    const { clientOf, execute, writes } = setup('sites=3,servers=2,seed=5');
    const clientFor = (cloud: string) => clientOf(cloud);
    const source = clientOf('ams');
    const network = await source.serviceHttp('network', 'RegionOne');
    const { securityGroup } = await createSecurityGroup(network, { name: 'e2e-web', description: 'web' });
    await createSecurityGroupRule(network, securityGroup.id, { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0', remoteSelf: false });
    await createSecurityGroupRule(network, securityGroup.id, { direction: 'ingress', ethertype: 'IPv4', protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remoteSelf: true });
    const request = { planId: 'p', now: 0, source: { cloud: 'ams', region: 'RegionOne' }, name: 'e2e-web', targets: [{ cloud: 'fra', region: 'RegionOne' }] };
    const plan = await loadSecurityGroupSyncPlan(clientFor, request);
    expect(plan.steps.map((step) => [step.target.cloud, step.change, step.reason])).toEqual([['fra', 'create', 'with 4 rules']]);
    const step = plan.steps[0] as PlanStep;
    const signal = new AbortController().signal;
    expect((await execute(step, signal)).result).toBe('done');
    expect(writes().filter((w) => w.url.includes('fra')).map((w) => `${w.method} ${w.url.split('/v2.0/')[1]} ${w.status}`)).toEqual([
      'POST security-groups 201',
      'POST security-group-rules 201',
      'POST security-group-rules 201',
    ]);
    expect((await execute(step, signal)).result).toBe('already-done');
    expect((await loadSecurityGroupSyncPlan(clientFor, request)).steps.map((s) => s.change)).toEqual(['no-change']);
  });
});
