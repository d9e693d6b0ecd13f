import {
  createFlavor,
  createSecurityGroup,
  createSecurityGroupRule,
  deleteServer,
  flavorShape,
  getKeypair,
  getServer,
  importKeypair,
  isOpenStackError,
  isPartialServer,
  listFlavors,
  listSecurityGroups,
  replaceServerTags,
  ruleKey,
  ruleSpecOf,
  sameFlavorShape,
  serverAction,
  type SecurityGroup,
  type Server,
  type ServerActionName,
  type ServiceHttp,
} from '../../openstack/index.ts';
import type { StepExecutor, StepOutcome, StepProgress } from './execute-plan.ts';
import { copyImageOnce } from './image-copy-step.ts';
import { createServerOnce } from './launch-step.ts';
import { sameKeyMaterial } from './keypair-sync.ts';
import type { ActionTarget, PlanStep, StepOperation } from './plan.ts';
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
    if (step.operation.kind === 'sync-security-group') {
      const network = await services.service(step.target, 'network', signal);
      return syncSecurityGroupOnce(network, services.projectId(step.target), step.operation, signal);
    }
    const http = await services.service(step.target, 'compute', signal);
    return executeOperation(http, step.operation, signal);
  };
}

function executeOperation(http: ServiceHttp, operation: Exclude<StepOperation, { kind: 'sync-security-group' | 'copy-image' }>, signal: AbortSignal): Promise<StepOutcome> {
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

async function createFlavorOnce(http: ServiceHttp, op: Op<'create-flavor'>, signal: AbortSignal): Promise<StepOutcome> {
  const present = async () => {
    for await (const page of listFlavors(http, { signal, includePrivate: true })) {
      const existing = page.find((flavor) => flavor.name === op.flavor.name);
      if (!existing) continue;
      if (!sameFlavorShape(flavorShape(existing), op.flavor)) {
        throw new StepRefusedError(`a flavor named ${op.flavor.name} with another shape is there now; it is not replaced`);
      }
      return true;
    }
    return false;
  };
  if (await present()) return { result: 'already-done', requestIds: [] };
  try {
    const created = await createFlavor(http, op.flavor, { signal });
    return { result: 'done', requestIds: requestIdsOf(created.requestId) };
  } catch (error) {
    if (await tookEffect(present, signal)) return { result: 'done', requestIds: requestIdsOf(failedRequestId(error)) };
    throw error;
  }
}

async function findGroup(http: ServiceHttp, name: string, projectId: string | undefined, signal: AbortSignal): Promise<SecurityGroup | undefined> {
  const found: SecurityGroup[] = [];
  for await (const page of listSecurityGroups(http, { signal })) {
    found.push(...page.filter((group) => group.name === name && (projectId === undefined || group.project_id === projectId)));
  }
  if (found.length > 1) throw new StepRefusedError(`${found.length} security groups are named ${name} in this project: which one to sync is ambiguous`);
  return found[0];
}

/**
 * Ensures the group exists (in the session's project) and holds every rule
 * of the source; rules already there, and rules the source lacks, are left
 * alone. A lost answer to the create is found by name rather than repeated;
 * a rule Neutron says exists (409) counts as added.
 */
async function syncSecurityGroupOnce(http: ServiceHttp, projectId: string | undefined, op: Op<'sync-security-group'>, signal: AbortSignal): Promise<StepOutcome> {
  const requestIds: string[] = [];
  let group = await findGroup(http, op.name, projectId, signal);
  const existedBefore = group !== undefined;
  if (!group) {
    try {
      const created = await createSecurityGroup(http, { name: op.name, description: op.description }, { signal });
      group = created.securityGroup;
      requestIds.push(...requestIdsOf(created.requestId));
    } catch (error) {
      group = signal.aborted ? undefined : await findGroup(http, op.name, projectId, signal).catch(() => undefined);
      if (!group) throw error;
      requestIds.push(...requestIdsOf(failedRequestId(error)));
    }
  }
  const present = new Set(group.security_group_rules.map((rule) => ruleKey(ruleSpecOf(rule))));
  const missing = op.rules.filter((rule) => !present.has(ruleKey(rule)));
  for (const rule of missing) {
    try {
      const added = await createSecurityGroupRule(http, group.id, rule, { signal });
      requestIds.push(...requestIdsOf(added.requestId));
    } catch (error) {
      if (!(isOpenStackError(error) && error.status === 409)) throw error;
    }
  }
  return { result: existedBefore && missing.length === 0 ? 'already-done' : 'done', requestIds };
}
