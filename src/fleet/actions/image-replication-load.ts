import { getImage, listImages, listImagesNamed, type CloudClient } from '../../openstack/index.ts';
import { describeError } from '../health/describe-error.ts';
import { planImageReplication, targetImageOf, type TargetImageState } from './image-replication.ts';
import type { ClientFor } from './load-plans.ts';
import type { ActionPlan, ActionTarget } from './plan.ts';

function clientOrThrow(clientFor: ClientFor, cloud: string): CloudClient {
  const client = clientFor(cloud);
  if (!client) throw new Error(`cloud ${cloud} is not in the registry`);
  return client;
}

function reasonOf(error: unknown): string {
  const description = describeError(error);
  return [description.headline, description.detail].filter(Boolean).join(': ');
}

export interface ImageReplicationRequest {
  planId: string;
  now: number;
  source: ActionTarget;
  imageId: string;
  targets: readonly ActionTarget[];
  signal?: AbortSignal;
}

/** Reads the source image and what each target holds under its name, then plans. */
export async function loadImageReplicationPlan(clientFor: ClientFor, request: ImageReplicationRequest): Promise<ActionPlan> {
  const { source, signal } = request;
  const sourceImage = await clientOrThrow(clientFor, source.cloud).serviceHttp('image', source.region, signal);
  const image = await getImage(sourceImage, request.imageId, { signal });
  if (!image) throw new Error(`image ${request.imageId} is not in ${source.cloud}/${source.region}`);
  if (image.status !== 'active' || !image.checksum || !image.name) {
    throw new Error(`image ${image.name ?? image.id} in ${source.cloud}/${source.region} is ${image.status}${image.name ? '' : ' and has no name'}: only an active, named image with data is copied`);
  }
  const name = image.name;
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetImageState> => {
      try {
        const glance = await clientOrThrow(clientFor, target.cloud).serviceHttp('image', target.region, signal);
        return { target, state: 'read', images: (await listImagesNamed(glance, name, { signal })).map(targetImageOf) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, state: 'unknown', error: reasonOf(error) };
      }
    }),
  );
  return planImageReplication({ planId: request.planId, now: request.now, source, image, targets });
}

export interface ImageChoice {
  id: string;
  name: string;
  size: number;
}

/** The active, named images at a place: what the image picker offers. */
export async function listCopiableImages(clientFor: ClientFor, place: ActionTarget, signal?: AbortSignal): Promise<ImageChoice[]> {
  const glance = await clientOrThrow(clientFor, place.cloud).serviceHttp('image', place.region, signal);
  const choices: ImageChoice[] = [];
  for await (const page of listImages(glance, { signal })) {
    for (const image of page) {
      if (image.status === 'active' && image.name) choices.push({ id: image.id, name: image.name, size: image.size ?? 0 });
    }
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
