import '@xyflow/react/dist/style.css';
import { ReactFlow, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { collapse, defaultExpanded } from '../../../fleet/topology/collapse.ts';
import type { TopologyGraph, TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import type { TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import type { FlowNode } from '../topology/flow-elements.ts';
import { layoutNodeOf, layoutShape } from '../topology/layout-shape.ts';
import { TopologyFrameCard } from '../topology/TopologyFrameCard.tsx';
import { TopologyNodeCard } from '../topology/TopologyNodeCard.tsx';
import { useFlowElements } from '../topology/use-flow-elements.ts';
import { useLayout } from '../topology/use-layout.ts';

const NODE_TYPES = { topology: TopologyNodeCard, frame: TopologyFrameCard };

interface HealthTopologyProps {
  graph: TopologyGraph;
  /** Only nodes at least this unhealthy (with their ancestors). */
  minHealth: TopologyHealth;
  colorMode: 'light' | 'dark';
  /** Without it the graph is a display: no focus, no pan, no zoom. */
  onSelect?: (node: TopologyNode) => void;
}

/**
 * The topology's cards and layout without the console's tools: for the wall
 * (nothing to click) and the embedded panel (select and open, nothing else).
 * The view is fitted again whenever the layout changes, since nobody pans a wall.
 */
export function HealthTopology({ graph, minHealth, colorMode, onSelect }: HealthTopologyProps) {
  const { fitView } = useReactFlow();
  const [expanded, setExpanded] = useState<ReadonlySet<string> | undefined>();
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const expandedIds = useMemo(() => expanded ?? defaultExpanded(graph), [expanded, graph]);
  const visible = useMemo(() => collapse(graph, expandedIds, { minHealth }), [graph, expandedIds, minHealth]);
  const shapeKey = useMemo(
    () => layoutShape(visible.nodes.map(layoutNodeOf), visible.edges),
    [visible],
  );
  const shape = useSettledShape(shapeKey);
  const { placement } = useLayout(shape);
  const interactive = onSelect !== undefined;
  const { nodes, edges } = useFlowElements(visible, placement, { selectedId, interactive });

  useEffect(() => {
    if (!placement) return;
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, maxZoom: 1.5 }));
    return () => cancelAnimationFrame(frame);
  }, [placement, fitView]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_event, flowNode) => {
    if (flowNode.type !== 'topology') return;
    const entry = flowNode.data.entry;
    setSelectedId(entry.node.id);
    onSelect?.(entry.node);
    if (!entry.expandable) return;
    const next = new Set(expandedIds);
    if (entry.expanded) next.delete(entry.node.id);
    else next.add(entry.node.id);
    setExpanded(next);
  };

  return (
    <ReactFlow<FlowNode>
      aria-label="Topology graph"
      className="[--xy-background-color:transparent]"
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodeClick={interactive ? onNodeClick : undefined}
      colorMode={colorMode}
      minZoom={0.02}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={interactive}
      elementsSelectable={interactive}
      edgesFocusable={false}
      panOnDrag={interactive}
      zoomOnScroll={interactive}
      zoomOnPinch={interactive}
      zoomOnDoubleClick={false}
      panActivationKeyCode={null}
      deleteKeyCode={null}
    />
  );
}

/** How long a shape must hold before it is laid out: while a fleet loads, clouds answer faster than ELK lays out. */
const SETTLE_MS = 400;

/**
 * The shape to lay out: the same object while its key holds, so the layout
 * runs once per shape and not once per refresh, and a new shape only once it
 * stopped changing, so a loading fleet does not queue a layout per answer.
 */
function useSettledShape<T extends { key: string }>(shape: T): T {
  const [settled, setSettled] = useState(shape);
  useEffect(() => {
    if (shape.key === settled.key) return;
    const timer = window.setTimeout(() => setSettled(shape), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [shape, settled.key]);
  return settled;
}
