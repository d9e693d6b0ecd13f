import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcSettings } from '../fleet/config/oidc-settings.ts';
import type { OidcUserManager } from '../fleet/session/oidc-login.ts';

/**
 * oidc-client-ts for the browser sign-in: authorization code + PKCE (its only
 * flow), with state and nonce checked by the library on the way back.
 *
 * Where things are kept (DESIGN rule 7):
 * - the user (access, ID and refresh tokens) in this tab's memory only: the
 *   library's default would be sessionStorage;
 * - the pending sign-in (state id, nonce, PKCE code verifier, return path) in
 *   sessionStorage, because it must survive the redirect to the provider and
 *   back; the library removes it when the callback is completed. It holds no
 *   token. (The library's default here is localStorage.)
 */
export function createOidcUserManager(settings: OidcSettings, origin: string): OidcUserManager {
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: new URL(settings.redirectPath, origin).href,
    scope: settings.scope,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renewal would need a refresh token or a hidden iframe on the provider; on expiry the operator signs in again.
    automaticSilentRenew: false,
    // The profile comes from the ID token; the userinfo endpoint would be one more cross-origin call for nothing.
    loadUserInfo: false,
  });
}
