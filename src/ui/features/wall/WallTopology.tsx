import { ReactFlowProvider } from '@xyflow/react';
import type { TopologyGraph } from '../../../fleet/topology/topology-graph.ts';
import { HEALTH_LABELS, TOPOLOGY_HEALTH } from '../../../fleet/topology/topology-health.ts';
import { HEALTH_PALETTE } from '../topology/health-palette.ts';
import { HealthTopology } from './HealthTopology.tsx';
import { formatCount } from '../../lib/format-count.ts';

/** Beyond this many clouds a full graph is too small to read from the room: only what is failing is drawn. */
const FULL_GRAPH_MAX_CLOUDS = 24;

export function WallTopology({ graph, clouds }: { graph: TopologyGraph; clouds: number }) {
  const problemsOnly = clouds > FULL_GRAPH_MAX_CLOUDS;
  return (
    <section aria-label="Topology in health mode" className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-lg text-slate-300">
        <h2 className="text-2xl font-semibold text-slate-100">Topology</h2>
        <span>{problemsOnly ? `Only what is failing, of ${formatCount(clouds)} clouds` : 'Every cloud, down to its regions when opened'}</span>
        <ul aria-label="Legend" className="ml-auto flex flex-wrap gap-x-5">
          {[...TOPOLOGY_HEALTH].reverse().map((health) => (
            <li key={health} className="flex items-center gap-2">
              <span aria-hidden="true" className={`h-3 w-3 rounded-full ${HEALTH_PALETTE[health].dot}`} />
              {HEALTH_LABELS[health]}
            </li>
          ))}
        </ul>
      </div>
      <div className="min-h-0 flex-1 rounded-lg border border-slate-800">
        <ReactFlowProvider>
          <HealthTopology graph={graph} minHealth={problemsOnly ? 'failing' : 'ok'} colorMode="dark" />
        </ReactFlowProvider>
      </div>
    </section>
  );
}
