import type { JsonObject } from './fleet-model.ts';
import { INTERFACES } from './generate-fleet.ts';
import type { KeystoneContext, SimCloud } from './sim-context.ts';
import { errorResponse } from './service-errors.ts';
import type { SimToken } from './tokens.ts';
import { isRecord, jsonResponse, readJson, textResponse } from './wire-http.ts';

/** Keystone v3, the parts a console signs in with: versions, tokens, scopes, catalog. */
const AUTH_REQUIRED = 'The request you have made requires authentication.';
const DEFAULT_DOMAIN = { id: 'default', name: 'Default' } as const;

function versionDoc(origin: string): JsonObject {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${origin}/identity/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

const catalogs = new WeakMap<SimCloud, JsonObject[]>();

/** The catalog is the same for every token of a cloud, so it is built once. */
export function catalogFor(cloud: SimCloud): JsonObject[] {
  let catalog = catalogs.get(cloud);
  if (catalog) return catalog;
  const { identity, origin } = cloud;
  catalog = identity.services.map((service) => ({
    endpoints: identity.regions.flatMap((region, r) =>
      INTERFACES.map((iface, i) => ({
        id: service.endpointIds[r * INTERFACES.length + i] ?? '',
        interface: iface,
        region_id: region,
        url: service.path === '' ? `${origin}/identity` : `${origin}/${region}/${service.path}`,
        region,
      })),
    ),
    id: service.id,
    type: service.type,
    name: service.name,
  }));
  catalogs.set(cloud, catalog);
  return catalog;
}

function keystoneTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}

function tokenBody(cloud: SimCloud, token: SimToken): JsonObject {
  const { identity } = cloud;
  const user = identity.users[token.userIndex];
  const body: JsonObject = {
    methods: token.methods,
    user: { domain: { ...DEFAULT_DOMAIN }, id: user?.id ?? '', name: user?.name ?? '', password_expires_at: null },
    audit_ids: [token.auditId],
    expires_at: keystoneTime(token.expiresAt),
    issued_at: keystoneTime(token.issuedAt),
  };
  if (token.projectIndex !== null) {
    const project = identity.projects[token.projectIndex];
    const roles = token.admin
      ? [
          { id: identity.roles.admin, name: 'admin' },
          { id: identity.roles.member, name: 'member' },
          { id: identity.roles.reader, name: 'reader' },
        ]
      : [
          { id: identity.roles.member, name: 'member' },
          { id: identity.roles.reader, name: 'reader' },
        ];
    body.project = { domain: { ...DEFAULT_DOMAIN }, id: project?.id ?? '', name: project?.name ?? '' };
    body.is_domain = false;
    body.roles = roles;
    body.catalog = catalogFor(cloud);
  }
  if (token.appCredential) {
    body.application_credential = { id: identity.appCredential.id, name: identity.appCredential.name, restricted: true };
  }
  return { token: body };
}

function unauthorized(): Response {
  return errorResponse('identity', 401, AUTH_REQUIRED, '');
}

function badRequest(message: string): Response {
  return errorResponse('identity', 400, message, '');
}

function matchesDomain(domain: unknown): boolean {
  if (!isRecord(domain)) return false;
  return domain.id === DEFAULT_DOMAIN.id || domain.name === DEFAULT_DOMAIN.name;
}

/** Resolves the identity part of an auth request to a user (and, for tokens and app creds, what they imply). */
interface Authenticated {
  userIndex: number;
  methods: string[];
  appCredential: boolean;
  /** Forced scope (app credentials are bound to a project). */
  projectIndex?: number;
  /** The token being rescoped, for its expiry. */
  from?: SimToken;
}

function authenticate(ctx: KeystoneContext, identity: Record<string, unknown>): Authenticated | Response {
  const methods = identity.methods;
  if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => typeof m === 'string')) {
    return badRequest("Invalid input for field 'identity/methods': expected a non-empty list of strings.");
  }
  const { users, appCredential } = ctx.cloud.identity;
  const method = methods[0] as string;
  if (method === 'password') {
    const user = isRecord(identity.password) ? identity.password.user : undefined;
    if (!isRecord(user) || typeof user.password !== 'string') return badRequest("Invalid input for field 'identity/password/user'.");
    const index = users.findIndex((u) =>
      typeof user.id === 'string' ? u.id === user.id : u.name === user.name && matchesDomain(user.domain),
    );
    const found = users[index];
    if (!found || found.password !== user.password) return unauthorized();
    return { userIndex: index, methods: ['password'], appCredential: false };
  }
  if (method === 'application_credential') {
    const cred = identity.application_credential;
    if (!isRecord(cred) || typeof cred.secret !== 'string') return badRequest("Invalid input for field 'identity/application_credential'.");
    const byId = cred.id === appCredential.id;
    const owner = users[appCredential.userIndex];
    const byName = cred.name === appCredential.name && isRecord(cred.user) && (cred.user.id === owner?.id || cred.user.name === owner?.name);
    if ((!byId && !byName) || cred.secret !== appCredential.secret) return unauthorized();
    return { userIndex: appCredential.userIndex, methods: ['application_credential'], appCredential: true, projectIndex: appCredential.projectIndex };
  }
  if (method === 'token') {
    const tok = isRecord(identity.token) ? identity.token.id : undefined;
    const from = ctx.tokens.valid(typeof tok === 'string' ? tok : null, ctx.cloud.index, ctx.now);
    if (!from) return unauthorized();
    const methods = from.methods.includes('token') ? from.methods : ['token', ...from.methods];
    return { userIndex: from.userIndex, methods, appCredential: from.appCredential, from };
  }
  return unauthorized();
}

function resolveScope(ctx: KeystoneContext, scope: unknown): number | null | Response {
  if (scope === undefined || scope === 'unscoped') return null;
  if (!isRecord(scope) || !isRecord(scope.project)) {
    // Domain and system scopes need role assignments the simulated users do not have.
    return unauthorized();
  }
  const wanted = scope.project;
  const index = ctx.cloud.identity.projects.findIndex((p) =>
    typeof wanted.id === 'string' ? p.id === wanted.id : p.name === wanted.name && matchesDomain(wanted.domain),
  );
  return index < 0 ? unauthorized() : index;
}

async function issueToken(ctx: KeystoneContext): Promise<Response> {
  const body = await readJson(ctx.request);
  const auth = isRecord(body) ? body.auth : undefined;
  if (!isRecord(auth) || !isRecord(auth.identity)) return badRequest("Invalid input for field 'auth': 'identity' is a required property.");
  const who = authenticate(ctx, auth.identity);
  if (who instanceof Response) return who;
  let projectIndex: number | null;
  if (who.projectIndex !== undefined) {
    if (auth.scope !== undefined) return unauthorized();
    projectIndex = who.projectIndex;
  } else {
    const scope = resolveScope(ctx, auth.scope);
    if (scope instanceof Response) return scope;
    // A token exchanged without a scope keeps the scope it had.
    projectIndex = auth.scope === undefined && who.from ? who.from.projectIndex : scope;
  }
  const user = ctx.cloud.identity.users[who.userIndex];
  if (!user) return unauthorized();
  if (projectIndex !== null && !user.projects.includes(projectIndex)) return unauthorized();
  const expiresAt = who.from ? who.from.expiresAt : ctx.now + ctx.cloud.tokenLifetime * 1000;
  const token = ctx.tokens.issue({
    cloudIndex: ctx.cloud.index,
    userIndex: who.userIndex,
    projectIndex,
    methods: who.methods,
    admin: user.admin && !ctx.cloud.memberOnly,
    appCredential: who.appCredential,
    issuedAt: ctx.now,
    expiresAt,
  });
  return jsonResponse(201, tokenBody(ctx.cloud, token), { 'X-Subject-Token': token.id });
}

function authToken(ctx: KeystoneContext): SimToken | undefined {
  return ctx.tokens.valid(ctx.request.headers.get('X-Auth-Token'), ctx.cloud.index, ctx.now);
}

function listAuthProjects(ctx: KeystoneContext, token: SimToken): Response {
  const { identity, origin } = ctx.cloud;
  const user = identity.users[token.userIndex];
  const projects = (user?.projects ?? []).flatMap((i) => {
    const p = identity.projects[i];
    return p
      ? [{ id: p.id, name: p.name, domain_id: DEFAULT_DOMAIN.id, enabled: true, is_domain: false, parent_id: DEFAULT_DOMAIN.id, description: p.description, tags: [], options: {}, links: { self: `${origin}/identity/v3/projects/${p.id}` } }]
      : [];
  });
  return jsonResponse(200, { projects, links: { self: `${origin}/identity/v3/auth/projects`, previous: null, next: null } });
}

export async function handleKeystone(ctx: KeystoneContext): Promise<Response> {
  const { path, request, cloud } = ctx;
  const method = request.method;
  if (path === '' && method === 'GET') {
    // Keystone points at the one version it has.
    return jsonResponse(300, { versions: { values: [versionDoc(cloud.origin)] } }, { Location: `${cloud.origin}/identity/v3/` });
  }
  if (path === '/v3' && method === 'GET') return jsonResponse(200, { version: versionDoc(cloud.origin) });
  if (path === '/v3/auth/tokens') {
    if (method === 'POST') return issueToken(ctx);
    const token = authToken(ctx);
    if (!token) return unauthorized();
    const subject = ctx.tokens.valid(request.headers.get('X-Subject-Token'), cloud.index, ctx.now);
    if (method === 'GET' || method === 'HEAD') {
      if (!subject) return errorResponse('identity', 404, 'Could not find token.', '');
      return method === 'HEAD'
        ? textResponse(200, null, { 'X-Subject-Token': subject.id })
        : jsonResponse(200, tokenBody(cloud, subject), { 'X-Subject-Token': subject.id });
    }
    if (method === 'DELETE') {
      if (!subject) return errorResponse('identity', 404, 'Could not find token.', '');
      ctx.tokens.revoke(subject.id);
      return textResponse(204, null);
    }
    return errorResponse('identity', 405, 'The method is not allowed for the requested URL.', '');
  }
  if (method === 'GET' && (path === '/v3/auth/projects' || path === '/v3/auth/catalog')) {
    const token = authToken(ctx);
    if (!token) return unauthorized();
    if (path === '/v3/auth/projects') return listAuthProjects(ctx, token);
    if (token.projectIndex === null) {
      return errorResponse('identity', 403, 'A project-scoped token is required to produce a service catalog.', '');
    }
    return jsonResponse(200, { catalog: catalogFor(cloud), links: { self: `${cloud.origin}/identity/v3/auth/catalog`, previous: null, next: null } });
  }
  if (!authToken(ctx)) return unauthorized();
  return errorResponse('identity', 404, 'The resource could not be found.', '');
}
