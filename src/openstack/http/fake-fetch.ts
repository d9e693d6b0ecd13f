import type { FetchLike } from './http-policy.ts';

/**
 * Test double for `fetch`: records every call (headers normalized, JSON body
 * parsed) and answers through a handler. Used by the tests of this folder and
 * of keystone/ and client.ts; nothing in the app imports it.
 */
export interface FakeCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  init: RequestInit;
}

export type FakeHandler = (call: FakeCall) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: FetchLike;
  calls: FakeCall[];
}

export function createFakeFetch(handler: FakeHandler): FakeFetch {
  const calls: FakeCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: FakeCall = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      init,
    };
    calls.push(call);
    init.signal?.throwIfAborted();
    return handler(call);
  };
  return { fetch, calls };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain', ...headers } });
}

/** A fetch that only settles when its signal aborts, like a server that never answers. */
export function hangUntilAborted(call: FakeCall): Promise<Response> {
  return new Promise((_, reject) => {
    call.init.signal?.addEventListener('abort', () => reject(call.init.signal?.reason), { once: true });
  });
}
