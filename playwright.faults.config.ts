import { defineConfig } from '@playwright/test';
import { BASE_CONFIG, PREVIEW_SERVER } from './e2e/fixtures/playwright-base.ts';

/**
 * The fault campaign (`npm run test:faults`): the production build against
 * simulated clouds that refuse, hang, throttle, lie and recover. Each test
 * starts its own loopback fleet (e2e-faults/fixtures/fault-fleet.ts), so the
 * tests run one at a time and wait out real refresh cycles.
 */
export default defineConfig({
  ...BASE_CONFIG,
  testDir: 'e2e-faults',
  timeout: 150_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  webServer: PREVIEW_SERVER,
});
