import { Document } from 'yaml';
import type { AuthMethod } from '../../openstack/index.ts';
import type { CloudDefinition } from './cloud-definition.ts';

type Entry = Record<string, unknown>;

const HEADER = [
  ' Exported by Archipelago. Secrets are left out on purpose: add password,',
  ' application_credential_secret, token or access_token where a tool needs them.',
].join('\n');

/**
 * The registry as a clouds.yaml, without any secret. Demo clouds are left out:
 * their URLs only answer inside the demo page.
 */
export function exportCloudsYaml(clouds: readonly CloudDefinition[]): string {
  // A Map, not an object: a cloud named "0" would otherwise jump to the front.
  const entries = new Map(clouds.filter((cloud) => cloud.source !== 'demo').map((cloud) => [cloud.name, cloudsYamlEntryOf(cloud)]));
  const doc = new Document({ clouds: entries });
  doc.commentBefore = HEADER;
  return doc.toString({ lineWidth: 0 });
}

/** One clouds.yaml entry for a definition; the secret is never written, whatever the definition holds. */
export function cloudsYamlEntryOf(cloud: CloudDefinition): Entry {
  const scope = cloud.scope;
  return compact({
    auth_type: cloud.browserLogin ? 'v3oidcbrowser' : authTypeOf(cloud.auth),
    auth: compact({
      auth_url: cloud.authUrl,
      ...authSettingsOf(cloud.auth),
      project_id: scope?.projectId,
      project_name: scope?.projectName,
      project_domain_id: scope?.projectDomainId,
      project_domain_name: scope?.projectDomainName,
    }),
    region_name: cloud.regionName,
    interface: cloud.interface,
  });
}

function authTypeOf(auth: AuthMethod): string {
  switch (auth.type) {
    case 'password':
      return 'v3password';
    case 'applicationCredential':
      return 'v3applicationcredential';
    case 'token':
      return 'v3token';
    case 'oidcAccessToken':
      return 'v3oidcaccesstoken';
  }
}

function authSettingsOf(auth: AuthMethod): Entry {
  switch (auth.type) {
    case 'password':
      return { username: auth.username, user_id: auth.userId, user_domain_id: auth.userDomainId, user_domain_name: auth.userDomainName };
    case 'applicationCredential':
      return {
        application_credential_id: auth.id,
        application_credential_name: auth.name,
        username: auth.username,
        user_id: auth.userId,
        user_domain_id: auth.userDomainId,
        user_domain_name: auth.userDomainName,
      };
    case 'token':
      return {};
    case 'oidcAccessToken':
      return { identity_provider: auth.identityProvider, protocol: auth.protocol };
  }
}

function compact(entry: Entry): Entry {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}
