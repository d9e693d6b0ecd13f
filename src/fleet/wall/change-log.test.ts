import { describe, expect, it } from 'vitest';
import {
  appendChanges,
  CHANGE_WINDOW_MS,
  diffSnapshots,
  EMPTY_CHANGE_LOG,
  MAX_CHANGES,
  snapshotOf,
  type CloudSnapshot,
  type HealthSnapshot,
} from './change-log.ts';

const snap = (entries: Record<string, Partial<CloudSnapshot>>): HealthSnapshot =>
  new Map(Object.entries(entries).map(([cloud, value]) => [cloud, { state: 'up', errorServers: 0, ...value }]));

describe('diffSnapshots', () => {
  it('records a cloud going down and coming back', () => {
    const up = snap({ ams: {} });
    const down = snap({ ams: { state: 'down' } });
    expect(diffSnapshots(up, down, 5)).toEqual([{ at: 5, cloud: 'ams', kind: 'down', text: 'down' }]);
    expect(diffSnapshots(down, up, 6)).toEqual([{ at: 6, cloud: 'ams', kind: 'recovered', text: 'recovered' }]);
    expect(diffSnapshots(down, snap({ ams: { state: 'degraded' } }), 7)).toEqual([{ at: 7, cloud: 'ams', kind: 'recovered', text: 'recovered, degraded' }]);
    expect(diffSnapshots(up, snap({ ams: { state: 'degraded' } }), 8)).toMatchObject([{ kind: 'degraded' }]);
  });

  it('treats first sight and loading as the baseline, not as news', () => {
    expect(diffSnapshots(snap({}), snap({ ams: { state: 'down' } }), 1)).toEqual([]);
    expect(diffSnapshots(snap({ ams: { state: 'waiting' } }), snap({ ams: { state: 'down', errorServers: 3 } }), 1)).toEqual([]);
    expect(diffSnapshots(snap({ ams: {} }), snap({ ams: { state: 'signin-needed' } }), 1)).toEqual([]);
  });

  it('records new ERROR servers and their clearing, and hosts going down or up only where known', () => {
    expect(diffSnapshots(snap({ ams: { errorServers: 1 } }), snap({ ams: { errorServers: 3 } }), 1)).toEqual([
      { at: 1, cloud: 'ams', kind: 'new-errors', text: '2 new servers in ERROR (3 in all)' },
    ]);
    expect(diffSnapshots(snap({ ams: { errorServers: 3 } }), snap({ ams: { errorServers: 2 } }), 1)).toEqual([]);
    expect(diffSnapshots(snap({ ams: { errorServers: 3 } }), snap({ ams: {} }), 1)).toMatchObject([{ kind: 'errors-cleared' }]);
    expect(diffSnapshots(snap({ ams: { hostsDown: 0 } }), snap({ ams: { hostsDown: 1 } }), 1)).toMatchObject([{ kind: 'hosts-down', text: '1 host down (was 0)' }]);
    expect(diffSnapshots(snap({ ams: { hostsDown: 2 } }), snap({ ams: { hostsDown: 0 } }), 1)).toMatchObject([{ kind: 'hosts-up' }]);
    expect(diffSnapshots(snap({ ams: {} }), snap({ ams: { hostsDown: 4 } }), 1)).toEqual([]);
  });

  it('keeps only the states and counts of a cloud in a snapshot', () => {
    expect(snapshotOf([{ cloud: 'ams', state: 'down', errorServers: 2, reason: 'x', ageMs: 3 }])).toEqual(
      new Map([['ams', { state: 'down', errorServers: 2, hostsDown: undefined }]]),
    );
  });
});

describe('appendChanges', () => {
  it('puts the newest first with ids that stay unique', () => {
    const first = appendChanges(EMPTY_CHANGE_LOG, [{ at: 1, cloud: 'a', kind: 'down', text: 'down' }], 1);
    const second = appendChanges(first, [
      { at: 2, cloud: 'b', kind: 'down', text: 'down' },
      { at: 2, cloud: 'c', kind: 'down', text: 'down' },
    ], 2);
    expect(second.entries.map((entry) => [entry.cloud, entry.id])).toEqual([['c', 3], ['b', 2], ['a', 1]]);
  });

  it('forgets what is older than the hour', () => {
    const log = appendChanges(EMPTY_CHANGE_LOG, [{ at: 0, cloud: 'a', kind: 'down', text: 'down' }], 0);
    expect(appendChanges(log, [], CHANGE_WINDOW_MS).entries).toHaveLength(1);
    expect(appendChanges(log, [], CHANGE_WINDOW_MS + 1).entries).toHaveLength(0);
  });

  it('stays bounded however much a fleet flaps, and returns the same log when nothing changed', () => {
    let log = EMPTY_CHANGE_LOG;
    for (let round = 0; round < 50; round++) {
      const changes = Array.from({ length: 20 }, (_, i) => ({ at: round, cloud: `c${i}`, kind: 'down' as const, text: 'down' }));
      log = appendChanges(log, changes, round);
    }
    expect(log.entries).toHaveLength(MAX_CHANGES);
    expect(log.entries[0]?.at).toBe(49);
    expect(appendChanges(log, [], 49)).toBe(log);
  });
});
