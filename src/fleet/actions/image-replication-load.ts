import { getImage, getImportInfo, listImages, listImagesNamed, listStores, type CloudClient, type ServiceHttp } from '../../openstack/index.ts';
import { describeError } from '../health/describe-error.ts';
import { planImageReplication, targetImageOf, type GlanceFacts, type StoreCopyRequest, type TargetImageState } from './image-replication.ts';
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
  /** Stores of the source's own Glance to copy the image into (copy-image). */
  stores?: readonly string[];
  signal?: AbortSignal;
}

/** The methods a Glance offers; undefined when it will not say, and the planner takes the path that needs none. */
async function importMethodsOf(glance: ServiceHttp, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    return await getImportInfo(glance, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
}

async function storeCopyRequest(glance: ServiceHttp, wanted: readonly string[], admin: boolean, signal?: AbortSignal): Promise<StoreCopyRequest> {
  const [stores, importMethods] = await Promise.all([listStores(glance, { signal }), importMethodsOf(glance, signal)]);
  return { wanted, available: stores.map((store) => ({ id: store.id, readOnly: store['read-only'] })), importMethods, admin };
}

/**
 * Reads the source image and what each target holds under its name, then
 * plans. For a region of the source's own cloud it also reads its Glance's
 * import methods, which decide whether Glance copies the data itself.
 */
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
        const sameCloud = target.cloud === source.cloud;
        const [images, importMethods] = await Promise.all([listImagesNamed(glance, name, { signal }), sameCloud ? importMethodsOf(glance, signal) : undefined]);
        const facts: GlanceFacts = { endpoint: glance.baseUrl, importMethods };
        return { target, state: 'read', images: images.map(targetImageOf), glance: facts };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, state: 'unknown', error: reasonOf(error) };
      }
    }),
  );
  const admin = clientOrThrow(clientFor, source.cloud).session()?.roles.includes('admin') ?? false;
  const stores = request.stores && request.stores.length > 0 ? await storeCopyRequest(sourceImage, request.stores, admin, signal) : undefined;
  return planImageReplication({ planId: request.planId, now: request.now, source, image, targets, sourceGlance: { endpoint: sourceImage.baseUrl }, stores });
}

export interface ImageChoice {
  id: string;
  name: string;
  size: number;
  /** The stores of a multi-store Glance holding the data; empty otherwise. */
  stores: string[];
}

/** The active, named images at a place: what the image picker offers. */
export async function listCopiableImages(clientFor: ClientFor, place: ActionTarget, signal?: AbortSignal): Promise<ImageChoice[]> {
  const glance = await clientOrThrow(clientFor, place.cloud).serviceHttp('image', place.region, signal);
  const choices: ImageChoice[] = [];
  for await (const page of listImages(glance, { signal })) {
    for (const image of page) {
      if (image.status === 'active' && image.name) {
        const stores = typeof image['stores'] === 'string' ? image['stores'].split(',').filter(Boolean) : [];
        choices.push({ id: image.id, name: image.name, size: image.size ?? 0, stores });
      }
    }
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The stores of a place's Glance that an image can be copied into: empty when it is not multi-store. */
export async function listImageStores(clientFor: ClientFor, place: ActionTarget, signal?: AbortSignal): Promise<{ id: string; description?: string; isDefault: boolean; readOnly: boolean }[]> {
  const glance = await clientOrThrow(clientFor, place.cloud).serviceHttp('image', place.region, signal);
  return (await listStores(glance, { signal })).map((store) => ({ id: store.id, description: store.description, isDefault: store.default, readOnly: store['read-only'] }));
}
