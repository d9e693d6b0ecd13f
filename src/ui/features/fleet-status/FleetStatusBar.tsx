import { Link } from 'react-router';
import { summarizeFleetHealth } from '../../../fleet/health/cloud-health.ts';
import { useNow } from '../../lib/use-now.ts';
import { healthOfOverview, useCloudOverviews } from '../clouds/api/cloud-overview.ts';

/** The fleet at a glance, on every page: how many clouds answer, fail, or hold old data. */
export function FleetStatusBar() {
  const overviews = useCloudOverviews();
  const now = useNow(15_000);
  const summary = summarizeFleetHealth(overviews.map((state) => healthOfOverview(state, now).status));
  const failing = summary.counts.failing + summary.counts.unauthorized + summary.counts.forbidden;
  return (
    <Link
      to="/clouds"
      role="status"
      aria-label={`Fleet status: ${summary.total} clouds, ${summary.reachable} reachable, ${failing} failing, ${summary.counts.stale} stale, ${summary.counts.pending} connecting, ${summary.counts['signin-needed']} waiting for sign-in`}
      className="flex items-center gap-3 rounded px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <Count label="clouds" value={summary.total} />
      <Count label="reachable" value={summary.reachable} tone="text-emerald-700 dark:text-emerald-400" />
      <Count label="failing" value={failing} tone={failing > 0 ? 'text-red-700 dark:text-red-400' : undefined} />
      <Count label="stale" value={summary.counts.stale} tone={summary.counts.stale > 0 ? 'text-amber-700 dark:text-amber-400' : undefined} />
      {summary.counts.pending > 0 ? <Count label="connecting" value={summary.counts.pending} /> : null}
      {summary.counts['signin-needed'] > 0 ? <Count label="sign-in needed" value={summary.counts['signin-needed']} tone="text-sky-700 dark:text-sky-400" /> : null}
    </Link>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">
      <span className={`font-semibold tabular-nums ${tone ?? 'text-slate-900 dark:text-slate-100'}`}>{value}</span> {label}
    </span>
  );
}
