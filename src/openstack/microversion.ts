import { z } from 'zod';
import { OpenStackError } from './errors.ts';
import { getJson } from './get-json.ts';
import type { ServiceHttp } from './http/types.ts';

export type MicroversionService = 'compute' | 'placement';

/**
 * The newest microversion whose responses our schemas have been checked
 * against; a newer server is asked for this one, an older one for its own max.
 */
export const MAX_MICROVERSION: Readonly<Record<MicroversionService, string>> = {
  compute: '2.96',
  placement: '1.39',
};

export interface NegotiatedMicroversion {
  /** undefined: the endpoint has no microversions (e.g. Nova's legacy v2.0). */
  version: string | undefined;
  /** Headers every request to this endpoint carries; empty without a microversion. */
  headers: Record<string, string>;
}

/** Nova's root is `{version}`; Placement's (and an unversioned Nova root) is `{versions: [...]}`. */
const versionEntrySchema = z.object({
  // Nova names its maximum `version`, Placement `max_version`; both send "" when there are none.
  version: z.string().optional(),
  max_version: z.string().optional(),
  min_version: z.string().optional(),
});
export const versionDocumentSchema = z.union([
  z.object({ version: versionEntrySchema }),
  z.object({ versions: z.array(versionEntrySchema) }),
]);
export type VersionDocument = z.output<typeof versionDocumentSchema>;

export function parseMicroversion(value: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Numeric, not lexical: 2.9 < 2.10. Unparseable versions sort first. */
export function compareMicroversions(a: string, b: string): number {
  const [pa, pb] = [parseMicroversion(a), parseMicroversion(b)];
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return pa[0] - pb[0] || pa[1] - pb[1];
}

/** Whether a negotiated version (undefined: none, i.e. the 2.0 / 1.0 behaviour) is at least `min`. */
export function isAtLeast(version: string | undefined, min: string): boolean {
  return version !== undefined && compareMicroversions(version, min) >= 0;
}

export function microversionHeaders(service: MicroversionService, version: string | undefined): Record<string, string> {
  if (version === undefined) return {};
  const headers: Record<string, string> = { 'OpenStack-API-Version': `${service} ${version}` };
  // Nova before 2.27 only reads its legacy header; later ones accept both.
  if (service === 'compute') headers['X-OpenStack-Nova-API-Version'] = version;
  return headers;
}

interface Range {
  max: string;
  min: string | undefined;
}

function advertisedRange(doc: VersionDocument): Range | undefined {
  const entries = 'version' in doc ? [doc.version] : doc.versions;
  let best: Range | undefined;
  for (const entry of entries) {
    const max = entry.version || entry.max_version;
    if (!max || !parseMicroversion(max)) continue;
    if (!best || compareMicroversions(max, best.max) > 0) best = { max, min: entry.min_version || undefined };
  }
  return best;
}

/** min(server max, our max); undefined when the server has no microversions. */
export function chooseMicroversion(
  doc: VersionDocument,
  ourMax: string,
): { version: string | undefined; serverMin: string | undefined } {
  const range = advertisedRange(doc);
  if (!range) return { version: undefined, serverMin: undefined };
  const version = compareMicroversions(range.max, ourMax) < 0 ? range.max : ourMax;
  return { version, serverMin: range.min };
}

const cache = new WeakMap<ServiceHttp, Partial<Record<MicroversionService, Promise<NegotiatedMicroversion>>>>();

/**
 * Asks the service root once per ServiceHttp. The shared request carries no
 * caller's signal: one caller giving up must not fail the others waiting on it.
 * A failed negotiation is forgotten so the next call tries again.
 */
export function negotiateMicroversion(http: ServiceHttp, service: MicroversionService): Promise<NegotiatedMicroversion> {
  const perService = cache.get(http) ?? {};
  cache.set(http, perService);
  const cached = perService[service];
  if (cached) return cached;
  const pending = fetchNegotiated(http, service);
  perService[service] = pending;
  pending.catch(() => {
    if (perService[service] === pending) delete perService[service];
  });
  return pending;
}

async function fetchNegotiated(http: ServiceHttp, service: MicroversionService): Promise<NegotiatedMicroversion> {
  const doc = await getJson(http, versionDocumentSchema, { url: '' });
  const { version, serverMin } = chooseMicroversion(doc, MAX_MICROVERSION[service]);
  if (version !== undefined && serverMin !== undefined && compareMicroversions(version, serverMin) < 0) {
    throw new OpenStackError(`the ${service} API requires microversion ${serverMin} or later; this console speaks up to ${version}`, {
      kind: 'config',
      cloud: http.cloud,
      region: http.region,
      service: http.service,
      url: http.baseUrl,
    });
  }
  return { version, headers: microversionHeaders(service, version) };
}
