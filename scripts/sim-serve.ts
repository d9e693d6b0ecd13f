import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { DEFAULT_FLEET_SPEC } from '../src/sim/fleet-spec.ts';
import { serveSimFleet } from '../src/sim/node/serve-sim-fleet.ts';

/**
 * Usage: tsx scripts/sim-serve.ts --spec 'regional=1x3,sites=6' --port 5300 [--control-port 5299]
 *
 * With --control-port, a loopback control server answers `GET /__sim/stats`
 * (requests per cloud origin since the last reset, CORS preflights counted
 * apart) and `POST /__sim/stats/reset`. Counted at the HTTP server, so it sees
 * what no browser API reports: the preflights.
 */
const { values } = parseArgs({
  options: {
    spec: { type: 'string', default: DEFAULT_FLEET_SPEC },
    port: { type: 'string', default: '5300' },
    'control-port': { type: 'string' },
  },
});

function tcpPort(text: string, flag: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`sim-serve: ${flag} must be a TCP port, got ${text}\n`);
    process.exit(2);
  }
  return port;
}

const basePort = tcpPort(values.port, '--port');
const controlPort = values['control-port'] === undefined ? undefined : tcpPort(values['control-port'], '--control-port');

interface OriginStats {
  requests: number;
  preflights: number;
}

let stats = new Map<string, OriginStats>();
let control: Server | undefined;

if (controlPort !== undefined) {
  // Every HTTP server of this process reports its requests here, before any handler runs.
  subscribe('http.server.request.start', (message) => {
    const { request, server } = message as { request: IncomingMessage; server: Server };
    if (server === control) return;
    const origin = `http://${request.socket.localAddress ?? '127.0.0.1'}:${request.socket.localPort ?? 0}`;
    const counts = stats.get(origin) ?? { requests: 0, preflights: 0 };
    counts.requests += 1;
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) counts.preflights += 1;
    stats.set(origin, counts);
  });
}

const fleet = await serveSimFleet(values.spec, { host: '127.0.0.1', basePort });

if (controlPort !== undefined) {
  control = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/__sim/stats') {
      const byOrigin = Object.fromEntries(stats);
      const totals = [...stats.values()].reduce((sum, counts) => ({ requests: sum.requests + counts.requests, preflights: sum.preflights + counts.preflights }), {
        requests: 0,
        preflights: 0,
      });
      send(200, { ...totals, byOrigin });
    } else if (request.method === 'POST' && request.url === '/__sim/stats/reset') {
      stats = new Map();
      send(200, { requests: 0, preflights: 0, byOrigin: {} });
    } else {
      send(404, { error: 'GET /__sim/stats or POST /__sim/stats/reset' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    control?.once('error', reject).listen(controlPort, '127.0.0.1', () => resolve());
  });
}

const clouds = fleet.clouds().map((c) => ({
  name: c.name,
  authUrl: c.authUrl,
  username: c.username,
  password: c.password,
  project: c.projectName,
  regions: c.regions,
}));
process.stdout.write(`${JSON.stringify({ spec: values.spec, clouds, ...(controlPort === undefined ? {} : { control: `http://127.0.0.1:${controlPort}` }) })}\n`);

const stop = (): void => {
  control?.close();
  control?.closeAllConnections();
  void fleet.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
