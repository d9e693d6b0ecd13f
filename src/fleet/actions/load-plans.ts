import {
  flavorShape,
  getKeypair,
  getServer,
  isOpenStackError,
  isPartialServer,
  listFlavorExtraSpecs,
  listFlavors,
  listSecurityGroups,
  ruleSpecOf,
  type CloudClient,
  type Flavor,
  type FlavorShape,
  type Keypair,
  type SecurityGroup,
  type ServiceHttp,
} from '../../openstack/index.ts';
import { describeError } from '../health/describe-error.ts';
import { planFlavorParity, type TargetFlavors } from './flavor-parity.ts';
import { planKeypairSync, type TargetKeypairState } from './keypair-sync.ts';
import { planSecurityGroupSync, remoteGroupNames, type GroupToSync, type TargetGroupsState } from './security-group-sync.ts';
import type { ActionPlan, ActionTarget } from './plan.ts';
import { planServerLifecycle, type LifecycleServer, type LifecycleVerb } from './server-lifecycle.ts';

/** What the plan loaders need of the fleet: a signed-in client per cloud. */
export type ClientFor = (cloud: string) => CloudClient | undefined;

function reasonOf(error: unknown): string {
  const description = describeError(error);
  return [description.headline, description.detail].filter(Boolean).join(': ');
}

function clientOrThrow(clientFor: ClientFor, cloud: string): CloudClient {
  const client = clientFor(cloud);
  if (!client) throw new Error(`cloud ${cloud} is not in the registry`);
  return client;
}

export interface KeypairSyncRequest {
  planId: string;
  now: number;
  source: ActionTarget;
  name: string;
  targets: readonly ActionTarget[];
  signal?: AbortSignal;
}

/** Reads the key pair at the source and what each target holds under its name, then plans. */
export async function loadKeypairSyncPlan(clientFor: ClientFor, request: KeypairSyncRequest): Promise<ActionPlan> {
  const { source, name, signal } = request;
  const sourceCompute = await clientOrThrow(clientFor, source.cloud).serviceHttp('compute', source.region, signal);
  const keypair: Keypair | undefined = await getKeypair(sourceCompute, name, { signal });
  if (!keypair) throw new Error(`key pair ${name} is not in ${source.cloud}/${source.region}`);
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetKeypairState> => {
      try {
        const compute = await clientOrThrow(clientFor, target.cloud).serviceHttp('compute', target.region, signal);
        const existing = await getKeypair(compute, name, { signal });
        return existing ? { target, state: 'present', keypair: existing } : { target, state: 'absent' };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, state: 'unknown', error: reasonOf(error) };
      }
    }),
  );
  return planKeypairSync({ planId: request.planId, now: request.now, source, keypair, targets });
}

export interface ServerLifecycleRequest {
  planId: string;
  now: number;
  verb: LifecycleVerb;
  tag?: string;
  /** `cloud/region/id`, as the inventory keys its rows. */
  serverKeys: readonly string[];
  signal?: AbortSignal;
}

export function parseServerKey(key: string): { cloud: string; region: string; id: string } | undefined {
  const parts = key.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
  const [cloud, region, id] = parts as [string, string, string];
  return { cloud, region, id };
}

/** Reads every selected server as it is now (the inventory may be a minute old), then plans. */
export async function loadServerLifecyclePlan(clientFor: ClientFor, request: ServerLifecycleRequest): Promise<ActionPlan> {
  const { signal } = request;
  const refs = request.serverKeys.map(parseServerKey).filter((ref) => ref !== undefined);
  const servers = await Promise.all(
    refs.map(async (ref): Promise<LifecycleServer> => {
      try {
        const compute = await clientOrThrow(clientFor, ref.cloud).serviceHttp('compute', ref.region, signal);
        const server = await getServer(compute, ref.id, { signal });
        if (!server) return { ...ref, name: '', status: 'UNKNOWN', unreadable: 'the server no longer exists' };
        if (isPartialServer(server)) return { ...ref, name: '', status: 'UNKNOWN' };
        return { ...ref, name: server.name, status: server.status, locked: server.locked, tags: server.tags };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { ...ref, name: '', status: 'UNKNOWN', unreadable: `its state could not be read (${reasonOf(error)})` };
      }
    }),
  );
  return planServerLifecycle({ planId: request.planId, now: request.now, verb: request.verb, tag: request.tag, servers });
}

/** Who the calls go out as on each cloud: `user@project`, for the audit log. */
export function actorsOf(clientFor: ClientFor, plan: ActionPlan): Record<string, string> {
  const clouds = [...new Set(plan.steps.map((step) => step.target.cloud))];
  return Object.fromEntries(
    clouds.map((cloud) => {
      const session = clientFor(cloud)?.session();
      return [cloud, session ? `${session.user.name}@${session.project?.name ?? '(unscoped)'}` : '(not signed in)'];
    }),
  );
}

async function listAllFlavors(compute: ServiceHttp, signal?: AbortSignal): Promise<Flavor[]> {
  const flavors: Flavor[] = [];
  for await (const page of listFlavors(compute, { signal, includePrivate: true })) flavors.push(...page);
  return flavors;
}

/**
 * Each flavor's shape with its extra specs: inline in the listing from 2.61,
 * else read one flavor at a time. Where policy keeps them from the caller
 * (403) they stay unknown, and the planner says it did not compare them.
 */
async function withExtraSpecs(compute: ServiceHttp, flavors: readonly Flavor[], signal?: AbortSignal): Promise<FlavorShape[]> {
  return Promise.all(
    flavors.map(async (flavor) => {
      const shape = flavorShape(flavor);
      if (shape.extraSpecs !== undefined) return shape;
      try {
        return { ...shape, extraSpecs: await listFlavorExtraSpecs(compute, flavor.id, { signal }) };
      } catch (error) {
        if (isOpenStackError(error) && error.status === 403 && !signal?.aborted) return shape;
        throw error;
      }
    }),
  );
}

export interface FlavorParityRequest {
  planId: string;
  now: number;
  reference: ActionTarget;
  targets: readonly ActionTarget[];
  signal?: AbortSignal;
}

/** Reads the reference's public flavors and every target's flavors of those names, with their extra specs, then plans. */
export async function loadFlavorParityPlan(clientFor: ClientFor, request: FlavorParityRequest): Promise<ActionPlan> {
  const { reference, signal } = request;
  const referenceCompute = await clientOrThrow(clientFor, reference.cloud).serviceHttp('compute', reference.region, signal);
  // Private flavors belong to their projects' access lists, which a copy would not carry: only public ones are matched.
  const publicFlavors = (await listAllFlavors(referenceCompute, signal)).filter((flavor) => flavor['os-flavor-access:is_public']);
  const flavors = await withExtraSpecs(referenceCompute, publicFlavors, signal);
  const names = new Set(flavors.map((flavor) => flavor.name));
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetFlavors> => {
      try {
        const compute = await clientOrThrow(clientFor, target.cloud).serviceHttp('compute', target.region, signal);
        const sameNamed = (await listAllFlavors(compute, signal)).filter((flavor) => names.has(flavor.name));
        return { target, flavors: await withExtraSpecs(compute, sameNamed, signal) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, error: reasonOf(error) };
      }
    }),
  );
  return planFlavorParity({ planId: request.planId, now: request.now, reference, flavors, targets });
}

/**
 * The session's own groups at a place (admins list every project's groups,
 * and each project has its own `default`), and the names a rule's remote
 * group is written with: an own group's name, when no other own group
 * shares it. A remote group of another project stays unnamed.
 */
async function ownGroups(client: CloudClient, network: ServiceHttp, signal?: AbortSignal): Promise<{ own: SecurityGroup[]; names: Map<string, string> }> {
  const projectId = client.session()?.project?.id;
  const own: SecurityGroup[] = [];
  for await (const page of listSecurityGroups(network, { signal })) own.push(...page.filter((group) => projectId === undefined || group.project_id === projectId));
  const counts = new Map<string, number>();
  for (const group of own) counts.set(group.name, (counts.get(group.name) ?? 0) + 1);
  return { own, names: new Map(own.filter((group) => counts.get(group.name) === 1).map((group) => [group.id, group.name])) };
}

/** The session's own security groups at a place, by name: what the group picker offers. */
export async function listOwnSecurityGroupNames(clientFor: ClientFor, place: ActionTarget, signal?: AbortSignal): Promise<string[]> {
  const client = clientOrThrow(clientFor, place.cloud);
  const network = await client.serviceHttp('network', place.region, signal);
  const projectId = client.session()?.project?.id;
  const names = new Set<string>();
  for await (const page of listSecurityGroups(network, { signal })) {
    for (const group of page) if (projectId === undefined || group.project_id === projectId) names.add(group.name);
  }
  return [...names].sort();
}

export interface SecurityGroupSyncRequest {
  planId: string;
  now: number;
  source: ActionTarget;
  name: string;
  targets: readonly ActionTarget[];
  signal?: AbortSignal;
}

/** The chosen group and, transitively, the source project's groups its rules name as remote: a copy needs them on the target. */
function groupsToSync(chosen: SecurityGroup, own: readonly SecurityGroup[], names: ReadonlyMap<string, string>): GroupToSync[] {
  const byName = new Map(own.filter((group) => names.has(group.id)).map((group) => [group.name, group]));
  const found = new Map<string, GroupToSync>();
  const visit = (group: SecurityGroup, namedBy: string | undefined) => {
    const known = found.get(group.name);
    if (known) {
      if (namedBy !== undefined && known.namedBy.length > 0 && !known.namedBy.includes(namedBy)) found.set(group.name, { ...known, namedBy: [...known.namedBy, namedBy].sort() });
      return;
    }
    const specs = group.security_group_rules.map((rule) => ruleSpecOf(rule, names));
    found.set(group.name, {
      name: group.name,
      description: group.description,
      rules: specs.filter((spec) => spec.remoteOpaque === undefined),
      uncopiable: specs.flatMap((spec) => (spec.remoteOpaque === undefined ? [] : [spec.remoteOpaque])),
      namedBy: namedBy === undefined ? [] : [namedBy],
    });
    for (const remote of remoteGroupNames(group.name, specs)) {
      const referenced = byName.get(remote);
      if (referenced) visit(referenced, group.name);
    }
  };
  visit(chosen, undefined);
  return [...found.values()];
}

/** Reads the group at the source, the groups its rules name, and what each target has under those names, then plans. */
export async function loadSecurityGroupSyncPlan(clientFor: ClientFor, request: SecurityGroupSyncRequest): Promise<ActionPlan> {
  const { source, name, signal } = request;
  const sourceClient = clientOrThrow(clientFor, source.cloud);
  const atSource = await ownGroups(sourceClient, await sourceClient.serviceHttp('network', source.region, signal), signal);
  const [group, ...others] = atSource.own.filter((candidate) => candidate.name === name);
  if (!group) throw new Error(`security group ${name} is not in ${source.cloud}/${source.region}`);
  if (others.length > 0) throw new Error(`${others.length + 1} security groups are named ${name} in ${source.cloud}/${source.region}: which one to copy is ambiguous`);
  const groups = groupsToSync(group, atSource.own, atSource.names);
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetGroupsState> => {
      try {
        const client = clientOrThrow(clientFor, target.cloud);
        const there = await ownGroups(client, await client.serviceHttp('network', target.region, signal), signal);
        return { target, state: 'read', groups: there.own.map((found) => ({ name: found.name, rules: found.security_group_rules.map((rule) => ruleSpecOf(rule, there.names)) })) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, state: 'unknown', error: reasonOf(error) };
      }
    }),
  );
  return planSecurityGroupSync({ planId: request.planId, now: request.now, source, groups, targets });
}
