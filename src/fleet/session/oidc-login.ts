import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OidcSettings } from '../config/oidc-settings.ts';
import type { CloudRegistryStore } from '../registry/cloud-registry-store.ts';

/** What the console reads of a signed-in OIDC user (a subset of oidc-client-ts's User). */
export interface OidcUser {
  access_token: string;
  /** Epoch seconds. */
  expires_at?: number;
  profile: { sub: string; preferred_username?: string; name?: string };
  /** What signIn passed along through the redirect. */
  state?: unknown;
}

/** The part of oidc-client-ts's UserManager the console uses, so the plumbing is tested with a fake. */
export interface OidcUserManager {
  signinRedirect(args: { state: ReturnState }): Promise<void>;
  signinRedirectCallback(url: string): Promise<OidcUser>;
  removeUser(): Promise<void>;
  /** Revokes the user's access token at the provider's revocation endpoint (RFC 7009). */
  revokeTokens(): Promise<void>;
  events: {
    addUserLoaded(callback: (user: OidcUser) => void): void;
    addAccessTokenExpired(callback: () => void): void;
  };
}

interface ReturnState {
  returnTo: string;
}

export type OidcLoginState =
  | { status: 'signed-out'; error?: string }
  | { status: 'redirecting' }
  | { status: 'signed-in'; userName: string; expiresAt?: Date }
  | { status: 'expired'; userName: string };

export interface OidcLogin {
  readonly settings: OidcSettings;
  readonly state: StoreApi<OidcLoginState>;
  /** Leaves for the provider's login page; the browser comes back to `returnTo` (a path of this app). */
  signIn(returnTo: string): Promise<void>;
  /** Completes the sign-in on the callback URL; resolves to the path to show next, whether it worked or not. */
  completeSignIn(callbackUrl: string): Promise<string>;
  /**
   * Forgets the token in this tab and revokes it at the provider, so a copy of
   * it buys no Keystone token anywhere. The provider's login session (its
   * cookie) is left alone: ending it would take the page away to the provider.
   */
  signOut(): Promise<OidcSignOutResult>;
}

/** Whether the provider revoked the access token; why not, when it did not (no revocation endpoint, CORS, provider down). */
export interface OidcSignOutResult {
  providerRevoked: boolean;
  problem?: string;
}

export interface OidcLoginOptions {
  settings: OidcSettings;
  userManager: OidcUserManager;
  registry: CloudRegistryStore;
  /** Where to go when the callback carries no usable return path. */
  fallbackPath?: string;
}

/**
 * Connects the browser sign-in to the registry: one access token, held in
 * memory, goes to every `v3oidcbrowser` cloud, each of which exchanges it at
 * its own Keystone. When it expires or the operator signs out, those clouds
 * drop back to "Sign-in needed"; the others never notice.
 */
export function createOidcLogin({ settings, userManager, registry, fallbackPath = '/clouds' }: OidcLoginOptions): OidcLogin {
  const state = createStore<OidcLoginState>()(() => ({ status: 'signed-out' }));
  // Coming back to the callback path would only try to complete the sign-in a second time.
  const returnPath = (path: string | undefined) =>
    path?.split(/[?#]/)[0] === settings.redirectPath ? fallbackPath : safeReturnPath(path, fallbackPath);
  const accept = (user: OidcUser) => {
    state.setState(
      { status: 'signed-in', userName: userNameOf(user), expiresAt: user.expires_at === undefined ? undefined : new Date(user.expires_at * 1000) },
      true,
    );
    registry.getState().setOidcAccessToken(user.access_token);
  };
  userManager.events.addUserLoaded(accept);
  userManager.events.addAccessTokenExpired(() => {
    const current = state.getState();
    registry.getState().setOidcAccessToken(undefined);
    state.setState(current.status === 'signed-in' ? { status: 'expired', userName: current.userName } : { status: 'signed-out' }, true);
  });

  return {
    settings,
    state,
    async signIn(returnTo) {
      state.setState({ status: 'redirecting' }, true);
      try {
        await userManager.signinRedirect({ state: { returnTo: returnPath(returnTo) } });
      } catch (error) {
        // Discovery failed (provider down, CORS): nothing left the page, so say why and stay.
        state.setState({ status: 'signed-out', error: `Could not start the sign-in at ${settings.issuer}: ${messageOf(error)}` }, true);
      }
    },
    async completeSignIn(callbackUrl) {
      try {
        const user = await userManager.signinRedirectCallback(callbackUrl);
        accept(user);
        return returnPath(isReturnState(user.state) ? user.state.returnTo : undefined);
      } catch (error) {
        state.setState({ status: 'signed-out', error: `The sign-in at ${settings.issuer} did not complete: ${messageOf(error)}` }, true);
        return fallbackPath;
      }
    },
    async signOut() {
      const signedIn = registry.getState().oidcAccessToken !== undefined;
      registry.getState().setOidcAccessToken(undefined);
      state.setState({ status: 'signed-out' }, true);
      try {
        if (signedIn) await userManager.revokeTokens();
        return { providerRevoked: signedIn };
      } catch (error) {
        return { providerRevoked: false, problem: `${settings.issuer} did not revoke the access token: ${messageOf(error)}` };
      } finally {
        await userManager.removeUser();
      }
    },
  };
}

/** Only a path of this app: the return path travels through the provider, and must never become an open redirect. */
export function safeReturnPath(path: string | undefined, fallback: string): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}

function userNameOf(user: OidcUser): string {
  return user.profile.preferred_username ?? user.profile.name ?? user.profile.sub;
}

function isReturnState(value: unknown): value is ReturnState {
  return typeof value === 'object' && value !== null && typeof (value as Partial<ReturnState>).returnTo === 'string';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
