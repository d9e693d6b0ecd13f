import { defineConfig } from '@playwright/test';
import { LOOPBACK_FLEET } from './e2e/fixtures/loopback-fleet.ts';
import { BASE_CONFIG, PREVIEW_SERVER } from './e2e/fixtures/playwright-base.ts';

export default defineConfig({
  ...BASE_CONFIG,
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  webServer: [
    // The production build: the demo must run from it, switched on by the runtime config.
    PREVIEW_SERVER,
    {
      // The simulator as a real HTTP server, one loopback port per cloud.
      command: `npx tsx scripts/sim-serve.ts --spec '${LOOPBACK_FLEET.spec}' --port ${LOOPBACK_FLEET.basePort}`,
      url: `http://127.0.0.1:${LOOPBACK_FLEET.basePort}/identity/v3`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
