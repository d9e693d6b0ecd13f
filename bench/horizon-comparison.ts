import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { labCloud, type LabCloud } from '../src/contract/lab-json.ts';
import { readLabJson } from '../src/contract/node/read-lab-json.ts';
import { writeRuntimeConfig } from './app-server.ts';
import { startHorizon } from './horizon-server.ts';
import { timeHorizon, type HorizonSample } from './measure-horizon.ts';
import { timeLabInventory, type LabInventorySample } from './measure-lab-inventory.ts';
import type { PeerInstall } from './peers.ts';
import { percentile, round, spread } from './stats.ts';

/** The real lab's cloud with several regions behind one Keystone: Horizon's one-region-at-a-time view has to switch. */
const LAB_CLOUD = 'lab-a';
const START_LAB = 'start the lab with `sudo scripts/openstack-lab/up.sh` (root; see scripts/openstack-lab/README.md)';

export interface HorizonComparisonOptions {
  cwd: string;
  browser: Browser;
  previewUrl: string;
  horizonPort: number;
  runs: number;
  peers: PeerInstall;
  log: (line: string) => void;
}

export interface HorizonComparison {
  cloud: string;
  regions: string[];
  runs: number;
  horizon_version: string | null;
  horizon_ms: number;
  horizon_ms_min: number;
  horizon_ms_max: number;
  horizon_page_loads: number | null;
  horizon_servers_seen: number | null;
  archipelago_ms: number;
  archipelago_ms_min: number;
  archipelago_ms_max: number;
  archipelago_servers_seen: number | null;
  /** Archipelago ÷ Horizon (medians): below 1 means Archipelago shows everything sooner. */
  ratio: number;
}

export type ComparisonOutcome = { comparison: HorizonComparison } | { reason: string };

/** The lab's description, if it is up and its Keystone answers. */
async function liveLabCloud(): Promise<LabCloud | string> {
  let cloud: LabCloud;
  try {
    cloud = labCloud(readLabJson(), LAB_CLOUD);
  } catch (error) {
    return `the OpenStack lab is not up (${error instanceof Error ? error.message.split(':')[0] : String(error)}): ${START_LAB}`;
  }
  try {
    const response = await fetch(cloud.auth_url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return `${LAB_CLOUD}'s Keystone (${cloud.auth_url}) answered ${response.status}: ${START_LAB}`;
  } catch {
    return `${LAB_CLOUD}'s Keystone (${cloud.auth_url}) does not answer: ${START_LAB}`;
  }
  return cloud;
}

async function horizonVersion(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('dpkg-query', ['-W', '-f', '${Version}', 'openstack-dashboard']);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/**
 * Horizon (Debian's openstack-dashboard) and Archipelago's production build,
 * on the same real cloud with the same user, each asked to show every server
 * of every region; alternated run by run so both see the same load.
 */
export async function compareWithHorizon(options: HorizonComparisonOptions): Promise<ComparisonOutcome> {
  const { cwd, browser, previewUrl, horizonPort, runs, peers, log } = options;
  if (!peers.present.has('horizon') || !peers.present.has('uwsgi')) return { reason: `Horizon is not installed: ${peers.reason ?? 'unknown'}` };
  const cloud = await liveLabCloud();
  if (typeof cloud === 'string') return { reason: cloud };
  const user = cloud.credentials.demo;
  log(`Horizon vs Archipelago on ${LAB_CLOUD} (${cloud.regions.join(', ')}), user ${user.username}, ${runs} run(s)`);
  const horizon = await startHorizon(cwd, { port: horizonPort, keystoneUrl: cloud.auth_url });
  const horizonSamples: HorizonSample[] = [];
  const archipelagoSamples: LabInventorySample[] = [];
  try {
    // As an operator would configure it: the demo user's password, every region of the catalog.
    await writeRuntimeConfig(cwd, {
      clouds: {
        [LAB_CLOUD]: {
          auth_type: 'v3password',
          auth: {
            auth_url: cloud.auth_url,
            username: user.username,
            password: user.password,
            user_domain_name: user.user_domain_name,
            project_name: user.project_name,
            project_domain_name: user.project_domain_name,
          },
        },
      },
    });
    for (let run = 1; run <= runs; run += 1) {
      const seen = await timeHorizon(browser, horizon.url, user, cloud.regions);
      horizonSamples.push(seen);
      const listed = await timeLabInventory(browser, previewUrl, cloud.regions.length, 60_000);
      archipelagoSamples.push(listed);
      log(`  run ${run}/${runs}: Horizon ${Math.round(seen.ms)} ms (${seen.pageLoads} page loads, ${seen.servers} rows), Archipelago ${Math.round(listed.ms)} ms (${listed.servers} rows)`);
    }
  } finally {
    await horizon.stop();
    // The lab user's password does not stay on disk after the runs that needed it.
    await writeRuntimeConfig(cwd, { clouds: {} });
  }
  const horizonMs = spread(horizonSamples.map((sample) => sample.ms));
  const archipelagoMs = spread(archipelagoSamples.map((sample) => sample.ms));
  if (!horizonMs || !archipelagoMs) return { reason: 'no run completed' };
  return {
    comparison: {
      cloud: LAB_CLOUD,
      regions: cloud.regions,
      runs,
      horizon_version: await horizonVersion(),
      horizon_ms: round(horizonMs.median, 0),
      horizon_ms_min: round(horizonMs.min, 0),
      horizon_ms_max: round(horizonMs.max, 0),
      horizon_page_loads: percentile(horizonSamples.map((sample) => sample.pageLoads), 50) ?? null,
      horizon_servers_seen: percentile(horizonSamples.map((sample) => sample.servers), 50) ?? null,
      archipelago_ms: round(archipelagoMs.median, 0),
      archipelago_ms_min: round(archipelagoMs.min, 0),
      archipelago_ms_max: round(archipelagoMs.max, 0),
      archipelago_servers_seen: percentile(archipelagoSamples.map((sample) => sample.servers), 50) ?? null,
      ratio: round(archipelagoMs.median / horizonMs.median, 3),
    },
  };
}
