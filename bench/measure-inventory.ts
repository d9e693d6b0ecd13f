import type { Page, Request } from '@playwright/test';
import type { BenchPage } from './browser.ts';

export interface InventorySample {
  /** From navigation start (the page load that signs in to every cloud) to the first request to a cloud: the app's own boot. */
  bootMs: number | null;
  /** To the header counting some servers: data has arrived, whether or not the table shows it yet. */
  firstDataMs: number;
  firstRowMs: number;
  /** To the header showing the fleet's full count with nothing loading, and the table holding every row. */
  completeMs: number;
  /** Requests to the fleet's origins, as Playwright's request events see them. */
  requests: number;
  byKind: Record<RequestKind, number>;
  /** Encoded bytes received from the fleet's origins (CDP Network.loadingFinished), headers included. */
  bytes: number;
}

type RequestKind = 'signIn' | 'versions' | 'serverPages' | 'other';

interface InventoryProbe {
  firstDataAt?: number;
  firstRowAt?: number;
  completeAt?: number;
}

declare global {
  interface Window {
    __benchInventory?: InventoryProbe;
  }
}

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

/**
 * Exactly what /servers says once every cloud has answered in full: the
 * header (from the queries) and the matching-rows line (from the table's
 * rows, which are deferred and may lag behind the header).
 */
export function completeTexts(servers: number, clouds: number): { summary: string; matching: string } {
  return { summary: `${plural(servers, 'server')} in ${plural(clouds, 'cloud')}`, matching: plural(servers, 'server') };
}

function kindOf(method: string, url: URL): RequestKind {
  if (method === 'POST' && url.pathname.endsWith('/auth/tokens')) return 'signIn';
  if (url.pathname.endsWith('/servers/detail')) return 'serverPages';
  if (/\/compute(\/v2(\.1)?)?\/?$/.test(url.pathname)) return 'versions';
  return 'other';
}

/**
 * Loads /servers with the fleet in the runtime config and times, in the page
 * (a MutationObserver installed before the app's first script), the first
 * server row and the header reaching the fleet's full count.
 */
export async function measureInventory(
  bench: BenchPage,
  fleet: { basePort: number; servers: number; clouds: number },
  timeoutMs: number,
): Promise<InventorySample> {
  const { page, cdp } = bench;
  const isFleetUrl = (url: URL) => url.hostname === '127.0.0.1' && Number(url.port) >= fleet.basePort && Number(url.port) < fleet.basePort + fleet.clouds;
  const byKind: Record<RequestKind, number> = { signIn: 0, versions: 0, serverPages: 0, other: 0 };
  let requests = 0;
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (!isFleetUrl(url)) return;
    requests += 1;
    byKind[kindOf(request.method(), url)] += 1;
  };
  page.on('request', onRequest);

  const fleetRequestIds = new Set<string>();
  let bytes = 0;
  const onWillBeSent = (event: { requestId: string; request: { url: string } }) => {
    if (isFleetUrl(new URL(event.request.url))) fleetRequestIds.add(event.requestId);
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    if (fleetRequestIds.has(event.requestId)) bytes += event.encodedDataLength;
  };
  cdp.on('Network.requestWillBeSent', onWillBeSent);
  cdp.on('Network.loadingFinished', onFinished);
  await cdp.send('Network.enable');

  await page.addInitScript((expected: { summary: string; matching: string }) => {
    const probe: InventoryProbe = {};
    window.__benchInventory = probe;
    const observer = new MutationObserver(() => {
      const now = performance.now();
      const summary = document.querySelector('[aria-label="Inventory summary"]')?.textContent ?? '';
      if (probe.firstDataAt === undefined && /^[1-9]/.test(summary)) probe.firstDataAt = now;
      if (probe.firstRowAt === undefined && document.querySelector('table[aria-label="Servers"] tbody tr')) probe.firstRowAt = now;
      const matching = document.querySelector('[role="status"][aria-label="Matching servers"]')?.textContent;
      if (probe.completeAt === undefined && summary === expected.summary && matching === expected.matching) probe.completeAt = now;
      if (probe.firstRowAt !== undefined && probe.completeAt !== undefined) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, completeTexts(fleet.servers, fleet.clouds));

  try {
    await page.goto('/servers');
    await page.waitForFunction(() => window.__benchInventory?.completeAt !== undefined, undefined, { timeout: timeoutMs, polling: 200 });
  } finally {
    // The first load only: the 60 s background refreshes that follow are not the inventory's cost.
    page.off('request', onRequest);
    cdp.off('Network.requestWillBeSent', onWillBeSent);
    cdp.off('Network.loadingFinished', onFinished);
    await cdp.send('Network.disable');
  }
  const probe = await readProbe(page);
  // Resource timing keeps the first entries when its buffer fills, and the first sign-in is among them.
  const bootMs = await page.evaluate(({ first, count }: { first: number; count: number }) => {
    const starts = performance
      .getEntriesByType('resource')
      .filter((entry) => {
        const port = Number(new URL(entry.name).port);
        return port >= first && port < first + count;
      })
      .map((entry) => entry.startTime);
    return starts.length > 0 ? Math.min(...starts) : null;
  }, { first: fleet.basePort, count: fleet.clouds });
  return {
    bootMs,
    firstDataMs: probe.firstDataAt ?? probe.completeAt,
    firstRowMs: probe.firstRowAt ?? probe.completeAt,
    completeMs: probe.completeAt,
    requests,
    byKind: { ...byKind },
    bytes,
  };
}

async function readProbe(page: Page): Promise<InventoryProbe & { completeAt: number }> {
  const probe = await page.evaluate(() => window.__benchInventory);
  if (probe?.completeAt === undefined) throw new Error('the inventory probe saw no complete list');
  return { ...probe, completeAt: probe.completeAt };
}
