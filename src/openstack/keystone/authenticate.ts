import { OpenStackError } from '../errors.ts';
import type { CloudRequest } from '../http/cloud-http.ts';
import type { ServiceResponse } from '../http/types.ts';
import { parseBody } from '../parse-body.ts';
import { AuthSettingsError, authRequestBody, authSecrets, rescopeBody, type AuthMethod, type ProjectScope } from './auth-body.ts';
import { identityV3Url, signInUrl } from './auth-url.ts';
import { parseCatalog, type Catalog } from './catalog.ts';
import { listAuthProjects } from './list-auth-projects.ts';
import { revokeToken } from './revoke-token.ts';
import { tokenResponseSchema, type TokenResponse } from './token-schema.ts';

export interface KeystoneToken {
  token: string;
  expiresAt: Date;
  issuedAt: Date;
  methods: string[];
  user: { id: string; name: string; domainName?: string };
  project?: { id: string; name: string; domainName?: string };
  roles: string[];
  catalog: Catalog;
}

export interface AuthenticateOptions {
  cloud: string;
  authUrl: string;
  auth: AuthMethod;
  scope?: ProjectScope;
  /** The cloud's HTTP layer (CloudHttp.send): limits, timeouts and read-only apply to Keystone too. */
  send: (request: CloudRequest) => Promise<ServiceResponse>;
  signal?: AbortSignal;
  /** Stands in for issued_at when a (federated) token leaves it out. */
  now: () => number;
}

/**
 * Signs in to one cloud's Keystone. Without a project scope, a user token
 * comes back unscoped (no catalog), so it is rescoped to the first project
 * the user may use, by name, so the choice is the same on every sign-in.
 */
export async function authenticate(options: AuthenticateOptions): Promise<KeystoneToken> {
  const { auth } = options;
  const secrets = authSecrets(auth);
  if (auth.type === 'oidcAccessToken') return federated(options, auth, secrets);
  const first = await issueToken(options, requestBody(options), secrets);
  if (first.body.token.project || auth.type === 'applicationCredential' || hasScope(options.scope)) return toKeystoneToken(options, first);
  return rescopeToFirstProject(options, first, secrets);
}

/**
 * keystoneauth's v3oidcaccesstoken: the access token, as a Bearer header, buys an
 * unscoped Keystone token at OS-FEDERATION, which is then scoped like any other.
 * GET (Keystone accepts GET and POST there) so read-only mode does not refuse it.
 */
async function federated(options: AuthenticateOptions, auth: Extract<AuthMethod, { type: 'oidcAccessToken' }>, secrets: string[]): Promise<KeystoneToken> {
  const segment = encodeURIComponent;
  const url = `${identityV3Url(options.authUrl)}/OS-FEDERATION/identity_providers/${segment(auth.identityProvider)}/protocols/${segment(auth.protocol)}/auth`;
  const first = await issue(options, { method: 'GET', url, headers: { Authorization: `Bearer ${auth.accessToken}` } }, secrets);
  if (!hasScope(options.scope)) {
    // A federated user's projects come only from the mapping's groups: none means the mapping needs fixing, and
    // an unscoped token would leave the cloud without a catalog, so this is the cloud's error rather than a quiet success.
    return rescopeToFirstProject(options, first, secrets, () =>
      new OpenStackError('the federated user has no project', {
        kind: 'forbidden',
        cloud: options.cloud,
        service: 'identity',
        apiMessage: `Keystone lists no project for ${first.body.token.user.name}: the mapping of identity provider "${auth.identityProvider}" gives no group with a role on a project`,
      }),
    );
  }
  const scoped = await issueToken(options, requestBody({ ...options, auth: { type: 'token', token: first.token } }), [...secrets, first.token]);
  await retire(options, first.token);
  return toKeystoneToken(options, scoped);
}

async function rescopeToFirstProject(
  options: AuthenticateOptions,
  first: IssuedToken,
  secrets: string[],
  noProject?: () => OpenStackError,
): Promise<KeystoneToken> {
  const { cloud, signal } = options;

  const projects = await listAuthProjects({ cloud, authUrl: options.authUrl, token: first.token, send: options.send, signal });
  const chosen = projects[0];
  if (!chosen && noProject) {
    await retire(options, first.token);
    throw noProject();
  }
  // No project to scope to: keep the unscoped token; the session then simply has no catalog.
  if (!chosen) return toKeystoneToken(options, first);
  const rescoped = await issueToken(options, rescopeBody(first.token, chosen.id), [...secrets, first.token]);
  await retire(options, first.token);
  return toKeystoneToken(options, rescoped);
}

/**
 * The unscoped token has served (projects listed, scoped token issued): it is
 * revoked rather than left valid for its whole life, so the session keeps
 * exactly one live token and sign-out leaves none behind. A failure here costs
 * only that, so it never fails the sign-in.
 */
async function retire(options: AuthenticateOptions, token: string): Promise<void> {
  await revokeToken({ authUrl: options.authUrl, token, send: options.send, signal: options.signal }).catch(() => undefined);
}

function requestBody(options: AuthenticateOptions): unknown {
  try {
    return authRequestBody(options.auth, options.scope);
  } catch (error) {
    if (error instanceof AuthSettingsError) throw new OpenStackError(error.message, { kind: 'config', cloud: options.cloud, service: 'identity' });
    throw error;
  }
}

interface IssuedToken {
  token: string;
  body: TokenResponse;
}

function issueToken(options: AuthenticateOptions, body: unknown, secrets: string[]): Promise<IssuedToken> {
  return issue(options, { method: 'POST', url: signInUrl(options.authUrl), body }, secrets);
}

async function issue(
  options: AuthenticateOptions,
  request: { method: 'GET' | 'POST'; url: string; body?: unknown; headers?: Record<string, string> },
  secrets: string[],
): Promise<IssuedToken> {
  const { cloud, signal } = options;
  const { url } = request;
  const response = await options.send({
    ...request,
    service: 'identity',
    credential: { kind: 'none' },
    // Issuing a token twice is harmless, so a 503 on sign-in may be retried.
    idempotent: true,
    redact: secrets,
    signal,
  });
  const context = { cloud, service: 'identity', url, requestId: response.requestId };
  const token = response.headers.get('x-subject-token');
  if (!token) {
    throw new OpenStackError('Keystone answered without an X-Subject-Token header (is it exposed by CORS?)', {
      kind: 'invalid-response',
      ...context,
      method: request.method,
      status: response.status,
    });
  }
  return { token, body: parseBody(tokenResponseSchema, response.body, context) };
}

function toKeystoneToken(options: AuthenticateOptions, issued: IssuedToken): KeystoneToken {
  const { cloud } = options;
  const t = issued.body.token;
  if (t.expires_at === undefined) {
    throw new OpenStackError('Keystone token has no expires_at', { kind: 'invalid-response', cloud, service: 'identity' });
  }
  const expiresAt = keystoneDate(t.expires_at, cloud);
  return {
    token: issued.token,
    expiresAt,
    issuedAt: t.issued_at === undefined ? new Date(options.now()) : keystoneDate(t.issued_at, cloud),
    methods: t.methods,
    user: { id: t.user.id, name: t.user.name, domainName: t.user.domain?.name },
    project: t.project && { id: t.project.id, name: t.project.name, domainName: t.project.domain?.name },
    roles: (t.roles ?? []).map((role) => role.name),
    catalog: parseCatalog(t.catalog),
  };
}

/** Keystone writes UTC with microseconds; some fields drop the 'Z'. */
function keystoneDate(value: string, cloud: string): Date {
  const withZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
  const date = new Date(withZone);
  if (Number.isNaN(date.getTime())) {
    throw new OpenStackError(`Keystone sent an unreadable date '${value}'`, { kind: 'invalid-response', cloud, service: 'identity' });
  }
  return date;
}

function hasScope(scope: ProjectScope | undefined): boolean {
  return Boolean(scope?.projectId || scope?.projectName);
}
