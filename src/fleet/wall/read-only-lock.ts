import type { HttpPolicy } from '../../openstack/index.ts';

const alwaysReadOnly = () => true;

/**
 * Switches the fleet's shared HTTP policy to read-only for the rest of the
 * tab's life. The HTTP layer asks the policy before every request, so from
 * here on no mutating request leaves the browser, whatever any view does;
 * nothing switches it back.
 */
export function lockReadOnly(policy: Pick<HttpPolicy, 'isReadOnly'>): void {
  policy.isReadOnly = alwaysReadOnly;
}
