import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Edge, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { collapse, defaultExpanded } from '../../../fleet/topology/collapse.ts';
import { findNodes } from '../../../fleet/topology/find-nodes.ts';
import { ancestorsOf, type TopologyGraph } from '../../../fleet/topology/topology-graph.ts';
import { severity, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import { Notice } from '../../components/Notice.tsx';
import { useThemeChoice } from '../../stores/theme-store.ts';
import { downloadBlob, svgToPng } from './download.ts';
import { layoutShape, type LayoutShape } from './elk-layout.ts';
import { topologySvg, type PlacedNode } from './export-svg.ts';
import { HEALTH_PALETTE } from './health-palette.ts';
import { NodeDetails } from './NodeDetails.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { accessibleName } from './node-text.ts';
import { TopologyLegend } from './TopologyLegend.tsx';
import { TopologyNodeCard, type TopologyFlowNode } from './TopologyNodeCard.tsx';
import { useLayout } from './use-layout.ts';

const NODE_TYPES = { topology: TopologyNodeCard };

const FILTERS: readonly { value: TopologyHealth; label: string }[] = [
  { value: 'ok', label: 'Everything' },
  { value: 'needs-admin', label: 'Needs attention' },
  { value: 'degraded', label: 'Degraded or failing' },
  { value: 'failing', label: 'Failing only' },
];

/** Where to move the viewport once the layout holding these nodes is ready. */
interface PendingView {
  ids: string[];
  focus?: string;
}

/** The same shape object while the key holds, so the layout effect runs once per shape. */
function useStableShape(shape: LayoutShape): LayoutShape {
  const [stable, setStable] = useState(shape);
  if (stable.key !== shape.key) {
    setStable(shape);
    return shape;
  }
  return stable;
}

const toolButton =
  'rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';

export function TopologyView({ graph, fetching }: { graph: TopologyGraph; fetching: boolean }) {
  const colorMode = useThemeChoice();
  const { fitView } = useReactFlow();
  const [expanded, setExpanded] = useState<ReadonlySet<string> | undefined>();
  const [minHealth, setMinHealth] = useState<TopologyHealth>('ok');
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [pendingView, setPendingView] = useState<PendingView | undefined>();
  const [query, setQuery] = useState('');
  const [searchMessage, setSearchMessage] = useState('');
  const [exportError, setExportError] = useState('');

  const expandedIds = useMemo(() => expanded ?? defaultExpanded(graph), [expanded, graph]);
  const visible = useMemo(() => collapse(graph, expandedIds, { minHealth }), [graph, expandedIds, minHealth]);
  const shape = useStableShape(
    layoutShape(
      visible.nodes.map((entry) => ({ id: entry.node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      visible.edges,
    ),
  );
  const { positions, running, error: layoutError } = useLayout(shape);

  const nodes = useMemo(
    () =>
      visible.nodes.flatMap((entry): TopologyFlowNode[] => {
        const position = positions?.[entry.node.id];
        if (!position) return [];
        return [
          {
            id: entry.node.id,
            type: 'topology',
            position,
            data: { entry },
            ariaLabel: accessibleName(entry.node),
            selected: entry.node.id === selectedId,
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            draggable: false,
            connectable: false,
            className: 'rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-teal-500',
          },
        ];
      }),
    [visible, positions, selectedId],
  );
  const edges = useMemo(
    (): Edge[] => visible.edges.filter((edge) => positions?.[edge.source] && positions[edge.target]).map((edge) => ({ ...edge, focusable: false, selectable: false })),
    [visible, positions],
  );

  useEffect(() => {
    if (!pendingView || running || !pendingView.ids.every((id) => positions?.[id])) return;
    const { ids, focus } = pendingView;
    setPendingView(undefined);
    void fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.25, padding: 0.25 }).then(() => {
      if (focus) document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(focus)}"]`)?.focus({ preventScroll: true });
    });
  }, [pendingView, running, positions, fitView]);

  const toggle = useCallback(
    (id: string) => {
      const entry = visible.nodes.find((candidate) => candidate.node.id === id);
      if (!entry?.expandable) return;
      const next = new Set(expandedIds);
      if (entry.expanded) next.delete(id);
      else {
        next.add(id);
        setPendingView({ ids: [id, ...entry.node.childIds.filter((child) => severity(graph.byId.get(child)?.health ?? 'ok') >= severity(minHealth))] });
      }
      setExpanded(next);
    },
    [visible, expandedIds, graph, minHealth],
  );

  const activate = useCallback(
    (id: string) => {
      setSelectedId(id);
      toggle(id);
    },
    [toggle],
  );

  const onNodeClick: NodeMouseHandler<TopologyFlowNode> = (_event, node) => activate(node.id);

  // xyflow selects a focused node on Enter/Space; opening it is ours to add.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (!id) return;
    event.preventDefault();
    activate(id);
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [match] = findNodes(graph, query);
    if (!match) {
      setSearchMessage(query.trim() ? `No site or host matches “${query.trim()}”.` : '');
      return;
    }
    setSearchMessage('');
    if (severity(match.health) < severity(minHealth)) setMinHealth('ok');
    setExpanded(new Set([...expandedIds, ...ancestorsOf(graph, match.id)]));
    setSelectedId(match.id);
    setPendingView({ ids: [match.id], focus: match.id });
  };

  const placed = (): PlacedNode[] =>
    visible.nodes.flatMap((entry) => {
      const position = positions?.[entry.node.id];
      return position ? [{ node: entry.node, ...position, width: NODE_WIDTH, height: NODE_HEIGHT }] : [];
    });
  const svgOfView = () => topologySvg(placed(), visible.edges, document.documentElement.classList.contains('dark') ? 'dark' : 'light');
  const exportSvg = () => downloadBlob(new Blob([svgOfView()], { type: 'image/svg+xml' }), 'archipelago-topology.svg');
  const exportPng = () => {
    setExportError('');
    svgToPng(svgOfView()).then(
      (png) => downloadBlob(png, 'archipelago-topology.png'),
      (error: Error) => setExportError(`PNG export failed: ${error.message}`),
    );
  };

  const selected = visible.nodes.find((entry) => entry.node.id === selectedId);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div role="toolbar" aria-label="Topology tools" className="flex flex-wrap items-center gap-2 px-6 py-3">
        <form role="search" onSubmit={onSearch} className="flex items-center gap-1">
          <input
            type="search"
            aria-label="Find site or host"
            placeholder="Find site or host"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className="w-52 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <button type="submit" className={toolButton}>
            Find
          </button>
        </form>
        <label className="flex items-center gap-1 text-sm">
          Show
          <select
            value={minHealth}
            onChange={(event) => setMinHealth(event.target.value as TopologyHealth)}
            className="rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={toolButton} onClick={() => void fitView({ duration: 300 })}>
          Fit to view
        </button>
        <button type="button" className={toolButton} onClick={exportSvg} disabled={!positions}>
          Export SVG
        </button>
        <button type="button" className={toolButton} onClick={exportPng} disabled={!positions}>
          Export PNG
        </button>
        <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {running ? 'Laying out…' : fetching ? 'Refreshing…' : ''}
        </span>
        {searchMessage ? <span role="alert" className="text-xs text-amber-800 dark:text-amber-300">{searchMessage}</span> : null}
        {exportError ? <span role="alert" className="text-xs text-red-800 dark:text-red-300">{exportError}</span> : null}
      </div>
      {layoutError ? (
        <div className="px-6 pb-2">
          <Notice tone="error" title="The layout failed">
            {layoutError}
          </Notice>
        </div>
      ) : null}
      <div className="flex min-h-0 flex-1 border-t border-slate-200 dark:border-slate-800">
        <div className="relative min-w-0 flex-1" onKeyDown={onKeyDown}>
          <ReactFlow<TopologyFlowNode>
            aria-label="Topology graph"
            className="[--xy-background-color:var(--color-white)] [--xy-minimap-background-color:var(--color-slate-50)] dark:[--xy-background-color:var(--color-slate-950)] dark:[--xy-minimap-background-color:var(--color-slate-900)]"
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodeClick={onNodeClick}
            colorMode={colorMode}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            minZoom={0.05}
            maxZoom={2}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable
            edgesFocusable={false}
            panActivationKeyCode={null}
            deleteKeyCode={null}
            onlyRenderVisibleElements
          >
            <Background />
            <Controls showInteractive={false} />
            <MiniMap<TopologyFlowNode> pannable zoomable ariaLabel="Topology overview" nodeColor={(node) => HEALTH_PALETTE[node.data.entry.node.health].hex} />
          </ReactFlow>
        </div>
        <aside aria-label="Topology details" className="w-72 shrink-0 space-y-5 overflow-y-auto border-l border-slate-200 p-4 dark:border-slate-800">
          {selected ? (
            <NodeDetails node={selected.node} expandable={selected.expandable} expanded={selected.expanded} onToggle={() => toggle(selected.node.id)} />
          ) : (
            <p className="text-xs text-slate-500 dark:text-slate-400">Select a node for its details, errors and servers.</p>
          )}
          <TopologyLegend />
        </aside>
      </div>
    </div>
  );
}
