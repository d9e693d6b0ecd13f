export { createImageApi, type ImageApi } from './image-api.ts';
export * from './list-images.ts';
export * from './create-image.ts';
export * from './delete-image.ts';
export * from './download-image-data.ts';
export * from './get-image.ts';
export * from './image-record.ts';
export * from './list-images-named.ts';
export * from './upload-image-data.ts';
