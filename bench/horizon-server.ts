import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from './processes.ts';

/** Where Debian's openstack-dashboard puts the static files it compresses at install time. */
const DEBIAN_STATIC_ROOT = '/var/lib/openstack-dashboard/static';

export interface HorizonServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's Horizon under Debian's uWSGI on loopback, as a small deployment
 * serves it: the WSGI app and its static files from one server. One process
 * with four threads, because sessions live in a local-memory cache.
 */
export async function startHorizon(cwd: string, options: { port: number; keystoneUrl: string }): Promise<HorizonServer> {
  const dir = await mkdtemp(join(tmpdir(), 'archipelago-bench-horizon-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    for (const file of ['archipelago_horizon_settings.py', 'wsgi.py']) await copyFile(join(cwd, 'bench', 'horizon', file), join(dir, file));
  } catch (error) {
    await removeDir();
    throw error;
  }
  const url = `http://127.0.0.1:${options.port}`;
  const uwsgi = startProcess(
    'uwsgi',
    [
      '--plugin', 'python3',
      '--http-socket', `127.0.0.1:${options.port}`,
      '--wsgi-file', join(dir, 'wsgi.py'),
      '--pythonpath', dir,
      '--env', 'DJANGO_SETTINGS_MODULE=archipelago_horizon_settings',
      '--static-map', `/static=${DEBIAN_STATIC_ROOT}`,
      '--master',
      // uWSGI reloads on SIGTERM unless told otherwise; the bench stops its children with SIGTERM.
      '--die-on-term',
      '--processes', '1',
      '--threads', '4',
      '--enable-threads',
      '--disable-logging',
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        ARCHIPELAGO_HORIZON_KEYSTONE_URL: options.keystoneUrl,
        // A fresh key per run: sessions signed by one run mean nothing to the next.
        ARCHIPELAGO_HORIZON_SECRET_KEY: randomBytes(32).toString('hex'),
      },
    },
  );
  const stop = async () => {
    await uwsgi.stop();
    await removeDir();
  };
  try {
    await waitForLoginPage(url, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Django loads lazily: the first request is the one that proves Horizon runs. */
async function waitForLoginPage(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`${url}/auth/login/`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Horizon did not serve its login page within ${timeoutMs} ms (${last})`);
}
