import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { buildApp, startPreview, writeRuntimeConfig } from './app-server.ts';
import { launchBrowser, openPage } from './browser.ts';
import { runFleet } from './fleet-run.ts';
import { compareWithHorizon, type ComparisonOutcome } from './horizon-comparison.ts';
import { measureHeap } from './measure-memory.ts';
import { installPeers } from './peers.ts';
import { stopAll } from './processes.ts';
import { writeResults, type Results, type RunRecord } from './report.ts';
import { soakWall, type WallSoak } from './wall-soak.ts';

const USAGE = `Usage: npm run bench -- [--quick] [--sizes 10,100,1000] [--runs N] [--servers-per-cloud N]
                        [--latency MEAN~SPREAD] [--item-cost µs] [--cli-sample N] [--soak-minutes N]
                        [--horizon-runs N] [--reuse-build]
  --quick            10 and 100 clouds, 3 runs, 2 CLI clouds sampled, a 1-minute wall soak, 1 Horizon run (under 3 minutes)
  (default)          10, 100 and 1,000 clouds, 5 runs, 10 CLI clouds sampled, a 30-minute wall soak, 3 Horizon runs
  --soak-minutes 0   skips the wall soak; --horizon-runs 0 skips Horizon
Results: bench/results/latest.json and latest.md`;

const CWD = process.cwd();
/** The real lab's CORS allows this origin (the Horizon comparison calls the lab from the browser). */
const PREVIEW_PORT = 4873;
/**
 * One port per simulated cloud from here (at most 1,000): below Linux's
 * ephemeral range (32768–60999), where any outgoing connection of the machine
 * may hold a port and a thousand listeners would sooner or later meet one.
 */
const SIM_BASE_PORT = 6000;
/** Single ports, in the range this machine's benchmark was given. */
const SIM_CONTROL_PORT = 39900;
const HORIZON_PORT = 39500;
/**
 * µs of server time per listed server. Nova's servers/detail on the real lab
 * (Zed, sqlite, this 2-core machine) measured about 3 ms per server; 1 ms is a
 * production Nova on MySQL, conservatively: a 1,000-server page costs 1 s.
 */
const DEFAULT_ITEM_COST_US = 1000;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'servers-per-cloud': { type: 'string', default: '100' },
    latency: { type: 'string', default: '30~10' },
    'item-cost': { type: 'string', default: String(DEFAULT_ITEM_COST_US) },
    'cli-sample': { type: 'string' },
    'soak-minutes': { type: 'string' },
    'horizon-runs': { type: 'string' },
    'reuse-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function positiveInt(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer, got '${text}'`);
  return value;
}

function nonNegative(text: string, what: string, integer: boolean): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${what} must be ${integer ? 'a whole number' : 'a number'} ≥ 0, got '${text}'`);
  }
  return value;
}

const sizes = (values.sizes ?? (values.quick ? '10,100' : '10,100,1000')).split(',').map((size) => positiveInt(size, '--sizes'));
const runs = positiveInt(values.runs ?? (values.quick ? '3' : '5'), '--runs');
const cliSample = positiveInt(values['cli-sample'] ?? (values.quick ? '2' : '10'), '--cli-sample');
const serversPerCloud = positiveInt(values['servers-per-cloud'], '--servers-per-cloud');
const latencyMatch = /^(\d+)(?:~(\d+))?$/.exec(values.latency);
if (!latencyMatch) throw new Error(`--latency must be MEAN or MEAN~SPREAD in ms, got '${values.latency}'`);
const latency = { mean: Number(latencyMatch[1]), spread: Number(latencyMatch[2] ?? 0) };
const itemCostUs = nonNegative(values['item-cost'], '--item-cost', true);
const soakMinutes = nonNegative(values['soak-minutes'] ?? (values.quick ? '1' : '30'), '--soak-minutes', false);
// Refreshes close together in the short soak, so that it still has cycles enough to compare.
const soakRefreshSeconds = values.quick ? 3 : 10;
const horizonRuns = nonNegative(values['horizon-runs'] ?? (values.quick ? '1' : '3'), '--horizon-runs', true);
if (Math.max(...sizes) > 1000) throw new Error(`--sizes: at most 1,000 clouds (ports ${SIM_BASE_PORT}–${SIM_BASE_PORT + 999})`);
const mode: Results['mode'] = values.sizes || values.runs ? 'custom' : values.quick ? 'quick' : 'full';

const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

let browser: Browser | undefined;
const shutdown = async () => {
  await browser?.close().catch(() => undefined);
  await stopAll();
};
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by tsx's
  // parent), and a second signal with no listener would kill it before the servers are stopped.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping every server the bench started`);
    void shutdown().finally(() => process.exit(130));
  });
}

async function commit(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: CWD });
    return stdout.trim();
  } catch {
    return null;
  }
}

/** The app's own heap with no cloud at all, so per-row figures can leave it out. */
async function heapBaseline(previewUrl: string, active: Browser): Promise<number | null> {
  await writeRuntimeConfig(CWD, { clouds: {} });
  const bench = await openPage(active, previewUrl);
  try {
    await bench.page.goto('/servers', { waitUntil: 'networkidle' });
    return await measureHeap(bench.cdp);
  } catch (error) {
    log(`heap baseline failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const loadStart = loadavg();
  log(`bench ${mode}: sizes ${sizes.join(', ')}, ${runs} runs, latency ${latency.mean}~${latency.spread} ms, load ${loadStart.map((v) => v.toFixed(2)).join(' ')}`);
  const peers = await installPeers(log);
  if (peers.reason) log(`peers: ${peers.reason}`);
  log(values['reuse-build'] ? 'build: reusing when present' : 'build: vite build');
  await buildApp(CWD, values['reuse-build']);
  const preview = await startPreview(CWD, PREVIEW_PORT);
  browser = await launchBrowser({ firstPort: SIM_BASE_PORT, count: Math.max(...sizes) });
  const baseline = await heapBaseline(preview.url, browser);
  const ports = { base: SIM_BASE_PORT, control: SIM_CONTROL_PORT };
  const records: RunRecord[] = [];
  for (const clouds of sizes) {
    records.push(
      await runFleet({
        cwd: CWD,
        browser,
        previewUrl: preview.url,
        ports,
        plan: { clouds, serversPerCloud, latency, itemCostUs, seed: 7 },
        runs,
        cliSample,
        cliMissing: peers.present.has('cli') ? undefined : `the OpenStack CLI is not installed: ${peers.reason ?? 'unknown'}`,
        heapBaseline: baseline,
        log,
      }),
    );
  }
  let soak: WallSoak | string = 'skipped (--soak-minutes 0)';
  if (soakMinutes > 0) {
    try {
      soak = await soakWall({ cwd: CWD, browser, previewUrl: preview.url, ports, minutes: soakMinutes, refreshSeconds: soakRefreshSeconds, latency, itemCostUs, log });
      log(`wall soak: heap growth ${soak.growth_pct ?? '—'} %`);
    } catch (error) {
      soak = `the soak failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      log(soak);
    }
  }
  let horizon: ComparisonOutcome = { reason: 'skipped (--horizon-runs 0)' };
  if (horizonRuns > 0) {
    try {
      horizon = await compareWithHorizon({ cwd: CWD, browser, previewUrl: preview.url, horizonPort: HORIZON_PORT, runs: horizonRuns, peers, log });
    } catch (error) {
      horizon = { reason: `the comparison failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
    if ('reason' in horizon) log(`Horizon: ${horizon.reason}`);
  }
  const soakGrowthPct = typeof soak === 'string' ? null : soak.growth_pct;
  const results: Results = {
    generated_at: new Date().toISOString(),
    mode,
    commit: await commit(),
    machine: { cpus: cpus().length, load_average_start: loadStart, load_average_end: loadavg(), chromium: browser.version(), node: process.version },
    latency: {
      mean_ms: latency.mean,
      spread_ms: latency.spread,
      per_item_cost_us: itemCostUs,
      per_item_cost_note:
        'server time per listed server (the sim’s itemcost=), after the request’s latency; Nova on the real lab measured about 3 ms per server on this 2-core machine, and 1 ms is taken as a production Nova',
    },
    heap_baseline_bytes: baseline,
    peers: { present: [...peers.present].sort(), reason: peers.reason ?? null },
    runs: records,
    wall_heap_growth_pct: soakGrowthPct,
    wall_heap_growth_pct_reason: typeof soak === 'string' ? soak : soakGrowthPct === null ? 'too few cycles after the warm-up to compare' : null,
    wall_soak: typeof soak === 'string' ? null : soak,
    horizon_vs_archipelago: 'comparison' in horizon ? horizon.comparison.ratio : null,
    horizon_vs_archipelago_reason: 'reason' in horizon ? horizon.reason : null,
    horizon: 'comparison' in horizon ? horizon.comparison : null,
  };
  const written = await writeResults(join(CWD, 'bench', 'results'), results);
  log(`wrote ${written.json} and ${written.md}`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await shutdown();
}
