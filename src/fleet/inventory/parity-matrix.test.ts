import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParityMatrix, describeCell, parityDrift } from './parity-matrix.ts';
import { PARITY_KINDS, type ParityEntry, type ParityKind, type ParityListing, type ParityObservation } from './parity-model.ts';

const flavor = (id: string, name: string, ram: number): ParityEntry => ({
  id,
  name,
  fields: [
    { id: 'vcpus', label: 'vCPUs', value: '4' },
    { id: 'ram', label: 'RAM', value: `${ram} MB` },
  ],
});
const keypair = (name: string, fingerprint: string): ParityEntry => ({ id: name, name, fields: [{ id: 'fingerprint', label: 'fingerprint', value: fingerprint }] });
const group = (id: string, rules: string[]): ParityEntry => ({ id, name: 'web', fields: [], members: rules });

const ok = (entries: ParityEntry[]): ParityListing => ({ state: 'ok', entries });
function source(key: string, listings: Partial<Record<ParityKind, ParityListing>>): ParityObservation {
  const [cloud = '', region] = key.split('/');
  const all = Object.fromEntries(PARITY_KINDS.map((kind) => [kind, listings[kind] ?? ok([])])) as Record<ParityKind, ParityListing>;
  return { key, cloud, ...(region === undefined ? {} : { region }), listings: all };
}
const verdicts = (matrix: ReturnType<typeof buildParityMatrix>, name: string) =>
  matrix.items.find((item) => item.name === name)?.cells.map((cell) => `${cell.source}:${cell.verdict}`);

describe('buildParityMatrix', () => {
  const fleet = [
    source('ams/One', { flavor: ok([flavor('1', 'm1.large', 8192)]), keypair: ok([keypair('ops', 'aa')]) }),
    source('fra/One', { flavor: ok([flavor('9', 'm1.large', 12288)]), keypair: ok([]) }),
    source('par/One', { flavor: ok([flavor('4', 'm1.large', 8192)]), keypair: ok([keypair('ops', 'aa')]) }),
    source('lon', { flavor: { state: 'unknown', reason: 'failed', error: 'refused' }, keypair: { state: 'unknown', reason: 'loading' } }),
  ];

  it('keeps the project of each source, so columns per project can be told apart', () => {
    const perProject = [{ ...source('ams/One/demo', {}), region: 'One', project: 'demo' }, { ...source('ams/One/ops', {}), region: 'One', project: 'ops' }];
    expect(buildParityMatrix(perProject).sources).toEqual([
      { key: 'ams/One/demo', cloud: 'ams', region: 'One', project: 'demo' },
      { key: 'ams/One/ops', cloud: 'ams', region: 'One', project: 'ops' },
    ]);
  });

  it('takes the variant most clouds hold as the reference, and says who lacks or differs', () => {
    const matrix = buildParityMatrix(fleet);
    expect(verdicts(matrix, 'm1.large')).toEqual(['ams/One:present', 'fra/One:differs', 'par/One:present', 'lon:unknown']);
    expect(verdicts(matrix, 'ops')).toEqual(['ams/One:present', 'fra/One:missing', 'par/One:present', 'lon:unknown']);
    const large = matrix.items.find((item) => item.name === 'm1.large');
    expect(large?.reference).toEqual({ source: 'ams/One', entryId: '1' });
    expect(large?.counts).toEqual({ present: 2, missing: 0, differs: 1, unknown: 1 });
    expect(large?.cells[1]?.differences).toEqual([{ kind: 'field', field: 'ram', label: 'RAM', expected: '8192 MB', actual: '12288 MB' }]);
    expect(matrix.reference).toBeUndefined();
  });

  it('never counts a cloud that did not answer as missing', () => {
    const matrix = buildParityMatrix(fleet);
    const cell = matrix.items.find((item) => item.name === 'ops')?.cells[3];
    expect(cell).toEqual({ source: 'lon', verdict: 'unknown', reason: 'loading' });
    expect(parityDrift(matrix).some((drift) => drift.source === 'lon')).toBe(false);
  });

  it('compares against a chosen reference, and falls back to the majority for what it lacks', () => {
    const matrix = buildParityMatrix(fleet, { reference: 'fra/One' });
    expect(matrix.reference).toBe('fra/One');
    expect(verdicts(matrix, 'm1.large')).toEqual(['ams/One:differs', 'fra/One:present', 'par/One:differs', 'lon:unknown']);
    expect(matrix.items.find((item) => item.name === 'ops')?.reference.source).toBe('ams/One');
    expect(verdicts(matrix, 'ops')?.[1]).toBe('fra/One:missing');
  });

  it('ignores a reference that is not a source', () => {
    expect(buildParityMatrix(fleet, { reference: 'nowhere' }).reference).toBeUndefined();
  });

  it('breaks a tie for the earlier source, and accepts any of several same-named entries', () => {
    const matrix = buildParityMatrix([
      source('a', { keypair: ok([keypair('k', '11')]) }),
      source('b', { keypair: ok([keypair('k', '22')]) }),
      source('c', { keypair: ok([keypair('k', '22'), keypair('k', '11')]) }),
    ]);
    const item = matrix.items[0];
    expect(item?.reference.source).toBe('a');
    expect(item?.cells.map((cell) => cell.verdict)).toEqual(['present', 'differs', 'present']);
    expect(item?.cells[2]?.duplicates).toBe(2);
  });

  it('explains rule differences of security groups', () => {
    const matrix = buildParityMatrix([
      source('a', { 'security-group': ok([group('g1', ['in 80', 'in 443'])]) }),
      source('b', { 'security-group': ok([group('g2', ['in 80', 'in 443'])]) }),
      source('c', { 'security-group': ok([group('g3', ['in 80', 'in 8080'])]) }),
    ]);
    const item = matrix.items[0];
    expect(item?.cells[2]?.differences).toEqual([{ kind: 'members', missing: ['in 443'], extra: ['in 8080'] }]);
    const text = describeCell(item!, item!.cells[2]!, (key) => key.toUpperCase());
    expect(text).toBe('web on C: differs from A: lacks “in 443”; also has “in 8080”');
  });

  it('orders items by kind, then by name', () => {
    const matrix = buildParityMatrix([
      source('a', { flavor: ok([flavor('2', 'm1.small', 1), flavor('10', 'm1.large', 1)]), keypair: ok([keypair('z', '1')]) }),
    ]);
    expect(matrix.items.map((item) => `${item.kind}:${item.name}`)).toEqual(['keypair:z', 'flavor:m1.large', 'flavor:m1.small']);
  });
});

describe('parityDrift', () => {
  it('lists what a sync would fix, with where to copy from', () => {
    const matrix = buildParityMatrix([
      source('a', { keypair: ok([keypair('ops', 'aa')]) }),
      source('b', { keypair: ok([]) }),
      source('c', { keypair: ok([keypair('ops', 'bb')]) }),
    ]);
    expect(parityDrift(matrix)).toEqual([
      { kind: 'keypair', name: 'ops', source: 'b', verdict: 'missing', reference: { source: 'a', entryId: 'ops' }, differences: [] },
      {
        kind: 'keypair',
        name: 'ops',
        source: 'c',
        verdict: 'differs',
        reference: { source: 'a', entryId: 'ops' },
        entryId: 'ops',
        differences: [{ kind: 'field', field: 'fingerprint', label: 'fingerprint', expected: 'aa', actual: 'bb' }],
      },
    ]);
  });
});

describe('buildParityMatrix, for any fleet', () => {
  const listingArbitrary = fc.oneof(
    fc.constant<ParityListing>({ state: 'unknown', reason: 'failed' }),
    fc
      .uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c'), fingerprint: fc.constantFrom('1', '2') }), { selector: (k) => `${k.name}${k.fingerprint}`, maxLength: 4 })
      .map((keys): ParityListing => ({ state: 'ok', entries: keys.map((k) => keypair(k.name, k.fingerprint)) })),
  );

  it('says unknown exactly where a source did not answer, missing exactly where it answered without the name', () => {
    fc.assert(
      fc.property(fc.array(listingArbitrary, { minLength: 1, maxLength: 6 }), fc.option(fc.nat(5), { nil: undefined }), (listings, chosen) => {
        const observations = listings.map((listing, index) => source(`s${index}`, { keypair: listing }));
        const matrix = buildParityMatrix(observations, { reference: chosen === undefined ? undefined : `s${chosen}` });
        for (const item of matrix.items) {
          expect(item.cells).toHaveLength(observations.length);
          item.cells.forEach((cell, index) => {
            const listing = listings[index] as ParityListing;
            const has = listing.state === 'ok' && listing.entries.some((entry) => entry.name === item.name);
            if (listing.state !== 'ok') expect(cell.verdict).toBe('unknown');
            else expect(cell.verdict === 'missing').toBe(!has);
          });
          const reference = listings[Number(item.reference.source.slice(1))];
          expect(reference?.state === 'ok' && reference.entries.some((entry) => entry.id === item.reference.entryId)).toBe(true);
          expect(item.cells.find((cell) => cell.source === item.reference.source)?.verdict).toBe('present');
        }
      }),
    );
  });
});
