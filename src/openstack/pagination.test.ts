import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from './errors.ts';
import type { ServiceRequest } from './http/types.ts';
import { paginate, resolveNextLink, type Page } from './pagination.ts';
import { allPages, fakeServiceHttp } from './testing/fake-service-http.ts';

interface Body {
  items: number[];
  next?: string;
}

const readPage = (body: unknown): Page<number> => {
  const { items, next } = body as Body;
  return { items, next };
};

const NOVA_BASE = 'https://nova.example/compute/v2.1';

/** Nova-like listing: items after `marker`, at most `limit` (or the server cap), a next link while a page is full. */
function novaLikeServer(items: number[], serverCap: number) {
  return (request: ServiceRequest) => {
    const absolute = /^https:/.test(request.url);
    const params = absolute ? new URL(request.url).searchParams : undefined;
    const marker = absolute ? params?.get('marker') : undefined;
    const limit = Math.min(Number(absolute ? params?.get('limit') : request.query?.limit), serverCap);
    const start = marker == null ? 0 : items.indexOf(Number(marker)) + 1;
    const page = items.slice(start, start + limit);
    const last = page.at(-1);
    const next =
      page.length === limit && last !== undefined ? `${NOVA_BASE}/items?limit=${limit}&marker=${last}` : undefined;
    return { body: { items: page, next } satisfies Body };
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('paginate', () => {
  it('yields every item once, in order, whatever the page size and server cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(100_000), { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        async (items, pageSize, serverCap) => {
          const http = fakeServiceHttp(novaLikeServer(items, serverCap), { baseUrl: NOVA_BASE });
          const pages = await allPages(paginate({ http, url: 'items', pageSize, readPage }));
          expect(pages.flat()).toEqual(items);
          for (const page of pages) expect(page.length).toBeLessThanOrEqual(Math.min(pageSize, serverCap));
          // One request per page, plus at most one for the empty page after an exact multiple.
          expect(http.requests.length).toBeLessThanOrEqual(Math.ceil(items.length / Math.min(pageSize, serverCap)) + 1);
        },
      ),
    );
  });

  it('sends the query and limit on the first page only, and the headers on every page', async () => {
    const http = fakeServiceHttp(novaLikeServer([1, 2, 3], 1000), { baseUrl: NOVA_BASE });
    await allPages(
      paginate({ http, url: 'items', query: { all_tenants: 1 }, headers: { 'X-Test': 'yes' }, pageSize: 2, readPage }),
    );
    expect(http.requests.map((r) => [r.url, r.query])).toEqual([
      ['items', { all_tenants: 1, limit: 2 }],
      [`${NOVA_BASE}/items?limit=2&marker=2`, undefined],
    ]);
    expect(http.requests.every((r) => r.headers?.['X-Test'] === 'yes')).toBe(true);
  });

  it('ends on an empty page even if it carries a next link', async () => {
    const http = fakeServiceHttp((request) =>
      request.url === 'items'
        ? { body: { items: [1], next: `${NOVA_BASE}/items?marker=1` } }
        : { body: { items: [], next: `${NOVA_BASE}/items?marker=2` } },
    );
    expect(await allPages(paginate({ http, url: 'items', readPage }))).toEqual([[1], []]);
    expect(http.requests).toHaveLength(2);
  });

  it('fails with pagination-loop when next links cycle, whatever the cycle length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), async (cycle) => {
        let served = 0;
        const http = fakeServiceHttp(() => {
          served += 1;
          return { body: { items: [served], next: `${NOVA_BASE}/items?marker=m${served % cycle}` } };
        });
        const error = await caught(allPages(paginate({ http, url: 'items', readPage })));
        expect(isOpenStackError(error) && error.kind).toBe('pagination-loop');
        expect(served).toBeLessThanOrEqual(cycle + 1);
      }),
    );
  });

  it('fails with pagination-loop when a page repeats the previous marker under another link', async () => {
    let served = 0;
    const http = fakeServiceHttp(() => {
      served += 1;
      return { body: { items: [served], next: `${NOVA_BASE}/items?limit=${served}&marker=same` } };
    });
    const error = await caught(allPages(paginate({ http, url: 'items', readPage })));
    expect(isOpenStackError(error) && error.kind).toBe('pagination-loop');
    expect(served).toBe(2);
  });

  it('fails with pagination-loop past the page bound, even with fresh links', async () => {
    let served = 0;
    const http = fakeServiceHttp(() => {
      served += 1;
      return { body: { items: [served], next: `${NOVA_BASE}/items?marker=${served}` } };
    });
    const error = await caught(allPages(paginate({ http, url: 'items', readPage, maxPages: 50 })));
    expect(isOpenStackError(error) && error.kind).toBe('pagination-loop');
    expect(served).toBe(50);
  });

  it('follows Glance links relative to the API root under any path prefix', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('image', 'glance', 'api', 'v1'), { maxLength: 3 }),
        fc.boolean(),
        async (prefix, trailingSlash) => {
          const basePath = [...prefix, 'v2'].map((s) => `/${s}`).join('');
          const baseUrl = `https://x.example${basePath}${trailingSlash ? '/' : ''}`;
          const http = fakeServiceHttp(
            (request) =>
              request.url === 'images'
                ? { body: { items: [1], next: '/v2/images?marker=m1' } }
                : { body: { items: [2] } },
            { baseUrl, service: 'image' },
          );
          expect((await allPages(paginate({ http, url: 'images', readPage }))).flat()).toEqual([1, 2]);
          expect(http.requests[1]?.url).toBe(`https://x.example${basePath}/images?marker=m1`);
        },
      ),
    );
  });
});

describe('resolveNextLink', () => {
  it.each([
    ['https://x/image/v2', '/v2/images?marker=m', 'https://x/image/v2/images?marker=m'],
    ['https://x:9292/v2', '/v2/images?marker=m', 'https://x:9292/v2/images?marker=m'],
    ['https://x:9292/', '/v2/images?marker=m', 'https://x:9292/v2/images?marker=m'],
    ['https://x/image', '/v2/images?marker=m', 'https://x/image/v2/images?marker=m'],
    ['https://x/image/v2', 'images?marker=m', 'https://x/image/v2/images?marker=m'],
    ['https://x/compute/v2.1', 'http://nova/v2.1/servers/detail?marker=m', 'http://nova/v2.1/servers/detail?marker=m'],
  ])('%s + %s → %s', (base, link, expected) => {
    expect(resolveNextLink(base, link)).toBe(expected);
  });
});
