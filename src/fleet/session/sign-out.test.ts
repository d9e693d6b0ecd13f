import { describe, expect, it, vi } from 'vitest';
import { DIRECT } from '../../openstack/index.ts';
import { createCloudRegistryStore } from '../registry/cloud-registry-store.ts';
import { missingSecret } from '../registry/cloud-secrets.ts';
import { userCloud } from '../registry/test-clouds.ts';
import type { FleetConnections, RevocationOutcome } from './fleet-connections.ts';
import type { OidcLogin } from './oidc-login.ts';
import { signOutEverywhere } from './sign-out.ts';

function setup(outcomes: RevocationOutcome[]) {
  const registry = createCloudRegistryStore({ fixed: [{ ...userCloud('configured', 'cfg-pw'), source: 'runtime-config' }], transportFor: () => DIRECT });
  registry.getState().addClouds([userCloud('ams', 'ams-pw')]);
  // The secrets must still be there when the tokens are let go of, and gone right after: no view may sign in in between.
  const secretsAtRevocation: Array<string | undefined> = [];
  const revokeAll = vi.fn(async () => {
    secretsAtRevocation.push(...registry.getState().clouds.map(missingSecret));
    return outcomes;
  });
  const connections = { revokeAll } as unknown as FleetConnections;
  const oidcSignOut = vi.fn(async () => ({ providerRevoked: true }));
  const oidcLogin = { signOut: oidcSignOut } as unknown as OidcLogin;
  return { registry, connections, revokeAll, oidcLogin, oidcSignOut, secretsAtRevocation };
}

describe('signOutEverywhere', () => {
  it('revokes every token, forgets every secret, and reports what Keystone refused by cloud', async () => {
    const failure = new Error('503 from Keystone');
    const { registry, connections, revokeAll, oidcLogin, oidcSignOut, secretsAtRevocation } = setup([
      { cloud: 'configured', project: 'admin', revoked: 1 },
      // A client let go of earlier (another project chosen) and its live successor's token.
      { cloud: 'ams', project: 'ops', revoked: 2 },
      { cloud: 'ams', project: 'web', revoked: 0, error: failure },
    ]);
    const report = await signOutEverywhere({ connections, registry, oidcLogin });
    expect(revokeAll).toHaveBeenCalledOnce();
    expect(secretsAtRevocation).toEqual([undefined, undefined]);
    expect(report).toEqual({ revoked: 3, failures: [{ cloud: 'ams', project: 'web', error: failure }], oidc: undefined });
    expect(registry.getState().clouds.map(missingSecret)).toEqual(['password', 'password']);
    expect(registry.getState().signedOut).toBe(true);
    // Nobody was signed in with OIDC: the provider is not bothered.
    expect(oidcSignOut).not.toHaveBeenCalled();
  });

  it('also revokes the OIDC access token at the provider when there is one', async () => {
    const { registry, connections, oidcLogin, oidcSignOut } = setup([]);
    registry.getState().setOidcAccessToken('at-1');
    const report = await signOutEverywhere({ connections, registry, oidcLogin });
    expect(oidcSignOut).toHaveBeenCalledOnce();
    expect(report.oidc).toEqual({ providerRevoked: true });
    expect(registry.getState().oidcAccessToken).toBeUndefined();
  });
});
