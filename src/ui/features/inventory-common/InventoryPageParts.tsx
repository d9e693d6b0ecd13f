import type { ReactNode } from 'react';
import type { InventorySummary } from '../../../fleet/inventory/source-status.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatCount } from '../../lib/format-count.ts';

/** The look of a page header's buttons and button-like links. */
export const HEADER_BUTTON = 'rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/** The header button every inventory view shares; it counts the clouds still loading. */
export function RefreshAllButton({ fetching, clouds, onClick }: { fetching: number; clouds: number; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} disabled={clouds === 0} className={HEADER_BUTTON}>
      {fetching > 0 ? `Loading ${fetching} of ${clouds}…` : 'Refresh all'}
    </button>
  );
}

/** An empty registry: what to do rather than an empty table. `noun` is plural: "servers". */
export function NoCloudsNotice({ noun }: { noun: string }) {
  return (
    <Notice tone="info" title="No clouds yet">
      Add clouds on the Clouds page (or serve a runtime config with a <code>clouds</code> section) and their {noun} appear here.
    </Notice>
  );
}

/** How many rows the filters let through, announced politely as they change. */
export function MatchCount({ matching, total, noun, updating }: { matching: number; total: number; noun: string; updating: boolean }) {
  return (
    <p role="status" aria-label={`Matching ${noun}`} className="text-xs text-slate-600 dark:text-slate-400">
      {matching !== total ? `${formatCount(matching)} of ${formatCount(total)} ${noun} match` : `${formatCount(total)} ${noun}`}
      {updating ? ' · updating…' : ''}
    </p>
  );
}

/** Where the table would be when it has no row: why (filtered, loading, or nothing there). */
export function EmptyTable({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-48 items-center justify-center rounded-md border border-dashed border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {children}
    </div>
  );
}

/** The header's one-line summary: rows and clouds, then what is failing, loading or waiting for sign-in. */
export function InventoryCounts({ summary, noun }: { summary: InventorySummary; noun: string }) {
  return (
    <span aria-label="Inventory summary">
      {plural(summary.rows, noun)} in {plural(summary.clouds, 'cloud')}
      {summary.failingClouds > 0 ? <span className="text-red-700 dark:text-red-400">; {plural(summary.failingClouds, 'cloud')} failing</span> : null}
      {summary.pendingClouds > 0 ? `; ${formatCount(summary.pendingClouds)} still loading` : null}
      {summary.signInNeededClouds > 0 ? `; ${plural(summary.signInNeededClouds, 'cloud')} waiting for sign-in` : null}
    </span>
  );
}

function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}
