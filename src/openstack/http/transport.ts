/**
 * How the browser reaches a cloud. 'direct' calls the cloud's own URLs (the
 * cloud must send CORS headers). 'proxy' sends every request to a same-origin
 * path that a reverse proxy (nginx) forwards to the cloud, for clouds without
 * CORS.
 *
 * Proxy mapping, one rule for auth and every catalog URL:
 *
 *   https://keystone.example.org:5000/v3/auth/tokens?nocatalog
 *     → ${basePath}/${encodeURIComponent(cloud)}/https/keystone.example.org/5000/v3/auth/tokens?nocatalog
 *
 * i.e. `${basePath}/${cloud}/${scheme}/${host}/${port}${path}${query}`, the port
 * always explicit (443/80 when the URL leaves it out), IPv6 hosts in brackets.
 * The nginx side must only forward to hosts it knows for that cloud (from the
 * same clouds.yaml and catalog), otherwise it is an open proxy.
 */
export type Transport = { kind: 'direct' } | { kind: 'proxy'; basePath: string };

export const DIRECT: Transport = { kind: 'direct' };

/** The same-origin path prefix under which a proxied cloud lives, without trailing slash. */
export function proxyPrefix(transport: Transport, cloud: string): string | undefined {
  if (transport.kind !== 'proxy') return undefined;
  return `${transport.basePath.replace(/\/+$/, '')}/${encodeURIComponent(cloud)}`;
}

/** Rewrites an absolute cloud URL for the transport; URLs already under the cloud's proxy prefix are left as they are. */
export function rewriteUrl(transport: Transport, cloud: string, url: string): string {
  const prefix = proxyPrefix(transport, cloud);
  if (prefix === undefined) return url;
  if (url.startsWith(`${prefix}/`)) return url;
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(/:$/, '');
  const port = parsed.port || defaultPort(scheme);
  return `${prefix}/${scheme}/${parsed.hostname}/${port}${parsed.pathname}${parsed.search}`;
}

function defaultPort(scheme: string): string {
  return scheme === 'https' ? '443' : '80';
}
