// Lab-only OpenID provider (npm oidc-provider 9.x) on 127.0.0.1, for Keystone federation.
//
// Access tokens are JWTs (RFC 9068) signed with the lab's RSA key, so mod_auth_openidc
// can validate them offline from a certificate of that key: version 2.4.12 in Debian 12
// only fetches JWKS or introspects over https (lab notes, gotcha 9).
//
// Sign-in uses oidc-provider's development interactions: ANY login and ANY password
// are accepted and the login becomes the subject and preferred_username. Lab only.
//
// Environment: OIDC_ISSUER, OIDC_PORT, OIDC_KEY_PEM (PKCS#8 RSA private key),
// OIDC_KID, OIDC_ORIGINS (comma-separated console origins), OIDC_AUDIENCE.
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const issuer = env('OIDC_ISSUER');
const port = Number(env('OIDC_PORT'));
const audience = env('OIDC_AUDIENCE');
const origins = env('OIDC_ORIGINS').split(',').map((s) => s.trim()).filter(Boolean);
const jwk = {
  ...createPrivateKey(readFileSync(env('OIDC_KEY_PEM'))).export({ format: 'jwk' }),
  kid: env('OIDC_KID'),
  alg: 'RS256',
  use: 'sig',
};

// The console may use any of these callback paths; redirect_uri must match exactly.
const callbackPaths = ['/', '/auth/callback', '/oidc/callback', '/callback'];
const redirectUris = origins.flatMap((o) => callbackPaths.map((p) => new URL(p, o).href));
const RESOURCE_SCOPE = 'openid profile email';

const claimsFor = (accountId) => ({
  sub: accountId,
  preferred_username: accountId,
  name: accountId,
  email: `${accountId}@lab.invalid`,
  email_verified: true,
  groups: ['archipelago-lab'],
});

const provider = new Provider(issuer, {
  clients: [
    {
      // The browser console: public client, authorization code + PKCE.
      client_id: 'archipelago-console',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: origins.map((o) => `${o}/`),
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'groups'],
    email: ['email', 'email_verified'],
  },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => claimsFor(id) };
  },
  // First-party client: no consent screen. The grant carries the Keystone resource
  // so the access token is a JWT for that audience even without a `resource` parameter.
  async loadExistingGrant(ctx) {
    const { Grant } = ctx.oidc.provider;
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const found = await Grant.find(grantId);
      if (found) return found;
    }
    const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email offline_access');
    grant.addResourceScope(audience, RESOURCE_SCOPE);
    await grant.save();
    return grant;
  },
  async extraTokenClaims(_ctx, token) {
    if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
    const { sub: _sub, ...rest } = claimsFor(token.accountId);
    return rest;
  },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => audience,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, indicator) => {
        if (indicator !== audience) throw new Provider.errors.InvalidTarget();
        return {
          scope: RESOURCE_SCOPE,
          audience,
          accessTokenTTL: 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  // The token endpoint is called from the console's origin.
  clientBasedCORS: (_ctx, origin) => origins.includes(origin),
  ttl: { AccessToken: 3600, AuthorizationCode: 120, IdToken: 3600, RefreshToken: 86400, Session: 86400, Interaction: 600, Grant: 86400 },
});
provider.proxy = false;

createServer(provider.callback()).listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider ${issuer} listening on 127.0.0.1:${port}; clients: archipelago-console; redirect_uris: ${redirectUris.join(' ')}`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
