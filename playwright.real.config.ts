import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/fixtures/chromium.ts';
import { BUILD_DIR, PREVIEW_PORT, PREVIEW_URL } from './e2e/fixtures/e2e-env.ts';

/**
 * The console against the real OpenStack lab (scripts/openstack-lab), run by
 * `npm run test:real`: the production build, and no simulator. Same Chromium
 * as playwright.config.ts: Debian's, kept off the network.
 */
export default defineConfig({
  testDir: 'e2e-real',
  // Its own folder: the simulator suite may be running beside it on the same machine.
  outputDir: `test-results/real-${PREVIEW_PORT}`,
  // Real services: a cold Nova listing across three regions takes seconds, not milliseconds.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: PREVIEW_URL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${BUILD_DIR} && npx vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort --outDir ${BUILD_DIR}`,
    url: PREVIEW_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
