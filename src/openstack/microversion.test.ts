import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from './errors.ts';
import {
  chooseMicroversion,
  compareMicroversions,
  microversionHeaders,
  negotiateMicroversion,
  versionDocumentSchema,
} from './microversion.ts';
import { fakeServiceHttp } from './testing/fake-service-http.ts';

function sample(path: string): unknown {
  const url = new URL(`../../../shared/openstack-api-samples/${path}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

const novaRoot = (version: string, min = '2.1') => ({ version: { id: 'v2.1', status: 'CURRENT', version, min_version: min } });

describe('compareMicroversions', () => {
  it('compares numerically: 2.9 < 2.10', () => {
    expect(compareMicroversions('2.9', '2.10')).toBeLessThan(0);
    expect(compareMicroversions('2.96', '2.104')).toBeLessThan(0);
    expect(compareMicroversions('1.39', '1.39')).toBe(0);
  });

  it('orders like the pair of integers', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(200), fc.nat(5), fc.nat(200), (a, b, c, d) => {
        expect(Math.sign(compareMicroversions(`${a}.${b}`, `${c}.${d}`))).toBe(Math.sign(a - c || b - d));
      }),
    );
  });
});

describe('chooseMicroversion', () => {
  it('takes our max from a newer Nova (the upstream sample advertises 2.104)', () => {
    const doc = versionDocumentSchema.parse(sample('nova/versions/v21-version-get-resp.json'));
    expect(chooseMicroversion(doc, '2.96').version).toBe('2.96');
  });

  it('takes the v2.1 entry from the unversioned Nova root', () => {
    const doc = versionDocumentSchema.parse(sample('nova/versions/versions-get-resp.json'));
    expect(chooseMicroversion(doc, '2.96').version).toBe('2.96');
  });

  it("takes the server's max from an older Placement (the sample advertises 1.28)", () => {
    const doc = versionDocumentSchema.parse(sample('placement/samples/root/get-root.json'));
    expect(chooseMicroversion(doc, '1.39').version).toBe('1.28');
  });

  it('uses none when the endpoint has no microversions (legacy v2.0)', () => {
    const doc = versionDocumentSchema.parse({ version: { id: 'v2.0', version: '', min_version: '' } });
    expect(chooseMicroversion(doc, '2.96').version).toBeUndefined();
  });

  it('never exceeds either maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), (server, ours) => {
        const chosen = chooseMicroversion(novaRoot(`2.${server}`), `2.${ours}`).version;
        expect(chosen).toBe(`2.${Math.min(server, ours)}`);
      }),
    );
  });
});

describe('negotiateMicroversion', () => {
  it('asks the service root once per ServiceHttp and sends both Nova headers', async () => {
    const http = fakeServiceHttp(() => ({ body: novaRoot('2.10') }));
    const [a, b] = await Promise.all([negotiateMicroversion(http, 'compute'), negotiateMicroversion(http, 'compute')]);
    expect(a).toBe(b);
    expect(a).toEqual({
      version: '2.10',
      headers: { 'OpenStack-API-Version': 'compute 2.10', 'X-OpenStack-Nova-API-Version': '2.10' },
    });
    expect(http.requests.map((r) => r.url)).toEqual(['']);
  });

  it('sends only the standard header for Placement', () => {
    expect(microversionHeaders('placement', '1.39')).toEqual({ 'OpenStack-API-Version': 'placement 1.39' });
  });

  it('negotiates separately for another ServiceHttp', async () => {
    const one = fakeServiceHttp(() => ({ body: novaRoot('2.60') }));
    const two = fakeServiceHttp(() => ({ body: novaRoot('2.20') }));
    expect((await negotiateMicroversion(one, 'compute')).version).toBe('2.60');
    expect((await negotiateMicroversion(two, 'compute')).version).toBe('2.20');
  });

  it('forgets a failed negotiation so the next call retries', async () => {
    let calls = 0;
    const http = fakeServiceHttp(() => {
      calls += 1;
      if (calls === 1) throw new Error('connection refused');
      return { body: novaRoot('2.79') };
    });
    await expect(negotiateMicroversion(http, 'compute')).rejects.toThrow('connection refused');
    expect((await negotiateMicroversion(http, 'compute')).version).toBe('2.79');
  });

  it('refuses a server whose minimum is above what we speak', async () => {
    const http = fakeServiceHttp(() => ({ body: novaRoot('2.120', '2.100') }));
    const error: unknown = await negotiateMicroversion(http, 'compute').catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.kind).toBe('config');
  });

  it('reports a root document without versions as invalid-response', async () => {
    const http = fakeServiceHttp(() => ({ body: { hello: 'world' } }));
    const error: unknown = await negotiateMicroversion(http, 'placement').catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.kind).toBe('invalid-response');
  });
});
