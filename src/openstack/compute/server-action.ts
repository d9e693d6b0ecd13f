import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

/** The lifecycle actions of POST /servers/{id}/action that take no arguments beyond their name. */
export type ServerActionName = 'os-start' | 'os-stop' | 'reboot' | 'lock' | 'unlock';

export interface ServerActionOptions {
  /** Reboot only: SOFT (default) asks the guest, HARD power-cycles it. */
  rebootType?: 'SOFT' | 'HARD';
  signal?: AbortSignal;
}

function actionBody(action: ServerActionName, options: ServerActionOptions): Record<string, unknown> {
  if (action === 'reboot') return { reboot: { type: options.rebootType ?? 'SOFT' } };
  return { [action]: null };
}

/** POST /servers/{id}/action; Nova answers 202 with no body and does the work asynchronously. */
export async function serverAction(
  http: ServiceHttp,
  serverId: string,
  action: ServerActionName,
  options: ServerActionOptions = {},
): Promise<MutationResult> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const response = await http.request({
    method: 'POST',
    url: `servers/${encodeURIComponent(serverId)}/action`,
    headers,
    body: actionBody(action, options),
    signal: options.signal,
  });
  return mutationResult(response);
}
