import {
  createRemoteConsole,
  listInstanceActions,
  listVolumeAttachments,
  OpenStackError,
  type CloudClient,
} from '../../openstack/index.ts';
import type { ServerRow } from './server-row.ts';

/** What the detail panel asks of a cloud beyond the listing: enough for a fake in tests. */
export type ServerExtrasSource = Pick<CloudClient, 'cloud' | 'serviceHttp'>;

export interface AttachedVolume {
  volumeId: string;
  /** '' while Nova has not assigned one. */
  device: string;
  deleteOnTermination?: boolean;
  tag?: string;
}

export interface ServerActionEntry {
  action: string;
  requestId: string;
  userId: string;
  /** ISO 8601 in UTC (Nova sends no zone; its times are UTC). */
  startedAt: string;
  message: string;
}

export interface ServerActionLog {
  /** Newest first. */
  actions: ServerActionEntry[];
  /** True when the server has more actions than were read. */
  truncated: boolean;
}

/** The panel shows the recent past; a server rebooted nightly for years must not cost thousands of rows. */
export const ACTION_LOG_LIMIT = 50;

export async function loadAttachedVolumes(source: ServerExtrasSource, row: ServerRow, signal?: AbortSignal): Promise<AttachedVolume[]> {
  const compute = await source.serviceHttp('compute', row.region, signal);
  const attachments = await listVolumeAttachments(compute, row.id, { signal });
  return attachments.map((attachment) => ({
    volumeId: attachment.volumeId,
    device: attachment.device ?? '',
    deleteOnTermination: attachment.delete_on_termination,
    tag: attachment.tag ?? undefined,
  }));
}

export async function loadActionLog(source: ServerExtrasSource, row: ServerRow, signal?: AbortSignal): Promise<ServerActionLog> {
  const compute = await source.serviceHttp('compute', row.region, signal);
  const actions: ServerActionEntry[] = [];
  // One more than shown, to know whether there are more.
  for await (const page of listInstanceActions(compute, row.id, { signal, pageSize: ACTION_LOG_LIMIT + 1 })) {
    for (const action of page) {
      actions.push({
        action: action.action,
        requestId: action.request_id,
        userId: action.user_id ?? '',
        startedAt: asUtc(action.start_time),
        message: action.message ?? '',
      });
    }
    if (actions.length > ACTION_LOG_LIMIT) break;
  }
  return { actions: actions.slice(0, ACTION_LOG_LIMIT), truncated: actions.length > ACTION_LOG_LIMIT };
}

/**
 * A noVNC console URL for the server. The URL comes from the cloud, so only
 * http(s) is let through: anything else (javascript:, data:) would run in
 * the console's origin when opened.
 */
export async function requestConsoleUrl(source: ServerExtrasSource, row: ServerRow, signal?: AbortSignal): Promise<string> {
  const compute = await source.serviceHttp('compute', row.region, signal);
  const { url } = await createRemoteConsole(compute, row.id, { signal });
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Reported below with the other unusable URLs.
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new OpenStackError('the cloud answered with a console URL that is not http(s); it is not opened', {
      kind: 'invalid-response',
      cloud: source.cloud,
      region: row.region,
      service: 'compute',
    });
  }
  return url;
}

function asUtc(novaTime: string): string {
  return /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(novaTime) ? novaTime : `${novaTime}Z`;
}
