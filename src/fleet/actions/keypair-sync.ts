import type { Keypair } from '../../openstack/index.ts';
import { targetKey, type ActionPlan, type ActionTarget, type PlanStep } from './plan.ts';

/** What one target holds under the key pair's name, as read just before planning. */
export type TargetKeypairState =
  | { target: ActionTarget; state: 'absent' }
  | { target: ActionTarget; state: 'present'; keypair: Pick<Keypair, 'name' | 'public_key' | 'fingerprint'> }
  | { target: ActionTarget; state: 'unknown'; error: string };

export interface KeypairSyncInput {
  planId: string;
  now: number;
  source: ActionTarget;
  keypair: Pick<Keypair, 'name' | 'public_key' | 'type'>;
  targets: readonly TargetKeypairState[];
}

/**
 * Nova stores the key as given, so only the key type and material are
 * compared: the comment after them and surrounding whitespace do not make
 * another key.
 */
export function sameKeyMaterial(a: string, b: string): boolean {
  const material = (key: string) => key.trim().split(/\s+/).slice(0, 2).join(' ');
  return material(a) === material(b);
}

/** Key pair sync: import the source's public key where it is missing; never replace a different key of the same name. */
export function planKeypairSync(input: KeypairSyncInput): ActionPlan {
  const { keypair, source } = input;
  const keyType = keypair.type === 'x509' ? 'x509' : keypair.type === 'ssh' ? 'ssh' : undefined;
  const steps = input.targets
    .filter((entry) => targetKey(entry.target) !== targetKey(source))
    .map((entry): PlanStep => {
      const base = {
        id: `${targetKey(entry.target)}/keypair/${keypair.name}`,
        target: entry.target,
        resource: `key pair ${keypair.name}`,
        call: 'POST /os-keypairs',
        destructive: false,
        operation: { kind: 'import-keypair', name: keypair.name, publicKey: keypair.public_key, keyType } as const,
      };
      if (entry.state === 'absent') return { ...base, change: 'create' };
      if (entry.state === 'unknown') {
        // The executor looks the key pair up before creating it, so planning the create is safe.
        return { ...base, change: 'create', reason: `current state unknown (${entry.error}); looked up again before creating` };
      }
      if (sameKeyMaterial(entry.keypair.public_key, keypair.public_key)) return { ...base, change: 'no-change', call: '—' };
      return {
        ...base,
        change: 'conflict',
        call: '—',
        reason: `a different key named ${keypair.name} is already there (fingerprint ${entry.keypair.fingerprint}); it is not replaced`,
      };
    });
  return {
    id: input.planId,
    kind: 'keypair-sync',
    title: `Key pair sync: ${keypair.name} from ${targetKey(source)} to ${steps.length} target${steps.length === 1 ? '' : 's'}`,
    createdAt: input.now,
    steps,
  };
}
