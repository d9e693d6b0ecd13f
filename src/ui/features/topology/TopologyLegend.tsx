import { HEALTH_LABELS, TOPOLOGY_HEALTH, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import { HEALTH_PALETTE } from './health-palette.ts';

const MEANINGS: Record<TopologyHealth, string> = {
  ok: 'answering, every host up',
  pending: 'not answered yet',
  'signin-needed': 'waiting for its secret',
  'needs-admin': 'hosts hidden from a non-admin',
  stale: 'data older than it should be',
  degraded: 'host disabled or servers in ERROR',
  failing: 'API failing or a host down',
};

/** Worst first, as the roll-up ranks them. */
export function TopologyLegend() {
  return (
    <section aria-labelledby="topology-legend" className="text-xs">
      <h2 id="topology-legend" className="mb-1.5 font-semibold text-slate-700 dark:text-slate-300">
        Legend
      </h2>
      <ul className="space-y-1">
        {[...TOPOLOGY_HEALTH].reverse().map((health) => (
          <li key={health} className="flex items-start gap-2">
            <span aria-hidden="true" className={`mt-1 h-2.5 w-2.5 shrink-0 rounded-full ${HEALTH_PALETTE[health].dot}`} />
            <span>
              <span className="font-medium text-slate-800 dark:text-slate-200">{HEALTH_LABELS[health]}</span>
              <span className="text-slate-500 dark:text-slate-400"> — {MEANINGS[health]}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-500 dark:text-slate-400">Each node shows the worst of itself and everything below it.</p>
    </section>
  );
}
