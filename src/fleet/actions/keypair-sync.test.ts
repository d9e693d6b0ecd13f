import { describe, expect, it } from 'vitest';
import { planKeypairSync, sameKeyMaterial, type TargetKeypairState } from './keypair-sync.ts';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG5cWm9rZ2d0aGlzaXNhdGVzdGtleQ ops@bastion';
const OTHER = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAnotherKeyEntirelyDifferent00 ops@laptop';

function plan(targets: TargetKeypairState[]) {
  return planKeypairSync({
    planId: 'p1',
    now: 0,
    source: { cloud: 'ams', region: 'RegionOne' },
    keypair: { name: 'deploy', public_key: KEY, type: 'ssh' },
    targets,
  });
}

describe('planKeypairSync', () => {
  it('creates the key where it is missing, leaves an identical key alone and never overwrites a different one', () => {
    const result = plan([
      { target: { cloud: 'fra', region: 'RegionOne' }, state: 'absent' },
      { target: { cloud: 'par', region: 'RegionOne' }, state: 'present', keypair: { name: 'deploy', public_key: `${KEY.split(' ').slice(0, 2).join(' ')} other-comment\n`, fingerprint: 'aa' } },
      { target: { cloud: 'lon', region: 'RegionOne' }, state: 'present', keypair: { name: 'deploy', public_key: OTHER, fingerprint: 'bb:cc' } },
    ]);
    expect(result.steps.map((step) => [step.target.cloud, step.change])).toEqual([
      ['fra', 'create'],
      ['par', 'no-change'],
      ['lon', 'conflict'],
    ]);
    const create = result.steps[0];
    expect(create?.call).toBe('POST /os-keypairs');
    expect(create?.operation).toEqual({ kind: 'import-keypair', name: 'deploy', publicKey: KEY, keyType: 'ssh' });
    expect(result.steps[2]?.reason).toContain('bb:cc');
    expect(result.steps.every((step) => !step.destructive)).toBe(true);
  });

  it('plans a create for a target whose state could not be read, saying so', () => {
    const result = plan([{ target: { cloud: 'vie', region: 'RegionOne' }, state: 'unknown', error: 'connection refused' }]);
    expect(result.steps[0]?.change).toBe('create');
    expect(result.steps[0]?.reason).toContain('connection refused');
  });

  it('does not copy the key onto its own source', () => {
    const result = plan([
      { target: { cloud: 'ams', region: 'RegionOne' }, state: 'present', keypair: { name: 'deploy', public_key: KEY, fingerprint: 'aa' } },
      { target: { cloud: 'ams', region: 'RegionTwo' }, state: 'absent' },
    ]);
    expect(result.steps.map((step) => step.target.region)).toEqual(['RegionTwo']);
    expect(result.title).toBe('Key pair sync: deploy from ams/RegionOne to 1 target');
  });

  it('compares key material, not comments or whitespace', () => {
    expect(sameKeyMaterial('ssh-rsa AAAA x@y', ' ssh-rsa   AAAA z@w\n')).toBe(true);
    expect(sameKeyMaterial('ssh-rsa AAAA', 'ssh-rsa AAAB')).toBe(false);
    expect(sameKeyMaterial('ssh-rsa AAAA', 'ssh-ed25519 AAAA')).toBe(false);
  });
});
