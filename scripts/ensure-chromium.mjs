#!/usr/bin/env node
// Playwright cannot download its own browsers on these machines, so the e2e
// suite drives Debian's Chromium. This makes sure it is there before the run.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium was not found at ${CHROMIUM}.\n` +
      'Install Debian\'s package "chromium" (sudo apt-get install chromium), ' +
      'or set CHROMIUM_PATH to a Chromium binary, then run the tests again.',
  );
  process.exit(1);
}

console.log('Installing Debian package "chromium" for the e2e tests…');
const apt = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
apt(['update']);
apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);

if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
