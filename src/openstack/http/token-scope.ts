/**
 * The one rule that keeps a cloud's token at home: it goes only to the cloud's
 * Keystone, to an endpoint origin listed in the cloud's own catalog, or (with
 * proxy transport) under the cloud's own proxy prefix. A catalog or pagination
 * link naming any other origin gets no token.
 */
export interface TokenScope {
  authUrl: string;
  catalogOrigins: Iterable<string>;
  /** Same-origin path prefix of this cloud when it is proxied, e.g. '/os-proxy/prod'. */
  proxyPrefix?: string;
}

export function tokenAllowed(scope: TokenScope, url: string): boolean {
  if (isPathAbsolute(url)) {
    return scope.proxyPrefix !== undefined && url.startsWith(`${scope.proxyPrefix}/`) && !hasDotSegment(url);
  }
  const origin = httpOrigin(url);
  if (origin === undefined) return false;
  if (origin === httpOrigin(scope.authUrl)) return true;
  for (const allowed of scope.catalogOrigins) {
    if (origin === httpOrigin(allowed)) return true;
  }
  return false;
}

/** Normalized origin (lower-case host, default port dropped) of an http(s) URL, or undefined for anything else. */
export function httpOrigin(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.origin;
}

function isPathAbsolute(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** '/proxy/a/../b/…' would climb out of this cloud's prefix once the browser normalizes it. */
function hasDotSegment(path: string): boolean {
  const pathOnly = path.split(/[?#]/, 1)[0] ?? '';
  return pathOnly.split('/').some((segment) => {
    const decoded = safeDecode(segment);
    return decoded === '.' || decoded === '..';
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
