import { parseFleetSpec } from '../src/sim/fleet-spec.ts';
import { generateFleet } from '../src/sim/generate-fleet.ts';
import type { FloorCloud } from './floor.ts';
import { startProcess, waitForOutput } from './processes.ts';

/** A bench fleet: N shared-nothing clouds (one origin, one Keystone, one region each). */
export interface FleetPlan {
  clouds: number;
  serversPerCloud: number;
  latency: { mean: number; spread: number };
  /** Server time per listed server, in µs (the sim's `itemcost=`). */
  itemCostUs: number;
  seed: number;
}

export function fleetSpec(plan: FleetPlan): string {
  return `sites=${plan.clouds},servers=${plan.serversPerCloud},seed=${plan.seed},latency=${plan.latency.mean}~${plan.latency.spread},itemcost=${plan.itemCostUs}`;
}

/** What the simulator will serve, counted from the same deterministic model before it starts. */
export interface FleetFacts {
  servers: number;
  hosts: number;
  regions: number;
  floorClouds: FloorCloud[];
}

export function fleetFacts(spec: string): FleetFacts {
  const model = generateFleet(parseFleetSpec(spec));
  let servers = 0;
  let hosts = 0;
  let regions = 0;
  const floorClouds = model.clouds.map((cloud) => ({
    regionServers: cloud.regions.map((name) => {
      const region = model.region(cloud.index, name);
      servers += region.servers.length;
      hosts += region.hypervisors.length;
      regions += 1;
      return region.servers.length;
    }),
  }));
  return { servers, hosts, regions, floorClouds };
}

/** One cloud as `scripts/sim-serve.ts` prints it. */
export interface ServedCloud {
  name: string;
  authUrl: string;
  username: string;
  password: string;
  project: string;
  regions: string[];
}

/** What the simulator's HTTP servers received since the last reset, CORS preflights included. */
export interface SimStats {
  requests: number;
  preflights: number;
}

export interface RunningFleet {
  spec: string;
  basePort: number;
  clouds: ServedCloud[];
  stats(): Promise<SimStats>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The simulator's own CLI in a child process: its real HTTP servers on
 * loopback, one port per cloud, and a core of its own rather than a share of
 * the bench runner's event loop.
 */
export async function startFleet(spec: string, ports: { base: number; control: number }, cwd: string): Promise<RunningFleet> {
  const sim = startProcess(
    'node_modules/.bin/tsx',
    ['scripts/sim-serve.ts', '--spec', spec, '--port', String(ports.base), '--control-port', String(ports.control)],
    { cwd },
  );
  try {
    await waitForOutput(sim, (out) => out.includes('\n'), 120_000, `the simulator (${spec})`);
  } catch (error) {
    await sim.stop();
    throw error;
  }
  const [line = ''] = sim.stdout().split('\n');
  const printed = JSON.parse(line) as { clouds: ServedCloud[]; control: string };
  const control = async (method: 'GET' | 'POST', path: string): Promise<SimStats> => {
    const response = await fetch(`${printed.control}${path}`, { method });
    if (!response.ok) throw new Error(`the simulator's ${method} ${path} answered ${response.status}`);
    return (await response.json()) as SimStats;
  };
  return {
    spec,
    basePort: ports.base,
    clouds: printed.clouds,
    stats: async () => {
      const { requests, preflights } = await control('GET', '/__sim/stats');
      return { requests, preflights };
    },
    resetStats: async () => {
      await control('POST', '/__sim/stats/reset');
    },
    stop: () => sim.stop(),
  };
}

/** The runtime config's `clouds` mapping (clouds.yaml as JSON), as an operator would write it. */
export function cloudsYaml(clouds: readonly ServedCloud[]): Record<string, unknown> {
  return Object.fromEntries(
    clouds.map((cloud) => [
      cloud.name,
      {
        auth_type: 'v3password',
        auth: {
          auth_url: cloud.authUrl,
          username: cloud.username,
          password: cloud.password,
          user_domain_name: 'Default',
          project_name: cloud.project,
          project_domain_name: 'Default',
        },
      },
    ]),
  );
}
