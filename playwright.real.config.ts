import { defineConfig } from '@playwright/test';
import { BUILD_DIR, PREVIEW_PORT, PREVIEW_URL } from './e2e/fixtures/e2e-env.ts';

/**
 * The console against the real OpenStack lab (scripts/openstack-lab), run by
 * `npm run test:real`: the production build, and no simulator. Same Chromium
 * as playwright.config.ts: Debian's, kept off the network.
 */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${BUILD_DIR} && npx vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort --outDir ${BUILD_DIR}`,
    url: PREVIEW_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
