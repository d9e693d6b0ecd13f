import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { cloudFromCloudsYamlEntry, type EntryProblem } from '../../../fleet/registry/cloud-from-clouds-yaml.ts';
import { cloudsYamlEntryOf } from '../../../fleet/registry/export-clouds-yaml.ts';
import type { TransportFor } from '../../../fleet/registry/merge-import.ts';

export const AUTH_TYPES = [
  { value: 'v3password', label: 'Password' },
  { value: 'v3applicationcredential', label: 'Application credential' },
  { value: 'v3token', label: 'Token' },
  { value: 'v3oidcaccesstoken', label: 'OIDC access token' },
  { value: 'v3oidcbrowser', label: 'OIDC login in the browser' },
] as const;

export type AuthType = (typeof AUTH_TYPES)[number]['value'];

/** What the Add/Edit form holds: text fields, as typed. */
export interface CloudFormValues {
  name: string;
  authUrl: string;
  authType: AuthType;
  username: string;
  userDomainName: string;
  applicationCredentialId: string;
  identityProvider: string;
  protocol: string;
  projectName: string;
  projectDomainName: string;
  /** Comma-separated; empty: every region of the catalog. */
  regions: string;
  interface: '' | 'public' | 'internal' | 'admin';
  /** Password, application credential secret, token or access token, per authType (none for v3oidcbrowser); empty keeps the one in memory. */
  secret: string;
}

type Entry = Record<string, unknown>;

const EMPTY: CloudFormValues = {
  name: '',
  authUrl: '',
  authType: 'v3password',
  username: '',
  userDomainName: 'Default',
  applicationCredentialId: '',
  identityProvider: '',
  protocol: 'openid',
  projectName: '',
  projectDomainName: 'Default',
  regions: '',
  interface: '',
  secret: '',
};

/** The form's starting values: empty for a new cloud, the cloud's settings (never its secret) for an edit. */
export function formValuesOf(cloud?: CloudDefinition): CloudFormValues {
  if (!cloud) return EMPTY;
  const entry = cloudsYamlEntryOf(cloud);
  const auth = (entry.auth ?? {}) as Entry;
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    name: cloud.name,
    authUrl: cloud.authUrl,
    authType: entry.auth_type as AuthType,
    username: str(auth.username),
    userDomainName: str(auth.user_domain_name),
    applicationCredentialId: str(auth.application_credential_id),
    identityProvider: str(auth.identity_provider),
    protocol: str(auth.protocol),
    projectName: str(auth.project_name),
    projectDomainName: str(auth.project_domain_name),
    regions: [cloud.regionName ?? []].flat().join(', '),
    interface: cloud.interface ?? '',
    secret: '',
  };
}

export type FormResult = { ok: true; cloud: CloudDefinition } | { ok: false; problems: EntryProblem[] };

/**
 * Validates the form the way an imported file is validated: the values become
 * a clouds.yaml entry, laid over the edited cloud's own entry so settings the
 * form does not show (user_id, project_id…) survive an edit.
 */
export function cloudOfFormValues(
  values: CloudFormValues,
  options: { editing?: CloudDefinition; taken: readonly string[]; transportFor: TransportFor },
): FormResult {
  const name = values.name.trim();
  if (name !== options.editing?.name && options.taken.includes(name)) {
    return { ok: false, problems: [{ cloud: name, key: '(name)', message: 'is already in the registry' }] };
  }
  const base = options.editing && formValuesOf(options.editing).authType === values.authType ? cloudsYamlEntryOf(options.editing) : {};
  const baseAuth = (base.auth ?? {}) as Entry;
  const set = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const regions = values.regions.split(',').map((r) => r.trim()).filter(Boolean);
  const auth: Entry = {
    ...baseAuth,
    auth_url: set(values.authUrl),
    project_name: set(values.projectName),
    project_domain_name: set(values.projectDomainName),
    ...authFields(values, set),
  };
  const entry: Entry = {
    ...base,
    auth_type: values.authType,
    auth,
    region_name: regions.length > 1 ? regions : regions[0],
    interface: values.interface || undefined,
  };
  const result = cloudFromCloudsYamlEntry(name, entry, 'user');
  if (!result.ok) return result;
  return { ok: true, cloud: { ...result.cloud, transport: options.transportFor(name) } };
}

function authFields(values: CloudFormValues, set: (value: string) => string | undefined): Entry {
  // The secret is taken as typed: spaces may belong to it.
  const secret = values.secret === '' ? undefined : values.secret;
  switch (values.authType) {
    case 'v3password':
      return { username: set(values.username), user_domain_name: set(values.userDomainName), password: secret };
    case 'v3applicationcredential':
      return { application_credential_id: set(values.applicationCredentialId), application_credential_secret: secret };
    case 'v3token':
      return { token: secret };
    case 'v3oidcaccesstoken':
      return { identity_provider: set(values.identityProvider), protocol: set(values.protocol), access_token: secret };
    case 'v3oidcbrowser':
      return { identity_provider: set(values.identityProvider), protocol: set(values.protocol) };
  }
}
