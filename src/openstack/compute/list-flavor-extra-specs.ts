import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

/** Nova keeps every extra spec value as a string, e.g. `"hw:numa_nodes": "1"`. */
export const flavorExtraSpecsSchema = z.record(z.string(), z.string());
export const listFlavorExtraSpecsResponseSchema = z.object({ extra_specs: flavorExtraSpecsSchema });

export type FlavorExtraSpecs = Readonly<Record<string, string>>;

export interface ListFlavorExtraSpecsOptions {
  signal?: AbortSignal;
}

/**
 * GET /flavors/{id}/os-extra_specs. From 2.61 the flavor listing carries the
 * same map inline (when policy lets the caller see it): this call is for
 * older Novas and for a flavor read without it.
 */
export async function listFlavorExtraSpecs(http: ServiceHttp, flavorId: string, options: ListFlavorExtraSpecsOptions = {}): Promise<FlavorExtraSpecs> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, listFlavorExtraSpecsResponseSchema, { url: `flavors/${encodeURIComponent(flavorId)}/os-extra_specs`, headers, signal: options.signal });
  return body.extra_specs;
}

/** `key=value, …` in key order: the same text for the same specs on any cloud. */
export function extraSpecsText(specs: FlavorExtraSpecs): string {
  return Object.keys(specs)
    .sort()
    .map((key) => `${key}=${specs[key] ?? ''}`)
    .join(', ');
}
