import type { ServiceHttp } from '../http/types.ts';
import { getImportInfo, type GetImportInfoOptions } from './get-import-info.ts';
import { importImage, type ImageImportMethod, type ImportImageOptions } from './import-image.ts';
import { listImages, type Image, type ListImagesOptions } from './list-images.ts';
import { listStores, type ImageStore, type ListStoresOptions } from './list-stores.ts';
import type { MutationResult } from '../compute/mutation-result.ts';

/** Glance v2 for one cloud and region. */
export interface ImageApi {
  images(options?: ListImagesOptions): AsyncIterable<Image[]>;
  importMethods(options?: GetImportInfoOptions): Promise<string[]>;
  stores(options?: ListStoresOptions): Promise<ImageStore[]>;
  importImage(imageId: string, method: ImageImportMethod, options?: ImportImageOptions): Promise<MutationResult>;
}

export function createImageApi(http: ServiceHttp): ImageApi {
  return {
    images: (options) => listImages(http, options),
    importMethods: (options) => getImportInfo(http, options),
    stores: (options) => listStores(http, options),
    importImage: (imageId, method, options) => importImage(http, imageId, method, options),
  };
}
