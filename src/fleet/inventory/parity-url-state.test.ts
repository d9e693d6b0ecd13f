import { describe, expect, it } from 'vitest';
import { buildParityMatrix } from './parity-matrix.ts';
import { type ParityKind, type ParityListing, type ParityObservation } from './parity-model.ts';
import { DEFAULT_PARITY_VIEW, formatParityView, parseParityView, visibleParity } from './parity-url-state.ts';

describe('parity view in the URL', () => {
  it('round-trips and keeps unrelated parameters', () => {
    const view = { kind: 'flavor' as const, cloud: 'ams', text: 'm1', driftOnly: true, reference: 'ams/RegionOne' };
    const params = formatParityView(view, new URLSearchParams('fleet=sites=3'));
    expect(params.toString()).toBe('fleet=sites%3D3&kind=flavor&cloud=ams&q=m1&drift=1&ref=ams%2FRegionOne');
    expect(parseParityView(params)).toEqual(view);
  });

  it('ignores an unknown kind', () => {
    expect(parseParityView(new URLSearchParams('kind=quota'))).toEqual(DEFAULT_PARITY_VIEW);
  });
});

describe('visibleParity', () => {
  const none: ParityListing = { state: 'ok', entries: [] };
  const listings = (keys: string[]): Record<ParityKind, ParityListing> => ({
    keypair: { state: 'ok', entries: keys.map((name) => ({ id: name, name, fields: [] })) },
    image: none,
    flavor: none,
    'security-group': none,
  });
  const observations: ParityObservation[] = [
    { key: 'ams/R', cloud: 'ams', region: 'R', listings: listings(['ops', 'ci']) },
    { key: 'fra/R', cloud: 'fra', region: 'R', listings: listings(['ops']) },
    { key: 'par/R', cloud: 'par', region: 'R', listings: listings(['ops', 'ci']) },
  ];
  const matrix = buildParityMatrix(observations);

  it('shows only drifting items when asked, judged on the visible clouds', () => {
    expect(visibleParity(matrix, { ...DEFAULT_PARITY_VIEW, driftOnly: true }).items.map((item) => item.name)).toEqual(['ci']);
    const ams = visibleParity(matrix, { ...DEFAULT_PARITY_VIEW, driftOnly: true, cloud: 'ams' });
    expect(ams.sources.map((source) => source.key)).toEqual(['ams/R']);
    expect(ams.items).toEqual([]);
  });

  it('filters by kind and name', () => {
    expect(visibleParity(matrix, { ...DEFAULT_PARITY_VIEW, kind: 'flavor' }).items).toEqual([]);
    expect(visibleParity(matrix, { ...DEFAULT_PARITY_VIEW, text: 'OP' }).items.map((item) => item.name)).toEqual(['ops']);
  });
});
