import { z } from 'zod';
import { isOpenStackError } from '../errors.ts';
import type { CloudRequest } from '../http/cloud-http.ts';
import type { ServiceResponse } from '../http/types.ts';

/**
 * Catalogs often list a service by its root ('http://x:9292' for Glance,
 * 'http://x:9696/' for Neutron). The root answers with its versions; we pick
 * the newest CURRENT/SUPPORTED one of the major we speak. Placement has no
 * version in its path, so its catalog URL is used as is.
 */
interface VersionRule {
  /** Version ids ('v2.18', 'v2.0') of the major version this client speaks. */
  accepts: RegExp;
  /** Path appended to the root when discovery gives nothing usable. */
  fallbackPath: string;
}

const RULES: Record<string, VersionRule> = {
  image: { accepts: /^v2(\.\d+)?$/, fallbackPath: 'v2' },
  network: { accepts: /^v2\.0$/, fallbackPath: 'v2.0' },
  compute: { accepts: /^v2\.1$/, fallbackPath: 'v2.1' },
  'block-storage': { accepts: /^v3(\.\d+)?$/, fallbackPath: 'v3' },
};

const VERSION_SEGMENT = /^v\d+(\.\d+)?$/;

const versionSchema = z.object({
  id: z.string(),
  status: z.string().optional(),
  links: z.array(z.object({ href: z.string(), rel: z.string().optional() })).optional(),
});
// Glance, Neutron, Nova: {"versions": [...]}; Keystone-style: {"versions": {"values": [...]}}; a single {"version": {...}}.
const versionsDocumentSchema = z.union([
  z.object({ versions: z.array(versionSchema) }),
  z.object({ versions: z.object({ values: z.array(versionSchema) }) }),
  z.object({ version: versionSchema }),
]);
type VersionEntry = z.output<typeof versionSchema>;

export interface DiscoveryInput {
  cloud: string;
  region: string;
  serviceType: string;
  catalogUrl: string;
  send: (request: CloudRequest) => Promise<ServiceResponse>;
  signal?: AbortSignal;
}

export interface VersionDiscovery {
  /** The versioned base URL for a catalog URL; cached per cloud and URL. */
  resolve(input: DiscoveryInput): Promise<string>;
}

export function createVersionDiscovery(): VersionDiscovery {
  const cache = new Map<string, Promise<string>>();
  return {
    resolve(input) {
      const rule = RULES[input.serviceType];
      const root = input.catalogUrl.replace(/\/+$/, '');
      if (!rule || isVersioned(root)) return Promise.resolve(root);
      const key = `${input.cloud}\n${input.serviceType}\n${root}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const pending = discover(input, root, rule);
      cache.set(key, pending);
      // A failed discovery (network down, aborted) is not an answer: let the next call try again.
      pending.catch(() => cache.delete(key));
      return pending;
    },
  };
}

async function discover(input: DiscoveryInput, root: string, rule: VersionRule): Promise<string> {
  const fallback = `${root}/${rule.fallbackPath}`;
  let response: ServiceResponse;
  try {
    response = await input.send({
      method: 'GET',
      url: `${root}/`,
      region: input.region,
      service: input.serviceType,
      acceptStatuses: [300],
      signal: input.signal,
    });
  } catch (error) {
    // A root that does not do discovery (404, 5xx from a proxy) still has the usual path below it.
    if (isOpenStackError(error) && (error.kind === 'not-found' || error.kind === 'http' || error.kind === 'invalid-response')) return fallback;
    throw error;
  }
  const best = newestUsable(response.body, rule);
  const href = best?.links?.find((link) => link.rel === 'self')?.href;
  if (!href) return fallback;
  return rebase(root, href, rule);
}

function newestUsable(body: unknown, rule: VersionRule): VersionEntry | undefined {
  const parsed = versionsDocumentSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const doc = parsed.data;
  const entries = 'version' in doc ? [doc.version] : Array.isArray(doc.versions) ? doc.versions : doc.versions.values;
  return entries
    .filter((entry) => rule.accepts.test(entry.id) && /^(current|supported|stable)$/i.test(entry.status ?? ''))
    .sort((a, b) => compareVersions(b.id, a.id))[0];
}

/**
 * Version documents are built from the Host the service saw, which behind a
 * load balancer is often an internal name. The service keeps the catalog's
 * origin and prefix; only the version segment is taken from the document.
 */
function rebase(root: string, href: string, rule: VersionRule): string {
  let resolved: URL;
  try {
    resolved = new URL(href, `${root}/`);
  } catch {
    return `${root}/${rule.fallbackPath}`;
  }
  const clean = `${resolved.origin}${resolved.pathname}`.replace(/\/+$/, '');
  if (resolved.origin === new URL(root).origin && clean.startsWith(root)) return clean;
  const segment = resolved.pathname.split('/').filter(Boolean).pop();
  return `${root}/${segment && VERSION_SEGMENT.test(segment) ? segment : rule.fallbackPath}`;
}

function isVersioned(url: string): boolean {
  return new URL(url).pathname.split('/').some((segment) => VERSION_SEGMENT.test(segment));
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.slice(1).split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.slice(1).split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
