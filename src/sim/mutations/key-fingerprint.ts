/**
 * A stand-in for Nova's MD5 fingerprint of an imported key: the same
 * colon-separated 16-byte form, deterministic in the key material (type and
 * base64 blob; the comment does not count, as in Nova).
 */
export function keyFingerprint(publicKey: string): string {
  const material = publicKey.trim().split(/\s+/).slice(0, 2).join(' ');
  const bytes: string[] = [];
  let hash = 0x811c9dc5;
  for (let round = 0; round < 16; round += 1) {
    for (let i = 0; i < material.length; i += 1) {
      hash ^= material.charCodeAt(i) + round;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    bytes.push((hash & 0xff).toString(16).padStart(2, '0'));
  }
  return bytes.join(':');
}

const KEY_TYPES = ['ssh-rsa', 'ssh-ed25519', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];

/**
 * Whether Nova could fingerprint this OpenSSH public key: a known type whose
 * base64 blob decodes and names that same type first (as paramiko checks);
 * an ed25519 key carries exactly 32 bytes of key.
 */
export function isValidSshPublicKey(publicKey: string): boolean {
  const [type, blob] = publicKey.trim().split(/\s+/);
  if (type === undefined || blob === undefined || !KEY_TYPES.includes(type)) return false;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(blob), (char) => char.charCodeAt(0));
  } catch {
    return false;
  }
  const view = new DataView(bytes.buffer);
  const field = (offset: number): { value: Uint8Array; next: number } | undefined => {
    if (offset + 4 > bytes.length) return undefined;
    const length = view.getUint32(offset);
    if (offset + 4 + length > bytes.length) return undefined;
    return { value: bytes.subarray(offset + 4, offset + 4 + length), next: offset + 4 + length };
  };
  const name = field(0);
  if (!name || new TextDecoder().decode(name.value) !== type) return false;
  if (type !== 'ssh-ed25519') return name.next < bytes.length;
  const key = field(name.next);
  return key !== undefined && key.value.length === 32 && key.next === bytes.length;
}
