import type { AuthMethod, Interface, ProjectScope } from '../../openstack/index.ts';
import type { CloudDefinition, CloudSource } from './cloud-definition.ts';

/** One problem with one cloud's entry, naming the key so the operator can find it in their file. */
export interface EntryProblem {
  cloud: string;
  key: string;
  message: string;
}

export type EntryResult =
  | { ok: true; cloud: CloudDefinition; warnings: EntryProblem[] }
  | { ok: false; problems: EntryProblem[] };

const INTERFACES: readonly Interface[] = ['public', 'internal', 'admin'];

const SUPPORTED_AUTH_TYPES = ['v3password', 'v3applicationcredential', 'v3token', 'v3oidcaccesstoken', 'v3oidcbrowser'] as const;

/** Keys of `auth:` that hold one text value; anything else there (a list, a mapping) is a mistake worth naming. */
const TEXT_AUTH_KEYS = [
  'auth_url',
  'username',
  'user_id',
  'password',
  'project_id',
  'project_name',
  'tenant_id',
  'tenant_name',
  'domain_id',
  'domain_name',
  'user_domain_id',
  'user_domain_name',
  'project_domain_id',
  'project_domain_name',
  'application_credential_id',
  'application_credential_name',
  'application_credential_secret',
  'token',
  'identity_provider',
  'protocol',
  'access_token',
];

type Entry = Record<string, unknown>;
type Problem = (key: string, message: string) => EntryProblem;

/**
 * Maps one `clouds:` entry of an openstacksdk clouds.yaml (already parsed to
 * plain data) to a cloud definition. Unknown keys are ignored on purpose:
 * real files carry many settings that mean nothing in a browser. A missing
 * secret is not a problem: the console asks for it before signing in.
 */
export function cloudFromCloudsYamlEntry(name: string, raw: unknown, source: CloudSource): EntryResult {
  const problem: Problem = (key, message) => ({ cloud: name, key, message });
  const nameProblem = cloudNameProblem(name);
  if (nameProblem) return { ok: false, problems: [problem('(name)', nameProblem)] };
  if (!isRecord(raw)) return { ok: false, problems: [problem('(entry)', 'must be a mapping of settings')] };
  const problems: EntryProblem[] = [];
  const warnings: EntryProblem[] = [];
  if (raw.auth !== undefined && !isRecord(raw.auth)) problems.push(problem('auth', 'must be a mapping of settings'));
  const auth = isRecord(raw.auth) ? raw.auth : {};
  for (const key of TEXT_AUTH_KEYS) {
    if (auth[key] !== undefined && auth[key] !== null && !isScalarText(auth[key])) problems.push(problem(`auth.${key}`, 'must be a single text value'));
  }

  const authUrl = text(auth.auth_url);
  if (!authUrl) problems.push(problem('auth.auth_url', 'is missing'));
  else if (!/^https?:\/\/[^/\s]/i.test(authUrl)) problems.push(problem('auth.auth_url', `must be an http(s) URL, got "${authUrl}"`));

  const authMethod = authMethodOf(raw, auth, problem, problems);

  const rawInterface = raw.interface ?? raw.endpoint_type;
  const iface = text(rawInterface);
  if (rawInterface !== undefined && (!iface || !INTERFACES.includes(iface as Interface))) {
    problems.push(problem('interface', `must be one of ${INTERFACES.join(', ')}, got ${JSON.stringify(rawInterface)}`));
  }
  const regionName = regionsOf(raw, problem, problems);
  if (raw.verify === false || raw.insecure === true) {
    warnings.push(problem(raw.verify === false ? 'verify' : 'insecure', 'is not applicable in a browser: the browser always verifies TLS'));
  }

  // A key of the wrong type is also "missing" further down: say it once, in the first words found.
  if (problems.length > 0 || !authMethod || !authUrl) return { ok: false, problems: problems.filter((p, i) => problems.findIndex((q) => q.key === p.key) === i) };
  return {
    ok: true,
    warnings,
    cloud: {
      name,
      authUrl,
      auth: authMethod,
      scope: scopeOf(auth),
      regionName,
      interface: iface as Interface | undefined,
      transport: { kind: 'direct' },
      source,
      ...(text(raw.auth_type) === 'v3oidcbrowser' ? { browserLogin: true } : {}),
    },
  };
}

/** Why a name cannot name a cloud, if it cannot: names end up in proxy paths, query keys and storage. */
function cloudNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a cloud needs a name';
  if (name !== name.trim()) return 'must not start or end with a space';
  if (name.length > 128) return 'is longer than 128 characters';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[/\\\u0000-\u001f]/.test(name)) return 'must not contain a slash, a backslash or a control character';
  return undefined;
}

function authMethodOf(raw: Entry, auth: Entry, problem: Problem, problems: EntryProblem[]): AuthMethod | undefined {
  if (raw.auth_type !== undefined && typeof raw.auth_type !== 'string') {
    problems.push(problem('auth_type', `must be text, one of ${SUPPORTED_AUTH_TYPES.join(', ')}`));
    return undefined;
  }
  const authType = text(raw.auth_type) ?? 'password';
  const userDomainName = text(auth.user_domain_name) ?? text(auth.domain_name);
  const userDomainId = text(auth.user_domain_id) ?? text(auth.domain_id);
  switch (authType) {
    case 'password':
    case 'v3password': {
      const username = text(auth.username);
      const userId = text(auth.user_id);
      if (!username && !userId) problems.push(problem('auth.username', 'is missing (or give auth.user_id)'));
      return { type: 'password', username, userId, password: secretText(auth.password), userDomainName, userDomainId };
    }
    case 'v3applicationcredential': {
      const id = text(auth.application_credential_id);
      const name = text(auth.application_credential_name);
      if (!id && !name) problems.push(problem('auth.application_credential_id', 'is missing (or give auth.application_credential_name with the user)'));
      return {
        type: 'applicationCredential',
        id,
        name,
        secret: secretText(auth.application_credential_secret),
        username: text(auth.username),
        userId: text(auth.user_id),
        userDomainName,
        userDomainId,
      };
    }
    case 'token':
    case 'v3token':
      return { type: 'token', token: secretText(auth.token) };
    case 'v3oidcaccesstoken':
    case 'v3oidcbrowser': {
      const identityProvider = text(auth.identity_provider);
      const protocol = text(auth.protocol);
      if (!identityProvider) problems.push(problem('auth.identity_provider', 'is missing'));
      if (!protocol) problems.push(problem('auth.protocol', 'is missing'));
      // v3oidcbrowser: the token comes from the console's sign-in, never from the file.
      const accessToken = authType === 'v3oidcbrowser' ? '' : secretText(auth.access_token);
      return { type: 'oidcAccessToken', identityProvider: identityProvider ?? '', protocol: protocol ?? '', accessToken };
    }
    default:
      problems.push(problem('auth_type', `"${authType}" is not supported (use ${SUPPORTED_AUTH_TYPES.join(', ')})`));
      return undefined;
  }
}

function scopeOf(auth: Entry): ProjectScope | undefined {
  const scope: ProjectScope = {
    projectId: text(auth.project_id) ?? text(auth.tenant_id),
    projectName: text(auth.project_name) ?? text(auth.tenant_name),
    projectDomainName: text(auth.project_domain_name) ?? text(auth.domain_name),
    projectDomainId: text(auth.project_domain_id) ?? text(auth.domain_id),
  };
  return scope.projectId || scope.projectName ? scope : undefined;
}

function regionsOf(raw: Entry, problem: Problem, problems: EntryProblem[]): string | string[] | undefined {
  const key = raw.region_name !== undefined ? 'region_name' : 'regions';
  const regions = raw.region_name ?? raw.regions;
  if (regions === undefined || regions === null) return undefined;
  if (isScalarText(regions)) return text(regions);
  if (Array.isArray(regions)) {
    const names = regions.map((r) => (isRecord(r) ? text(r.name) : text(r)));
    if (names.every((r): r is string => Boolean(r))) return names.length > 0 ? names : undefined;
  }
  problems.push(problem(key, 'must be a region name or a list of region names'));
  return undefined;
}

function isRecord(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalarText(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Secrets are taken as written: a password may well begin or end with a space. */
function secretText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}
