import type { Browser } from '@playwright/test';

export interface HorizonUser {
  username: string;
  password: string;
}

export interface HorizonSample {
  /** From opening the login page to the last region's instances table on screen. */
  ms: number;
  /** Full page loads: login page, landing page after sign-in, one per region switch, one per further table page. */
  pageLoads: number;
  /** Instance rows seen, summed over regions. */
  servers: number;
}

const INSTANCES = 'table#instances';

/**
 * What an operator does in Horizon to see every server of a cloud: sign in,
 * then for each region switch to it (Horizon shows one region at a time) on
 * the instances page and page through the table. Timed from outside the
 * page, since it spans many page loads.
 */
export async function timeHorizon(browser: Browser, horizonUrl: string, user: HorizonUser, regions: readonly string[]): Promise<HorizonSample> {
  const context = await browser.newContext({ baseURL: horizonUrl, viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto('/auth/login/');
    await page.locator('#id_username').fill(user.username);
    await page.locator('#id_password').fill(user.password);
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
    if (new URL(page.url()).pathname.startsWith('/auth/login')) {
      const alert = (await page.locator('.alert-danger, .error').allInnerTexts()).join(' ').trim();
      throw new Error(`Horizon refused the sign-in of ${user.username}: ${alert || 'no message'}`);
    }
    let pageLoads = 2;
    let servers = 0;
    for (const region of regions) {
      await page.goto(`/auth/switch_services_region/${encodeURIComponent(region)}/?next=/project/instances/`);
      pageLoads += 1;
      for (;;) {
        await page.locator(INSTANCES).waitFor();
        servers += await page.locator(`${INSTANCES} tbody tr:not(.empty)`).count();
        const next = page.locator(`${INSTANCES} tfoot a[href*="marker="]`);
        if ((await next.count()) === 0) break;
        await Promise.all([page.waitForNavigation(), next.first().click()]);
        pageLoads += 1;
      }
    }
    return { ms: performance.now() - started, pageLoads, servers };
  } finally {
    await context.close();
  }
}
