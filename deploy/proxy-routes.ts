import { z } from 'zod';
import { rewriteUrl } from '../src/openstack/index.ts';

/**
 * The same-origin proxy's allowlist: which upstream origins each proxied
 * cloud may reach, and under which path. nginx (deploy/nginx) and the Vite
 * dev/preview servers are both generated from this list, and the path
 * mapping is the client's own (`rewriteUrl`), so the three can never drift.
 */
export interface ProxyRoute {
  cloud: string;
  /** Same-origin path prefix, ending in '/'. */
  pathPrefix: string;
  /** scheme://host:port of the upstream, no trailing slash. */
  upstream: string;
  /** host:port to send as Host. */
  hostHeader: string;
}

const proxySectionSchema = z.object({
  basePath: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'must be a plain absolute path'),
  clouds: z.array(z.string()),
  /** Extra upstreams per cloud: the catalog endpoints the browser will call. The auth_url's origin is always included. */
  upstreams: z.record(z.string(), z.array(z.url())).optional(),
});

const configSchema = z.object({
  clouds: z.record(z.string(), z.object({ auth: z.object({ auth_url: z.url() }) })).optional(),
  proxy: proxySectionSchema.optional(),
});

export class ProxyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyConfigError';
  }
}

/** Cloud names become nginx location paths: keep them to characters that need no quoting or decoding. */
const SAFE_CLOUD_NAME = /^[A-Za-z0-9._-]+$/;

export function proxyRoutesOf(rawConfig: unknown): ProxyRoute[] {
  const parsed = configSchema.safeParse(rawConfig);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProxyConfigError(`${issue?.path.join('.') || '(config)'}: ${issue?.message ?? 'invalid'}`);
  }
  const { clouds = {}, proxy } = parsed.data;
  if (!proxy) return [];
  const transport = { kind: 'proxy' as const, basePath: proxy.basePath };
  const routes: ProxyRoute[] = [];
  for (const cloud of proxy.clouds) {
    if (!SAFE_CLOUD_NAME.test(cloud)) throw new ProxyConfigError(`proxy.clouds: "${cloud}" must use only letters, digits, '.', '_' and '-'`);
    const entry = clouds[cloud];
    if (!entry) throw new ProxyConfigError(`proxy.clouds: "${cloud}" is not in clouds`);
    const origins = new Set([new URL(entry.auth.auth_url).origin, ...(proxy.upstreams?.[cloud] ?? []).map((url) => new URL(url).origin)]);
    for (const origin of origins) {
      const url = new URL(origin);
      const rewritten = rewriteUrl(transport, cloud, `${origin}/`);
      routes.push({
        cloud,
        pathPrefix: rewritten,
        upstream: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`,
        hostHeader: url.host,
      });
    }
  }
  return routes;
}

/** Every path under the base path that no route claims is refused: the proxy never follows a URL chosen by the browser. */
export function proxyBasePath(rawConfig: unknown): string | undefined {
  const parsed = configSchema.safeParse(rawConfig);
  const basePath = parsed.success ? parsed.data.proxy?.basePath : undefined;
  return basePath === undefined ? undefined : `${basePath.replace(/\/+$/, '')}/`;
}
