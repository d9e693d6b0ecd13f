import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile, chmod } from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * The tools operators use today, from Debian's packages, which the bench
 * measures Archipelago against. Each is known by a file its package installs.
 */
export const PEERS = {
  cli: { file: '/usr/bin/openstack', packages: ['python3-openstackclient'] },
  horizon: {
    file: '/usr/lib/python3/dist-packages/openstack_dashboard/settings.py',
    packages: ['openstack-dashboard'],
  },
  uwsgi: { file: '/usr/lib/uwsgi/plugins/python3_plugin.so', packages: ['uwsgi-core', 'uwsgi-plugin-python3'] },
} as const;

export type Peer = keyof typeof PEERS;

/** Peers present after the install, and why the others are not. */
export interface PeerInstall {
  present: Set<Peer>;
  /** Why a missing peer could not be installed; undefined when nothing is missing. */
  reason?: string;
}

const run = promisify(execFile);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Installs the missing peers with apt-get, as root only (as
 * scripts/ensure-system-packages.mjs does for the e2e suite). Without root, or
 * when apt fails, the run goes on and the peers' figures say why they are null.
 */
export async function installPeers(log: (line: string) => void): Promise<PeerInstall> {
  const peers = Object.keys(PEERS) as Peer[];
  const missing = () => peers.filter((peer) => !existsSync(PEERS[peer].file));
  const present = () => new Set(peers.filter((peer) => existsSync(PEERS[peer].file)));
  const absent = missing();
  if (absent.length === 0) return { present: present() };
  const packages = absent.flatMap((peer) => PEERS[peer].packages);
  if (!isRoot()) return { present: present(), reason: `not installed and not root: sudo apt-get install ${packages.join(' ')}` };
  // Keeps apt from starting any service it installs (nothing of the peers must listen beyond loopback).
  const policy = '/usr/sbin/policy-rc.d';
  if (!existsSync(policy)) {
    await writeFile(policy, '#!/bin/sh\nexit 101\n');
    await chmod(policy, 0o755);
  }
  log(`installing the peers from Debian's packages: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update'], { env, maxBuffer: 64 * 1024 * 1024 });
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(-3).join(' ') : String(error);
    return { present: present(), reason: `apt-get install ${packages.join(' ')} failed: ${reason}` };
  }
  const still = missing();
  return still.length === 0 ? { present: present() } : { present: present(), reason: `apt-get finished but ${still.map((peer) => PEERS[peer].file).join(', ')} is missing` };
}
