import type { CloudKind } from './fleet-layout.ts';
import type { Fault, FleetSpec } from './fleet-spec.ts';
import { faultsFor, parseFleetSpec } from './fleet-spec.ts';
import type { FleetModel } from './generate-fleet.ts';
import { generateFleet, SIM_PROJECT } from './generate-fleet.ts';
import { glanceVersions, handleGlance } from './glance-api.ts';
import { handleKeystone } from './keystone-api.ts';
import { handleNeutron, neutronVersions } from './neutron-api.ts';
import { handleNova, novaVersions } from './nova-api.ts';
import { handlePlacement, placementVersions } from './placement-api.ts';
import type { Prng } from './prng.ts';
import { createPrng, deriveSeed } from './prng.ts';
import type { ServiceName } from './service-errors.ts';
import { badGatewayResponse, errorResponse, unauthorizedByMiddleware } from './service-errors.ts';
import type { ServiceContext, SimCloud } from './sim-context.ts';
import { TokenStore } from './tokens.ts';
import { addCorsHeaders, preflightResponse, textResponse } from './wire-http.ts';

export interface SimCloudInfo {
  name: string;
  kind: CloudKind;
  authUrl: string;
  regions: string[];
  username: string;
  password: string;
  userDomainName: 'Default';
  projectName: string;
  projectDomainName: 'Default';
  /** Edge sites (availability zones) of an edge cloud; empty otherwise. */
  sites: string[];
  applicationCredentialId: string;
  applicationCredentialSecret: string;
}

export interface SimFleetOptions {
  /** The origin (scheme://host[:port]) that serves the cloud; one per cloud. */
  originFor(cloudName: string, index: number): string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SimFleet {
  spec: FleetSpec;
  clouds(): SimCloudInfo[];
  /** Origins of all simulated clouds, in cloud order. */
  origins(): string[];
  /** True when the URL's origin is a simulated cloud. */
  owns(url: string | URL): boolean;
  /** Answers requests to a simulated origin; undefined for any other origin. Rejects with a TypeError for a `down` cloud. */
  handle(request: Request): Promise<Response | undefined>;
  /** Replaces one cloud's faults while the fleet runs (an outage starts or clears); the data stays as it was. */
  setFaults(cloud: string, faults: readonly Fault[]): void;
}

const DEFAULT_TOKEN_LIFETIME_S = 3600;

type VersionDocuments = (root: string, path: string, request: Request, requestId: string) => Response | undefined;

const SERVICES: Record<string, { name: Exclude<ServiceName, 'identity'>; versions: VersionDocuments; handle: (ctx: ServiceContext) => Response | Promise<Response> }> = {
  compute: { name: 'compute', versions: novaVersions, handle: handleNova },
  network: { name: 'network', versions: neutronVersions, handle: handleNeutron },
  image: { name: 'image', versions: glanceVersions, handle: handleGlance },
  placement: { name: 'placement', versions: (_root, path, request, requestId) => placementVersions(path, request, requestId), handle: handlePlacement },
};

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Which service a path belongs to, so injected errors carry that service's error body. */
function serviceOf(path: string): ServiceName {
  if (path === '/identity' || path.startsWith('/identity/')) return 'identity';
  const service = path.split('/')[2] ?? '';
  return SERVICES[service]?.name ?? 'identity';
}

export function createSimFleet(specOrText: FleetSpec | string, options: SimFleetOptions): SimFleet {
  const spec = typeof specOrText === 'string' ? parseFleetSpec(specOrText) : specOrText;
  const model: FleetModel = generateFleet(spec);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const origins = model.clouds.map((c) => new URL(options.originFor(c.name, c.index)).origin);
  const byOrigin = new Map(origins.map((o, i) => [o, i]));
  if (byOrigin.size !== origins.length) throw new Error('originFor must give every cloud its own origin');
  const tokens = new TokenStore(createPrng(deriveSeed(spec.seed, 'tokens')));
  const requestIds = createPrng(deriveSeed(spec.seed, 'request-ids'));
  const chaos: Prng = createPrng(deriveSeed(spec.seed, 'faults'));
  const clouds = new Map<number, SimCloud>();

  const cloudAt = (index: number): SimCloud => {
    let cloud = clouds.get(index);
    if (cloud) return cloud;
    const layout = model.clouds[index];
    if (!layout) throw new RangeError(`no cloud #${index}`);
    const faults = faultsFor(spec, layout.name);
    const cells = layout.kind === 'regional' ? spec.cells : 1;
    cloud = {
      index,
      layout,
      identity: model.identity(index),
      origin: origins[index] as string,
      memberOnly: faults.role !== undefined,
      tokenLifetime: faults.expire?.seconds ?? DEFAULT_TOKEN_LIFETIME_S,
      downCell: faults.cellsdown ? cells : null,
      malformed: faults.malformed !== undefined,
    };
    clouds.set(index, cloud);
    return cloud;
  };

  const delayFor = (cloud: SimCloud, url: URL): number => {
    const faults = faultsFor(spec, cloud.layout.name);
    const { mean, spread } = spec.latency;
    let ms = mean + (spread === 0 ? 0 : (chaos.next() * 2 - 1) * spread);
    ms += faults.latency?.ms ?? 0;
    if (faults.slowpage && url.searchParams.has('marker')) ms += faults.slowpage.ms;
    return Math.max(0, Math.round(ms));
  };

  /** Failures injected in front of the API (load balancer, rate limiter), before auth. */
  const injectedFailure = (cloud: SimCloud, url: URL, requestId: string): Response | undefined => {
    const faults = faultsFor(spec, cloud.layout.name);
    const service = serviceOf(url.pathname);
    if (faults.ratelimit && chaos.chance(faults.ratelimit.rate)) {
      const retryAfter = String(chaos.int(1, 3));
      return errorResponse(service, 429, 'Rate limit exceeded, retry later.', requestId, { 'Retry-After': retryAfter });
    }
    if (faults.failpage && url.searchParams.has('marker')) {
      return errorResponse(service, 500, 'Unexpected API Error. Please report this at http://bugs.launchpad.net/ and attach the log if possible.', requestId);
    }
    if (faults.http5xx && chaos.chance(faults.http5xx.rate)) {
      const status = chaos.pick([500, 502, 503] as const);
      if (status === 502) return badGatewayResponse();
      const message = status === 500
        ? 'Unexpected API Error. Please report this at http://bugs.launchpad.net/ and attach the log if possible.'
        : 'The server is currently unavailable. Please try again at a later time.';
      return errorResponse(service, status, message, requestId);
    }
    return undefined;
  };

  const route = async (request: Request, url: URL, cloud: SimCloud, requestId: string, servedItems: (count: number) => void): Promise<Response> => {
    const path = url.pathname;
    if (path === '/identity' || path.startsWith('/identity/')) {
      const sub = path.slice('/identity'.length).replace(/\/+$/, '');
      return handleKeystone({ request, url, path: sub, cloud, tokens, now: now(), spec });
    }
    const [, region = '', serviceKey = ''] = path.split('/');
    const service = SERVICES[serviceKey];
    if (!service || !cloud.layout.regions.includes(region)) {
      return textResponse(404, '<html><body><h1>Not Found</h1>The requested URL was not found on this server.</body></html>\n', undefined, 'text/html');
    }
    const root = `${cloud.origin}/${region}/${serviceKey}`;
    const rest = path.slice(`/${region}/${serviceKey}`.length);
    const versions = request.method === 'GET' ? service.versions(root, rest, request, requestId) : undefined;
    if (versions) return versions;
    const token = tokens.valid(request.headers.get('X-Auth-Token'), cloud.index, now());
    if (!token || token.projectIndex === null) return unauthorizedByMiddleware(`${cloud.origin}/identity`);
    const regionData = model.region(cloud.index, region);
    const regionOf = (name: string) => (cloud.layout.regions.includes(name) ? model.region(cloud.index, name) : undefined);
    return service.handle({ request, url, path: rest, root, cloud, region: regionData, token, requestId, servedItems, regionOf });
  };

  return {
    spec,
    origins: () => [...origins],
    owns: (url) => byOrigin.has(new URL(url).origin),
    clouds: () =>
      model.clouds.map((layout, i) => {
        const cloud = cloudAt(i);
        const user = cloud.identity.users[0];
        return {
          name: layout.name,
          kind: layout.kind,
          authUrl: `${cloud.origin}/identity/v3`,
          regions: [...layout.regions],
          username: user?.name ?? '',
          password: user?.password ?? '',
          userDomainName: 'Default',
          projectName: SIM_PROJECT,
          projectDomainName: 'Default',
          sites: [...layout.sites],
          applicationCredentialId: cloud.identity.appCredential.id,
          applicationCredentialSecret: cloud.identity.appCredential.secret,
        };
      }),
    async handle(request) {
      const url = new URL(request.url);
      const index = byOrigin.get(url.origin);
      if (index === undefined) return undefined;
      const cloud = cloudAt(index);
      const faults = faultsFor(spec, cloud.layout.name);
      if (faults.down) {
        // What fetch does when the connection is refused.
        throw new TypeError('Failed to fetch');
      }
      if (faults.hang) await neverAnswered(request.signal);
      const delay = delayFor(cloud, url);
      if (delay > 0) await sleep(delay);
      // Without CORS headers the browser refuses the response, whatever it says.
      const origin = faults.nocors ? null : request.headers.get('Origin');
      if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')) {
        return faults.nocors ? new Response(null, { status: 200 }) : preflightResponse(request);
      }
      if (faults.pagesize) capPageSize(url, faults.pagesize.items);
      const requestId = `req-${requestIds.uuid()}`;
      let items = 0;
      const response = bodyFault(faults, url, injectedFailure(cloud, url, requestId) ?? (await route(request, url, cloud, requestId, (count) => (items += count))));
      // The per-item cost (`itemcost=`): the service's time to build the page it answers, after the request's latency.
      const itemsMs = Math.round((items * spec.itemCostUs) / 1000);
      if (itemsMs > 0) await sleep(itemsMs);
      response.headers.set('X-OpenStack-Request-Id', requestId);
      addCorsHeaders(response.headers, origin);
      return response;
    },
    setFaults(name, faults) {
      const index = model.clouds.findIndex((layout) => layout.name === name);
      if (index < 0) throw new RangeError(`no cloud ${name}`);
      spec.faults = [...spec.faults.filter((f) => f.cloud !== name), ...faults.map((fault) => ({ cloud: name, fault }))];
      // Derived settings (token lifetime, down cell, …) are rebuilt from the new faults on the next request.
      clouds.delete(index);
    },
  };
}

/** A request that never gets an answer (a hung service behind a load balancer): only the client giving up ends it. */
function neverAnswered(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(new TypeError('Failed to fetch')), { once: true });
  });
}

/** Like Nova's `osapi_max_limit`: a service never returns more than `items` per page, whatever `limit` asks. */
function capPageSize(url: URL, items: number): void {
  const asked = Number(url.searchParams.get('limit') ?? Number.POSITIVE_INFINITY);
  url.searchParams.set('limit', String(Number.isFinite(asked) && asked >= 0 ? Math.min(asked, items) : items));
}

const SERVER_LIST = /^\/[^/]+\/compute\/v2\.1\/servers\/detail$/;

type CloudFaults = ReturnType<typeof faultsFor>;

/** Faults that damage a good server listing on its way out: what a broken proxy, a buggy service or a runaway cloud sends. */
function bodyFault(faults: CloudFaults, url: URL, response: Response): Response {
  if (response.status !== 200 || !SERVER_LIST.test(url.pathname)) return response;
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'content-type'));
  if (faults.notjson) return textResponse(200, '<html><body><h1>Service temporarily moved</h1></body></html>\n', headers, 'text/html');
  if (faults.wrongtypes) return textResponse(200, JSON.stringify({ servers: { id: 42, name: ['not', 'a', 'string'], status: null } }), headers);
  if (faults.huge) {
    // Valid JSON, so only a size limit in the client can stop it.
    return textResponse(200, JSON.stringify({ servers: [], padding: 'x'.repeat(faults.huge.megabytes * 1024 * 1024) }), headers);
  }
  return response;
}
