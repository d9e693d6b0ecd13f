import { z } from 'zod';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import { flavorExtraSpecsSchema, type FlavorExtraSpecs } from './list-flavor-extra-specs.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

export const createFlavorExtraSpecsRequestSchema = z.object({ extra_specs: flavorExtraSpecsSchema });
export const createFlavorExtraSpecsResponseSchema = z.object({ extra_specs: flavorExtraSpecsSchema });

export interface CreateFlavorExtraSpecsOptions {
  signal?: AbortSignal;
}

/**
 * POST /flavors/{id}/os-extra_specs (admin): sets the given keys, adding new
 * ones and overwriting the values of existing ones; keys not named are kept.
 * Nova answers 200 with the keys it was sent.
 */
export async function createFlavorExtraSpecs(
  http: ServiceHttp,
  flavorId: string,
  extraSpecs: FlavorExtraSpecs,
  options: CreateFlavorExtraSpecsOptions = {},
): Promise<{ extraSpecs: FlavorExtraSpecs } & MutationResult> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const response = await http.request({
    method: 'POST',
    url: `flavors/${encodeURIComponent(flavorId)}/os-extra_specs`,
    headers,
    body: { extra_specs: extraSpecs },
    // Setting keys to values is the same the second time: safe to retry after a lost answer.
    idempotent: true,
    signal: options.signal,
  });
  return { extraSpecs: parseBody(createFlavorExtraSpecsResponseSchema, response.body, bodyContext(http, response)).extra_specs, ...mutationResult(response) };
}
