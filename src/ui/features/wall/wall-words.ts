import type { ChangeKind } from '../../../fleet/wall/change-log.ts';
import type { WallCloudState } from '../../../fleet/wall/wall-cloud.ts';
import { formatDuration } from '../../lib/format-duration.ts';

/** High contrast on the wall's dark background, readable from across the room. */
export const STATE_STYLE: Record<WallCloudState, { label: string; tile: string; dot: string }> = {
  down: { label: 'down', tile: 'border-red-500 bg-red-950 text-red-50', dot: 'bg-red-500' },
  degraded: { label: 'degraded', tile: 'border-amber-400 bg-amber-950 text-amber-50', dot: 'bg-amber-400' },
  'signin-needed': { label: 'no credentials', tile: 'border-sky-500 bg-slate-900 text-sky-100', dot: 'bg-sky-400' },
  waiting: { label: 'waiting', tile: 'border-slate-600 bg-slate-900 text-slate-300', dot: 'bg-slate-400 animate-pulse' },
  up: { label: 'up', tile: 'border-emerald-700 bg-slate-900 text-slate-100', dot: 'bg-emerald-400' },
};

export const CHANGE_STYLE: Record<ChangeKind, string> = {
  down: 'text-red-300',
  degraded: 'text-amber-300',
  'new-errors': 'text-amber-300',
  'hosts-down': 'text-red-300',
  recovered: 'text-emerald-300',
  'errors-cleared': 'text-emerald-300',
  'hosts-up': 'text-emerald-300',
};

/** "data 40 s old", for a wall seen from afar: no "ago", no decimals. */
export function dataAge(ageMs: number | undefined): string {
  if (ageMs === undefined) return 'no data yet';
  const duration = formatDuration(ageMs);
  return duration === 'now' ? 'data fresh' : `data ${duration} old`;
}

/** 24-hour clock time: an operations room reads one format. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
