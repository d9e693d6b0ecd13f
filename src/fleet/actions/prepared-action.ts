import type { ActionTarget } from './plan.ts';

/**
 * An action another view hands to /actions with its form filled in as far as
 * that view knows: the parity matrix knows the source, the item and the
 * sources that lack it; the topology knows only where. Whatever is left out
 * the operator picks in the form, and the plan is always made there, from
 * the targets' current state.
 */
export type PreparedAction =
  | { action: 'keypair-sync'; from?: ActionTarget; key?: string; to: ActionTarget[] }
  | { action: 'security-group-sync'; from?: ActionTarget; group?: string; to: ActionTarget[] }
  | { action: 'flavor-parity'; from?: ActionTarget; to: ActionTarget[] }
  | { action: 'image-replication'; from?: ActionTarget; image?: string; to: ActionTarget[] }
  | { action: 'fan-out-launch'; to: ActionTarget[] };
