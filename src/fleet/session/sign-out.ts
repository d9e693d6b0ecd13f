import type { CloudRegistryStore } from '../registry/cloud-registry-store.ts';
import type { FleetConnections } from './fleet-connections.ts';
import type { OidcLogin } from './oidc-login.ts';

export interface SignOutReport {
  /** Tokens Keystone revoked (or no longer knew). */
  revoked: number;
  /** Tokens whose revocation failed, by cloud (and project): they stay valid at Keystone until they expire. */
  failures: Array<{ cloud: string; project?: string; error: unknown }>;
  /** The OIDC access token: revoked at the provider, not revoked (why), or there was none. */
  oidc?: { providerRevoked: boolean; problem?: string };
}

export interface SignOutOptions {
  connections: FleetConnections;
  registry: CloudRegistryStore;
  oidcLogin?: OidcLogin;
  signal?: AbortSignal;
}

/**
 * Ends every session of the tab: each Keystone token is revoked at the
 * Keystone that issued it, the OIDC access token at its provider, and every
 * secret leaves memory. The registry forgets the secrets in the same tick the
 * clients let go of their tokens, so no view can sign in again in between.
 * The caller clears its caches (the query cache) after this.
 */
export async function signOutEverywhere({ connections, registry, oidcLogin, signal }: SignOutOptions): Promise<SignOutReport> {
  const revoking = connections.revokeAll(signal);
  const oidcSignOut = registry.getState().oidcAccessToken !== undefined ? oidcLogin?.signOut() : undefined;
  registry.getState().signOut();
  const oidc = await oidcSignOut;
  const outcomes = await revoking;
  const failures = outcomes.flatMap(({ cloud, project, error }) => (error === undefined ? [] : [{ cloud, project, error }]));
  return { revoked: outcomes.reduce((sum, outcome) => sum + outcome.revoked, 0), failures, oidc };
}
