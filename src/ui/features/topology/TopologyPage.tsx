import '@xyflow/react/dist/style.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { useTopologyInputs } from './api/cloud-topology.ts';
import { TopologyView } from './TopologyView.tsx';
import { useThrottled } from './use-throttled.ts';

/** How often the graph is rebuilt while clouds answer: often enough to watch it fill in. */
const REBUILD_EVERY_MS = 400;

/** /topology: the fleet as one graph, from identity domains down to hosts, with health rolled up. */
export function TopologyPage() {
  const clouds = useClouds();
  const { inputs: latestInputs, fetching } = useTopologyInputs();
  const inputs = useThrottled(latestInputs, REBUILD_EVERY_MS);
  const graph = useMemo(() => buildTopology(inputs), [inputs]);
  const failing = inputs.filter((input) => input.status === 'failing' || input.status === 'unauthorized');
  const waiting = inputs.filter((input) => input.status === 'pending').length;

  return (
    <ReactFlowProvider>
      <div className="flex h-[calc(100vh-3rem)] min-h-[480px] flex-col">
        <PageHeader
          title="Topology"
          description="Identity domains, clouds, regions, cells, sites and hosts. Click a node (or press Enter on it) to open or close it."
        />
        {clouds.length === 0 ? (
          <div className="p-6">
            <Notice tone="info" title="No clouds to draw">
              Add or import clouds on the <Link to="/clouds" className="underline">Clouds</Link> page; their topology appears here.
            </Notice>
          </div>
        ) : (
          <>
            <div className="space-y-2 px-6 pt-3 empty:hidden" aria-live="polite">
              {waiting > 0 ? (
                <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
                  Waiting for {waiting} of {inputs.length} clouds; the graph fills in as they answer.
                </p>
              ) : null}
              {failing.length > 0 ? (
                <Notice tone="warning" title={`${failing.length} of ${inputs.length} clouds failing`}>
                  {failing.map((input) => input.cloud).join(', ')}: shown in red with their last known hosts, if any. Select a node for the error
                  and its request id.
                </Notice>
              ) : null}
            </div>
            <TopologyView graph={graph} fetching={fetching} />
          </>
        )}
      </div>
    </ReactFlowProvider>
  );
}
