import { describe, expect, it } from 'vitest';
import type { CloudServers } from './load-servers.ts';
import { inventorySources, summarizeInventory } from './source-status.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

const NOW = 1_000_000;
const STALE = 180_000;
const twoRegions: CloudServers = {
  cloud: 'core',
  regions: [
    { region: 'eu-1', state: 'ok', rows: [fakeServerRow({ id: 'a' }), fakeServerRow({ id: 'b' })], complete: true, loadedAt: NOW - 10_000 },
    { region: 'eu-2', state: 'failed', rows: [fakeServerRow({ id: 'c' })], complete: false, error: new Error('boom') },
  ],
};

describe('inventorySources', () => {
  it('gives each region its own status, age and row count', () => {
    const sources = inventorySources([{ cloud: 'core', data: twoRegions, dataUpdatedAt: NOW, fetching: false }], NOW, STALE);
    expect(sources.map((s) => [s.region, s.health.status, s.health.ageMs, s.rows, s.complete])).toEqual([
      ['eu-1', 'ok', 10_000, 2, true],
      ['eu-2', 'failing', undefined, 1, false],
    ]);
  });

  it('shows a cloud that failed as a whole (sign-in) as one failing badge, keeping the age of older data', () => {
    const error = new Error('refused');
    const [source] = inventorySources([{ cloud: 'fra', error, dataUpdatedAt: NOW - 5_000, fetching: false }], NOW, STALE);
    expect(source?.region).toBeUndefined();
    expect(source).toMatchObject({ cloud: 'fra', error, health: { status: 'failing', ageMs: 5_000 } });
  });

  it('shows a cloud that has not answered yet as pending, not failing', () => {
    const [source] = inventorySources([{ cloud: 'lon', dataUpdatedAt: 0, fetching: true }], NOW, STALE);
    expect(source).toMatchObject({ health: { status: 'pending' }, loading: true, rows: 0 });
  });

  it('shows a cloud waiting for its secret as needing sign-in, neither pending nor failing', () => {
    const [source] = inventorySources([{ cloud: 'par', signInNeeded: true, dataUpdatedAt: 0, fetching: false }], NOW, STALE);
    expect(source).toMatchObject({ health: { status: 'signin-needed' }, error: undefined, rows: 0 });
  });

  it('marks old data stale', () => {
    const old: CloudServers = { cloud: 'x', regions: [{ region: 'r', state: 'ok', rows: [], complete: true, loadedAt: NOW - STALE - 1 }] };
    expect(inventorySources([{ cloud: 'x', data: old, dataUpdatedAt: 1, fetching: false }], NOW, STALE)[0]?.health.status).toBe('stale');
  });
});

describe('summarizeInventory', () => {
  it('counts rows, clouds, clouds with any failing region, and clouds not heard from', () => {
    const sources = inventorySources(
      [
        { cloud: 'core', data: twoRegions, dataUpdatedAt: NOW, fetching: false },
        { cloud: 'fra', error: new Error('x'), dataUpdatedAt: 0, fetching: false },
        { cloud: 'lon', dataUpdatedAt: 0, fetching: true },
        { cloud: 'par', signInNeeded: true, dataUpdatedAt: 0, fetching: false },
      ],
      NOW,
      STALE,
    );
    expect(summarizeInventory(sources)).toEqual({ rows: 3, clouds: 4, failingClouds: 2, pendingClouds: 1, signInNeededClouds: 1 });
  });
});
