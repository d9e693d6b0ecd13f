import { z } from 'zod';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';

/** 2.6+: POST /servers/{id}/remote-consoles. */
export const createRemoteConsoleResponseSchema = z.object({
  remote_console: z.object({ protocol: z.string(), type: z.string(), url: z.string() }),
});

/** Before 2.6: the os-getVNCConsole server action. */
export const getVncConsoleResponseSchema = z.object({
  console: z.object({ type: z.string(), url: z.string() }),
});

export interface RemoteConsole {
  protocol: string;
  type: string;
  /** Carries a one-time token: open it, never store or log it. */
  url: string;
}

export interface CreateRemoteConsoleOptions {
  signal?: AbortSignal;
}

/**
 * Asks Nova for a noVNC console of a server. A POST (it mints a token), so
 * the read-only mode of the HTTP layer refuses it; a cloud without VNC
 * consoles answers with an error the caller shows.
 */
export async function createRemoteConsole(http: ServiceHttp, serverId: string, options: CreateRemoteConsoleOptions = {}): Promise<RemoteConsole> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  const server = `servers/${encodeURIComponent(serverId)}`;
  if (isAtLeast(version, '2.6')) {
    const response = await http.request({
      method: 'POST',
      url: `${server}/remote-consoles`,
      headers,
      body: { remote_console: { protocol: 'vnc', type: 'novnc' } },
      signal: options.signal,
    });
    return parseBody(createRemoteConsoleResponseSchema, response.body, bodyContext(http, response)).remote_console;
  }
  const response = await http.request({
    method: 'POST',
    url: `${server}/action`,
    headers,
    body: { 'os-getVNCConsole': { type: 'novnc' } },
    signal: options.signal,
  });
  const { console } = parseBody(getVncConsoleResponseSchema, response.body, bodyContext(http, response));
  return { protocol: 'vnc', type: console.type, url: console.url };
}
