import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';

/** An import task: `message` is Glance's progress ("Copied 15 MiB") or, once `failure`, its reason. */
export const imageTaskSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(), // 'pending' | 'processing' | 'success' | 'failure'
  message: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});

export const listImageTasksResponseSchema = z.object({ tasks: z.array(imageTaskSchema) });

export type ImageTask = z.output<typeof imageTaskSchema>;

export interface ListImageTasksOptions {
  signal?: AbortSignal;
}

/** GET /v2/images/{id}/tasks (Glance 2.12+): the image's import tasks, where Glance says why an import failed. */
export async function listImageTasks(http: ServiceHttp, imageId: string, options: ListImageTasksOptions = {}): Promise<ImageTask[]> {
  const body = await getJson(http, listImageTasksResponseSchema, { url: `images/${encodeURIComponent(imageId)}/tasks`, signal: options.signal });
  return body.tasks;
}
