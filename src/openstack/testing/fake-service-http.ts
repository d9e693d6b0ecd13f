import type { ServiceHttp, ServiceRequest, ServiceResponse } from '../http/types.ts';

export interface FakeReply {
  status?: number;
  body: unknown;
}

export interface FakeServiceHttp extends ServiceHttp {
  /** Every request made, in order, as the resource module sent it. */
  readonly requests: ServiceRequest[];
}

/**
 * A ServiceHttp for unit tests: `reply` sees each request (url relative or
 * absolute, query, headers) and returns the body to answer with.
 */
export function fakeServiceHttp(
  reply: (request: ServiceRequest) => FakeReply | Promise<FakeReply>,
  options: { baseUrl?: string; service?: string } = {},
): FakeServiceHttp {
  const requests: ServiceRequest[] = [];
  const baseUrl = options.baseUrl ?? 'https://cloud.example/compute/v2.1';
  return {
    cloud: 'test-cloud',
    region: 'RegionOne',
    service: options.service ?? 'compute',
    baseUrl,
    requests,
    async request(request: ServiceRequest): Promise<ServiceResponse> {
      requests.push(request);
      const { status = 200, body } = await reply(request);
      const url = /^[a-z]+:/i.test(request.url) ? request.url : `${baseUrl}/${request.url}`;
      return { status, headers: new Headers(), body, url, requestId: `req-${requests.length}` };
    },
  };
}

/** Collects every page of an async listing. */
export async function allPages<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const result: T[][] = [];
  for await (const page of pages) result.push(page);
  return result;
}

/**
 * A fake service answering from a table of bodies keyed by relative URL (or
 * absolute link); the root '' answers with `root` (a version document).
 */
export function fakeServiceFromRoutes(
  routes: Record<string, unknown>,
  options: { baseUrl?: string; service?: string; root?: unknown } = {},
): FakeServiceHttp {
  return fakeServiceHttp((request) => {
    if (request.url === '' && options.root !== undefined) return { body: options.root };
    if (!(request.url in routes)) throw new Error(`fake ${options.service ?? 'compute'}: no route for ${request.url}`);
    return { body: routes[request.url] };
  }, options);
}

export function novaRootDocument(version: string): unknown {
  return { version: { id: 'v2.1', status: 'CURRENT', version, min_version: version === '' ? '' : '2.1' } };
}
