import { describe, expect, it } from 'vitest';
import { countChanges, destructiveClouds, needsTypedConfirmation, stepsByCloud } from './plan.ts';
import { planServerLifecycle, type LifecycleServer } from './server-lifecycle.ts';

const servers: LifecycleServer[] = [
  { cloud: 'ams', region: 'RegionOne', id: 's1', name: 'web-1', status: 'ACTIVE', locked: false, tags: [] },
  { cloud: 'ams', region: 'RegionOne', id: 's2', name: 'web-2', status: 'SHUTOFF', locked: true, tags: ['blue'] },
  { cloud: 'fra', region: 'RegionOne', id: 's3', name: 'db-1', status: 'ACTIVE', locked: false },
  { cloud: 'par', region: 'RegionOne', id: 's4', name: '', status: 'UNKNOWN' },
];

function plan(verb: Parameters<typeof planServerLifecycle>[0]['verb'], tag?: string) {
  return planServerLifecycle({ planId: 'p', now: 0, verb, tag, servers });
}

describe('planServerLifecycle', () => {
  it('stops running servers and leaves stopped ones as they are', () => {
    const result = plan('stop');
    expect(result.steps.map((step) => step.change)).toEqual(['change', 'no-change', 'change', 'conflict']);
    expect(result.steps[0]?.call).toBe('POST /servers/s1/action (os-stop)');
    expect(result.steps[0]?.operation).toEqual({ kind: 'server-action', serverId: 's1', serverName: 'web-1', action: 'os-stop' });
    expect(result.steps[3]?.reason).toContain('unknown');
    expect(needsTypedConfirmation(result)).toBe(false);
    expect(result.title).toBe('Servers: stop 4 servers in 3 clouds');
  });

  it('names deletes as destructive and asks for typed confirmation when they span clouds', () => {
    const result = plan('delete');
    expect(result.steps.filter((step) => step.destructive).map((step) => step.change)).toEqual(['delete', 'delete', 'delete', 'conflict']);
    expect(destructiveClouds(result)).toEqual(['ams', 'fra']);
    expect(needsTypedConfirmation(result)).toBe(true);
    const oneCloud = planServerLifecycle({ planId: 'p', now: 0, verb: 'delete', servers: servers.slice(0, 2) });
    expect(needsTypedConfirmation(oneCloud)).toBe(false);
  });

  it('locks only unlocked servers and tags only untagged ones', () => {
    expect(countChanges(plan('lock').steps)).toEqual({ create: 0, change: 2, delete: 0, noChange: 1, conflict: 1 });
    const tagged = plan('tag', 'blue');
    expect(tagged.steps.map((step) => step.change)).toEqual(['change', 'no-change', 'change', 'conflict']);
    expect(() => plan('tag', ' ')).toThrow(/tag/);
  });

  it('groups the preview per cloud', () => {
    expect(stepsByCloud(plan('reboot').steps).map((group) => [group.cloud, group.steps.length])).toEqual([
      ['ams', 2],
      ['fra', 1],
      ['par', 1],
    ]);
  });
});
