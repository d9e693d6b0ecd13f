import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

/** limit -1 means unlimited; the noop quota driver reports -1 everywhere. */
export const quotaDetailSchema = z.object({ in_use: z.number(), limit: z.number(), reserved: z.number() });

export const quotaSetSchema = z.object({
  id: z.string(),
  instances: quotaDetailSchema,
  cores: quotaDetailSchema,
  ram: quotaDetailSchema,
  key_pairs: quotaDetailSchema,
  metadata_items: quotaDetailSchema,
  server_groups: quotaDetailSchema,
  server_group_members: quotaDetailSchema,
  // Removed in 2.57.
  injected_files: quotaDetailSchema.optional(),
  injected_file_content_bytes: quotaDetailSchema.optional(),
  injected_file_path_bytes: quotaDetailSchema.optional(),
  // Network proxies, removed in 2.36.
  floating_ips: quotaDetailSchema.optional(),
  fixed_ips: quotaDetailSchema.optional(),
  security_groups: quotaDetailSchema.optional(),
  security_group_rules: quotaDetailSchema.optional(),
});

export const getQuotaSetResponseSchema = z.object({ quota_set: quotaSetSchema });

export type QuotaDetail = z.output<typeof quotaDetailSchema>;
export type QuotaSet = z.output<typeof quotaSetSchema>;

export interface GetQuotaSetOptions {
  signal?: AbortSignal;
}

/**
 * GET /os-quota-sets/{project_id}/detail: limit, in_use and reserved per
 * resource. (Nova's way of asking for usage; `?usage=True` is Cinder's, and
 * Nova 2.75+ rejects unknown query parameters.)
 */
export async function getQuotaSet(http: ServiceHttp, projectId: string, options: GetQuotaSetOptions = {}): Promise<QuotaSet> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, getQuotaSetResponseSchema, {
    url: `os-quota-sets/${encodeURIComponent(projectId)}/detail`,
    headers,
    signal: options.signal,
  });
  return body.quota_set;
}
