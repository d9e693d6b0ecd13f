import { z } from 'zod';
import type { CloudDefinition } from './cloud-definition.ts';
import { cloudFromCloudsYamlEntry } from './cloud-from-clouds-yaml.ts';
import { cloudsYamlEntryOf } from './export-clouds-yaml.ts';
import type { TransportFor } from './merge-import.ts';

/** The localStorage key of the operator's clouds. */
export const REGISTRY_STORAGE_KEY = 'archipelago.clouds';

/**
 * What is stored: the operator's own clouds as clouds.yaml entries, written by
 * the exporter, which never writes a secret (DESIGN rule 7), and read back
 * through the same mapper as an imported file. Transport is not stored: it
 * follows the runtime config of the day.
 */
const persistedRegistrySchema = z.object({
  version: z.literal(1),
  clouds: z.array(z.object({ name: z.string(), entry: z.record(z.string(), z.unknown()) })),
});

export type PersistedRegistry = z.infer<typeof persistedRegistrySchema>;

export function persistedRegistryOf(clouds: readonly CloudDefinition[]): PersistedRegistry {
  return {
    version: 1,
    clouds: clouds.filter((cloud) => cloud.source === 'user').map((cloud) => ({ name: cloud.name, entry: cloudsYamlEntryOf(cloud) })),
  };
}

export interface LoadedRegistry {
  clouds: CloudDefinition[];
  /** Why some or all of what was stored was ignored, for the operator to read. */
  notice?: string;
}

/** Reads what persistedRegistryOf wrote. Whatever the text, this never throws: what cannot be read is left out and said so. */
export function loadPersistedRegistry(text: string | null, transportFor: TransportFor): LoadedRegistry {
  if (text === null) return { clouds: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { clouds: [], notice: 'The saved clouds could not be read (not JSON) and were ignored.' };
  }
  const parsed = persistedRegistrySchema.safeParse(raw);
  if (!parsed.success) return { clouds: [], notice: 'The saved clouds are in a shape this console does not know and were ignored.' };
  const clouds: CloudDefinition[] = [];
  const skipped: string[] = [];
  for (const { name, entry } of parsed.data.clouds) {
    const result = cloudFromCloudsYamlEntry(name, entry, 'user');
    if (!result.ok || clouds.some((cloud) => cloud.name === name)) skipped.push(name);
    else clouds.push({ ...result.cloud, transport: transportFor(name) });
  }
  return skipped.length === 0 ? { clouds } : { clouds, notice: `Saved clouds that could not be read were ignored: ${skipped.join(', ')}.` };
}
