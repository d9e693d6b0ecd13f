import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { cloudsYaml, type ServedCloud } from './fleet.ts';

export interface CliLoop {
  /** Whole loop over every cloud; extrapolated when only a sample was run. */
  loopMs: number;
  sampledClouds: number;
  extrapolated: boolean;
  /** Servers the sampled runs listed (checks the CLI saw what the browser saw). */
  sampledServers: number;
  perCloudMs: number[];
}

const run = promisify(execFile);

/**
 * What an operator without Archipelago does: `openstack server list` for each
 * cloud, one after the other. `--all-projects` so it lists what the console
 * lists for an admin.
 */
export async function measureCliLoop(clouds: readonly ServedCloud[], sample: number): Promise<CliLoop> {
  const dir = await mkdtemp(join(tmpdir(), 'archipelago-bench-cli-'));
  try {
    const file = join(dir, 'clouds.yaml');
    await writeFile(file, stringify({ clouds: cloudsYaml(clouds) }));
    // Only this file: no OS_* variable or ~/.config/openstack of the machine may change what is measured.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, OS_CLIENT_CONFIG_FILE: file };
    const sampled = clouds.slice(0, Math.max(1, Math.min(sample, clouds.length)));
    const perCloudMs: number[] = [];
    let sampledServers = 0;
    for (const cloud of sampled) {
      const started = performance.now();
      const { stdout } = await run('openstack', ['--os-cloud', cloud.name, 'server', 'list', '--long', '--all-projects', '-f', 'json'], {
        env,
        maxBuffer: 256 * 1024 * 1024,
        timeout: 600_000,
      });
      perCloudMs.push(performance.now() - started);
      sampledServers += (JSON.parse(stdout) as unknown[]).length;
    }
    const measured = perCloudMs.reduce((sum, ms) => sum + ms, 0);
    const extrapolated = sampled.length < clouds.length;
    return {
      loopMs: extrapolated ? (measured / sampled.length) * clouds.length : measured,
      sampledClouds: sampled.length,
      extrapolated,
      sampledServers,
      perCloudMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
