import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

/** One volume attached to a server; which fields appear depends on the microversion. */
export const volumeAttachmentSchema = z.object({
  volumeId: z.string(),
  /** null while Nova has not yet assigned a device name. */
  device: z.string().nullable().optional(),
  serverId: z.string().optional(),
  /** The volume id again; dropped in 2.89 for attachment_id and bdm_uuid. */
  id: z.string().optional(),
  tag: z.string().nullable().optional(), // 2.70+
  delete_on_termination: z.boolean().optional(), // 2.79+
  attachment_id: z.string().nullable().optional(), // 2.89+: the Cinder attachment
  bdm_uuid: z.string().optional(), // 2.89+
});

export const listVolumeAttachmentsResponseSchema = z.object({
  volumeAttachments: z.array(volumeAttachmentSchema),
});

export type VolumeAttachment = z.output<typeof volumeAttachmentSchema>;

export interface ListVolumeAttachmentsOptions {
  signal?: AbortSignal;
}

/** GET /servers/{id}/os-volume_attachments: a server has a handful at most, so one unpaged request. */
export async function listVolumeAttachments(http: ServiceHttp, serverId: string, options: ListVolumeAttachmentsOptions = {}): Promise<VolumeAttachment[]> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, listVolumeAttachmentsResponseSchema, {
    url: `servers/${encodeURIComponent(serverId)}/os-volume_attachments`,
    headers,
    signal: options.signal,
  });
  return body.volumeAttachments;
}
