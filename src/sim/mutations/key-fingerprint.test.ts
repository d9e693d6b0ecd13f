import { describe, expect, it } from 'vitest';
import { isValidSshPublicKey, keyFingerprint } from './key-fingerprint.ts';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILuZWOITIwgj68a30BuQ/HMpwB12I4SPr6oSa4FzN8tl ops@bastion';

describe('simulated key pair import', () => {
  it('accepts a well-formed key and refuses what real Nova cannot fingerprint', () => {
    expect(isValidSshPublicKey(ED25519)).toBe(true);
    // Real Nova (Zed) answers 400 "failed to generate fingerprint" for each of these.
    expect(isValidSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILabActionsSyncE2eKeyMaterial00000000000000 x')).toBe(false);
    expect(isValidSshPublicKey('ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAILuZWOITIwgj68a30BuQ/HMpwB12I4SPr6oSa4FzN8tl')).toBe(false);
    expect(isValidSshPublicKey('ssh-ed25519 not-base64!')).toBe(false);
    expect(isValidSshPublicKey('not a key')).toBe(false);
  });

  it('fingerprints the key material in Nova’s 16-byte form, whatever the comment', () => {
    expect(keyFingerprint(ED25519)).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(keyFingerprint(ED25519)).toBe(keyFingerprint(ED25519.replace('ops@bastion', 'other')));
    expect(keyFingerprint(ED25519)).not.toBe(keyFingerprint(ED25519.replace('tl ops', 'tk ops')));
  });
});
