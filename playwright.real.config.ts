import { defineConfig } from '@playwright/test';
import { PREVIEW_PORT } from './e2e/fixtures/e2e-env.ts';
import { BASE_CONFIG, PREVIEW_SERVER } from './e2e/fixtures/playwright-base.ts';

/**
 * The console against the real OpenStack lab (scripts/openstack-lab), run by
 * `npm run test:real`: the production build, and no simulator. Same Chromium
 * as playwright.config.ts: Debian's, kept off the network.
 */
export default defineConfig({
  ...BASE_CONFIG,
  testDir: 'e2e-real',
  // Its own folder: the simulator suite may be running beside it on the same machine.
  outputDir: `test-results/real-${PREVIEW_PORT}`,
  // Real services: a cold Nova listing across three regions takes seconds, not milliseconds.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  webServer: PREVIEW_SERVER,
});
