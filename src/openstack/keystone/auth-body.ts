/**
 * Builds the body of POST /v3/auth/tokens for each way a cloud can be signed
 * into. Incomplete settings fail here, before anything is sent, with a message
 * that names the missing setting and never the secret.
 */
export type AuthMethod =
  | { type: 'password'; username?: string; userId?: string; password: string; userDomainName?: string; userDomainId?: string }
  | {
      type: 'applicationCredential';
      id?: string;
      name?: string;
      secret: string;
      username?: string;
      userId?: string;
      userDomainName?: string;
      userDomainId?: string;
    }
  | { type: 'token'; token: string }
  /** An OIDC access token obtained elsewhere, exchanged at Keystone's OS-FEDERATION endpoint for a Keystone token. */
  | { type: 'oidcAccessToken'; identityProvider: string; protocol: string; accessToken: string };

export interface ProjectScope {
  projectId?: string;
  projectName?: string;
  projectDomainName?: string;
  projectDomainId?: string;
}

/** Thrown for settings that cannot work; the caller turns it into a 'config' OpenStackError for its cloud. */
export class AuthSettingsError extends Error {
  override readonly name = 'AuthSettingsError';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function authRequestBody(method: AuthMethod, scope?: ProjectScope): JsonObject {
  const auth: JsonObject = { identity: identity(method) };
  // An application credential carries its own project, and Keystone refuses a scope next to it;
  // clouds.yaml files often keep a project_* line around anyway, so it is dropped rather than sent.
  const scoped = method.type === 'applicationCredential' ? undefined : scopeBody(scope);
  if (scoped) auth['scope'] = scoped;
  return { auth };
}

/** The secrets a method carries, to scrub from anything a server might echo. */
export function authSecrets(method: AuthMethod): string[] {
  switch (method.type) {
    case 'password':
      return [method.password];
    case 'applicationCredential':
      return [method.secret];
    case 'token':
      return [method.token];
    case 'oidcAccessToken':
      return [method.accessToken];
  }
}

function identity(method: AuthMethod): JsonObject {
  switch (method.type) {
    case 'password':
      if (method.password === '') throw new AuthSettingsError('password auth needs a password');
      return { methods: ['password'], password: { user: { ...user(method, 'password auth'), password: method.password } } };
    case 'applicationCredential': {
      if (method.secret === '') throw new AuthSettingsError('application credential auth needs a secret');
      if (method.id) return { methods: ['application_credential'], application_credential: { id: method.id, secret: method.secret } };
      if (!method.name) throw new AuthSettingsError('application credential auth needs an id, or a name and its user');
      return {
        methods: ['application_credential'],
        application_credential: { name: method.name, user: user(method, 'application credential by name'), secret: method.secret },
      };
    }
    case 'token':
      if (method.token === '') throw new AuthSettingsError('token auth needs a token');
      return { methods: ['token'], token: { id: method.token } };
    case 'oidcAccessToken':
      // Exchanged at OS-FEDERATION (see authenticate.ts), never sent to /auth/tokens.
      throw new AuthSettingsError('an OIDC access token is exchanged at OS-FEDERATION, not posted to /auth/tokens');
  }
}

function user(method: { username?: string; userId?: string; userDomainName?: string; userDomainId?: string }, what: string): JsonObject {
  if (method.userId) return { id: method.userId };
  if (!method.username) throw new AuthSettingsError(`${what} needs a user id or a username`);
  const domain = domainRef(method.userDomainId, method.userDomainName);
  if (!domain) throw new AuthSettingsError(`${what} by username needs a user domain name or id`);
  return { name: method.username, domain };
}

function scopeBody(scope: ProjectScope | undefined): JsonObject | undefined {
  if (!scope) return undefined;
  if (scope.projectId) return { project: { id: scope.projectId } };
  if (!scope.projectName) {
    if (scope.projectDomainId || scope.projectDomainName) throw new AuthSettingsError('a project domain was given without a project name');
    return undefined;
  }
  const domain = domainRef(scope.projectDomainId, scope.projectDomainName);
  if (!domain) throw new AuthSettingsError('a project name needs a project domain name or id');
  return { project: { name: scope.projectName, domain } };
}

function domainRef(id: string | undefined, name: string | undefined): JsonObject | undefined {
  if (id) return { id };
  if (name) return { name };
  return undefined;
}

/** Rescoping an unscoped token to a project, after GET /v3/auth/projects. */
export function rescopeBody(token: string, projectId: string): JsonObject {
  return { auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: projectId } } } };
}
