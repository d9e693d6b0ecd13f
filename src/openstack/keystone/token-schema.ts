import { z } from 'zod';

/**
 * Keystone v3 token bodies, strict only about what the session uses. Unscoped
 * and federated tokens omit project, roles and catalog (the federated sample
 * omits even expires_at), so those are optional here; authenticate() insists
 * on expires_at for the token it keeps.
 */
const domainSchema = z.object({ id: z.string().optional(), name: z.string().optional() });

const endpointSchema = z.object({
  id: z.string().optional(),
  interface: z.string(),
  url: z.string(),
  region_id: z.string().nullish(),
  region: z.string().nullish(),
});

const catalogEntrySchema = z.object({
  id: z.string().optional(),
  type: z.string(),
  name: z.string().optional(),
  endpoints: z.array(endpointSchema),
});

export const rawCatalogSchema = z.array(catalogEntrySchema);
export type RawCatalog = z.output<typeof rawCatalogSchema>;

export const tokenResponseSchema = z.object({
  token: z.object({
    methods: z.array(z.string()),
    expires_at: z.string().optional(),
    issued_at: z.string().optional(),
    user: z.object({ id: z.string(), name: z.string(), domain: domainSchema.optional() }),
    project: z.object({ id: z.string(), name: z.string(), domain: domainSchema.optional() }).optional(),
    roles: z.array(z.object({ id: z.string().optional(), name: z.string() })).optional(),
    catalog: rawCatalogSchema.optional(),
    application_credential: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  }),
});
export type TokenResponse = z.output<typeof tokenResponseSchema>;
