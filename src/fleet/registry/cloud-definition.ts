import type { AuthMethod, Interface, ProjectScope, Transport } from '../../openstack/index.ts';

/** Where a cloud definition came from: it decides what may be edited and persisted. */
export type CloudSource = 'demo' | 'runtime-config' | 'user';

/**
 * One cloud as the operator knows it (a clouds.yaml entry, in our words).
 * `auth` may hold secrets: definitions are kept in memory and never written
 * to storage with their secrets (DESIGN rule 7).
 */
export interface CloudDefinition {
  name: string;
  authUrl: string;
  auth: AuthMethod;
  /**
   * clouds.yaml `auth_type: v3oidcbrowser`: `auth` is an OIDC access token
   * exchange whose token comes from the console's own OIDC sign-in, shared by
   * every such cloud, rather than from the file or the operator.
   */
  browserLogin?: boolean;
  scope?: ProjectScope;
  regionName?: string | string[];
  interface?: Interface;
  transport: Transport;
  source: CloudSource;
  /** Free-form hint shown beside the name, e.g. "3 regions, shared Keystone". */
  description?: string;
}
