import type { Page } from '@playwright/test';
import { SERVER_GROUP_BY, type ServerGroupBy } from '../src/fleet/inventory/group-rows.ts';

declare global {
  interface Window {
    __benchTable?: Promise<number>;
  }
}

/**
 * Each letter is typed into the empty box, then erased: every keystroke then
 * changes the number of matching rows (a longer query may not, and an
 * unchanged count leaves nothing in the page to observe).
 */
const FILTER_KEYS = ['w', 'Backspace', 'd', 'Backspace', 'k', 'Backspace', 'q', 'Backspace', '7', 'Backspace'];
const GROUP_ORDER: readonly (ServerGroupBy | '')[] = [...SERVER_GROUP_BY, ''];
const PROBE_TIMEOUT_MS = 60_000;

/**
 * Filter: keystroke (its keydown event's time) to the first frame painted
 * after the matching-rows text settled. Group: the change event's time to the
 * first frame painted after the table's first row shows the new grouping.
 *
 * Arms a probe in the page: it takes its start from the input event's own
 * timeStamp (the page's clock, so no CDP round trip is counted) and ends after
 * the first paint that shows the settled result: rAF, then a message posted
 * from it, which runs once that frame has been painted.
 */
async function armFilterProbe(page: Page): Promise<void> {
  await page.evaluate((timeoutMs: number) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter servers"]');
    const status = document.querySelector('[role="status"][aria-label="Matching servers"]');
    if (!input || !status) throw new Error('no filter box or matching-rows status on the page');
    window.__benchTable = new Promise<number>((resolve, reject) => {
      let start: number | undefined;
      const onKey = (event: KeyboardEvent) => {
        start = event.timeStamp;
      };
      const before = status.textContent;
      const observer = new MutationObserver(() => {
        // Large tables: the urgent render adds "updating…", the deferred one writes the new count and drops it.
        const text = status.textContent ?? '';
        if (start === undefined || text === before || text.includes('updating')) return;
        finish();
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('the matching-rows text did not change'));
      }, timeoutMs);
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        const begun = start as number;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - begun);
          channel.port2.postMessage(null);
        });
      };
      input.addEventListener('keydown', onKey, { once: true, capture: true });
      observer.observe(status, { childList: true, subtree: true, characterData: true });
    });
  }, PROBE_TIMEOUT_MS);
}

const GROUP_LABELS: Record<ServerGroupBy, string> = { cloud: 'Cloud ', region: 'Region ', site: 'Site ', status: 'Status ' };

async function armGroupProbe(page: Page, groupBy: ServerGroupBy | ''): Promise<void> {
  await page.evaluate(
    ({ label, timeoutMs }: { label: string | null; timeoutMs: number }) => {
      const select = document.querySelector<HTMLSelectElement>('select[aria-label="Group by"]');
      const body = document.querySelector('table[aria-label="Servers"] tbody');
      if (!select || !body) throw new Error('no group-by select or server table on the page');
      // Group header rows carry no aria-selected; server rows do.
      const shows = () => {
        const first = body.querySelector('tr[data-index="0"]');
        if (!first) return false;
        return label === null ? first.hasAttribute('aria-selected') : !first.hasAttribute('aria-selected') && (first.textContent ?? '').startsWith(label);
      };
      window.__benchTable = new Promise<number>((resolve, reject) => {
        let start: number | undefined;
        const check = () => {
          if (start === undefined || !shows()) return;
          observer.disconnect();
          clearTimeout(timer);
          const begun = start;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - begun);
            channel.port2.postMessage(null);
          });
        };
        const observer = new MutationObserver(check);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('the table never showed the new grouping'));
        }, timeoutMs);
        select.addEventListener(
          'change',
          (event) => {
            start = event.timeStamp;
            // React may have committed inside the change event already.
            queueMicrotask(check);
          },
          { once: true, capture: true },
        );
        observer.observe(body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    },
    { label: groupBy === '' ? null : GROUP_LABELS[groupBy], timeoutMs: PROBE_TIMEOUT_MS },
  );
}

const probeResult = (page: Page): Promise<number> => page.evaluate(() => window.__benchTable ?? Promise.reject(new Error('no probe armed')));

/** Rows in the table now; run on a page whose /servers list is complete. */
export async function tableRows(page: Page): Promise<number> {
  // aria-rowcount counts the header row too.
  return Number((await page.locator('table[aria-label="Servers"]').getAttribute('aria-rowcount')) ?? 1) - 1;
}

/** Keystroke-to-rows-updated times, one per keystroke. */
export async function measureFilter(page: Page): Promise<number[]> {
  const samples: number[] = [];
  await page.getByRole('searchbox', { name: 'Filter servers' }).click({ timeout: PROBE_TIMEOUT_MS });
  for (const key of FILTER_KEYS) {
    await armFilterProbe(page);
    await page.keyboard.press(key);
    samples.push(await probeResult(page));
  }
  return samples;
}

/** Group-by-to-table-regrouped times, one per grouping. */
export async function measureGroup(page: Page): Promise<number[]> {
  const samples: number[] = [];
  const select = page.getByRole('combobox', { name: 'Group by' });
  for (const groupBy of GROUP_ORDER) {
    await armGroupProbe(page, groupBy);
    // A busy main thread (a large fleet refreshing) delays Playwright's actionability checks too.
    await select.selectOption(groupBy, { timeout: PROBE_TIMEOUT_MS });
    samples.push(await probeResult(page));
  }
  return samples;
}
