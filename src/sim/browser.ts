import { createSimHandlers } from './msw-handlers.ts';
import type { SimFleet } from './sim-fleet.ts';

export { demoOriginFor } from './demo-origin.ts';

/**
 * Serves the simulated fleet inside the browser through msw's service worker.
 * msw/browser is loaded on call, so node code (e2e fixtures) can import this
 * module's siblings through index.ts without pulling in a browser-only package.
 */
export async function startSimWorker(sim: SimFleet, options: { quiet?: boolean } = {}): Promise<{ stop(): void }> {
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker(...createSimHandlers(sim));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return { stop: () => worker.stop() };
}
