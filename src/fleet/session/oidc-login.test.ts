import { describe, expect, it, vi } from 'vitest';
import { createHttpPolicy, DIRECT } from '../../openstack/index.ts';
import { createFakeFetch, jsonResponse, type FakeHandler } from '../../openstack/http/fake-fetch.ts';
import { loadCloudOverview } from '../clouds/cloud-overview.ts';
import type { OidcSettings } from '../config/oidc-settings.ts';
import { describeError } from '../health/describe-error.ts';
import type { CloudDefinition } from '../registry/cloud-definition.ts';
import { createCloudRegistryStore } from '../registry/cloud-registry-store.ts';
import { missingSecret } from '../registry/cloud-secrets.ts';
import { userCloud } from '../registry/test-clouds.ts';
import { createFleetConnections } from './fleet-connections.ts';
import { createOidcLogin, safeReturnPath, type OidcUser, type OidcUserManager } from './oidc-login.ts';

const SETTINGS: OidcSettings = { issuer: 'https://id.example.test', clientId: 'console', scope: 'openid', redirectPath: '/auth/callback' };

/** Stands in for oidc-client-ts: records redirects, completes callbacks with a given user, fires its events on demand. */
function fakeUserManager(user: OidcUser | Error = oidcUser('at-1')) {
  const loaded: Array<(user: OidcUser) => void> = [];
  const expired: Array<() => void> = [];
  const redirects: unknown[] = [];
  const manager: OidcUserManager = {
    signinRedirect: vi.fn(async (args: { state: unknown }) => void redirects.push(args.state)),
    signinRedirectCallback: vi.fn(async () => {
      if (user instanceof Error) throw user;
      loaded.forEach((callback) => callback(user));
      return user;
    }),
    removeUser: vi.fn(async () => {}),
    revokeTokens: vi.fn(async () => {}),
    events: { addUserLoaded: (callback) => void loaded.push(callback), addAccessTokenExpired: (callback) => void expired.push(callback) },
  };
  return { manager, redirects, expire: () => expired.forEach((callback) => callback()), load: (u: OidcUser) => loaded.forEach((callback) => callback(u)) };
}

function oidcUser(accessToken: string, returnTo = '/servers?cloud=lab-a'): OidcUser {
  return { access_token: accessToken, expires_at: 2_000_000_000, profile: { sub: 'u-1', preferred_username: 'alice' }, state: { returnTo } };
}

const federated = (name: string): CloudDefinition => ({
  name,
  authUrl: `https://${name}.example.test/v3`,
  auth: { type: 'oidcAccessToken', identityProvider: 'corp', protocol: 'openid', accessToken: '' },
  browserLogin: true,
  transport: DIRECT,
  source: 'runtime-config',
});

function setup(user?: OidcUser | Error) {
  const registry = createCloudRegistryStore({ fixed: [federated('fed-a'), federated('fed-b'), userCloud('pw', 'own-password')], transportFor: () => DIRECT });
  const fake = fakeUserManager(user);
  const login = createOidcLogin({ settings: SETTINGS, userManager: fake.manager, registry });
  const cloud = (name: string) => {
    const found = registry.getState().clouds.find((c) => c.name === name);
    if (!found) throw new Error(`no cloud ${name}`);
    return found;
  };
  return { registry, login, fake, cloud };
}

describe('the OIDC sign-in', () => {
  it('gives the one access token to every browser-login cloud, and leaves the other clouds as they were', async () => {
    const { login, cloud } = setup();
    const pw = cloud('pw');
    expect(missingSecret(cloud('fed-a'))).toBe('access token');

    const next = await login.completeSignIn('https://console.example.test/auth/callback?code=c&state=s');

    expect(next).toBe('/servers?cloud=lab-a');
    expect(cloud('fed-a').auth).toMatchObject({ accessToken: 'at-1' });
    expect(cloud('fed-b').auth).toMatchObject({ accessToken: 'at-1' });
    expect(cloud('pw')).toBe(pw);
    expect(login.state.getState()).toEqual({ status: 'signed-in', userName: 'alice', expiresAt: new Date(2_000_000_000_000) });
  });

  it('sends the browser-login clouds back to "Sign-in needed" when the access token expires', async () => {
    const { login, fake, cloud } = setup();
    await login.completeSignIn('https://console.example.test/auth/callback?code=c&state=s');
    fake.expire();
    expect(missingSecret(cloud('fed-a'))).toBe('access token');
    expect(missingSecret(cloud('fed-b'))).toBe('access token');
    expect(missingSecret(cloud('pw'))).toBeUndefined();
    expect(login.state.getState()).toEqual({ status: 'expired', userName: 'alice' });
  });

  it('takes a renewed token from the library, and forgets it on sign-out', async () => {
    const { login, fake, cloud } = setup();
    await login.completeSignIn('https://console.example.test/auth/callback?code=c&state=s');
    fake.load(oidcUser('at-2'));
    expect(cloud('fed-a').auth).toMatchObject({ accessToken: 'at-2' });
    await expect(login.signOut()).resolves.toEqual({ providerRevoked: true });
    expect(missingSecret(cloud('fed-a'))).toBe('access token');
    expect(fake.manager.revokeTokens).toHaveBeenCalledOnce();
    expect(fake.manager.removeUser).toHaveBeenCalledOnce();
    expect(login.state.getState()).toEqual({ status: 'signed-out' });
  });

  it('still forgets the token when the provider refuses to revoke it, and says why', async () => {
    const { login, fake, cloud } = setup();
    await login.completeSignIn('https://console.example.test/auth/callback?code=c&state=s');
    vi.mocked(fake.manager.revokeTokens).mockRejectedValueOnce(new Error('No revocation endpoint on server'));
    await expect(login.signOut()).resolves.toEqual({
      providerRevoked: false,
      problem: expect.stringContaining('No revocation endpoint on server') as unknown,
    });
    expect(missingSecret(cloud('fed-a'))).toBe('access token');
    expect(fake.manager.removeUser).toHaveBeenCalledOnce();
  });

  it('says why a callback failed, goes to the fallback page and signs no cloud in', async () => {
    const { login, cloud } = setup(new Error('No matching state found in storage'));
    const next = await login.completeSignIn('https://console.example.test/auth/callback?code=c&state=forged');
    expect(next).toBe('/clouds');
    expect(missingSecret(cloud('fed-a'))).toBe('access token');
    expect(login.state.getState()).toEqual({
      status: 'signed-out',
      error: 'The sign-in at https://id.example.test did not complete: No matching state found in storage',
    });
  });

  it('passes only a path of this app through the redirect', async () => {
    const { login, fake } = setup();
    await login.signIn('/clouds?x=1#top');
    await login.signIn('//evil.example.test/phish');
    await login.signIn('/auth/callback?code=old');
    expect(fake.redirects).toEqual([{ returnTo: '/clouds?x=1#top' }, { returnTo: '/clouds' }, { returnTo: '/clouds' }]);
    expect(await login.completeSignIn('https://console.example.test/auth/callback')).toBe('/servers?cloud=lab-a');
  });

  it('stays on the page with the reason when the provider cannot be reached', async () => {
    const { login, fake } = setup();
    vi.mocked(fake.manager.signinRedirect).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await login.signIn('/clouds');
    expect(login.state.getState()).toEqual({ status: 'signed-out', error: 'Could not start the sign-in at https://id.example.test: Failed to fetch' });
  });

  it.each([
    ['/clouds', '/clouds'],
    ['https://evil.example.test/', '/fallback'],
    ['//evil.example.test/', '/fallback'],
    ['/\\evil.example.test', '/fallback'],
    [undefined, '/fallback'],
  ])('accepts %j as a return path: %j', (path, expected) => {
    expect(safeReturnPath(path, '/fallback')).toBe(expected);
  });
});

describe('one sign-in, every federated cloud', () => {
  const unscoped = (user: string) => ({ token: { methods: ['mapped'], expires_at: '2030-01-01T00:00:00.000000Z', user: { id: user, name: user } } });
  const scoped = (host: string) => ({
    token: {
      methods: ['token'],
      expires_at: '2030-01-01T00:00:00.000000Z',
      user: { id: 'alice', name: 'alice', domain: { id: 'fed', name: 'federated-users' } },
      project: { id: 'p-1', name: 'demo', domain: { id: 'default', name: 'Default' } },
      roles: [{ id: 'r', name: 'member' }],
      catalog: [{ type: 'compute', id: 'c', endpoints: [{ id: 'e', interface: 'public', region_id: 'RegionOne', url: `https://${host}/compute/v2.1` }] }],
    },
  });

  /** fed-a exchanges and scopes; fed-b's Keystone refuses the token; fed-c's mapping gives no project. */
  const keystones: FakeHandler = (call) => {
    const host = new URL(call.url).host;
    const issued = (body: unknown, token: string) => jsonResponse(201, body, { 'X-Subject-Token': token });
    if (call.url.includes('/OS-FEDERATION/')) {
      if (host.startsWith('fed-b')) return jsonResponse(401, { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
      return issued(unscoped('alice'), `unscoped-${host}`);
    }
    if (call.url.endsWith('/auth/projects')) return jsonResponse(200, { projects: host.startsWith('fed-c') ? [] : [{ id: 'p-1', name: 'demo', domain_id: 'default' }] });
    return issued(scoped(host), `scoped-${host}`);
  };

  it("exchanges the access token at each cloud's Keystone; a cloud that fails says why and the others still sign in", async () => {
    const registry = createCloudRegistryStore({ fixed: ['fed-a', 'fed-b', 'fed-c'].map(federated), transportFor: () => DIRECT });
    const fake = fakeUserManager(oidcUser('at-shared'));
    const login = createOidcLogin({ settings: SETTINGS, userManager: fake.manager, registry });
    const fetch = createFakeFetch(keystones);
    const connections = createFleetConnections({ policy: createHttpPolicy({ fetch: fetch.fetch, sleep: async () => {} }) });

    await login.completeSignIn('https://console.example.test/auth/callback?code=c&state=s');
    const results = await Promise.allSettled(registry.getState().clouds.map((cloud) => loadCloudOverview(connections.clientFor(cloud))));

    const exchanges = fetch.calls.filter((call) => call.url.includes('/OS-FEDERATION/'));
    expect(exchanges.map((call) => [call.url, call.headers.get('authorization')])).toEqual(
      ['fed-a', 'fed-b', 'fed-c'].map((name) => [`https://${name}.example.test/v3/OS-FEDERATION/identity_providers/corp/protocols/openid/auth`, 'Bearer at-shared']),
    );
    const [a, b, c] = results;
    expect(a).toMatchObject({ status: 'fulfilled', value: { cloud: 'fed-a', user: 'alice@federated-users', project: 'demo', regions: [{ name: 'RegionOne' }] } });
    expect(b?.status === 'rejected' && describeError(b.reason)).toMatchObject({ headline: 'Sign-in rejected', status: 401, where: 'fed-b / identity' });
    expect(c?.status === 'rejected' && describeError(c.reason)).toMatchObject({ headline: 'Not allowed for this role', detail: expect.stringMatching(/no project for alice/) });
    // Nothing the clouds were given leaks into what the console shows.
    expect(JSON.stringify(results)).not.toContain('at-shared');
  });
});
