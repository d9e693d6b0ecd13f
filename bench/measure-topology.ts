import type { Page } from '@playwright/test';
import type { BenchPage } from './browser.ts';

export interface TopologySample {
  /** Navigation start to the first graph node in the DOM. */
  firstPaintMs: number;
  /** Navigation start to every cloud answered and no layout running; null when that did not happen in time. */
  completeMs: number | null;
  /** The last layout's run ("Laying out…" shown to hidden), or null when none was ever visible. */
  layoutMs: number | null;
  /** Nodes xyflow put in the DOM at the end (it renders only those in view). */
  nodesRendered: number;
  /** requestAnimationFrame intervals during the scripted pan and zoom. */
  frameMs: number[];
}

interface TopologyProbe {
  firstNodeAt?: number;
  layouts: { start: number; end?: number }[];
  waitingSeen: boolean;
  waitingGoneAt?: number;
}

declare global {
  interface Window {
    __benchTopology?: TopologyProbe;
    __benchFrames?: { times: number[]; running: boolean };
  }
}

/** Nothing new may start for this long before the graph counts as complete. */
const QUIET_MS = 1_000;

/** Runs in the page too (page.waitForFunction), so it refers to nothing outside itself. */
function done(probe: TopologyProbe | undefined): boolean {
  return probe?.firstNodeAt !== undefined && probe.waitingGoneAt !== undefined && probe.layouts.every((layout) => layout.end !== undefined);
}

export async function measureTopology(bench: BenchPage, timeoutMs: number): Promise<TopologySample> {
  const { page } = bench;
  await page.addInitScript(() => {
    const probe: TopologyProbe = { layouts: [], waitingSeen: false };
    window.__benchTopology = probe;
    new MutationObserver(() => {
      const now = performance.now();
      if (probe.firstNodeAt === undefined && document.querySelector('.react-flow__node')) probe.firstNodeAt = now;
      const laying = document.querySelector('[role="toolbar"][aria-label="Topology tools"] [role="status"]')?.textContent === 'Laying out…';
      const open = probe.layouts.at(-1);
      if (laying && (open === undefined || open.end !== undefined)) probe.layouts.push({ start: now });
      if (!laying && open !== undefined && open.end === undefined) open.end = now;
      const waiting = [...document.querySelectorAll('p[role="status"]')].some((p) => (p.textContent ?? '').startsWith('Waiting for '));
      if (waiting) {
        probe.waitingSeen = true;
        probe.waitingGoneAt = undefined;
      } else if (probe.waitingSeen && probe.waitingGoneAt === undefined) probe.waitingGoneAt = now;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('/topology');
  // A graph that never settles (a large fleet still answering, or refreshing) still has a first paint and frames to measure.
  const settled = await waitUntilQuiet(page, timeoutMs);
  const probe = await page.evaluate(() => window.__benchTopology);
  if (!probe || probe.firstNodeAt === undefined) throw new Error(`no graph node within ${timeoutMs} ms`);
  const finished = probe.layouts.filter((layout) => layout.end !== undefined);
  const last = finished.at(-1);
  return {
    firstPaintMs: probe.firstNodeAt,
    completeMs: settled && probe.waitingGoneAt !== undefined ? Math.max(probe.waitingGoneAt, last?.end ?? 0) : null,
    layoutMs: last?.end !== undefined ? last.end - last.start : null,
    nodesRendered: await page.locator('.react-flow__node').count(),
    frameMs: await panAndZoom(page),
  };
}

/** True once the graph is complete and stayed so for QUIET_MS; false at the deadline. */
async function waitUntilQuiet(page: Page, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await page.waitForFunction(`(${done.toString()})(window.__benchTopology)`, undefined, { timeout: Math.max(1, deadline - Date.now()), polling: 200 });
    } catch {
      return false;
    }
    const before = await page.evaluate(() => window.__benchTopology?.layouts.length);
    await page.waitForTimeout(QUIET_MS);
    const after = await page.evaluate(() => window.__benchTopology);
    if (done(after) && after?.layouts.length === before) return true;
  }
  return false;
}

/** Wheel in, drag across, wheel out over the graph while the page records every animation frame. */
async function panAndZoom(page: Page): Promise<number[]> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no graph pane to pan');
  const x = pane.x + pane.width / 2;
  const y = pane.y + pane.height / 2;
  await page.mouse.move(x, y);
  await page.evaluate(() => {
    const frames = { times: [] as number[], running: true };
    window.__benchFrames = frames;
    const tick = (time: number) => {
      frames.times.push(time);
      if (frames.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let step = 0; step < 8; step += 1) await page.mouse.wheel(0, -150);
  await page.mouse.down();
  for (let step = 1; step <= 30; step += 1) await page.mouse.move(x - step * 12, y - step * 6);
  await page.mouse.up();
  for (let step = 0; step < 12; step += 1) await page.mouse.wheel(0, 150);
  const times = await page.evaluate(() => {
    const frames = window.__benchFrames;
    if (!frames) return [];
    frames.running = false;
    return frames.times;
  });
  return times.slice(1).map((time, index) => time - (times[index] as number));
}
