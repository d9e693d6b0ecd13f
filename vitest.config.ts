import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'deploy/**/*.test.ts', 'bench/**/*.test.ts'],
    // The contract against the real lab needs the lab: `npm run test:real` runs it (vitest.real.config.ts).
    exclude: [...configDefaults.exclude, 'src/contract/**/*.lab.test.ts', 'src/contract/lab.contract.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
