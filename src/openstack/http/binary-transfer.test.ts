import { describe, expect, it } from 'vitest';
import { createCloudHttp } from './cloud-http.ts';
import { createFakeFetch, type FakeHandler } from './fake-fetch.ts';
import { createHttpPolicy } from './http-policy.ts';
import { DIRECT } from './transport.ts';

const AUTH = 'https://keystone.example.org:5000/v3';
const GLANCE = 'https://glance.example.org/v2';

function setup(handler: FakeHandler, readOnly = false) {
  const fake = createFakeFetch(handler);
  const policy = createHttpPolicy({ fetch: fake.fetch, sleep: async () => undefined, isReadOnly: () => readOnly });
  const http = createCloudHttp({
    cloud: 'prod',
    policy,
    transport: DIRECT,
    signInUrl: `${AUTH}/auth/tokens`,
    scope: () => ({ authUrl: AUTH, catalogOrigins: ['https://glance.example.org'], proxyPrefix: undefined }),
    session: { token: async () => 'tok-1', reauthenticate: async () => undefined },
  });
  return { fake, glance: http.serviceHttp({ region: 'RegionOne', service: 'image', baseUrl: GLANCE }) };
}

/** A body delivered in chunks, as a large download arrives. */
function chunked(chunks: number[][]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
}

describe('binary transfers (image data)', () => {
  it('reads a download as bytes, reporting each chunk, with the token and request id', async () => {
    const { fake, glance } = setup(() => new Response(chunked([[1, 2, 3], [4, 5]]), { headers: { 'Content-Type': 'application/octet-stream', 'X-Openstack-Request-Id': 'req-dl' } }));
    const seen: number[] = [];
    const response = await glance.request({ url: 'images/i1/file', binaryResponse: { maxBytes: 10, onBytes: (bytes) => seen.push(bytes) } });
    expect([...(response.bytes ?? [])]).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([3, 5]);
    expect(response.requestId).toBe('req-dl');
    expect(fake.calls[0]?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it('abandons a download larger than allowed and names the cloud', async () => {
    const { glance } = setup(() => new Response(chunked([[1, 2, 3], [4, 5, 6]])));
    const error: unknown = await glance.request({ url: 'images/i1/file', binaryResponse: { maxBytes: 4 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-response', cloud: 'prod' });
  });

  it('still reads a failed download as an API error', async () => {
    const { glance } = setup(() => new Response(JSON.stringify({ message: 'No image found with ID i1', code: '404 Not Found' }), { status: 404 }));
    const error: unknown = await glance.request({ url: 'images/i1/file', binaryResponse: { maxBytes: 4 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('sends an upload as is, with the Content-Type given, and refuses it in read-only mode', async () => {
    const { fake, glance } = setup(() => new Response(null, { status: 204 }));
    const data = new Blob([new Uint8Array([9, 8, 7])]);
    await glance.request({ method: 'PUT', url: 'images/i1/file', headers: { 'Content-Type': 'application/octet-stream' }, binaryBody: data });
    expect(fake.calls[0]?.init.body).toBe(data);
    expect(fake.calls[0]?.headers.get('content-type')).toBe('application/octet-stream');

    const readOnly = setup(() => new Response(null, { status: 204 }), true);
    const refused: unknown = await readOnly.glance.request({ method: 'PUT', url: 'images/i1/file', binaryBody: data }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'read-only' });
    expect(readOnly.fake.calls).toHaveLength(0);
  });
});
