import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/fixtures/chromium.ts';

/** The e2e suite's Chromium and flags, plus those a benchmark needs. */
const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  // Hidden/occluded pages get throttled timers and rAF; a benchmark must not be.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Ports above 1024 that Chromium refuses to connect to (net/base/port_util.cc);
 * one simulated cloud per port from 6000 lands on several of them (6000 is X11).
 */
const RESTRICTED_PORTS = [1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080];

/** Chromium for the fleet served on ports [firstPort, firstPort + count). */
export function launchBrowser(fleetPorts: { firstPort: number; count: number }): Promise<Browser> {
  const { firstPort, count } = fleetPorts;
  const allowed = RESTRICTED_PORTS.filter((port) => port >= firstPort && port < firstPort + count);
  const args = allowed.length > 0 ? [...BENCH_CHROMIUM_ARGS, `--explicitly-allowed-ports=${allowed.join(',')}`] : BENCH_CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args, headless: true });
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** A fresh context per run: no HTTP cache, storage or preflight cache carried from one run to the next. */
export async function openPage(browser: Browser, baseURL: string): Promise<BenchPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1600, height: 1000 } });
  // tsx compiles the bench with esbuild's keepNames, which wraps named inner functions in
  // `__name(...)`; functions handed to page.evaluate need that helper in the page too.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, close: () => context.close() };
}
