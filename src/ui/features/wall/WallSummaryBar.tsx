import type { WallSummary } from '../../../fleet/wall/wall-cloud.ts';
import type { WallView } from '../../../fleet/wall/wall-settings.ts';
import { formatDuration } from '../../lib/format-duration.ts';
import { clockTime } from './wall-words.ts';
import { formatCount } from '../../lib/format-count.ts';

export const VIEW_TITLES: Record<WallView, string> = { health: 'Clouds', topology: 'Topology', changes: 'Last hour' };

interface WallSummaryBarProps {
  summary: WallSummary;
  lastRefreshAt: number;
  now: number;
  views: readonly WallView[];
  current: WallView;
}

/** What the room must see at any moment, whichever view rotates below it. */
export function WallSummaryBar({ summary, lastRefreshAt, now, views, current }: WallSummaryBarProps) {
  const { states } = summary;
  return (
    <header className="flex items-stretch gap-6 border-b-2 border-slate-700 px-8 py-5">
      <section aria-label="Fleet health summary" className="flex flex-1 flex-wrap items-end gap-x-10 gap-y-3">
        <Stat label="Clouds" value={summary.clouds} />
        <Stat label="Up" value={states.up} tone="text-emerald-400" />
        <Stat label="Degraded" value={states.degraded} tone={states.degraded > 0 ? 'text-amber-300' : 'text-slate-500'} />
        <Stat label="Down" value={states.down} tone={states.down > 0 ? 'text-red-400' : 'text-slate-500'} />
        {states.waiting > 0 ? <Stat label="Waiting" value={states.waiting} tone="text-slate-400" /> : null}
        {states['signin-needed'] > 0 ? <Stat label="No credentials" value={states['signin-needed']} tone="text-sky-300" /> : null}
        <Stat label="Servers in ERROR" value={summary.errorServers} tone={summary.errorServers > 0 ? 'text-amber-300' : 'text-slate-500'} />
        <Stat label="Hosts down" value={summary.hostsDown} tone={summary.hostsDown ? 'text-red-400' : 'text-slate-500'} />
      </section>
      <div className="flex shrink-0 flex-col items-end justify-between gap-2 text-right">
        <p aria-label="Clock" className="text-4xl font-semibold tabular-nums">
          {clockTime(now)}
        </p>
        <p role="status" aria-label="Last refresh" className="text-lg text-slate-300 tabular-nums">
          {lastRefreshAt > 0 ? `Updated ${clockTime(lastRefreshAt)} · ${formatDuration(now - lastRefreshAt) === 'now' ? 'just now' : `${formatDuration(now - lastRefreshAt)} ago`}` : 'Waiting for the first cloud…'}
        </p>
        {views.length > 1 ? (
          <ol aria-label="Views" className="flex gap-2 text-base">
            {views.map((view) => (
              <li
                key={view}
                aria-current={view === current ? 'true' : undefined}
                className={`rounded px-2 py-0.5 ${view === current ? 'bg-slate-100 font-semibold text-slate-950' : 'text-slate-400'}`}
              >
                {VIEW_TITLES[view]}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </header>
  );
}

function Stat({ label, value, tone = 'text-slate-50' }: { label: string; value: number | undefined; tone?: string }) {
  const shown = value === undefined ? '–' : formatCount(value);
  return (
    <div role="group" aria-label={`${label}: ${value === undefined ? 'unknown' : shown}`} className="flex flex-col">
      <span className="text-lg font-medium tracking-wide text-slate-300 uppercase">{label}</span>
      <span className={`text-6xl leading-none font-bold tabular-nums ${tone}`}>{shown}</span>
    </div>
  );
}
