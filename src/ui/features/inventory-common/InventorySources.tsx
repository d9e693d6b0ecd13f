import { memo, type ReactNode } from 'react';
import { describeError } from '../../../fleet/health/describe-error.ts';
import type { SourceStatus } from '../../../fleet/inventory/source-status.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatAge } from '../../lib/format-duration.ts';
import { formatCount } from '../../lib/format-count.ts';

interface InventorySourcesProps<Source extends SourceStatus> {
  sources: readonly Source[];
  onRefresh: (cloud: string) => void;
  /** Clouds with a load under way, whose button says so. */
  fetching: ReadonlySet<string>;
  /** What the rows are, as the counts name them: ['server', 'servers']. */
  noun: [singular: string, plural: string];
  /** The disclosure's title; by default "Every cloud and region" (", region and project" when read per project). */
  title?: string;
  /** More beside a source's badge, e.g. the listings its role may not read. */
  renderExtra?: (source: Source) => ReactNode;
}

const BUTTON = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/**
 * Where the rows come from, per cloud and region (DESIGN rule 3): failures
 * first, each with its error, request id and a retry; then every source as a
 * compact badge with its age.
 */
function InventorySourcesList<Source extends SourceStatus>({ sources, onRefresh, fetching, noun, title = sources.some((source) => source.project !== undefined) ? 'Every cloud, region and project' : 'Every cloud and region', renderExtra }: InventorySourcesProps<Source>) {
  const failing = sources.filter((source) => source.error !== undefined);
  return (
    <section aria-label="Sources" className="space-y-2">
      {failing.length > 0 ? (
        <ul aria-label="Failing sources" className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
          {failing.map((source) => {
            const name = sourceName(source);
            return (
              <li key={name} aria-label={name} className="flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50/60 px-3 py-2 dark:border-red-900 dark:bg-red-950/40">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{name}</span>
                    <StatusBadge status={source.health.status} detail={source.health.ageMs !== undefined ? `data ${formatAge(source.health.ageMs)}` : undefined} />
                    {source.rows > 0 ? (
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        {/* Rows from pages before the failure are a prefix, never the whole: say so rather than show a silently short list. */}
                        {source.complete ? `${formatCount(source.rows)} older rows shown` : `Partial: ${formatCount(source.rows)} ${source.rows === 1 ? noun[0] : noun[1]} loaded before the failure`}
                      </span>
                    ) : null}
                  </div>
                  <ErrorDetails description={describeError(source.error)} />
                </div>
                <button type="button" className={BUTTON} disabled={fetching.has(source.cloud)} onClick={() => onRefresh(source.cloud)} aria-label={`Retry ${source.cloud}`}>
                  {fetching.has(source.cloud) ? 'Retrying…' : 'Retry'}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <details className="group rounded-md border border-slate-200 dark:border-slate-800">
        <summary className="cursor-pointer px-3 py-1.5 text-xs text-slate-600 select-none dark:text-slate-400">
          {title} ({formatCount(sources.length)})
        </summary>
        <ul aria-label="Every source" className="flex max-h-48 flex-wrap gap-1.5 overflow-auto border-t border-slate-200 px-3 py-2 dark:border-slate-800">
          {sources.map((source) => {
            const name = sourceName(source);
            const age = source.health.ageMs !== undefined && source.health.status !== 'pending' ? formatAge(source.health.ageMs) : undefined;
            return (
              <li key={name} aria-label={name} className="flex items-center gap-1.5 rounded border border-slate-200 py-0.5 pr-1 pl-2 text-xs dark:border-slate-800">
                <span className="font-medium">{name}</span>
                <StatusBadge status={source.health.status} detail={source.loading && source.health.status !== 'pending' ? 'refreshing' : age} />
                {renderExtra?.(source)}
                {source.rows > 0 || source.complete ? (
                  <span className="text-slate-500 tabular-nums" title={source.complete ? noun[1] : `${noun[1]} so far`}>
                    {formatCount(source.rows)}
                    {source.complete ? '' : '+'}
                  </span>
                ) : null}
                <button type="button" className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100" disabled={fetching.has(source.cloud)} onClick={() => onRefresh(source.cloud)} aria-label={`Refresh ${source.cloud}`} title={`Refresh ${source.cloud}`}>
                  ↻
                </button>
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}

/** Memoized, so a keystroke in a filter does not re-render hundreds of badges; memo() drops the type parameter, hence the annotation. */
export const InventorySources = memo(InventorySourcesList) as typeof InventorySourcesList;

function sourceName(source: SourceStatus): string {
  const place = source.region === undefined ? source.cloud : `${source.cloud} / ${source.region}`;
  return source.project === undefined ? place : `${place} · project ${source.project}`;
}
