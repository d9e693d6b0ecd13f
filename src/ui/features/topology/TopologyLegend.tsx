import { CAPACITY_PRESSURE_PERCENT } from '../../../fleet/topology/capacity-pressure.ts';
import { HEALTH_LABELS, TOPOLOGY_HEALTH, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import type { TopologyLink } from '../../../fleet/topology/topology-graph.ts';
import type { RelationLayerChoice } from './api/relation-data.ts';
import { HEALTH_PALETTE } from './health-palette.ts';
import { LINK_STYLES } from './link-styles.ts';

const MEANINGS: Record<TopologyHealth, string> = {
  ok: 'answering, every host up',
  pending: 'not answered yet',
  'signin-needed': 'waiting for its secret',
  'needs-admin': 'hosts or Placement hidden from a non-admin',
  stale: 'data older than it should be',
  degraded: `host disabled, servers in ERROR, or a host ≥ ${CAPACITY_PRESSURE_PERCENT} % of its Placement capacity`,
  failing: 'API (Nova or Placement) failing, or a host down',
};

/** Worst first, as the roll-up ranks them; then the links drawn across the tree (federation always, relations when their layer is on). */
export function TopologyLegend({ relations }: { relations: RelationLayerChoice }) {
  const linkKinds: TopologyLink['kind'][] = [
    'federation',
    ...(relations.networks ? (['network-overlap', 'network-span'] as const) : []),
    ...(relations.images ? (['image-replica'] as const) : []),
  ];
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
      <p className="mt-1 text-slate-500 dark:text-slate-400">
        Under pressure: a host whose VCPU, MEMORY_MB or DISK_GB use in Placement reaches {CAPACITY_PRESSURE_PERCENT} % of (total − reserved) ×
        allocation ratio; a collapsed node counts them (“3 under pressure”).
      </p>
      <ul aria-label="Links" className="mt-2 space-y-1">
        {linkKinds.map((kind) => (
          <li key={kind} className="flex items-start gap-2">
            <span aria-hidden="true" className={`mt-1.5 w-5 shrink-0 border-t-2 ${LINK_STYLES[kind].sample}`} />
            <span>
              <span className="font-medium text-slate-800 dark:text-slate-200">{LINK_STYLES[kind].name}</span>
              <span className="text-slate-500 dark:text-slate-400"> — {LINK_STYLES[kind].meaning}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
