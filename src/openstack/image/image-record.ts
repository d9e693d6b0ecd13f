import { z } from 'zod';
import { imageSchema } from './list-images.ts';

/**
 * An image with its multihash (Glance 17.0+): `os_hash_value` is the digest of
 * the data under `os_hash_algo` (sha512 by default), which a copy is verified
 * against; `checksum` is the older md5. The store fields are what an
 * interoperable import reports its progress with.
 */
export const imageRecordSchema = imageSchema.extend({
  os_hash_algo: z.string().nullish(),
  os_hash_value: z.string().nullish(),
  /** Multi-store Glance: the stores holding the data, comma-separated. */
  stores: z.string().optional(),
  /** While an import runs: the stores still to receive the data, comma-separated. */
  os_glance_importing_to_stores: z.string().optional(),
  /** The stores an import failed to reach, comma-separated. */
  os_glance_failed_import: z.string().optional(),
});

export type ImageRecord = z.output<typeof imageRecordSchema>;
