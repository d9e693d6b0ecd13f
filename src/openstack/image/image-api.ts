import type { ServiceHttp } from '../http/types.ts';
import { listImages, type Image, type ListImagesOptions } from './list-images.ts';

/** Glance v2 for one cloud and region. */
export interface ImageApi {
  images(options?: ListImagesOptions): AsyncIterable<Image[]>;
}

export function createImageApi(http: ServiceHttp): ImageApi {
  return { images: (options) => listImages(http, options) };
}
