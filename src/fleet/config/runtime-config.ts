import { z } from 'zod';
import type { CloudDefinition } from '../registry/cloud-definition.ts';
import { cloudFromCloudsYamlEntry, type EntryProblem } from '../registry/cloud-from-clouds-yaml.ts';

/** The file served beside the app that deployments use to pre-load clouds and switch modes. */
export const RUNTIME_CONFIG_PATH = '/archipelago.config.json';

export interface RuntimeConfig {
  /** The simulated demo fleet, when enabled: its fleet spec (undefined: the default fleet). */
  demo?: { fleet?: string };
  readOnly: boolean;
  clouds: CloudDefinition[];
  /** Entries that could not be used; the others still load. */
  problems: EntryProblem[];
  warnings: EntryProblem[];
}

const runtimeConfigSchema = z.object({
  demo: z.union([z.boolean(), z.object({ fleet: z.string().optional() })]).optional(),
  readOnly: z.boolean().optional(),
  /** The `clouds:` mapping of a clouds.yaml, as JSON. */
  clouds: z.record(z.string(), z.unknown()).optional(),
  proxy: z.object({ basePath: z.string().startsWith('/'), clouds: z.array(z.string()) }).optional(),
});

export class RuntimeConfigError extends Error {
  constructor(message: string) {
    super(`${RUNTIME_CONFIG_PATH}: ${message}`);
    this.name = 'RuntimeConfigError';
  }
}

export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuntimeConfigError(`${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`);
  }
  const config = parsed.data;
  const proxied = new Set(config.proxy?.clouds ?? []);
  const clouds: CloudDefinition[] = [];
  const problems: EntryProblem[] = [];
  const warnings: EntryProblem[] = [];
  for (const [name, entry] of Object.entries(config.clouds ?? {})) {
    const result = cloudFromCloudsYamlEntry(name, entry, 'runtime-config');
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    warnings.push(...result.warnings);
    const transport = config.proxy && proxied.has(name) ? { kind: 'proxy' as const, basePath: config.proxy.basePath } : result.cloud.transport;
    clouds.push({ ...result.cloud, transport });
  }
  return {
    demo: demoOf(config.demo),
    readOnly: config.readOnly ?? false,
    clouds,
    problems,
    warnings,
  };
}

function demoOf(demo: boolean | { fleet?: string } | undefined): RuntimeConfig['demo'] {
  if (demo === true) return {};
  if (demo === false || demo === undefined) return undefined;
  return { fleet: demo.fleet };
}

/** What runs when no config file is served: the demo in development, an empty console in production. */
export function defaultRuntimeConfig(isDevelopment: boolean): RuntimeConfig {
  return { demo: isDevelopment ? {} : undefined, readOnly: false, clouds: [], problems: [], warnings: [] };
}
