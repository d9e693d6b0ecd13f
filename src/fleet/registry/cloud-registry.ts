import type { CloudDefinition } from './cloud-definition.ts';

/** The fleet's clouds, in the order the operator sees them. Immutable: every change returns a new registry. */
export interface CloudRegistry {
  readonly clouds: readonly CloudDefinition[];
}

export class DuplicateCloudError extends Error {
  constructor(readonly cloudName: string) {
    super(`A cloud named "${cloudName}" is already in the registry.`);
    this.name = 'DuplicateCloudError';
  }
}

export function createCloudRegistry(clouds: readonly CloudDefinition[] = []): CloudRegistry {
  return clouds.reduce<CloudRegistry>((registry, cloud) => addCloud(registry, cloud), { clouds: [] });
}

export function addCloud(registry: CloudRegistry, cloud: CloudDefinition): CloudRegistry {
  if (findCloud(registry, cloud.name)) throw new DuplicateCloudError(cloud.name);
  return { clouds: [...registry.clouds, cloud] };
}

export function removeCloud(registry: CloudRegistry, name: string): CloudRegistry {
  return { clouds: registry.clouds.filter((cloud) => cloud.name !== name) };
}

export function findCloud(registry: CloudRegistry, name: string): CloudDefinition | undefined {
  return registry.clouds.find((cloud) => cloud.name === name);
}
