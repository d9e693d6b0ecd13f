import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FleetSpec } from '../fleet-spec.ts';
import type { SimCloudInfo } from '../sim-fleet.ts';
import { createSimFleet } from '../sim-fleet.ts';

/**
 * The simulated fleet on real loopback HTTP: one server (one origin) per
 * cloud, so browsers apply their real per-origin connection limits.
 */
export interface ServeOptions {
  host: '127.0.0.1';
  basePort: number;
}

export interface SimFleetServer {
  clouds(): SimCloudInfo[];
  origins: string[];
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function serveSimFleet(spec: FleetSpec | string, options: ServeOptions): Promise<SimFleetServer> {
  const { host, basePort } = options;
  const sim = createSimFleet(spec, { originFor: (_name, index) => `http://${host}:${basePort + index}` });
  const origins = sim.origins();
  const servers: Server[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  };
  try {
    for (const origin of origins) {
      const server = createServer((req, res) => {
        sim
          .handle(toRequest(req, origin))
          .then((response) => (response ? send(res, response) : send(res, new Response(null, { status: 404 }))))
          .catch(() => {
            // A `down` cloud (or a failure mid-stream): drop the connection like a dead host would.
            req.socket.destroy();
          });
      });
      servers.push(server);
      await listen(server, Number(new URL(origin).port), host);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { clouds: () => sim.clouds(), origins, close };
}
