import type { WallConfig } from './wall-settings.ts';

/** The runtime config's sections for the wall and the embedded panels. */
export interface DisplayConfig {
  wall?: WallConfig;
  embed?: { allowedOrigins: readonly string[] };
}

let current: DisplayConfig = {};

/**
 * Handed over once at boot, beside the runtime: the wall and the embedded
 * panels are the only readers, and the runtime object stays as it is.
 */
export function setDisplayConfig(config: DisplayConfig): void {
  current = { wall: config.wall, embed: config.embed };
}

export function displayConfig(): DisplayConfig {
  return current;
}
