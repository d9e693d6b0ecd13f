import { z } from 'zod';
import type { CloudRequest } from '../http/cloud-http.ts';
import type { ServiceResponse } from '../http/types.ts';
import { parseBody } from '../parse-body.ts';
import { identityV3Url } from './auth-url.ts';

/** GET /v3/auth/projects: the projects a token's user may scope to (federated users: those the mapping's groups give). */
export const availableProjectsSchema = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      domain_id: z.string().optional(),
      enabled: z.boolean().optional(),
    }),
  ),
});
export type AvailableProjects = z.output<typeof availableProjectsSchema>;

export interface AvailableProject {
  id: string;
  name: string;
  domainId?: string;
}

export interface ListAuthProjectsOptions {
  cloud: string;
  authUrl: string;
  /** Any token of the user, unscoped or scoped; sent as X-Auth-Token. */
  token: string;
  send: (request: CloudRequest) => Promise<ServiceResponse>;
  signal?: AbortSignal;
}

/**
 * The enabled projects, sorted by name then id, so "the first project" is the
 * same on every sign-in and every list the operator sees is in one order.
 */
export async function listAuthProjects({ cloud, authUrl, token, send, signal }: ListAuthProjectsOptions): Promise<AvailableProject[]> {
  const url = `${identityV3Url(authUrl)}/auth/projects`;
  const response = await send({ method: 'GET', url, service: 'identity', credential: { kind: 'token', token }, signal });
  const parsed = parseBody(availableProjectsSchema, response.body, { cloud, service: 'identity', url, requestId: response.requestId });
  return parsed.projects
    .filter((project) => project.enabled !== false)
    .map((project) => ({ id: project.id, name: project.name, domainId: project.domain_id }))
    .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
