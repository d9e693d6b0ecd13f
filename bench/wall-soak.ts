import type { Browser, Page } from '@playwright/test';
import { WALL_VIEWS } from '../src/fleet/wall/wall-settings.ts';
import { writeRuntimeConfig } from './app-server.ts';
import { openPage } from './browser.ts';
import { cloudsYaml, startFleet } from './fleet.ts';
import { trackInFlight } from './in-flight.ts';
import { measureHeap } from './measure-memory.ts';
import { soakGrowth } from './soak-growth.ts';
import { soakPlan } from './soak-plan.ts';
import { percentile, round } from './stats.ts';

export interface WallSoakOptions {
  cwd: string;
  browser: Browser;
  previewUrl: string;
  ports: { base: number; control: number };
  minutes: number;
  refreshSeconds: number;
  latency: { mean: number; spread: number };
  itemCostUs: number;
  log: (line: string) => void;
}

/** Clouds per state in the wall's summary bar ("Up: 40", …); states the bar does not show are left out. */
export type WallStates = Record<string, number>;

/** One sample per refresh cycle, taken after forced GCs. */
export interface SoakSample {
  /** Seconds since the soak's first cycle began. */
  at_s: number;
  heap_bytes: number;
  /** Requests the simulator received since the soak began, preflights included: proof that the wall kept refreshing. */
  requests: number;
  /** The wall's requests still open when the heap was read: 0 unless it never paused within half a refresh. */
  in_flight: number;
}

export interface WallSoak {
  spec: string;
  clouds: number;
  url: string;
  minutes: number;
  refresh_s: number;
  rotate_s: number;
  cycles: number;
  warmup_cycles: number;
  /** The wall's own health summary when the soak began and when it ended. */
  wall_states: { start: WallStates; end: WallStates };
  requests_per_cycle: number | null;
  baseline_bytes: number | null;
  end_bytes: number | null;
  growth_window: number | null;
  growth_pct: number | null;
  samples: SoakSample[];
}

/** Every seed model on one wall: three-region clouds sharing a Keystone, shared-nothing sites, edge clouds with many sites. */
const WALL_FLEET = 'regional=2x3,sites=40,edge=2x20,servers=30,seed=7';

/** No request open for this long: the refresh has landed. */
const QUIET_MS = 300;

const STATES = ['Up', 'Degraded', 'Down', 'Waiting', 'No credentials'];

async function wallStates(page: Page): Promise<WallStates> {
  const labels = await page.locator('[aria-label="Fleet health summary"] [role="group"]').evaluateAll((groups) => groups.map((group) => group.getAttribute('aria-label') ?? ''));
  const states: WallStates = {};
  for (const label of labels) {
    const [name = '', value = ''] = label.split(': ');
    if (STATES.includes(name) && /^[\d,]+$/.test(value)) states[name] = Number(value.replace(/,/g, ''));
  }
  return states;
}

/** The first refresh has reached every cloud: none is still waiting for its first answer. */
async function firstRefreshDone(page: Page, clouds: number, timeoutMs: number): Promise<void> {
  await page.getByRole('group', { name: `Clouds: ${clouds.toLocaleString('en')}`, exact: true }).waitFor({ timeout: timeoutMs });
  await page.getByRole('status', { name: 'Last refresh' }).filter({ hasText: /^Updated / }).waitFor({ timeout: timeoutMs });
  await page.waitForFunction(() => !document.querySelector('[aria-label="Fleet health summary"] [role="group"][aria-label^="Waiting: "]'), undefined, {
    timeout: timeoutMs,
    polling: 500,
  });
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/**
 * /wall on a simulated fleet for `minutes`, refreshing every `refreshSeconds`
 * and rotating its views: the main thread's JS heap after forced GCs, once
 * per refresh cycle. Growth compares the end of the warm-up with the end.
 */
export async function soakWall(options: WallSoakOptions): Promise<WallSoak> {
  const { cwd, browser, previewUrl, ports, minutes, refreshSeconds, latency, itemCostUs, log } = options;
  const spec = `${WALL_FLEET},latency=${latency.mean}~${latency.spread},itemcost=${itemCostUs}`;
  const { rotateSeconds, warmupCycles, cycles, window } = soakPlan(minutes, refreshSeconds, WALL_VIEWS.length);
  const url = `/wall?refresh=${refreshSeconds}&rotate=${rotateSeconds}`;
  const fleet = await startFleet(spec, ports, cwd);
  try {
    await writeRuntimeConfig(cwd, { clouds: cloudsYaml(fleet.clouds) });
    const wall = await openPage(browser, previewUrl);
    const inFlight = trackInFlight(wall.page);
    try {
      log(`wall soak: ${fleet.clouds.length} clouds (${spec}), ${url}, ${cycles} cycles of ${refreshSeconds} s`);
      await wall.page.goto(url);
      await firstRefreshDone(wall.page, fleet.clouds.length, 120_000);
      const statesAtStart = await wallStates(wall.page);
      await fleet.resetStats();
      const samples: SoakSample[] = [];
      const started = performance.now();
      for (let cycle = 1; cycle <= cycles; cycle += 1) {
        await sleepUntil(started + cycle * refreshSeconds * 1000);
        // Between refreshes: a refresh under way holds every answer it is parsing, megabytes that
        // are not kept. TanStack re-arms a query's interval when its fetch ends, so the wall's
        // period is the refresh plus the load, and a fixed sampling clock would drift through it.
        const open = await inFlight.settled(QUIET_MS, (refreshSeconds * 1000) / 2);
        const heap = await measureHeap(wall.cdp);
        const { requests } = await fleet.stats();
        samples.push({ at_s: round((performance.now() - started) / 1000, 1), heap_bytes: heap, requests, in_flight: open });
        if (cycle % 10 === 0 || cycle === cycles) log(`  cycle ${cycle}/${cycles}: heap ${(heap / 1e6).toFixed(1)} MB, ${requests} requests so far`);
      }
      const growth = soakGrowth(
        samples.map((sample) => sample.heap_bytes),
        warmupCycles,
        window,
      );
      const perCycle = samples.slice(1).map((sample, index) => sample.requests - (samples[index]?.requests ?? 0));
      const requestsPerCycle = percentile(perCycle, 50);
      return {
        spec,
        clouds: fleet.clouds.length,
        url,
        minutes: round((cycles * refreshSeconds) / 60, 2),
        refresh_s: refreshSeconds,
        rotate_s: rotateSeconds,
        cycles,
        warmup_cycles: warmupCycles,
        wall_states: { start: statesAtStart, end: await wallStates(wall.page) },
        requests_per_cycle: requestsPerCycle ?? null,
        baseline_bytes: growth ? Math.round(growth.baselineBytes) : null,
        end_bytes: growth ? Math.round(growth.endBytes) : null,
        growth_window: growth?.window ?? null,
        growth_pct: growth ? round(growth.growthPct, 2) : null,
        samples,
      };
    } finally {
      await wall.close();
    }
  } finally {
    await fleet.stop();
  }
}
