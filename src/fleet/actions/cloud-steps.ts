import {
  createFlavor,
  createFlavorExtraSpecs,
  createSecurityGroup,
  createSecurityGroupRule,
  deleteServer,
  flavorShape,
  getKeypair,
  getServer,
  importKeypair,
  isOpenStackError,
  isPartialServer,
  listFlavorExtraSpecs,
  listFlavors,
  listSecurityGroups,
  replaceServerTags,
  ruleKey,
  ruleSpecOf,
  sameFlavorShape,
  serverAction,
  type Flavor,
  type FlavorExtraSpecs,
  type SecurityGroup,
  type SecurityGroupRuleSpec,
  type Server,
  type ServerActionName,
  type ServiceHttp,
} from '../../openstack/index.ts';
import type { StepExecutor, StepOutcome, StepProgress } from './execute-plan.ts';
import { compareExtraSpecs } from './flavor-parity.ts';
import { copyImageOnce } from './image-copy-step.ts';
import { copyToStoreOnce, glanceDownloadOnce } from './image-import-step.ts';
import { createServerOnce } from './launch-step.ts';
import { sameKeyMaterial } from './keypair-sync.ts';
import { targetKey, type ActionTarget, type PlanStep, type StepOperation } from './plan.ts';
import { StepRefusedError } from './step-refused.ts';

/** A service of one target, signed in, and the project the session is scoped to there. */
export interface TargetServices {
  service(target: ActionTarget, serviceType: 'compute' | 'network' | 'image', signal: AbortSignal): Promise<ServiceHttp>;
  projectId(target: ActionTarget): string | undefined;
}

/**
 * Executes plan steps against real (or simulated) Nova. Every step looks at
 * the target first and again after a failed call: a create whose answer was
 * lost is found done instead of being sent twice.
 */
export function createCloudStepExecutor(services: TargetServices): StepExecutor {
  return async (step: PlanStep, signal: AbortSignal, onProgress?: (progress: StepProgress) => void): Promise<StepOutcome> => {
    if (step.operation.kind === 'copy-image') {
      const [source, target] = await Promise.all([services.service(step.operation.source, 'image', signal), services.service(step.target, 'image', signal)]);
      return copyImageOnce({ source, target, operation: step.operation, signal, onProgress: onProgress ?? (() => undefined) });
    }
    if (step.operation.kind === 'glance-download-image') {
      const target = await services.service(step.target, 'image', signal);
      return glanceDownloadOnce({ target, operation: step.operation, signal, onProgress: onProgress ?? (() => undefined) });
    }
    if (step.operation.kind === 'copy-image-to-store') {
      const glance = await services.service(step.target, 'image', signal);
      return copyToStoreOnce({ target: glance, operation: step.operation, signal, onProgress: onProgress ?? (() => undefined) });
    }
    if (step.operation.kind === 'sync-security-group') {
      const network = await services.service(step.target, 'network', signal);
      return syncSecurityGroupOnce(network, services.projectId(step.target), step.operation, targetKey(step.target), signal);
    }
    const http = await services.service(step.target, 'compute', signal);
    return executeOperation(http, step.operation, signal);
  };
}

function executeOperation(http: ServiceHttp, operation: Exclude<StepOperation, { kind: 'sync-security-group' | 'copy-image' | 'glance-download-image' | 'copy-image-to-store' }>, signal: AbortSignal): Promise<StepOutcome> {
  switch (operation.kind) {
    case 'create-server':
      return createServerOnce(http, operation, signal);
    case 'import-keypair':
      return importKeypairOnce(http, operation, signal);
    case 'server-action':
      return serverActionOnce(http, operation, signal);
    case 'delete-server':
      return deleteServerOnce(http, operation, signal);
    case 'add-server-tag':
      return addServerTagOnce(http, operation, signal);
    case 'create-flavor':
      return createFlavorOnce(http, operation, signal);
    case 'set-flavor-extra-specs':
      return setFlavorExtraSpecsOnce(http, operation, signal);
  }
}

type Op<K extends StepOperation['kind']> = Extract<StepOperation, { kind: K }>;

function requestIdsOf(...values: (string | undefined)[]): string[] {
  return values.filter((value): value is string => value !== undefined);
}

function failedRequestId(error: unknown): string | undefined {
  return isOpenStackError(error) ? error.requestId : undefined;
}

/** After a failed call: was it a lost answer to a call that took effect? Never throws; an unreadable target counts as "no". */
async function tookEffect(check: () => Promise<boolean>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    return await check();
  } catch {
    return false;
  }
}

async function importKeypairOnce(http: ServiceHttp, op: Op<'import-keypair'>, signal: AbortSignal): Promise<StepOutcome> {
  const matches = async () => {
    const existing = await getKeypair(http, op.name, { signal });
    if (existing && !sameKeyMaterial(existing.public_key, op.publicKey)) {
      throw new StepRefusedError(`a different key named ${op.name} is there now (fingerprint ${existing.fingerprint}); it is not replaced`);
    }
    return existing !== undefined;
  };
  if (await matches()) return { result: 'already-done', requestIds: [] };
  try {
    const created = await importKeypair(http, { name: op.name, publicKey: op.publicKey, type: op.keyType }, { signal });
    return { result: 'done', requestIds: requestIdsOf(created.requestId) };
  } catch (error) {
    if (await tookEffect(matches, signal)) return { result: 'done', requestIds: requestIdsOf(failedRequestId(error)) };
    throw error;
  }
}

async function serverOrRefuse(http: ServiceHttp, op: { serverId: string; serverName: string }, signal: AbortSignal): Promise<Server> {
  const server = await getServer(http, op.serverId, { signal });
  if (!server) throw new StepRefusedError(`server ${op.serverName || op.serverId} no longer exists`);
  return server;
}

/** Whether the server is already where the action takes it, or on its way there. */
function reached(action: ServerActionName, server: Server, afterCall: boolean): boolean {
  if (isPartialServer(server)) return false;
  const task = server['OS-EXT-STS:task_state'];
  switch (action) {
    case 'os-stop':
      return server.status === 'SHUTOFF' || task === 'powering-off';
    case 'os-start':
      return server.status === 'ACTIVE' || task === 'powering-on';
    case 'lock':
      return server.locked === true;
    case 'unlock':
      return server.locked === false;
    case 'reboot':
      // Every reboot does something, so only a reboot seen in progress after our own call counts.
      return afterCall && (server.status === 'REBOOT' || server.status === 'HARD_REBOOT' || (task ?? '').startsWith('reboot'));
  }
}

async function serverActionOnce(http: ServiceHttp, op: Op<'server-action'>, signal: AbortSignal): Promise<StepOutcome> {
  const server = await serverOrRefuse(http, op, signal);
  if (reached(op.action, server, false)) return { result: 'already-done', requestIds: [] };
  try {
    const result = await serverAction(http, op.serverId, op.action, { signal });
    return { result: 'done', requestIds: requestIdsOf(result.requestId) };
  } catch (error) {
    if (await tookEffect(async () => reached(op.action, await serverOrRefuse(http, op, signal), true), signal)) {
      return { result: 'done', requestIds: requestIdsOf(failedRequestId(error)) };
    }
    throw error;
  }
}

async function deleteServerOnce(http: ServiceHttp, op: Op<'delete-server'>, signal: AbortSignal): Promise<StepOutcome> {
  const gone = async () => {
    const server = await getServer(http, op.serverId, { signal });
    return server === undefined || (!isPartialServer(server) && server['OS-EXT-STS:task_state'] === 'deleting');
  };
  if (await gone()) return { result: 'already-done', requestIds: [] };
  try {
    const result = await deleteServer(http, op.serverId, { signal });
    return { result: 'done', requestIds: requestIdsOf(result.requestId) };
  } catch (error) {
    if (await tookEffect(gone, signal)) return { result: 'done', requestIds: requestIdsOf(failedRequestId(error)) };
    throw error;
  }
}

async function addServerTagOnce(http: ServiceHttp, op: Op<'add-server-tag'>, signal: AbortSignal): Promise<StepOutcome> {
  const server = await serverOrRefuse(http, op, signal);
  const tags = isPartialServer(server) ? [] : (server.tags ?? []);
  if (tags.includes(op.tag)) return { result: 'already-done', requestIds: [] };
  // A PUT of the whole list: repeating it after a lost answer gives the same list, never a duplicate tag.
  const result = await replaceServerTags(http, op.serverId, [...tags, op.tag], { signal });
  return { result: 'done', requestIds: requestIdsOf(result.requestId) };
}

async function findFlavor(http: ServiceHttp, name: string, signal: AbortSignal): Promise<Flavor | undefined> {
  for await (const page of listFlavors(http, { signal, includePrivate: true })) {
    const existing = page.find((flavor) => flavor.name === name);
    if (existing) return existing;
  }
  return undefined;
}

/**
 * Adds the wanted extra specs the flavor lacks. A key with another value is
 * refused, never overwritten; the specs come inline from 2.61, else are read.
 */
async function addMissingExtraSpecs(http: ServiceHttp, flavor: Flavor, wanted: FlavorExtraSpecs, signal: AbortSignal): Promise<{ sent: boolean; requestIds: string[] }> {
  if (Object.keys(wanted).length === 0) return { sent: false, requestIds: [] };
  const there = flavor.extra_specs ?? (await listFlavorExtraSpecs(http, flavor.id, { signal }));
  const { missing, differing } = compareExtraSpecs(wanted, there);
  if (differing.length > 0) {
    const what = differing.map((entry) => `${entry.key} is ${entry.there}, the plan wants ${entry.wanted}`).join('; ');
    throw new StepRefusedError(`flavor ${flavor.name} has other extra specs now (${what}); they are not overwritten`);
  }
  if (Object.keys(missing).length === 0) return { sent: false, requestIds: [] };
  const set = await createFlavorExtraSpecs(http, flavor.id, missing, { signal });
  return { sent: true, requestIds: requestIdsOf(set.requestId) };
}

async function createFlavorOnce(http: ServiceHttp, op: Op<'create-flavor'>, signal: AbortSignal): Promise<StepOutcome> {
  const present = async () => {
    const existing = await findFlavor(http, op.flavor.name, signal);
    if (existing && !sameFlavorShape(flavorShape(existing), op.flavor)) {
      throw new StepRefusedError(`a flavor named ${op.flavor.name} with another shape is there now; it is not replaced`);
    }
    return existing;
  };
  let flavor = await present();
  const existedBefore = flavor !== undefined;
  const requestIds: string[] = [];
  if (!flavor) {
    try {
      const created = await createFlavor(http, op.flavor, { signal });
      flavor = created.flavor;
      requestIds.push(...requestIdsOf(created.requestId));
    } catch (error) {
      flavor = signal.aborted ? undefined : await present().catch(() => undefined);
      if (!flavor) throw error;
      requestIds.push(...requestIdsOf(failedRequestId(error)));
    }
  }
  const specs = await addMissingExtraSpecs(http, flavor, op.flavor.extraSpecs ?? {}, signal);
  return { result: existedBefore && !specs.sent ? 'already-done' : 'done', requestIds: [...requestIds, ...specs.requestIds] };
}

async function setFlavorExtraSpecsOnce(http: ServiceHttp, op: Op<'set-flavor-extra-specs'>, signal: AbortSignal): Promise<StepOutcome> {
  const flavor = await findFlavor(http, op.flavorName, signal);
  if (!flavor) throw new StepRefusedError(`flavor ${op.flavorName} is no longer there`);
  const specs = await addMissingExtraSpecs(http, flavor, op.extraSpecs, signal);
  return { result: specs.sent ? 'done' : 'already-done', requestIds: specs.requestIds };
}

/** The project's own groups at a target, and the names their rules' remote groups go by (unique names only, as the planner reads them). */
interface GroupsThere {
  namesById: Map<string, string>;
  own: (name: string) => SecurityGroup[];
}

async function readGroups(http: ServiceHttp, projectId: string | undefined, signal: AbortSignal): Promise<GroupsThere> {
  const own: SecurityGroup[] = [];
  for await (const page of listSecurityGroups(http, { signal })) own.push(...page.filter((group) => projectId === undefined || group.project_id === projectId));
  const named = (name: string) => own.filter((group) => group.name === name);
  return {
    namesById: new Map(own.filter((group) => named(group.name).length === 1).map((group) => [group.id, group.name])),
    own: named,
  };
}

async function findGroup(http: ServiceHttp, name: string, projectId: string | undefined, signal: AbortSignal): Promise<{ group: SecurityGroup | undefined; groups: GroupsThere }> {
  const groups = await readGroups(http, projectId, signal);
  const found = groups.own(name);
  if (found.length > 1) throw new StepRefusedError(`${found.length} security groups are named ${name} in this project: which one to sync is ambiguous`);
  return { group: found[0], groups };
}

/** The target's id for each remote group the rules name, other than the group itself; refused when one is missing or ambiguous. */
function resolveRemoteGroups(rules: readonly SecurityGroupRuleSpec[], self: string, groups: GroupsThere, where: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of new Set(rules.map((rule) => rule.remoteGroupName).filter((remote): remote is string => remote !== undefined && remote !== self))) {
    const found = groups.own(name);
    if (found.length === 0) throw new StepRefusedError(`remote group ${name} missing on ${where}`);
    if (found.length > 1) throw new StepRefusedError(`remote group ${name} is ambiguous on ${where} (${found.length} groups of that name)`);
    ids.set(name, (found[0] as SecurityGroup).id);
  }
  return ids;
}

/**
 * Ensures the group exists (in the session's project) and holds every rule
 * of the source; rules already there, and rules the source lacks, are left
 * alone. A rule's remote group is the target's group of the same name,
 * resolved before anything is created, so a missing remote creates nothing.
 * A lost answer to the create is found by name rather than repeated; a rule
 * Neutron says exists (409) counts as added.
 */
async function syncSecurityGroupOnce(
  http: ServiceHttp,
  projectId: string | undefined,
  op: Op<'sync-security-group'>,
  where: string,
  signal: AbortSignal,
): Promise<StepOutcome> {
  const requestIds: string[] = [];
  const found = await findGroup(http, op.name, projectId, signal);
  const groups = found.groups;
  let group = found.group;
  const existedBefore = group !== undefined;
  if (group && op.createOnly) return { result: 'already-done', requestIds };
  const missingFrom = (existing: SecurityGroup | undefined) => {
    const present = new Set((existing?.security_group_rules ?? []).map((rule) => ruleKey(ruleSpecOf(rule, groups.namesById))));
    return op.rules.filter((rule) => !present.has(ruleKey(rule)));
  };
  const remoteIds = resolveRemoteGroups(missingFrom(group), op.name, groups, where);
  if (!group) {
    try {
      const created = await createSecurityGroup(http, { name: op.name, description: op.description }, { signal });
      group = created.securityGroup;
      requestIds.push(...requestIdsOf(created.requestId));
    } catch (error) {
      group = signal.aborted ? undefined : (await findGroup(http, op.name, projectId, signal).catch(() => undefined))?.group;
      if (!group) throw error;
      requestIds.push(...requestIdsOf(failedRequestId(error)));
    }
  }
  const groupId = group.id;
  // A new group comes with Neutron's own egress rules: what is missing is counted again against it.
  const missing = missingFrom(group);
  for (const rule of missing) {
    const remoteGroupId = rule.remoteGroupName === op.name ? groupId : rule.remoteGroupName !== undefined ? remoteIds.get(rule.remoteGroupName) : undefined;
    try {
      const added = await createSecurityGroupRule(http, groupId, rule, { signal, remoteGroupId });
      requestIds.push(...requestIdsOf(added.requestId));
    } catch (error) {
      if (!(isOpenStackError(error) && error.status === 409)) throw error;
    }
  }
  return { result: existedBefore && missing.length === 0 ? 'already-done' : 'done', requestIds };
}
