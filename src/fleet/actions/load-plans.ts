import {
  flavorShape,
  getKeypair,
  getServer,
  isPartialServer,
  listFlavors,
  listSecurityGroups,
  ruleSpecOf,
  type CloudClient,
  type FlavorShape,
  type Keypair,
  type SecurityGroup,
  type ServiceHttp,
} from '../../openstack/index.ts';
import { describeError } from '../health/describe-error.ts';
import { planFlavorParity, type TargetFlavors } from './flavor-parity.ts';
import { planKeypairSync, type TargetKeypairState } from './keypair-sync.ts';
import { planSecurityGroupSync, type TargetGroupState } from './security-group-sync.ts';
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

async function flavorsOf(compute: ServiceHttp, signal?: AbortSignal): Promise<FlavorShape[]> {
  const shapes: FlavorShape[] = [];
  for await (const page of listFlavors(compute, { signal, includePrivate: true })) shapes.push(...page.map(flavorShape));
  return shapes;
}

export interface FlavorParityRequest {
  planId: string;
  now: number;
  reference: ActionTarget;
  targets: readonly ActionTarget[];
  signal?: AbortSignal;
}

/** Reads the reference's public flavors and every target's flavors, then plans. */
export async function loadFlavorParityPlan(clientFor: ClientFor, request: FlavorParityRequest): Promise<ActionPlan> {
  const { reference, signal } = request;
  const referenceCompute = await clientOrThrow(clientFor, reference.cloud).serviceHttp('compute', reference.region, signal);
  // Private flavors belong to their projects' access lists, which a copy would not carry: only public ones are matched.
  const flavors = (await flavorsOf(referenceCompute, signal)).filter((flavor) => flavor.isPublic);
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetFlavors> => {
      try {
        const compute = await clientOrThrow(clientFor, target.cloud).serviceHttp('compute', target.region, signal);
        return { target, flavors: await flavorsOf(compute, signal) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, error: reasonOf(error) };
      }
    }),
  );
  return planFlavorParity({ planId: request.planId, now: request.now, reference, flavors, targets });
}

/** The session's own groups of that name (admins see every project's groups). */
async function groupsNamed(client: CloudClient, network: ServiceHttp, name: string, signal?: AbortSignal): Promise<SecurityGroup[]> {
  const projectId = client.session()?.project?.id;
  const found: SecurityGroup[] = [];
  for await (const page of listSecurityGroups(network, { signal })) {
    found.push(...page.filter((group) => group.name === name && (projectId === undefined || group.project_id === projectId)));
  }
  return found;
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

/** Reads the group at the source and what each target has under its name, then plans. */
export async function loadSecurityGroupSyncPlan(clientFor: ClientFor, request: SecurityGroupSyncRequest): Promise<ActionPlan> {
  const { source, name, signal } = request;
  const sourceClient = clientOrThrow(clientFor, source.cloud);
  const [group, ...others] = await groupsNamed(sourceClient, await sourceClient.serviceHttp('network', source.region, signal), name, signal);
  if (!group) throw new Error(`security group ${name} is not in ${source.cloud}/${source.region}`);
  if (others.length > 0) throw new Error(`${others.length + 1} security groups are named ${name} in ${source.cloud}/${source.region}: which one to copy is ambiguous`);
  const specs = group.security_group_rules.map(ruleSpecOf);
  const copiable = specs.filter((spec, index) => spec.remoteSelf || group.security_group_rules[index]?.remote_group_id === null);
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetGroupState> => {
      try {
        const client = clientOrThrow(clientFor, target.cloud);
        const found = await groupsNamed(client, await client.serviceHttp('network', target.region, signal), name, signal);
        if (found.length > 1) return { target, state: 'unknown', error: `${found.length} groups named ${name} there` };
        return found[0] ? { target, state: 'present', rules: found[0].security_group_rules.map(ruleSpecOf) } : { target, state: 'absent' };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, state: 'unknown', error: reasonOf(error) };
      }
    }),
  );
  return planSecurityGroupSync({
    planId: request.planId,
    now: request.now,
    source,
    group: { name: group.name, description: group.description, rules: copiable },
    uncopiable: specs.length - copiable.length,
    targets,
  });
}
