import { z } from 'zod';

/**
 * The console's Content-Security-Policy, derived from its runtime config.
 * The build has no inline script or style, so scripts, styles and workers
 * (the ELK layout worker, the demo's service worker) come from 'self' only.
 * `connect-src` is every origin the browser itself may call: 'self' (the app,
 * its runtime config and the same-origin proxy), the OpenID provider, and the
 * auth_url origin of each cloud reached directly. With every cloud behind the
 * proxy and no OIDC, that is 'self' alone.
 */
export interface CspSources {
  /** Origins the browser may call besides 'self'. */
  connect: string[];
  /** Origins allowed to frame the console (embed.allowedOrigins). */
  frameAncestors: string[];
}

/** Only plain origins: anything else could end the header value or the directive and write nginx config. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
/** The demo's simulated clouds answer in the page (msw), but CSP checks the page's fetch before the service worker sees it. */
const DEMO_CLOUDS = 'https://*.sim.invalid';

const configSchema = z.object({
  demo: z.unknown().optional(),
  clouds: z.record(z.string(), z.object({ auth: z.object({ auth_url: z.string() }).partial().optional() })).optional(),
  proxy: z.object({ clouds: z.array(z.string()) }).optional(),
  oidc: z.object({ issuer: z.string() }).optional(),
  embed: z.object({ allowedOrigins: z.array(z.string()) }).optional(),
});

export class CspConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CspConfigError';
  }
}

/** `extraConnect`: origins of clouds operators will import on /clouds and reach directly (the generator's --connect-src). */
export function cspSourcesOf(rawConfig: unknown, extraConnect: readonly string[] = []): CspSources {
  const parsed = configSchema.safeParse(rawConfig);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CspConfigError(`${issue?.path.join('.') || '(config)'}: ${issue?.message ?? 'invalid'}`);
  }
  const { demo, clouds = {}, proxy, oidc, embed } = parsed.data;
  const proxied = new Set(proxy?.clouds ?? []);
  const connect = new Set<string>();
  for (const [name, entry] of Object.entries(clouds)) {
    const authUrl = entry.auth?.auth_url;
    if (proxied.has(name) || authUrl === undefined) continue;
    connect.add(originOf(authUrl, `clouds.${name}.auth.auth_url`));
  }
  if (oidc) connect.add(originOf(oidc.issuer, 'oidc.issuer'));
  for (const origin of extraConnect) connect.add(originOf(origin, '--connect-src'));
  if (demo !== undefined && demo !== false) connect.add(DEMO_CLOUDS);
  return { connect: [...connect], frameAncestors: (embed?.allowedOrigins ?? []).map((origin) => checkedOrigin(origin, 'embed.allowedOrigins')) };
}

export function contentSecurityPolicy(sources: CspSources): string {
  for (const origin of sources.frameAncestors) checkedOrigin(origin, 'frame ancestor');
  for (const origin of sources.connect) if (origin !== DEMO_CLOUDS) checkedOrigin(origin, 'connect source');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...sources.connect].join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...sources.frameAncestors].join(' ')}`,
  ].join('; ');
}

function originOf(url: string, where: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new CspConfigError(`${where}: "${url}" is not a URL`);
  }
  return checkedOrigin(origin, where);
}

function checkedOrigin(origin: string, where: string): string {
  if (!ORIGIN.test(origin)) throw new CspConfigError(`${where}: ${JSON.stringify(origin)} must be an origin like https://portal.example.net`);
  return origin;
}
