import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * MD5 of a byte array, as hex: the `checksum` Glance computes on upload.
 * WebCrypto has no MD5, and the simulator runs in the browser too.
 */
export function md5Hex(data: Uint8Array): string {
  return bytesToHex(md5(data));
}
