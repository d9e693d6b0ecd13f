import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HorizonComparison } from './horizon-comparison.ts';
import type { WallSoak } from './wall-soak.ts';

/** A figure that could not be measured, and why. */
export interface Missing {
  figure: string;
  reason: string;
}

/** One fleet size; field names are the issue's. `null` figures have their reason in `missing`. */
export interface RunRecord {
  clouds: number;
  servers: number;
  hosts: number;
  spec: string;
  runs: number;
  /** Navigation start to the first request to a cloud: the app's own load and boot, before any cloud is asked. */
  boot_ms: number | null;
  /** Navigation start to the header counting some servers (data in, whether or not the table shows it yet). */
  first_data_ms: number | null;
  first_row_ms: number | null;
  first_row_ms_min: number | null;
  first_row_ms_max: number | null;
  inventory_complete_ms: number | null;
  inventory_complete_ms_min: number | null;
  inventory_complete_ms_max: number | null;
  inventory_floor_ms: number;
  /** The floor is computed from the plan: the same for every run. */
  inventory_floor_ms_min: number;
  inventory_floor_ms_max: number;
  /** The same floor with a CORS preflight round trip before every request. */
  inventory_floor_with_preflight_ms: number;
  /** Which bound sets the floor: the dependent chain, the busiest origin, or the socket pool. */
  inventory_floor_bound: 'chain' | 'origin' | 'global';
  inventory_vs_floor: number | null;
  /** Median requests to the fleet's origins per run (Playwright request events; preflights are not events). */
  requests: number | null;
  /** The minimum the APIs need (not the smallest run): see README, "The floor". */
  requests_min: number;
  requests_by_kind: Record<string, number> | null;
  /** CORS preflights the simulator answered during the inventory (median per run). */
  preflights: number | null;
  /** Every request the simulator answered during the inventory, preflights included (median per run). */
  requests_with_preflights: number | null;
  bytes: number | null;
  cli_loop_ms: number | null;
  /** One CLI loop per fleet size (it is too slow to repeat): min and max are that loop. */
  cli_loop_ms_min: number | null;
  cli_loop_ms_max: number | null;
  cli_sampled_clouds: number | null;
  cli_extrapolated: boolean | null;
  /** CLI loop ÷ Archipelago's complete inventory: how many times faster the console is. */
  cli_vs_archipelago: number | null;
  table_rows: number | null;
  filter_p50_ms: number | null;
  filter_p95_ms: number | null;
  /** The smallest and largest p95 of a single run. */
  filter_p95_ms_min: number | null;
  filter_p95_ms_max: number | null;
  group_p50_ms: number | null;
  group_p95_ms: number | null;
  group_p95_ms_min: number | null;
  group_p95_ms_max: number | null;
  topology_first_paint_ms: number | null;
  topology_first_paint_ms_min: number | null;
  topology_first_paint_ms_max: number | null;
  topology_complete_ms: number | null;
  topology_layout_ms: number | null;
  topology_layout_ms_min: number | null;
  topology_layout_ms_max: number | null;
  topology_nodes_rendered: number | null;
  topology_frame_p50_ms: number | null;
  topology_frame_p95_ms: number | null;
  topology_frame_p95_ms_min: number | null;
  topology_frame_p95_ms_max: number | null;
  heap_bytes: number | null;
  heap_bytes_per_server: number | null;
  heap_bytes_per_server_min: number | null;
  heap_bytes_per_server_max: number | null;
  /** (heap − heap of the app with no clouds) ÷ servers. */
  heap_bytes_per_server_net: number | null;
  /** 1-minute load average before the first and after the last run of this size. */
  load_average: [number, number];
  missing: Missing[];
}

export interface Results {
  generated_at: string;
  mode: 'quick' | 'full' | 'custom';
  commit: string | null;
  machine: { cpus: number; load_average_start: number[]; load_average_end: number[]; chromium: string; node: string };
  latency: { mean_ms: number; spread_ms: number; per_item_cost_us: number; per_item_cost_note: string };
  heap_baseline_bytes: number | null;
  /** Debian peers: which were there after the install, and why a missing one is missing. */
  peers: { present: string[]; reason: string | null };
  runs: RunRecord[];
  wall_heap_growth_pct: number | null;
  wall_heap_growth_pct_reason: string | null;
  wall_soak: WallSoak | null;
  /** Archipelago's time ÷ Horizon's to show every server of every region of the lab's cloud. */
  horizon_vs_archipelago: number | null;
  horizon_vs_archipelago_reason: string | null;
  horizon: HorizonComparison | null;
}

/** The issue's targets, all stated for 1,000 clouds / 100,000 servers at 30 ms. */
interface Target {
  name: string;
  goal: string;
  value: (run: RunRecord) => number | null;
  met: (value: number) => boolean;
  miss: (value: number) => string;
  format: (value: number) => string;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const times = (value: number) => `${value.toFixed(1)}×`;

const TARGETS: Target[] = [
  {
    name: 'complete inventory vs floor',
    goal: '≤ 3× floor',
    value: (run) => run.inventory_vs_floor,
    met: (value) => value <= 3,
    miss: (value) => `${(value / 3).toFixed(1)}× over the allowed 3×`,
    format: times,
  },
  {
    name: 'vs the CLI loop',
    goal: '≥ 30× faster',
    value: (run) => run.cli_vs_archipelago,
    met: (value) => value >= 30,
    miss: (value) => `${(30 / value).toFixed(1)}× short`,
    format: (value) => `${value.toFixed(1)}× faster`,
  },
  {
    name: 'first row after sign-in',
    goal: '≤ 1,000 ms',
    value: (run) => run.first_row_ms,
    met: (value) => value <= 1000,
    miss: (value) => `+${ms(value - 1000)}`,
    format: ms,
  },
  {
    name: 'filter keystroke p95',
    goal: '< 50 ms',
    value: (run) => run.filter_p95_ms,
    met: (value) => value < 50,
    miss: (value) => `+${ms(value - 50)}`,
    format: ms,
  },
  {
    name: 'group-by p95',
    goal: '< 50 ms',
    value: (run) => run.group_p95_ms,
    met: (value) => value < 50,
    miss: (value) => `+${ms(value - 50)}`,
    format: ms,
  },
  {
    name: 'topology first paint (target: 50k hosts)',
    goal: '< 2,000 ms',
    value: (run) => run.topology_first_paint_ms,
    met: (value) => value < 2000,
    miss: (value) => `+${ms(value - 2000)}`,
    format: ms,
  },
  {
    name: 'pan/zoom frame p95',
    goal: '< 33 ms',
    value: (run) => run.topology_frame_p95_ms,
    met: (value) => value < 33,
    miss: (value) => `+${ms(value - 33)}`,
    format: ms,
  },
  {
    name: 'heap per server row',
    goal: '< 2,048 B',
    value: (run) => run.heap_bytes_per_server,
    met: (value) => value < 2048,
    miss: (value) => `${(value / 2048).toFixed(1)}× the budget`,
    format: (value) => `${Math.round(value).toLocaleString('en')} B`,
  },
];

const cell = (value: number | null, format: (value: number) => string = (v) => Math.round(v).toLocaleString('en')) => (value === null ? '—' : format(value));
const rangeCell = (median: number | null, min: number | null, max: number | null) =>
  median === null ? '—' : `${cell(median)} (${cell(min)}–${cell(max)})`;

export function markdown(results: Results): string {
  const lines: string[] = [];
  lines.push(`# Archipelago fleet benchmarks (${results.mode})`);
  lines.push('');
  lines.push(
    `${results.generated_at} · commit ${results.commit ?? 'unknown'} · ${results.machine.cpus} CPUs, load average ${results.machine.load_average_start
      .map((v) => v.toFixed(1))
      .join('/')} at start, ${results.machine.load_average_end.map((v) => v.toFixed(1)).join('/')} at end · Chromium ${results.machine.chromium} · latency ${results.latency.mean_ms} ± ${results.latency.spread_ms} ms per request, ${results.latency.per_item_cost_us.toLocaleString('en')} µs per listed server`,
  );
  lines.push('');
  lines.push('Times in ms, median (min–max) over the runs; percentiles over every sample of every run.');
  lines.push('');
  lines.push(
    '| clouds | servers | runs | boot | first data | first row | complete | floor (+preflight) | ÷ floor | requests (+preflights) / min | MB | CLI loop | CLI ÷ Archipelago | rows | filter p50/p95 | group p50/p95 | topo first paint | topo layout | topo complete | frame p50/p95 | heap B/server (net) | load |',
  );
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const run of results.runs) {
    lines.push(
      `| ${run.clouds.toLocaleString('en')} | ${run.servers.toLocaleString('en')} | ${run.runs} | ${cell(run.boot_ms)} | ${cell(run.first_data_ms)} | ${rangeCell(run.first_row_ms, run.first_row_ms_min, run.first_row_ms_max)} | ${rangeCell(
        run.inventory_complete_ms,
        run.inventory_complete_ms_min,
        run.inventory_complete_ms_max,
      )} | ${cell(run.inventory_floor_ms)} (${cell(run.inventory_floor_with_preflight_ms)}) ${run.inventory_floor_bound} | ${cell(run.inventory_vs_floor, times)} | ${cell(run.requests)} (+${cell(run.preflights)}) / ${cell(run.requests_min)} | ${cell(
        run.bytes,
        (v) => (v / 1e6).toFixed(1),
      )} | ${cell(run.cli_loop_ms)}${run.cli_extrapolated ? ` (${run.cli_sampled_clouds} sampled)` : ''} | ${cell(run.cli_vs_archipelago, times)} | ${cell(run.table_rows)} | ${cell(run.filter_p50_ms)} / ${cell(
        run.filter_p95_ms,
      )} | ${cell(run.group_p50_ms)} / ${cell(run.group_p95_ms)} | ${rangeCell(run.topology_first_paint_ms, run.topology_first_paint_ms_min, run.topology_first_paint_ms_max)} | ${cell(run.topology_layout_ms)} | ${cell(
        run.topology_complete_ms,
      )} | ${cell(run.topology_frame_p50_ms)} / ${cell(run.topology_frame_p95_ms)} | ${cell(run.heap_bytes_per_server)} (${cell(run.heap_bytes_per_server_net)}) | ${run.load_average
        .map((v) => v.toFixed(1))
        .join('→')} |`,
    );
  }
  const largest = results.runs.at(-1);
  if (largest) {
    lines.push('');
    lines.push(`## Targets (stated for 1,000 clouds / 100,000 servers at 30 ms), against the largest fleet here: ${largest.clouds.toLocaleString('en')} clouds, ${largest.servers.toLocaleString('en')} servers, ${largest.hosts.toLocaleString('en')} hosts`);
    lines.push('');
    if (largest.clouds < 1000) lines.push('This fleet is smaller than the target fleet: a met target here is not yet evidence at target scale.\n');
    lines.push('| target | goal | measured | verdict |');
    lines.push('|---|---|---:|---|');
    for (const target of TARGETS) {
      const value = target.value(largest);
      const verdict = value === null ? 'not measured' : target.met(value) ? 'met' : `missed: ${target.miss(value)}`;
      lines.push(`| ${target.name} | ${target.goal} | ${value === null ? '—' : target.format(value)} | ${verdict} |`);
    }
  }
  lines.push(...wallSection(results));
  lines.push(...horizonSection(results));
  const missing = [
    ...(results.wall_heap_growth_pct === null ? [`- wall heap growth: ${results.wall_heap_growth_pct_reason ?? 'not run'}`] : []),
    ...(results.horizon_vs_archipelago === null ? [`- Horizon: ${results.horizon_vs_archipelago_reason ?? 'not run'}`] : []),
    ...results.runs.flatMap((run) => run.missing.map((entry) => `- ${run.clouds} clouds, ${entry.figure}: ${entry.reason}`)),
  ];
  if (missing.length > 0) lines.push('', '## Not measured', '', ...missing);
  lines.push('');
  return lines.join('\n');
}

const states = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([state, count]) => `${count.toLocaleString('en')} ${state.toLowerCase()}`)
    .join(', ') || 'no summary';

function wallSection(results: Results): string[] {
  const soak = results.wall_soak;
  if (!soak || results.wall_heap_growth_pct === null) return [];
  const growth = results.wall_heap_growth_pct;
  const verdict = growth < 5 ? 'met' : `missed: +${(growth - 5).toFixed(1)} points`;
  const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);
  return [
    '',
    `## Wall soak: ${soak.clouds} clouds, ${soak.minutes} min, ${soak.cycles} refresh cycles of ${soak.refresh_s} s (views rotating every ${soak.rotate_s} s)`,
    '',
    `JS heap after forced GCs, once per cycle; growth from the ${soak.warmup_cycles} warm-up cycles' end to the soak's end (means of ${soak.growth_window ?? '—'} sample${soak.growth_window === 1 ? '' : 's'} each): ${mb(soak.baseline_bytes)} → ${mb(soak.end_bytes)}, **${growth.toFixed(1)} %** (target < 5 %: ${verdict}). ${soak.requests_per_cycle ?? '—'} requests per cycle; the wall at the start: ${states(soak.wall_states.start)}, at the end: ${states(soak.wall_states.end)}. The series is in latest.json (\`wall_soak.samples\`).`,
  ];
}

function horizonSection(results: Results): string[] {
  const horizon = results.horizon;
  if (!horizon || results.horizon_vs_archipelago === null) return [];
  return [
    '',
    `## Horizon on the real lab: ${horizon.cloud} (${horizon.regions.join(', ')}), ${horizon.runs} run(s)`,
    '',
    '| | every server of every region, ms | what it took |',
    '|---|---:|---|',
    `| Horizon ${horizon.horizon_version ?? ''} | ${rangeCell(horizon.horizon_ms, horizon.horizon_ms_min, horizon.horizon_ms_max)} | sign-in, ${horizon.horizon_page_loads ?? '—'} page loads (${horizon.regions.length} region switches), ${horizon.horizon_servers_seen ?? '—'} rows |`,
    `| Archipelago | ${rangeCell(horizon.archipelago_ms, horizon.archipelago_ms_min, horizon.archipelago_ms_max)} | one page, ${horizon.archipelago_servers_seen ?? '—'} rows |`,
    '',
    `Archipelago ÷ Horizon: **${horizon.ratio.toFixed(2)}** (Archipelago ${horizon.ratio <= 1 ? `${(1 / horizon.ratio).toFixed(1)}× faster` : `${horizon.ratio.toFixed(1)}× slower`}).`,
  ];
}

/** latest.* for readers, and a dated copy so a quick run does not erase the last full one. */
export async function writeResults(dir: string, results: Results): Promise<{ json: string; md: string }> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const md = markdown(results);
  const stamp = `${results.generated_at.replace(/[:.]/g, '-')}-${results.mode}`;
  await Promise.all([
    writeFile(join(dir, 'latest.json'), json),
    writeFile(join(dir, 'latest.md'), md),
    writeFile(join(dir, `${stamp}.json`), json),
    writeFile(join(dir, `${stamp}.md`), md),
  ]);
  return { json: join(dir, 'latest.json'), md: join(dir, 'latest.md') };
}
