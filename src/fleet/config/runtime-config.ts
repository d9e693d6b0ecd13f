import { z } from 'zod';
import { DIRECT, type Transport } from '../../openstack/index.ts';
import type { CloudDefinition } from '../registry/cloud-definition.ts';
import { cloudFromCloudsYamlEntry, type EntryProblem } from '../registry/cloud-from-clouds-yaml.ts';
import { oidcSettingsSchema, type OidcSettings } from './oidc-settings.ts';
import { wallConfigSchema, type WallConfig } from '../wall/wall-settings.ts';
import { parseTopologyRules } from '../topology/topology-rules-config.ts';
import type { TopologyRules } from '../topology/topology-rules.ts';

/** The file served beside the app that deployments use to pre-load clouds and switch modes. */
export const RUNTIME_CONFIG_PATH = '/archipelago.config.json';

export interface RuntimeConfig {
  /** The simulated demo fleet, when enabled: its fleet spec (undefined: the default fleet). */
  demo?: { fleet?: string };
  readOnly: boolean;
  clouds: CloudDefinition[];
  /** Clouds reached through the same-origin proxy, whether configured here or imported by the operator later. */
  proxy?: { basePath: string; clouds: string[] };
  /** The OpenID provider of the browser sign-in that `v3oidcbrowser` clouds use. */
  oidc?: OidcSettings;
  /** The NOC wall's views and timings (the URL may override them). */
  wall?: WallConfig;
  /** Host origins whose postMessage the embedded panels accept and answer. */
  embed?: { allowedOrigins: string[] };
  /** How each cloud's hosts map to cells and sites (docs/topology.md); bad entries are in `problems`. */
  topology?: TopologyRules;
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
  oidc: oidcSettingsSchema.optional(),
  wall: wallConfigSchema.optional(),
  embed: z.object({ allowedOrigins: z.array(z.string()) }).optional(),
  /** Checked entry by entry (topology-rules-config.ts), so one bad rule does not reject the file. */
  topology: z.unknown().optional(),
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
  const transport = transportFor(config.proxy);
  const clouds: CloudDefinition[] = [];
  const problems: EntryProblem[] = [];
  const warnings: EntryProblem[] = [];
  for (const [name, entry] of Object.entries(config.clouds ?? {})) {
    const result = cloudFromCloudsYamlEntry(name, entry, 'runtime-config');
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    if (result.cloud.browserLogin && !config.oidc) {
      problems.push({ cloud: name, key: 'auth_type', message: 'v3oidcbrowser needs the "oidc" section of the runtime config (the OpenID provider to sign in with)' });
      continue;
    }
    warnings.push(...result.warnings);
    clouds.push({ ...result.cloud, transport: transport(name) });
  }
  const topology = parseTopologyRules(config.topology);
  problems.push(...topology.problems);
  return {
    demo: demoOf(config.demo),
    readOnly: config.readOnly ?? false,
    clouds,
    proxy: config.proxy,
    oidc: config.oidc,
    wall: config.wall,
    embed: config.embed,
    topology: topology.rules,
    problems,
    warnings,
  };
}

/** The transport of a cloud by name: the proxy when the runtime config names the cloud, else direct. */
export function transportFor(proxy: RuntimeConfig['proxy']): (cloudName: string) => Transport {
  const proxied = new Set(proxy?.clouds ?? []);
  return (cloudName) => (proxy && proxied.has(cloudName) ? { kind: 'proxy', basePath: proxy.basePath } : DIRECT);
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
