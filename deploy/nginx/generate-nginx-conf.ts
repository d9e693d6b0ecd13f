/**
 * Writes the nginx.conf for a deployment from its runtime config:
 *
 *   npx tsx deploy/nginx/generate-nginx-conf.ts --config archipelago.config.json \
 *     --root "$PWD/dist" --listen 127.0.0.1:8443 --state-dir /var/lib/archipelago-nginx \
 *     [--cert cert.pem --key key.pem] [--connect-src https://keystone.example.net:5000 …] > nginx.conf
 *
 * Every response carries the Content-Security-Policy of the config (see
 * content-security-policy.ts); --connect-src adds origins of clouds the
 * operators will import on /clouds and reach directly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nginxConfForRuntimeConfig } from './nginx-conf-for-config.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    root: { type: 'string' },
    listen: { type: 'string', default: '127.0.0.1:8443' },
    'state-dir': { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'mime-types': { type: 'string' },
    'connect-src': { type: 'string', multiple: true },
  },
});

function required(name: 'config' | 'root' | 'state-dir'): string {
  const value = values[name];
  if (!value) {
    process.stderr.write(`generate-nginx-conf: --${name} is required\n`);
    process.exit(2);
  }
  return value;
}

const configPath = resolve(required('config'));
const config: unknown = JSON.parse(readFileSync(configPath, 'utf8'));
if ((values.cert === undefined) !== (values.key === undefined)) {
  process.stderr.write('generate-nginx-conf: give both --cert and --key, or neither\n');
  process.exit(2);
}
process.stdout.write(
  nginxConfForRuntimeConfig(config, {
    listen: values.listen ?? '127.0.0.1:8443',
    root: resolve(required('root')),
    stateDir: resolve(required('state-dir')),
    runtimeConfigFile: configPath,
    tls: values.cert && values.key ? { certificate: resolve(values.cert), certificateKey: resolve(values.key) } : undefined,
    mimeTypes: values['mime-types'],
    connectSrc: values['connect-src'] ?? [],
  }),
);
