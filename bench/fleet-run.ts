import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { writeRuntimeConfig } from './app-server.ts';
import { openPage } from './browser.ts';
import { measureCliLoop, type CliLoop } from './cli-peer.ts';
import { cloudsYaml, fleetFacts, fleetSpec, startFleet, type FleetPlan, type SimStats } from './fleet.ts';
import { BROWSER_LIMITS, inventoryFloor, NOVA_PAGE_SIZE } from './floor.ts';
import { measureInventory, type InventorySample } from './measure-inventory.ts';
import { measureHeap } from './measure-memory.ts';
import { measureFilter, measureGroup, tableRows } from './measure-table.ts';
import { measureTopology, type TopologySample } from './measure-topology.ts';
import type { Missing, RunRecord } from './report.ts';
import { percentile, present, round, spread } from './stats.ts';

export interface FleetRunOptions {
  cwd: string;
  browser: Browser;
  previewUrl: string;
  ports: { base: number; control: number };
  plan: FleetPlan;
  runs: number;
  cliSample: number;
  /** Why the CLI loop cannot run (its package is missing), if it cannot. */
  cliMissing?: string;
  heapBaseline: number | null;
  log: (line: string) => void;
}

interface Sample {
  inventory?: InventorySample;
  /** What the simulator received during the inventory, preflights included. */
  simulator?: SimStats;
  heap?: number;
  rows?: number;
  filterMs?: number[];
  groupMs?: number[];
  topology?: TopologySample;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error));

/** One fleet size: the simulator up, `runs` fresh pages for /servers and /topology, the CLI loop, the simulator down. */
export async function runFleet(options: FleetRunOptions): Promise<RunRecord> {
  const { cwd, browser, previewUrl, ports, plan, runs, log } = options;
  const basePort = ports.base;
  const spec = fleetSpec(plan);
  const facts = fleetFacts(spec);
  const floorOptions = { latencyMs: plan.latency.mean, itemCostMs: plan.itemCostUs / 1000, pageSize: NOVA_PAGE_SIZE, ...BROWSER_LIMITS };
  const floor = inventoryFloor(facts.floorClouds, { ...floorOptions, roundTripsPerRequest: 1 });
  const floorWithPreflight = inventoryFloor(facts.floorClouds, { ...floorOptions, roundTripsPerRequest: 2 });
  const loadStart = loadavg()[0] ?? 0;
  const missing: Missing[] = [];
  const failures = new Map<string, string>();
  const attempt = async <T>(figure: string, measure: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await measure();
    } catch (error) {
      log(`  ${figure} failed: ${reasonOf(error)}`);
      failures.set(figure, reasonOf(error));
      return undefined;
    }
  };

  // Generous: a loaded machine may be many times slower than the floor, but a run never hangs forever.
  const timeoutMs = 120_000 + plan.clouds * 600;
  // Shorter: a topology that does not settle still gives its first paint and frames, and waiting costs every run.
  const topologyTimeoutMs = 60_000 + plan.clouds * 180;
  log(`${plan.clouds} clouds, ${facts.servers} servers, ${facts.hosts} hosts: ${spec}`);
  const fleet = await startFleet(spec, ports, cwd);
  const samples: Sample[] = [];
  let cli: CliLoop | undefined;
  try {
    await writeRuntimeConfig(cwd, { clouds: cloudsYaml(fleet.clouds) });
    for (let run = 1; run <= runs; run += 1) {
      const sample: Sample = {};
      const servers = await openPage(browser, previewUrl);
      try {
        await fleet.resetStats();
        sample.inventory = await attempt('inventory', () => measureInventory(servers, { basePort, servers: facts.servers, clouds: plan.clouds }, timeoutMs));
        if (sample.inventory) {
          sample.simulator = await attempt('preflights', () => fleet.stats());
          sample.heap = await attempt('heap', () => measureHeap(servers.cdp));
          sample.rows = await attempt('table', () => tableRows(servers.page));
          sample.filterMs = await attempt('filter', () => measureFilter(servers.page));
          sample.groupMs = await attempt('group', () => measureGroup(servers.page));
        }
      } finally {
        await servers.close();
      }
      const topology = await openPage(browser, previewUrl);
      try {
        sample.topology = await attempt('topology', () => measureTopology(topology, topologyTimeoutMs));
      } finally {
        await topology.close();
      }
      samples.push(sample);
      log(
        `  run ${run}/${runs}: first row ${fmt(sample.inventory?.firstRowMs)}, complete ${fmt(sample.inventory?.completeMs)}, ` +
          `filter p95 ${fmt(percentile(sample.filterMs ?? [], 95))}, topology first paint ${fmt(sample.topology?.firstPaintMs)}`,
      );
    }
    if (options.cliMissing !== undefined) failures.set('cli', options.cliMissing);
    else cli = await attempt('cli', () => measureCliLoop(fleet.clouds, options.cliSample));
    if (cli) log(`  CLI loop ${fmt(cli.loopMs)}${cli.extrapolated ? ` (extrapolated from ${cli.sampledClouds} clouds)` : ''}`);
  } finally {
    await fleet.stop();
  }

  const inventories = present(samples.map((s) => s.inventory));
  const boot = spread(present(inventories.map((s) => s.bootMs)));
  const firstData = spread(inventories.map((s) => s.firstDataMs));
  const firstRow = spread(inventories.map((s) => s.firstRowMs));
  const complete = spread(inventories.map((s) => s.completeMs));
  const requests = percentile(inventories.map((s) => s.requests), 50);
  const atSimulator = present(samples.map((s) => s.simulator));
  const preflights = percentile(atSimulator.map((s) => s.preflights), 50);
  const requestsWithPreflights = percentile(atSimulator.map((s) => s.requests), 50);
  const bytes = percentile(inventories.map((s) => s.bytes), 50);
  const heap = percentile(present(samples.map((s) => s.heap)), 50);
  const rows = present(samples.map((s) => s.rows));
  const filterMs = present(samples.map((s) => s.filterMs)).flat();
  const groupMs = present(samples.map((s) => s.groupMs)).flat();
  const topologies = present(samples.map((s) => s.topology));
  const firstPaint = spread(topologies.map((t) => t.firstPaintMs));
  const layouts = present(topologies.map((t) => t.layoutMs));
  const frames = topologies.flatMap((t) => t.frameMs);
  // The p95 of each run, so the spread over runs sits beside the p95 over every sample.
  const runP95 = (series: readonly (readonly number[])[]) => spread(present(series.map((values) => percentile(values, 95))));
  const filterP95 = runP95(present(samples.map((s) => s.filterMs)));
  const groupP95 = runP95(present(samples.map((s) => s.groupMs)));
  const frameP95 = runP95(topologies.map((t) => t.frameMs));
  const layoutSpread = spread(layouts);
  const heapPerServer = spread(present(samples.map((s) => s.heap)).map((bytes) => bytes / facts.servers));
  const or = (value: number | undefined, digits = 1) => (value === undefined ? null : round(value, digits));

  const note = (figure: string, value: unknown, reason: string) => {
    if (value === undefined) missing.push({ figure, reason: failures.get(figure) ?? reason });
  };
  note('inventory', complete, 'no run completed');
  note('heap', heap, 'no run measured it (it needs a complete inventory)');
  note('filter', percentile(filterMs, 50), 'no run measured it (it needs a complete inventory)');
  note('group', percentile(groupMs, 50), 'no run measured it (it needs a complete inventory)');
  note('topology', firstPaint, 'no run completed');
  if (topologies.length > 0) note('topology complete', percentile(present(topologies.map((t) => t.completeMs)), 50), `not complete within ${topologyTimeoutMs} ms`);
  if (topologies.length > 0) note('topology layout', layouts[0], 'no layout was slow enough for its “Laying out…” status to be rendered');
  note('cli', cli, 'not run');
  note('preflights', preflights, 'no run read the simulator’s counters (they need a complete inventory)');

  return {
    clouds: plan.clouds,
    servers: facts.servers,
    hosts: facts.hosts,
    spec,
    runs,
    boot_ms: or(boot?.median),
    first_data_ms: or(firstData?.median),
    first_row_ms: or(firstRow?.median),
    first_row_ms_min: or(firstRow?.min),
    first_row_ms_max: or(firstRow?.max),
    inventory_complete_ms: or(complete?.median),
    inventory_complete_ms_min: or(complete?.min),
    inventory_complete_ms_max: or(complete?.max),
    inventory_floor_ms: round(floor.floorMs),
    // Computed from the plan, the same for every run.
    inventory_floor_ms_min: round(floor.floorMs),
    inventory_floor_ms_max: round(floor.floorMs),
    inventory_floor_with_preflight_ms: round(floorWithPreflight.floorMs),
    inventory_floor_bound: floor.floorMs === floor.chainMs ? 'chain' : floor.floorMs === floor.originMs ? 'origin' : 'global',
    inventory_vs_floor: complete && floor.floorMs > 0 ? round(complete.median / floor.floorMs, 2) : null,
    requests: or(requests, 0),
    requests_min: floor.requests,
    requests_by_kind: inventories[0]?.byKind ?? null,
    preflights: or(preflights, 0),
    requests_with_preflights: or(requestsWithPreflights, 0),
    bytes: or(bytes, 0),
    cli_loop_ms: or(cli?.loopMs, 0),
    // One loop per fleet size: the CLI is too slow to repeat.
    cli_loop_ms_min: or(cli?.loopMs, 0),
    cli_loop_ms_max: or(cli?.loopMs, 0),
    cli_sampled_clouds: cli?.sampledClouds ?? null,
    cli_extrapolated: cli?.extrapolated ?? null,
    cli_vs_archipelago: cli && complete ? round(cli.loopMs / complete.median, 2) : null,
    table_rows: rows[0] ?? null,
    filter_p50_ms: or(percentile(filterMs, 50)),
    filter_p95_ms: or(percentile(filterMs, 95)),
    filter_p95_ms_min: or(filterP95?.min),
    filter_p95_ms_max: or(filterP95?.max),
    group_p50_ms: or(percentile(groupMs, 50)),
    group_p95_ms: or(percentile(groupMs, 95)),
    group_p95_ms_min: or(groupP95?.min),
    group_p95_ms_max: or(groupP95?.max),
    topology_first_paint_ms: or(firstPaint?.median),
    topology_first_paint_ms_min: or(firstPaint?.min),
    topology_first_paint_ms_max: or(firstPaint?.max),
    topology_complete_ms: or(percentile(present(topologies.map((t) => t.completeMs)), 50)),
    topology_layout_ms: or(percentile(layouts, 50)),
    topology_layout_ms_min: or(layoutSpread?.min),
    topology_layout_ms_max: or(layoutSpread?.max),
    topology_nodes_rendered: topologies[0]?.nodesRendered ?? null,
    topology_frame_p50_ms: or(percentile(frames, 50)),
    topology_frame_p95_ms: or(percentile(frames, 95)),
    topology_frame_p95_ms_min: or(frameP95?.min),
    topology_frame_p95_ms_max: or(frameP95?.max),
    heap_bytes: or(heap, 0),
    heap_bytes_per_server: heap === undefined ? null : round(heap / facts.servers, 0),
    heap_bytes_per_server_min: or(heapPerServer?.min, 0),
    heap_bytes_per_server_max: or(heapPerServer?.max, 0),
    heap_bytes_per_server_net: heap === undefined || options.heapBaseline === null ? null : round((heap - options.heapBaseline) / facts.servers, 0),
    load_average: [round(loadStart, 2), round(loadavg()[0] ?? 0, 2)],
    missing,
  };
}

function fmt(value: number | undefined): string {
  return value === undefined ? '—' : `${Math.round(value)} ms`;
}
