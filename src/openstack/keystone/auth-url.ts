/**
 * clouds.yaml auth_url comes in every spelling: 'https://k:5000', 'https://k:5000/',
 * 'https://k/identity/v3/', even a leftover '/v2.0'. All of them name the same v3 API.
 */
export function identityV3Url(authUrl: string): string {
  const parsed = new URL(authUrl.trim());
  // 'keystone:5000' parses as a URL with scheme 'keystone:'; only http(s) can be fetched.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`not an http(s) URL: ${authUrl}`);
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/v2\.0$/, '');
  const versioned = path.endsWith('/v3') ? path : `${path}/v3`;
  return `${parsed.origin}${versioned}`;
}

/** The URL of POST /v3/auth/tokens, the sign-in call. */
export function signInUrl(authUrl: string): string {
  return `${identityV3Url(authUrl)}/auth/tokens`;
}
