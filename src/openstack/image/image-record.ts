import { z } from 'zod';
import { imageSchema } from './list-images.ts';

/**
 * An image with its multihash (Glance 17.0+): `os_hash_value` is the digest of
 * the data under `os_hash_algo` (sha512 by default), which a copy is verified
 * against; `checksum` is the older md5.
 */
export const imageRecordSchema = imageSchema.extend({
  os_hash_algo: z.string().nullish(),
  os_hash_value: z.string().nullish(),
});

export type ImageRecord = z.output<typeof imageRecordSchema>;
