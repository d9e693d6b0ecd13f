import type { WallCloud, WallCloudState } from './wall-cloud.ts';

/** What the change log compares between two refreshes of one cloud. */
export interface CloudSnapshot {
  state: WallCloudState;
  errorServers: number;
  hostsDown?: number;
}

export type HealthSnapshot = ReadonlyMap<string, CloudSnapshot>;

export type ChangeKind = 'down' | 'degraded' | 'recovered' | 'new-errors' | 'errors-cleared' | 'hosts-down' | 'hosts-up';

export interface Change {
  /** For list keys: unique within one log. */
  id: number;
  at: number;
  cloud: string;
  kind: ChangeKind;
  text: string;
}

export interface ChangeLog {
  /** Newest first. */
  entries: readonly Change[];
  nextId: number;
}

export const EMPTY_CHANGE_LOG: ChangeLog = Object.freeze({ entries: Object.freeze([]), nextId: 1 });

export const CHANGE_WINDOW_MS = 60 * 60_000;
/** A flapping fleet must not grow the wall's memory: older entries give way. */
export const MAX_CHANGES = 200;

export function snapshotOf(clouds: readonly WallCloud[]): HealthSnapshot {
  return new Map(clouds.map((cloud) => [cloud.cloud, { state: cloud.state, errorServers: cloud.errorServers, hostsDown: cloud.hostsDown }]));
}

/** States that say nothing of the cloud's health: going to or from them is not news. */
const UNKNOWN: ReadonlySet<WallCloudState> = new Set(['waiting', 'signin-needed']);

/**
 * What changed from one snapshot to the next. A cloud seen for the first time
 * (or still loading) is the baseline, not a change, so opening the wall does
 * not fill the log with every cloud coming up.
 */
export function diffSnapshots(previous: HealthSnapshot, next: HealthSnapshot, at: number): Omit<Change, 'id'>[] {
  const changes: Omit<Change, 'id'>[] = [];
  for (const [cloud, now] of next) {
    const before = previous.get(cloud);
    if (!before || UNKNOWN.has(before.state) || UNKNOWN.has(now.state)) continue;
    const change = (kind: ChangeKind, text: string) => changes.push({ at, cloud, kind, text });
    if (before.state !== now.state) {
      if (now.state === 'down') change('down', 'down');
      else if (before.state === 'down') change('recovered', now.state === 'up' ? 'recovered' : 'recovered, degraded');
      else if (now.state === 'degraded') change('degraded', 'degraded');
      else change('recovered', 'recovered');
    }
    if (now.errorServers > before.errorServers) {
      const added = now.errorServers - before.errorServers;
      change('new-errors', `${added} new server${added === 1 ? '' : 's'} in ERROR (${now.errorServers} in all)`);
    } else if (now.errorServers === 0 && before.errorServers > 0) {
      change('errors-cleared', 'no server in ERROR any more');
    }
    if (before.hostsDown !== undefined && now.hostsDown !== undefined && before.hostsDown !== now.hostsDown) {
      const more = now.hostsDown > before.hostsDown;
      change(more ? 'hosts-down' : 'hosts-up', `${now.hostsDown} host${now.hostsDown === 1 ? '' : 's'} down (was ${before.hostsDown})`);
    }
  }
  return changes;
}

/** Adds changes (newest first) and forgets what is older than the window or beyond the cap. */
export function appendChanges(log: ChangeLog, changes: readonly Omit<Change, 'id'>[], now: number): ChangeLog {
  const oldest = now - CHANGE_WINDOW_MS;
  const kept = log.entries.filter((entry) => entry.at >= oldest);
  if (changes.length === 0 && kept.length === log.entries.length) return log;
  const added = changes.map((change, index) => ({ ...change, id: log.nextId + index })).reverse();
  return { entries: [...added, ...kept].slice(0, MAX_CHANGES), nextId: log.nextId + changes.length };
}
