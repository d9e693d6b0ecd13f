import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/fixtures/chromium.ts';
import { BUILD_DIR, PREVIEW_PORT, PREVIEW_URL } from './e2e/fixtures/e2e-env.ts';
import { LOOPBACK_FLEET } from './e2e/fixtures/loopback-fleet.ts';

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: PREVIEW_URL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // The production build: the demo must run from it, switched on by the runtime config.
      command: `npx vite build --logLevel warn --outDir ${BUILD_DIR} && npx vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort --outDir ${BUILD_DIR}`,
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      // The simulator as a real HTTP server, one loopback port per cloud.
      command: `npx tsx scripts/sim-serve.ts --spec '${LOOPBACK_FLEET.spec}' --port ${LOOPBACK_FLEET.basePort}`,
      url: `http://127.0.0.1:${LOOPBACK_FLEET.basePort}/identity/v3`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
