import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { createCloudHttp } from './cloud-http.ts';
import { createFakeFetch } from './fake-fetch.ts';
import { createHttpPolicy } from './http-policy.ts';
import { BodyTooLargeError, readBodyText } from './read-body.ts';
import { DIRECT } from './transport.ts';

/** A body sent in chunks with no Content-Length, as a chunked HTTP response arrives; counts what the reader pulled. */
function chunkedResponse(chunk: string, chunks: number): { response: Response; pulled: () => number } {
  const bytes = new TextEncoder().encode(chunk);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) controller.close();
      else {
        sent += 1;
        controller.enqueue(bytes);
      }
    },
  });
  return { response: new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }), pulled: () => sent };
}

describe('readBodyText', () => {
  it('returns the whole text, multi-byte characters split across chunks included', async () => {
    const text = `{"name":"${'ü€'.repeat(5000)}"}`;
    const encoded = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < encoded.length; i += 7) controller.enqueue(encoded.slice(i, i + 7));
        controller.close();
      },
    });
    await expect(readBodyText(new Response(body), encoded.length)).resolves.toBe(text);
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const { response, pulled } = chunkedResponse('x'.repeat(1024), 10_000);
    await expect(readBodyText(response, 8 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThan(12);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { response, pulled } = chunkedResponse('x', 1);
    const declared = new Response(response.body, { headers: { 'Content-Length': String(64 * 1024 * 1024) } });
    await expect(readBodyText(declared, 32 * 1024 * 1024)).rejects.toThrow('larger than 32 MB');
    expect(pulled()).toBe(0);
  });
});

describe('a response over the size limit', () => {
  it('fails the request once, naming the cloud and the limit, without a retry', async () => {
    const fake = createFakeFetch(() => chunkedResponse('{"servers":[' + ' '.repeat(4096), 1000).response);
    const http = createCloudHttp({
      cloud: 'ams',
      policy: createHttpPolicy({ fetch: fake.fetch, maxBodyBytes: 64 * 1024, sleep: async () => undefined }),
      transport: DIRECT,
      signInUrl: 'https://keystone.example.org/v3/auth/tokens',
      scope: () => ({ authUrl: 'https://keystone.example.org/v3', catalogOrigins: ['https://nova.example.org'] }),
      session: { token: async () => 'tok', reauthenticate: async () => undefined },
    });
    const error = await http.send({ method: 'GET', url: 'https://nova.example.org/v2.1/servers/detail' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ kind: 'invalid-response', cloud: 'ams', apiMessage: expect.stringContaining('larger than') });
    expect(fake.calls).toHaveLength(1);
  });
});
