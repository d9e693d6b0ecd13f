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

type Entry = Record<string, unknown>;

/**
 * Maps one `clouds:` entry of an openstacksdk clouds.yaml (already parsed to
 * plain data) to a cloud definition. Unknown keys are ignored on purpose:
 * real files carry many settings that mean nothing in a browser.
 */
export function cloudFromCloudsYamlEntry(name: string, raw: unknown, source: CloudSource): EntryResult {
  const problem = (key: string, message: string): EntryProblem => ({ cloud: name, key, message });
  if (!isRecord(raw)) return { ok: false, problems: [problem('(entry)', 'must be a mapping of settings')] };
  const auth = isRecord(raw.auth) ? raw.auth : {};
  const problems: EntryProblem[] = [];
  const warnings: EntryProblem[] = [];

  const authUrl = text(auth.auth_url);
  if (!authUrl) problems.push(problem('auth.auth_url', 'is missing'));
  else if (!/^https?:\/\//i.test(authUrl)) problems.push(problem('auth.auth_url', `must be an http(s) URL, got "${authUrl}"`));

  const authMethod = authMethodOf(raw, auth, problem, problems);

  const iface = text(raw.interface) ?? text(raw.endpoint_type);
  if (iface && !INTERFACES.includes(iface as Interface)) {
    problems.push(problem('interface', `must be one of ${INTERFACES.join(', ')}, got "${iface}"`));
  }
  if (raw.verify === false || raw.insecure === true) {
    warnings.push(problem(raw.verify === false ? 'verify' : 'insecure', 'is not applicable in a browser: the browser always verifies TLS'));
  }

  if (problems.length > 0 || !authMethod || !authUrl) return { ok: false, problems };
  return {
    ok: true,
    warnings,
    cloud: {
      name,
      authUrl,
      auth: authMethod,
      scope: scopeOf(auth),
      regionName: regionsOf(raw),
      interface: iface as Interface | undefined,
      transport: { kind: 'direct' },
      source,
    },
  };
}

function authMethodOf(
  raw: Entry,
  auth: Entry,
  problem: (key: string, message: string) => EntryProblem,
  problems: EntryProblem[],
): AuthMethod | undefined {
  const authType = text(raw.auth_type) ?? 'password';
  const userDomainName = text(auth.user_domain_name) ?? text(auth.domain_name);
  const userDomainId = text(auth.user_domain_id) ?? text(auth.domain_id);
  switch (authType) {
    case 'password':
    case 'v3password': {
      const username = text(auth.username);
      const userId = text(auth.user_id);
      if (!username && !userId) problems.push(problem('auth.username', 'is missing (or give auth.user_id)'));
      return { type: 'password', username, userId, password: text(auth.password) ?? '', userDomainName, userDomainId };
    }
    case 'v3applicationcredential': {
      const id = text(auth.application_credential_id);
      const name = text(auth.application_credential_name);
      if (!id && !name) problems.push(problem('auth.application_credential_id', 'is missing (or give auth.application_credential_name with the user)'));
      return {
        type: 'applicationCredential',
        id,
        name,
        secret: text(auth.application_credential_secret) ?? '',
        username: text(auth.username),
        userId: text(auth.user_id),
        userDomainName,
        userDomainId,
      };
    }
    case 'token':
    case 'v3token': {
      const token = text(auth.token);
      if (!token) problems.push(problem('auth.token', 'is missing'));
      return { type: 'token', token: token ?? '' };
    }
    default:
      problems.push(problem('auth_type', `"${authType}" is not supported (use v3password, v3applicationcredential or v3token)`));
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

function regionsOf(raw: Entry): string | string[] | undefined {
  const regions = raw.region_name ?? raw.regions;
  if (typeof regions === 'string') return regions;
  if (Array.isArray(regions)) {
    const names = regions.map((r) => (isRecord(r) ? text(r.name) : text(r))).filter((r): r is string => Boolean(r));
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

function isRecord(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}
