import { parseFleetSpec } from '../src/sim/fleet-spec.ts';
import { generateFleet } from '../src/sim/generate-fleet.ts';
import type { FloorCloud } from './floor.ts';
import { startProcess, waitForOutput } from './processes.ts';

/** A bench fleet: N shared-nothing clouds (one origin, one Keystone, one region each). */
export interface FleetPlan {
  clouds: number;
  serversPerCloud: number;
  latency: { mean: number; spread: number };
  seed: number;
}

export function fleetSpec(plan: FleetPlan): string {
  return `sites=${plan.clouds},servers=${plan.serversPerCloud},seed=${plan.seed},latency=${plan.latency.mean}~${plan.latency.spread}`;
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

export interface RunningFleet {
  spec: string;
  basePort: number;
  clouds: ServedCloud[];
  stop(): Promise<void>;
}

/**
 * The simulator's own CLI in a child process: its real HTTP servers on
 * loopback, one port per cloud, and a core of its own rather than a share of
 * the bench runner's event loop.
 */
export async function startFleet(spec: string, basePort: number, cwd: string): Promise<RunningFleet> {
  const sim = startProcess('node_modules/.bin/tsx', ['scripts/sim-serve.ts', '--spec', spec, '--port', String(basePort)], { cwd });
  try {
    await waitForOutput(sim, (out) => out.includes('\n'), 120_000, `the simulator (${spec})`);
  } catch (error) {
    await sim.stop();
    throw error;
  }
  const [line = ''] = sim.stdout().split('\n');
  const printed = JSON.parse(line) as { clouds: ServedCloud[] };
  return { spec, basePort, clouds: printed.clouds, stop: () => sim.stop() };
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
