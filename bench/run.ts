import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { buildApp, startPreview, writeRuntimeConfig } from './app-server.ts';
import { launchBrowser, openPage } from './browser.ts';
import { runFleet } from './fleet-run.ts';
import { measureHeap } from './measure-memory.ts';
import { stopAll } from './processes.ts';
import { writeResults, type Results, type RunRecord } from './report.ts';

const USAGE = `Usage: npm run bench -- [--quick] [--sizes 10,100,1000] [--runs N] [--servers-per-cloud N]
                        [--latency MEAN~SPREAD] [--cli-sample N] [--reuse-build]
  --quick            10 and 100 clouds, 3 runs, 2 CLI clouds sampled (a few minutes)
  (default)          10, 100 and 1,000 clouds, 5 runs, 10 CLI clouds sampled
Results: bench/results/latest.json and latest.md`;

const CWD = process.cwd();
const PREVIEW_PORT = 4187;
const SIM_BASE_PORT = 6000;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'servers-per-cloud': { type: 'string', default: '100' },
    latency: { type: 'string', default: '30~10' },
    'cli-sample': { type: 'string' },
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

const sizes = (values.sizes ?? (values.quick ? '10,100' : '10,100,1000')).split(',').map((size) => positiveInt(size, '--sizes'));
const runs = positiveInt(values.runs ?? (values.quick ? '3' : '5'), '--runs');
const cliSample = positiveInt(values['cli-sample'] ?? (values.quick ? '2' : '10'), '--cli-sample');
const serversPerCloud = positiveInt(values['servers-per-cloud'], '--servers-per-cloud');
const latencyMatch = /^(\d+)(?:~(\d+))?$/.exec(values.latency);
if (!latencyMatch) throw new Error(`--latency must be MEAN or MEAN~SPREAD in ms, got '${values.latency}'`);
const latency = { mean: Number(latencyMatch[1]), spread: Number(latencyMatch[2] ?? 0) };
if (Math.max(...sizes) > 1000) throw new Error('--sizes: at most 1,000 clouds (ports 6000–6999)');
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
  log(values['reuse-build'] ? 'build: reusing when present' : 'build: vite build');
  await buildApp(CWD, values['reuse-build']);
  const preview = await startPreview(CWD, PREVIEW_PORT);
  browser = await launchBrowser({ firstPort: SIM_BASE_PORT, count: Math.max(...sizes) });
  const baseline = await heapBaseline(preview.url, browser);
  const records: RunRecord[] = [];
  for (const clouds of sizes) {
    records.push(
      await runFleet({
        cwd: CWD,
        browser,
        previewUrl: preview.url,
        basePort: SIM_BASE_PORT,
        plan: { clouds, serversPerCloud, latency, seed: 7 },
        runs,
        cliSample,
        heapBaseline: baseline,
        log,
      }),
    );
  }
  const results: Results = {
    generated_at: new Date().toISOString(),
    mode,
    commit: await commit(),
    machine: { cpus: cpus().length, load_average_start: loadStart, load_average_end: loadavg(), chromium: browser.version(), node: process.version },
    latency: {
      mean_ms: latency.mean,
      spread_ms: latency.spread,
      per_item_cost: null,
      per_item_cost_reason: 'the simulator adds latency per request only (uniform MEAN ± SPREAD, preflights included); it has no per-server cost, so a 1,000-server page costs what an empty one does',
    },
    heap_baseline_bytes: baseline,
    preflights_reason:
      'not counted: neither Playwright request events nor the page’s CDP Network domain report CORS preflights, and the simulator has no request counter; inventory_floor_with_preflight_ms shows what they would cost',
    runs: records,
    wall_heap_growth_pct: null,
    wall_heap_growth_pct_reason: 'the wall soak comes with the wall issue (the NOC wall view is being built now)',
    horizon_vs_archipelago: null,
    horizon_vs_archipelago_reason: 'Horizon is not installed on this machine (no openstack-dashboard, no Keystone/Nova behind it to point it at)',
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
