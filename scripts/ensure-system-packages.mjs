#!/usr/bin/env node
// The e2e suite drives Debian's Chromium (Playwright cannot download its own
// browsers on these machines) and runs the console behind a real nginx. This
// makes sure both are there before the run: installed with apt-get when we
// are root, otherwise a clear message naming the packages.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const REQUIRED = [
  { binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', packages: ['chromium', 'fonts-dejavu-core'] },
  { binary: '/usr/sbin/nginx', packages: ['nginx'] },
  { binary: '/usr/bin/openssl', packages: ['openssl'] },
];

const missing = REQUIRED.filter((requirement) => !existsSync(requirement.binary));
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((requirement) => requirement.packages);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Missing for the e2e tests: ${missing.map((requirement) => requirement.binary).join(', ')}.\n` +
      `Install Debian's packages: sudo apt-get install ${packages.join(' ')}\n` +
      '(or set CHROMIUM_PATH to another Chromium binary), then run the tests again.',
  );
  process.exit(1);
}

// policy-rc.d keeps apt from starting nginx as a system service listening on every interface.
const policy = '/usr/sbin/policy-rc.d';
if (!existsSync(policy)) execFileSync('sh', ['-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod +x ${policy}`]);

console.log(`Installing Debian packages for the e2e tests: ${packages.join(' ')}`);
const apt = (args) =>
  execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
apt(['update']);
apt(['install', '-y', '--no-install-recommends', ...packages]);

const stillMissing = missing.filter((requirement) => !existsSync(requirement.binary));
if (stillMissing.length > 0) {
  console.error(`apt-get finished but these are still missing: ${stillMissing.map((r) => r.binary).join(', ')}`);
  process.exit(1);
}
