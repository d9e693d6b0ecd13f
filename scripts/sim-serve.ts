import { parseArgs } from 'node:util';
import { DEFAULT_FLEET_SPEC } from '../src/sim/fleet-spec.ts';
import { serveSimFleet } from '../src/sim/node/serve-sim-fleet.ts';

/** Usage: tsx scripts/sim-serve.ts --spec 'regional=1x3,sites=6' --port 5300 */
const { values } = parseArgs({
  options: {
    spec: { type: 'string', default: DEFAULT_FLEET_SPEC },
    port: { type: 'string', default: '5300' },
  },
});

const basePort = Number(values.port);
if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65535) {
  process.stderr.write(`sim-serve: --port must be a TCP port, got ${values.port}\n`);
  process.exit(2);
}

const fleet = await serveSimFleet(values.spec, { host: '127.0.0.1', basePort });
const clouds = fleet.clouds().map((c) => ({
  name: c.name,
  authUrl: c.authUrl,
  username: c.username,
  password: c.password,
  project: c.projectName,
  regions: c.regions,
}));
process.stdout.write(`${JSON.stringify({ spec: values.spec, clouds })}\n`);

const stop = (): void => {
  void fleet.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
