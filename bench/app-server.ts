import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { startProcess, waitForOutput } from './processes.ts';

/**
 * Outside the source tree's lint and git scope (node_modules is ignored by
 * both), so a build never shows up as an untracked folder or as lint errors.
 */
const WORK_DIR = 'node_modules/.cache/archipelago-bench';
export const BUILD_DIR = `${WORK_DIR}/build`;
/**
 * Served by the preview server (ARCHIPELAGO_CONFIG, read on every request), so
 * each fleet gets its config without Playwright request interception, which
 * would put every one of the fleet's requests through the bench process.
 */
const CONFIG_FILE = `${WORK_DIR}/archipelago.config.json`;

export async function buildApp(cwd: string, reuse: boolean): Promise<void> {
  if (reuse && existsSync(join(cwd, BUILD_DIR, 'index.html'))) return;
  await promisify(execFile)('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', BUILD_DIR, '--emptyOutDir'], {
    cwd,
    maxBuffer: 16 * 1024 * 1024,
  });
}

export async function writeRuntimeConfig(cwd: string, config: unknown): Promise<void> {
  const file = join(cwd, CONFIG_FILE);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(config));
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** `vite preview` of the production build, the way the e2e suite serves it. */
export async function startPreview(cwd: string, port: number): Promise<Preview> {
  await writeRuntimeConfig(cwd, { clouds: {} });
  const preview = startProcess(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', BUILD_DIR],
    { cwd, env: { ...process.env, ARCHIPELAGO_CONFIG: CONFIG_FILE } },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOutput(preview, (out) => out.includes(url), 60_000, 'vite preview');
  } catch (error) {
    await preview.stop();
    throw error;
  }
  return { url, stop: () => preview.stop() };
}
