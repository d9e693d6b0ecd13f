import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVER_GROUP_BY } from './group-rows.ts';
import { DEFAULT_SERVERS_VIEW, formatServersView, parseServersView, type ServersViewState } from './inventory-url-state.ts';
import { SERVER_COLUMN_IDS } from './server-columns.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const viewState: fc.Arbitrary<ServersViewState> = fc.record(
  {
    filters: fc.record({ text, status: text, cloud: text, region: text, site: text, flavor: text, image: text, ip: text }),
    sort: fc.record({ column: fc.constantFrom(...SERVER_COLUMN_IDS), descending: fc.boolean() }),
    groupBy: fc.constantFrom(...SERVER_GROUP_BY),
    // Columns are shown in the table's own order, so a valid state lists them in that order.
    columns: fc.subarray([...SERVER_COLUMN_IDS], { minLength: 1 }),
    open: text.filter((value) => value !== ''),
  },
  { requiredKeys: ['filters', 'sort', 'columns'] },
);

describe('servers view in the URL', () => {
  it('reads back exactly what it wrote, through the URL text', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        const url = formatServersView(state).toString();
        expect(parseServersView(new URLSearchParams(url))).toEqual(state);
      }),
    );
  });

  it('never throws on garbage, and what it makes of garbage is stable', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('q', 'sort', 'group', 'cols', 'open', 'status', 'x'), fc.string({ unit: 'binary', maxLength: 30 }))), (pairs) => {
        const parsed = parseServersView(new URLSearchParams(pairs));
        expect(parseServersView(formatServersView(parsed))).toEqual(parsed);
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (query) => void parseServersView(new URLSearchParams(query))));
  });

  it('gives the default view for an empty query and writes nothing for it', () => {
    expect(parseServersView(new URLSearchParams())).toEqual(DEFAULT_SERVERS_VIEW);
    expect(formatServersView(DEFAULT_SERVERS_VIEW).toString()).toBe('');
  });

  it('keeps parameters that belong to others, such as the demo fleet spec', () => {
    const base = new URLSearchParams('fleet=sites%3D3&q=old&sort=-name');
    const params = formatServersView({ ...DEFAULT_SERVERS_VIEW, filters: { ...DEFAULT_SERVERS_VIEW.filters, status: 'ERROR' } }, base);
    expect(params.toString()).toBe('fleet=sites%3D3&status=ERROR');
  });

  it('writes short, readable links', () => {
    const state: ServersViewState = {
      ...DEFAULT_SERVERS_VIEW,
      sort: { column: 'created', descending: true },
      groupBy: 'site',
      columns: ['name', 'status', 'site'],
    };
    expect(formatServersView(state).toString()).toBe('sort=-created&group=site&cols=name.status.site');
  });

  it('falls back to sensible values for unknown sort columns, groupings and column lists', () => {
    const state = parseServersView(new URLSearchParams('sort=-password&group=owner&cols=secret.nope'));
    expect(state.sort).toEqual(DEFAULT_SERVERS_VIEW.sort);
    expect(state.groupBy).toBeUndefined();
    expect(state.columns).toEqual(DEFAULT_SERVERS_VIEW.columns);
  });

  it('bounds what a link can put into a filter', () => {
    const state = parseServersView(new URLSearchParams({ q: 'x'.repeat(10_000) }));
    expect(state.filters.text.length).toBe(512);
  });
});
