import { z } from 'zod';

/**
 * `$ARCHIPELAGO_LAB_DIR/lab.json`, as scripts/openstack-lab/py/seed.py writes
 * it (version 1; scripts/openstack-lab/README.md). Only the fields the real
 * contract and e2e suites read; the rest is ignored.
 */

const userSchema = z.object({
  username: z.string(),
  password: z.string(),
  project_name: z.string(),
  user_domain_name: z.string(),
  project_domain_name: z.string(),
});

const labServiceSchema = z.object({ url: z.url(), up: z.boolean(), regions: z.array(z.string()) });

/** One Glance of a cloud, as it describes itself (GET /v2/info/import, /v2/info/stores) when the seed ran. */
const labGlanceSchema = z.object({
  url: z.url(),
  regions: z.array(z.string()).min(1),
  import_methods: z.array(z.string()),
  stores: z.array(z.string()),
  default_store: z.string().nullable(),
});

const labCloudSchema = z.object({
  auth_url: z.url(),
  regions: z.array(z.string()).min(1),
  services: z.record(z.string(), labServiceSchema),
  // Keyed by process name: lab-a has a Glance for RegionOne/RegionTwo and its own for edge-1. Older lab.json files lack it.
  glances: z.record(z.string(), labGlanceSchema).default({}),
  credentials: z.object({
    demo: userSchema,
    admin: userSchema,
    // null when the seed could not make it (lab.json then lists why).
    application_credential: z.object({ id: z.string(), secret: z.string(), name: z.string() }).nullable(),
  }),
  seeded: z.object({
    images: z.array(z.string()),
    keypairs: z.array(z.string()),
    sites: z.record(z.string(), z.object({ availability_zone: z.string(), kind: z.string(), hosts: z.array(z.string()) })),
    servers: z.record(z.string(), z.object({ status: z.string(), availability_zone: z.string(), site: z.string() })),
    counts: z.record(z.string(), z.number().int().nonnegative()),
  }),
});

export const labJsonSchema = z.object({
  version: z.literal(1),
  clouds: z.record(z.string(), labCloudSchema),
  unavailable: z.array(z.object({ service: z.string(), reason: z.string() })),
});

export type LabJson = z.output<typeof labJsonSchema>;
export type LabCloud = z.output<typeof labCloudSchema>;
export type LabGlance = z.output<typeof labGlanceSchema>;

export function parseLabJson(raw: unknown): LabJson {
  const parsed = labJsonSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`lab.json: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

export function labCloud(lab: LabJson, name: string): LabCloud {
  const cloud = lab.clouds[name];
  if (!cloud) throw new Error(`lab.json has no cloud '${name}' (${Object.keys(lab.clouds).join(', ')})`);
  return cloud;
}
