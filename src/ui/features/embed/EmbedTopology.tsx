import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { useTopologyInputs } from '../topology/api/cloud-topology.ts';
import { HealthTopology } from '../wall/HealthTopology.tsx';
import type { EmbedSelection } from './embed-messages.ts';

/** The topology in health mode; a click opens a node and tells the host which one. */
export function EmbedTopology({ cloud, theme, onSelect }: { cloud: string; theme: 'light' | 'dark'; onSelect: (selection: EmbedSelection) => void }) {
  const { inputs } = useTopologyInputs();
  const graph = useMemo(() => buildTopology(cloud === '' ? inputs : inputs.filter((input) => input.cloud === cloud)), [inputs, cloud]);
  return (
    <div className="min-h-0 flex-1 rounded border border-slate-200 dark:border-slate-800">
      <ReactFlowProvider>
        <HealthTopology
          graph={graph}
          minHealth="ok"
          colorMode={theme}
          onSelect={(node) => onSelect({ kind: 'node', level: node.level, id: node.id, label: node.label, health: node.health, place: node.place })}
        />
      </ReactFlowProvider>
    </div>
  );
}
