export { createImageApi, type ImageApi } from './image-api.ts';
export * from './list-images.ts';
