import { Handle, Position, useStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { VisibleNode } from '../../../fleet/topology/collapse.ts';
import type { TopologyLevel } from '../../../fleet/topology/topology-graph.ts';
import { HEALTH_LABELS } from '../../../fleet/topology/topology-health.ts';
import { HEALTH_PALETTE } from './health-palette.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { cardNote, statusLine, structureLine } from './node-text.ts';

export type TopologyFlowNode = Node<{ entry: VisibleNode }, 'topology'>;

/** The short word in a card's corner, where the level's own name is not what operators say. */
const LEVEL_TAGS: Partial<Record<TopologyLevel, string>> = { domain: 'Keystone', trust: 'OIDC' };

/** Below this zoom a card's small lines cannot be read: it shows its name and health only, and costs the page less. */
const COMPACT_BELOW_ZOOM = 0.45;
const isCompact = (state: ReactFlowState) => state.transform[2] < COMPACT_BELOW_ZOOM;

/** One node as a card. Every name is rendered as text: a hostile host name is inert. */
export function TopologyNodeCard({ data, selected }: NodeProps<TopologyFlowNode>) {
  const { node, expandable, expanded } = data.entry;
  const palette = HEALTH_PALETTE[node.health];
  const compact = useStore(isCompact);
  if (compact) {
    return (
      <div
        style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
        className={`flex items-center gap-3 rounded-lg border-4 bg-white px-4 dark:bg-slate-900 ${palette.border} ${selected ? 'ring-4 ring-teal-500' : ''}`}
      >
        <Handle type="target" position={Position.Left} isConnectable={false} className="!border-0 !bg-transparent" />
        <span aria-hidden="true" className={`h-6 w-6 shrink-0 rounded-full ${palette.dot}`} />
        <span className="truncate text-2xl font-semibold text-slate-900 dark:text-slate-100">{node.label}</span>
        <Handle type="source" position={Position.Right} isConnectable={false} className="!border-0 !bg-transparent" />
      </div>
    );
  }
  const structure = [structureLine(node), node.notes.includes('cells unknown') ? 'cells unknown' : ''].filter(Boolean).join(' · ');
  const note = cardNote(node);
  return (
    <div
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`relative flex flex-col justify-center gap-0.5 rounded-lg border-2 bg-white px-3 text-left shadow-sm dark:bg-slate-900 ${palette.border} ${
        selected ? 'ring-2 ring-teal-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950' : ''
      }`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!border-0 !bg-transparent" />
      <div className="flex min-w-0 items-center gap-2">
        <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${palette.dot}`} />
        <span className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100" title={node.label}>
          {node.label}
        </span>
        <span className="ml-auto shrink-0 text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">{LEVEL_TAGS[node.level] ?? node.level}</span>
      </div>
      <p className="truncate text-xs text-slate-600 dark:text-slate-400">{structure || (note ? '\u00a0' : HEALTH_LABELS[node.health])}</p>
      <p className="truncate text-xs text-slate-600 dark:text-slate-400">{statusLine(node) || '\u00a0'}</p>
      <p
        className={`truncate text-xs ${node.problems.length > 0 ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}
        title={note}
      >
        {note || '\u00a0'}
      </p>
      {expandable ? (
        <span
          aria-hidden="true"
          className="absolute top-1/2 -right-3 flex h-6 w-6 -translate-y-1/2 items-center justify-center rounded-full border border-slate-300 bg-white text-sm font-semibold text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
        >
          {expanded ? '−' : '+'}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="!border-0 !bg-transparent" />
    </div>
  );
}
