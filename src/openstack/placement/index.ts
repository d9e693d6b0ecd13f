export { createPlacementApi, type PlacementApi } from './placement-api.ts';
export * from './get-inventories.ts';
export * from './get-usages.ts';
export * from './list-resource-providers.ts';
