import { z } from 'zod';

/** The console's own OpenID Connect client: one provider whose access token every `v3oidcbrowser` cloud exchanges at its Keystone. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  /** Where the provider sends the browser back; registered with the provider as `<origin><redirectPath>`. */
  redirectPath: string;
}

export const DEFAULT_OIDC_SCOPE = 'openid profile email';
export const DEFAULT_REDIRECT_PATH = '/auth/callback';

export const oidcSettingsSchema = z
  .object({
    issuer: z.url({ protocol: /^https?$/ }),
    clientId: z.string().trim().min(1),
    scope: z.string().trim().min(1).optional(),
    // A path of this app, never a URL: the callback must come back to the origin that started the sign-in.
    redirectPath: z.string().regex(/^\/(?!\/)/, 'must be a path starting with a single "/"').optional(),
  })
  .transform(
    (raw): OidcSettings => ({
      // Kept as written: the provider compares it with its own issuer exactly (a trailing slash matters).
      issuer: raw.issuer,
      clientId: raw.clientId,
      scope: raw.scope ?? DEFAULT_OIDC_SCOPE,
      redirectPath: raw.redirectPath ?? DEFAULT_REDIRECT_PATH,
    }),
  );

/** What the sign-in button names: the provider's host, which the operator recognizes better than a client id. */
export function issuerHost(settings: Pick<OidcSettings, 'issuer'>): string {
  return new URL(settings.issuer).host;
}
