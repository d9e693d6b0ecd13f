import { createServer, isOpenStackError, isPartialServer, listServers, type ServiceHttp } from '../../openstack/index.ts';
import type { StepOutcome } from './execute-plan.ts';
import type { StepOperation } from './plan.ts';

type CreateServerOperation = Extract<StepOperation, { kind: 'create-server' }>;

/** Whether a server of the operation's name carrying its launch metadata is there. */
async function launched(http: ServiceHttp, op: CreateServerOperation, signal: AbortSignal): Promise<boolean> {
  for await (const page of listServers(http, { signal })) {
    const found = page.some(
      (server) => !isPartialServer(server) && server.name === op.name && Object.entries(op.metadata).every(([key, value]) => server.metadata?.[key] === value),
    );
    if (found) return true;
  }
  return false;
}

/**
 * Boots the server unless this launch's server is already there. POST
 * /servers is not idempotent, so after a failed call the server is looked
 * for again (name + metadata): a lost answer to a boot that happened is done,
 * never a second server.
 */
export async function createServerOnce(http: ServiceHttp, op: CreateServerOperation, signal: AbortSignal): Promise<StepOutcome> {
  if (await launched(http, op, signal)) return { result: 'already-done', requestIds: [] };
  try {
    const created = await createServer(
      http,
      { name: op.name, imageId: op.imageId, flavorId: op.flavorId, networkId: op.networkId, keyName: op.keyName, metadata: op.metadata },
      { signal },
    );
    return { result: 'done', requestIds: created.requestId ? [created.requestId] : [] };
  } catch (error) {
    const found = !signal.aborted && (await launched(http, op, signal).catch(() => false));
    if (found) return { result: 'done', requestIds: isOpenStackError(error) && error.requestId ? [error.requestId] : [] };
    throw error;
  }
}
