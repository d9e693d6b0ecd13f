import { OpenStackError } from './errors.ts';
import { bodyContext } from './get-json.ts';
import type { ServiceHttp, ServiceRequest } from './http/types.ts';
import type { BodyContext } from './parse-body.ts';

export interface Page<T> {
  items: T[];
  /** The next-page link exactly as the API gave it (absolute, root-relative or relative). */
  next?: string | undefined;
}

export interface PaginateOptions<T> {
  http: ServiceHttp;
  /** First page, relative to the service base URL. */
  url: string;
  /** Filters for the first page only: every OpenStack next link already carries them. */
  query?: ServiceRequest['query'];
  /** Sent on every page (microversions must not change between pages). */
  headers?: Record<string, string>;
  /** Sent as `limit`; the server may cap it lower and still page correctly. */
  pageSize?: number;
  readPage(body: unknown, context: BodyContext): Page<T>;
  signal?: AbortSignal;
  maxPages?: number;
}

/** Far above any real listing (100,000 pages of 1,000) yet bounded, so a broken server cannot keep us forever. */
export const DEFAULT_MAX_PAGES = 100_000;

/**
 * Follows next links and yields one array per page, so callers can render
 * while later pages load. Stops on a page without a next link, an empty page,
 * or throws 'pagination-loop' when the server sends us around in circles.
 */
export async function* paginate<T>(options: PaginateOptions<T>): AsyncGenerator<T[], void, undefined> {
  const { http, headers, signal, readPage } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const query = options.pageSize === undefined ? options.query : { ...options.query, limit: options.pageSize };
  let request: ServiceRequest = { method: 'GET', url: options.url, query, headers, signal };
  const seenLinks = new Set<string>([resolveNextLink(http.baseUrl, options.url)]);
  const seenMarkers = new Set<string>();

  for (let pages = 1; ; pages += 1) {
    const response = await http.request(request);
    const page = readPage(response.body, bodyContext(http, response));
    yield page.items;
    // An empty page can still carry a next link (Neutron and Glance do after an exact multiple of the limit).
    if (page.next === undefined || page.items.length === 0) return;

    const fail = (reason: string): OpenStackError =>
      new OpenStackError(`pagination loop: ${reason}`, {
        kind: 'pagination-loop',
        cloud: http.cloud,
        region: http.region,
        service: http.service,
        method: 'GET',
        url: bodyContext(http, response).url,
        requestId: response.requestId,
      });
    if (pages >= maxPages) throw fail(`more than ${maxPages} pages`);
    const next = resolveNextLink(http.baseUrl, page.next);
    if (seenLinks.has(next)) throw fail('a next link seen before');
    const marker = markerOf(next);
    if (marker !== undefined) {
      if (seenMarkers.has(marker)) throw fail(`marker ${marker} repeated`);
      seenMarkers.add(marker);
    }
    seenLinks.add(next);
    request = { method: 'GET', url: next, headers, signal };
  }
}

function markerOf(url: string): string | undefined {
  return new URL(url).searchParams.get('marker') ?? undefined;
}

/**
 * Turns a next link into an absolute URL. Glance's links are root-relative to
 * the API, not to the host: with the endpoint `https://x/image/v2` the link
 * `/v2/images?marker=m` means `https://x/image/v2/images?marker=m`. The base
 * path's trailing segments that the link starts with are the overlap; the
 * segments before them are the deployment's path prefix.
 */
export function resolveNextLink(baseUrl: string, link: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return new URL(link).href;
  const base = new URL(baseUrl);
  if (!link.startsWith('/') || link.startsWith('//')) {
    const directory = base.pathname.endsWith('/') ? base.href : `${base.origin}${base.pathname}/`;
    return new URL(link, directory).href;
  }
  const baseSegments = base.pathname.split('/').filter((s) => s !== '');
  const linkSegments = (link.split(/[?#]/)[0] ?? '').split('/').filter((s) => s !== '');
  let overlap = Math.min(baseSegments.length, linkSegments.length);
  while (overlap > 0 && !sameSegments(baseSegments.slice(-overlap), linkSegments.slice(0, overlap))) overlap -= 1;
  const prefix = baseSegments.slice(0, baseSegments.length - overlap);
  return new URL(`${prefix.map((s) => `/${s}`).join('')}${link}`, base.origin).href;
}

function sameSegments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
