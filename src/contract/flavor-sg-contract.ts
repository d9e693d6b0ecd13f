import { describe, expect } from 'vitest';
import { createCloudStepExecutor } from '../fleet/actions/cloud-steps.ts';
import type { ActionTarget, PlanStep } from '../fleet/actions/plan.ts';
import {
  createFlavor,
  createFlavorExtraSpecs,
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  listFlavorExtraSpecs,
  listFlavors,
  listSecurityGroups,
  ruleSpecOf,
  type CloudClient,
  type Flavor,
  type FlavorShape,
  type SecurityGroup,
  type SecurityGroupRuleSpec,
  type ServiceHttp,
} from '../openstack/index.ts';
import { itNeeds } from './client-contract.ts';
import { contractClient, failureOf } from './contract-client.ts';
import type { ContractTarget } from './contract-target.ts';

const uniqueName = (kind: string) => `contract-${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Keys of four kinds an operator sets; Nova (2.86+) validates each of them. */
const SPECS = { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large', 'aggregate_instance_extra_specs:ssd': 'true', 'trait:HW_CPU_X86_AVX2': 'required' };

async function flavorNamed(compute: ServiceHttp, name: string): Promise<Flavor | undefined> {
  for await (const page of listFlavors(compute, { includePrivate: true })) {
    const found = page.find((flavor) => flavor.name === name);
    if (found) return found;
  }
  return undefined;
}

async function ownGroups(network: ServiceHttp, projectId: string | undefined): Promise<SecurityGroup[]> {
  const groups: SecurityGroup[] = [];
  for await (const page of listSecurityGroups(network)) groups.push(...page.filter((group) => group.project_id === projectId));
  return groups;
}

/**
 * Flavors are deleted through the raw call: the console itself never deletes
 * one, nor does the simulator (its fleet is thrown away after the test).
 */
async function deleteFlavor(compute: ServiceHttp, id: string): Promise<void> {
  await compute.request({ method: 'DELETE', url: `flavors/${encodeURIComponent(id)}` }).catch(() => undefined);
}

function executorFor(client: CloudClient) {
  return createCloudStepExecutor({
    service: (target, serviceType, signal) => client.serviceHttp(serviceType, target.region, signal),
    projectId: () => client.session()?.project?.id,
  });
}

function step(target: ActionTarget, operation: PlanStep['operation']): PlanStep {
  return { id: 's', target, change: 'create', resource: 'contract', call: 'contract', destructive: false, operation };
}

/**
 * What flavor parity and security group sync rely on, against each backend:
 * extra specs set, merged, read inline (2.61+) and alone, validated; rules
 * whose remote is the group itself or another group; and the executor's
 * steps that create a flavor with its extra specs and a group whose rules
 * name groups, mapping each remote by name. Every flavor made is private
 * (the admin's public flavor count stays as seeded) and deleted at the end,
 * as is every group.
 */
export function describeFlavorAndGroupContract(target: ContractTarget): void {
  describe(`flavor extra specs (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!cloud.services.includes('compute')) continue;
      const region = cloud.regions[0]?.name ?? '';
      itNeeds(cloud, ['compute'], `${cloud.name}: sets, merges, reads inline and alone, refuses an invalid value`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const compute = await client.serviceHttp('compute', region);
        const shape: FlavorShape = { name: uniqueName('flavor'), vcpus: 1, ram: 64, disk: 0, ephemeral: 0, swap: 0, isPublic: false };
        const { flavor } = await createFlavor(compute, shape);
        try {
          // Our microversion is past 2.61: a new flavor shows its (empty) extra specs inline.
          expect(flavor.extra_specs).toEqual({});
          const set = await createFlavorExtraSpecs(compute, flavor.id, SPECS);
          expect(set.extraSpecs).toEqual(SPECS);
          expect(set.requestId).toMatch(/^req-/);
          expect(await listFlavorExtraSpecs(compute, flavor.id)).toEqual(SPECS);

          const merged = await createFlavorExtraSpecs(compute, flavor.id, { 'hw:cpu_policy': 'shared' });
          expect(merged.extraSpecs).toEqual({ 'hw:cpu_policy': 'shared' });
          expect((await flavorNamed(compute, shape.name))?.extra_specs).toEqual({ ...SPECS, 'hw:cpu_policy': 'shared' });

          expect(await failureOf(createFlavorExtraSpecs(compute, flavor.id, { 'hw:cpu_policy': 'sideways' }))).toMatchObject({ kind: 'http', status: 400 });
          expect(await failureOf(listFlavorExtraSpecs(compute, `${flavor.id}-gone`))).toMatchObject({ kind: 'not-found', status: 404 });
        } finally {
          await deleteFlavor(compute, flavor.id);
        }
      });

      itNeeds(cloud, ['compute'], `${cloud.name}: the flavor parity step creates a flavor with its extra specs, once`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const compute = await client.serviceHttp('compute', region);
        const shape: FlavorShape = { name: uniqueName('parity'), vcpus: 2, ram: 128, disk: 1, ephemeral: 0, swap: 0, isPublic: false, extraSpecs: SPECS };
        const execute = executorFor(client);
        const signal = new AbortController().signal;
        try {
          expect((await execute(step({ cloud: cloud.name, region }, { kind: 'create-flavor', flavor: shape }), signal)).result).toBe('done');
          expect((await flavorNamed(compute, shape.name))?.extra_specs).toEqual(SPECS);
          expect((await execute(step({ cloud: cloud.name, region }, { kind: 'create-flavor', flavor: shape }), signal)).result).toBe('already-done');

          const more = { 'hw:numa_nodes': '1' };
          expect((await execute(step({ cloud: cloud.name, region }, { kind: 'set-flavor-extra-specs', flavorName: shape.name, extraSpecs: { ...SPECS, ...more } }), signal)).result).toBe('done');
          expect((await flavorNamed(compute, shape.name))?.extra_specs).toEqual({ ...SPECS, ...more });
          const refused = execute(step({ cloud: cloud.name, region }, { kind: 'set-flavor-extra-specs', flavorName: shape.name, extraSpecs: { 'hw:cpu_policy': 'shared' } }), signal);
          await expect(refused).rejects.toThrow(/hw:cpu_policy is dedicated, the plan wants shared/);
        } finally {
          const created = await flavorNamed(compute, shape.name);
          if (created) await deleteFlavor(compute, created.id);
        }
      });
    }
  });

  describe(`security group rules with a remote group (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!cloud.services.includes('network')) continue;
      const region = cloud.regions[0]?.name ?? '';
      itNeeds(cloud, ['network'], `${cloud.name}: a rule names its own group or another; a missing remote or a remote with a prefix is refused`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const network = await client.serviceHttp('network', region);
        const db = (await createSecurityGroup(network, { name: uniqueName('db'), description: 'contract test' })).securityGroup;
        const web = (await createSecurityGroup(network, { name: uniqueName('web'), description: 'contract test' })).securityGroup;
        try {
          const fromDb: SecurityGroupRuleSpec = { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 5432, port_range_max: 5432, remote_ip_prefix: null, remoteSelf: false, remoteGroupName: db.name };
          const added = await createSecurityGroupRule(network, web.id, fromDb, { remoteGroupId: db.id });
          expect(added.rule).toMatchObject({ security_group_id: web.id, remote_group_id: db.id, remote_ip_prefix: null });
          const self = await createSecurityGroupRule(network, web.id, { ...fromDb, port_range_min: 80, port_range_max: 80, remoteGroupName: undefined, remoteSelf: true });
          expect(self.rule.remote_group_id).toBe(web.id);
          expect(await failureOf(createSecurityGroupRule(network, web.id, fromDb, { remoteGroupId: db.id }))).toMatchObject({ kind: 'http', status: 409 });

          const names = new Map([
            [db.id, db.name],
            [web.id, web.name],
          ]);
          const listed = (await ownGroups(network, client.session()?.project?.id)).find((group) => group.id === web.id);
          const remotes = (listed?.security_group_rules ?? []).filter((rule) => rule.direction === 'ingress').map((rule) => ruleSpecOf(rule, names));
          expect(remotes.map((spec) => [spec.port_range_min, spec.remoteSelf, spec.remoteGroupName ?? null]).sort()).toEqual([
            [5432, false, db.name],
            [80, true, null],
          ]);
          // Neutron (Wallaby+) names the address-group remote too; it is null on these rules.
          expect((listed?.security_group_rules ?? []).every((rule) => (rule.remote_address_group_id ?? null) === null)).toBe(true);

          const missing = await failureOf(createSecurityGroupRule(network, web.id, { ...fromDb, port_range_min: 6379, port_range_max: 6379 }, { remoteGroupId: '7c9a2e4b-0000-4000-8000-000000000000' }));
          expect(missing).toMatchObject({ kind: 'not-found', status: 404 });
          const both = { security_group_id: web.id, direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.0.0.0/8', remote_group_id: db.id };
          expect(await failureOf(network.request({ method: 'POST', url: 'security-group-rules', body: { security_group_rule: both } }))).toMatchObject({ kind: 'http', status: 400 });
        } finally {
          await deleteSecurityGroup(network, web.id).catch(() => undefined);
          await deleteSecurityGroup(network, db.id).catch(() => undefined);
        }
      });

      itNeeds(cloud, ['network'], `${cloud.name}: the sync step maps a rule's remote group by name and creates nothing when it is missing`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const network = await client.serviceHttp('network', region);
        const projectId = client.session()?.project?.id;
        const [dbName, webName] = [uniqueName('db'), uniqueName('web')];
        const execute = executorFor(client);
        const signal = new AbortController().signal;
        const where = { cloud: cloud.name, region };
        const rules: SecurityGroupRuleSpec[] = [
          { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 8080, port_range_max: 8080, remote_ip_prefix: null, remoteSelf: false, remoteGroupName: dbName },
          { direction: 'ingress', ethertype: 'IPv4', protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remoteSelf: true },
        ];
        const syncWeb = step(where, { kind: 'sync-security-group', name: webName, description: 'contract test', rules });
        try {
          await expect(execute(syncWeb, signal)).rejects.toThrow(`remote group ${dbName} missing on ${cloud.name}/${region}`);
          expect((await ownGroups(network, projectId)).filter((group) => group.name === webName)).toEqual([]);

          expect((await execute(step(where, { kind: 'sync-security-group', name: dbName, description: 'contract test', rules: [], createOnly: true }), signal)).result).toBe('done');
          expect((await execute(syncWeb, signal)).result).toBe('done');
          const groups = await ownGroups(network, projectId);
          const db = groups.find((group) => group.name === dbName);
          const web = groups.find((group) => group.name === webName);
          expect(web?.security_group_rules.filter((rule) => rule.direction === 'ingress').map((rule) => [rule.port_range_min, rule.remote_group_id]).sort()).toEqual([
            [null, web?.id],
            [8080, db?.id],
          ]);
          expect((await execute(syncWeb, signal)).result).toBe('already-done');
        } finally {
          const left = await ownGroups(network, projectId);
          // web first: its rule names db.
          for (const name of [webName, dbName]) {
            for (const group of left.filter((candidate) => candidate.name === name)) await deleteSecurityGroup(network, group.id).catch(() => undefined);
          }
        }
      });
    }
  });
}
