import type { Browser } from '@playwright/test';
import { openPage } from './browser.ts';

export interface LabInventorySample {
  /** Navigation start to every server of every region listed (the header and the table agree, nothing loading). */
  ms: number;
  servers: number;
}

interface LabProbe {
  completeAt?: number;
  servers?: number;
}

declare global {
  interface Window {
    __benchLabInventory?: LabProbe;
  }
}

/**
 * /servers on one real cloud whose server count the bench does not know in
 * advance: complete when every region's source is listed as complete, the
 * header reads "N servers in 1 cloud" with nothing failing, and the table's
 * matching-rows line reads the same N. The header alone is not enough: a
 * cloud counts as answered as soon as its first region has.
 */
export async function timeLabInventory(browser: Browser, previewUrl: string, regions: number, timeoutMs: number): Promise<LabInventorySample> {
  const bench = await openPage(browser, previewUrl);
  try {
    await bench.page.addInitScript((expectedSources: number) => {
      const probe: LabProbe = {};
      window.__benchLabInventory = probe;
      const observer = new MutationObserver(() => {
        const sources = [...document.querySelectorAll('[aria-label="Every source"] > li')];
        if (sources.length !== expectedSources || !sources.every((source) => source.querySelector('span[title="servers"]'))) return;
        const summary = document.querySelector('[aria-label="Inventory summary"]')?.textContent ?? '';
        const complete = /^([\d,]+) servers? in 1 cloud$/.exec(summary);
        const matching = document.querySelector('[role="status"][aria-label="Matching servers"]')?.textContent ?? '';
        if (complete?.[1] === undefined || !matching.startsWith(`${complete[1]} server`)) return;
        probe.completeAt = performance.now();
        probe.servers = Number(complete[1].replace(/,/g, ''));
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    }, regions);
    await bench.page.goto('/servers');
    await bench.page.waitForFunction(() => window.__benchLabInventory?.completeAt !== undefined, undefined, { timeout: timeoutMs, polling: 100 });
    const probe = await bench.page.evaluate(() => window.__benchLabInventory);
    if (probe?.completeAt === undefined || probe.servers === undefined) throw new Error('the lab inventory probe saw no complete list');
    return { ms: probe.completeAt, servers: probe.servers };
  } catch (error) {
    const summary = await bench.page.locator('[aria-label="Inventory summary"]').textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`Archipelago did not list lab-a within ${timeoutMs} ms (header: ${summary ?? 'none'}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await bench.close();
  }
}
