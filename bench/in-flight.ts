import type { Page } from '@playwright/test';

export interface InFlight {
  /**
   * Resolves once no request of the page has been open for `quietMs`, or
   * after `timeoutMs` at most, with the requests still open then.
   */
  settled(quietMs: number, timeoutMs: number): Promise<number>;
}

/** The page's open requests, counted from Playwright's request events (from now on: call before navigating). */
export function trackInFlight(page: Page): InFlight {
  let open = 0;
  let changedAt = performance.now();
  page.on('request', () => {
    open += 1;
    changedAt = performance.now();
  });
  const closed = () => {
    open = Math.max(0, open - 1);
    changedAt = performance.now();
  };
  page.on('requestfinished', closed);
  page.on('requestfailed', closed);
  return {
    async settled(quietMs, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline && (open > 0 || performance.now() - changedAt < quietMs)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return open;
    },
  };
}
