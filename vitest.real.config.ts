import { defineConfig } from 'vitest/config';

/**
 * The client contract against the real OpenStack lab (scripts/openstack-lab),
 * run by `npm run test:real` only: `npm test` must not need the lab.
 */
export default defineConfig({
  test: {
    include: ['src/contract/**/*.lab.test.ts', 'src/contract/lab.contract.test.ts'],
    environment: 'node',
    restoreMocks: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Skips carry their reason ("skipped: neutron unavailable (...)"): the verbose reporter prints it.
    reporters: ['verbose'],
  },
});
