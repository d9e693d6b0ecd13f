/**
 * Turns what a resource module hands over (a path relative to the service's
 * base URL, or a link the API returned) into one absolute cloud URL.
 */
export type QueryValues = Record<string, string | number | boolean | undefined>;

export function resolveServiceUrl(baseUrl: string, url: string, query?: QueryValues): string {
  return appendQuery(resolvePath(baseUrl, url), query);
}

function resolvePath(baseUrl: string, url: string): string {
  if (url === '') return baseUrl;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return upgradeScheme(baseUrl, url);
  const base = new URL(baseUrl);
  if (url.startsWith('/') && !url.startsWith('//')) return resolveRootRelative(base, url);
  // new URL('servers', 'https://x/compute/v2.1') would drop 'v2.1': the base must end with '/'.
  const directory = base.pathname.endsWith('/') ? base.href : `${base.origin}${base.pathname}/`;
  return new URL(url, directory).href;
}

/**
 * Glance's `next` is root-relative ('/v2/images?marker=…') even when the
 * service lives under a path ('https://x/image/v2'). Like openstacksdk, keep
 * the base's prefix when the link starts at the base's version segment.
 */
function resolveRootRelative(base: URL, link: string): string {
  const firstSegment = link.split(/[/?#]/)[1] ?? '';
  const segments = base.pathname.split('/');
  const at = firstSegment === '' ? -1 : segments.indexOf(firstSegment);
  const prefix = at > 0 ? segments.slice(0, at).join('/') : '';
  return new URL(`${prefix}${link}`, base.origin).href;
}

/**
 * A service behind a TLS-terminating proxy often builds its links with
 * 'http://' for the very host we reach over https; follow them over https
 * rather than downgrade (or refuse) them.
 */
function upgradeScheme(baseUrl: string, url: string): string {
  const base = new URL(baseUrl);
  const link = new URL(url);
  if (base.protocol === 'https:' && link.protocol === 'http:' && link.hostname === base.hostname && link.port === '') {
    return `${base.origin}${link.pathname}${link.search}${link.hash}`;
  }
  return link.href;
}

export function appendQuery(url: string, query?: QueryValues): string {
  if (!query) return url;
  const entries = Object.entries(query).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  if (entries.length === 0) return url;
  const params = new URLSearchParams(entries.map(([key, value]) => [key, String(value)]));
  return `${url}${url.includes('?') ? '&' : '?'}${params.toString()}`;
}

/** Query strings stay out of errors and observer events: markers and filters are noise there. */
export function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}
