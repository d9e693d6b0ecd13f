/**
 * The physical floor of a fleet inventory: the least time any browser client
 * could take to list every server, given the injected latency, the requests
 * the APIs cannot do without, and the browser's connection limits. Pure, so
 * the arithmetic is unit-tested and the README can explain it line by line.
 */

export interface FloorCloud {
  /** Servers of each region of the cloud (one origin per cloud). */
  regionServers: readonly number[];
}

export interface FloorOptions {
  /** Mean injected latency per request (ms); the sim adds it to every request, preflights included. */
  latencyMs: number;
  /** Server time per listed server (ms): a page of n servers takes latencyMs + n × itemCostMs. */
  itemCostMs: number;
  /** Nova's page size (its maximum, and the client's default). */
  pageSize: number;
  /** Chromium's HTTP/1.1 connections per origin. */
  perOrigin: number;
  /** Chromium's HTTP/1.1 socket pool size. */
  global: number;
  /**
   * Round trips per request: 1 counts the API requests only; 2 adds the CORS
   * preflight each cross-origin URL needs (custom headers, JSON body).
   */
  roundTripsPerRequest: 1 | 2;
}

export interface Floor {
  /** max(chain, origin, global): no schedule can beat any of the three. */
  floorMs: number;
  /** Longest dependent sequence: sign-in, then per region the version document, then every page (each page's marker comes from the previous one), items' cost included. */
  chainMs: number;
  /** The busiest origin's request time (latency and items' cost) spread over its connections. */
  originMs: number;
  /** All request time spread over the browser's socket pool. */
  globalMs: number;
  /** Requests the APIs need (preflights not counted). */
  requests: number;
}

export const BROWSER_LIMITS = { perOrigin: 6, global: 256 } as const;
export const NOVA_PAGE_SIZE = 1000;

/**
 * Pages Nova needs to list `servers`: it sends a next link whenever a page is
 * full, so a region whose count is a multiple of the page size (zero too)
 * costs one more, empty, page. Elsewhere this is ceil(servers / pageSize).
 */
export function pagesFor(servers: number, pageSize: number): number {
  return Math.floor(servers / pageSize) + 1;
}

/** One sign-in per cloud; per region one version document (microversion negotiation) and the pages. */
export function requestsFor(cloud: FloorCloud, pageSize: number): number {
  return 1 + cloud.regionServers.reduce((sum, servers) => sum + 1 + pagesFor(servers, pageSize), 0);
}

export function minimumRequests(clouds: readonly FloorCloud[], pageSize: number): number {
  return clouds.reduce((sum, cloud) => sum + requestsFor(cloud, pageSize), 0);
}

export function inventoryFloor(clouds: readonly FloorCloud[], options: FloorOptions): Floor {
  const { latencyMs, itemCostMs, pageSize, perOrigin, global, roundTripsPerRequest } = options;
  // A preflight is answered before the service does any work: it costs latency, never items.
  const trip = latencyMs * roundTripsPerRequest;
  const regionMs = (servers: number) => (1 + pagesFor(servers, pageSize)) * trip + servers * itemCostMs;
  let chainMs = 0;
  let originMs = 0;
  let totalMs = 0;
  let requests = 0;
  for (const cloud of clouds) {
    const longestRegion = cloud.regionServers.reduce((longest, servers) => Math.max(longest, regionMs(servers)), 0);
    chainMs = Math.max(chainMs, trip + longestRegion);
    const cloudMs = cloud.regionServers.reduce((sum, servers) => sum + regionMs(servers), trip);
    originMs = Math.max(originMs, cloudMs / perOrigin);
    totalMs += cloudMs;
    requests += requestsFor(cloud, pageSize);
  }
  const globalMs = totalMs / global;
  return { floorMs: Math.max(chainMs, originMs, globalMs), chainMs, originMs, globalMs, requests };
}
