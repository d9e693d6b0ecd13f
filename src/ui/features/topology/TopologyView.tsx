import { Background, Controls, MiniMap, ReactFlow, useReactFlow, useStoreApi, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { collapse, defaultExpanded } from '../../../fleet/topology/collapse.ts';
import { findNodes } from '../../../fleet/topology/find-nodes.ts';
import { navigate, type NavigationKey } from '../../../fleet/topology/navigate.ts';
import { nodeRelations } from '../../../fleet/topology/relation-links.ts';
import { ancestorsOf, type TopologyGraph } from '../../../fleet/topology/topology-graph.ts';
import { severity, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import { Notice } from '../../components/Notice.tsx';
import { useThemeChoice } from '../../stores/theme-store.ts';
import { useRelationData } from './api/relation-data.ts';
import { downloadBlob, svgToPng } from './download.ts';
import { topologySvg, type PlacedNode } from './export-svg.ts';
import type { FlowNode } from './flow-elements.ts';
import { HEALTH_PALETTE } from './health-palette.ts';
import { layoutNodeOf, layoutShape, type LayoutShape } from './layout-shape.ts';
import { NodeDetails } from './NodeDetails.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { RelationDetails } from './RelationDetails.tsx';
import { RelationEdge } from './RelationEdge.tsx';
import { TopologyFrameCard } from './TopologyFrameCard.tsx';
import { TopologyLegend } from './TopologyLegend.tsx';
import { TopologyNodeCard } from './TopologyNodeCard.tsx';
import { useFlowElements } from './use-flow-elements.ts';
import { useLayout } from './use-layout.ts';
import { useTopologyUrl } from './use-topology-url.ts';

const NODE_TYPES = { topology: TopologyNodeCard, frame: TopologyFrameCard };
const EDGE_TYPES = { relation: RelationEdge };
const NAVIGATION_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home'] satisfies NavigationKey[];

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
  /** Keep the zoom and only bring the node into view (keyboard moves); else fit the nodes. */
  pan?: boolean;
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

/** A packed block on the minimap: a faint box where its cards are. */
const FRAME_MINIMAP_COLOR = 'rgb(148 163 184 / 0.35)';

const NODE_CLASS = 'rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-teal-500';

const toolButton =
  'rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';

export function TopologyView({ graph, fetching }: { graph: TopologyGraph; fetching: boolean }) {
  const colorMode = useThemeChoice();
  const { setCenter, getZoom } = useReactFlow();
  const store = useStoreApi();
  const [{ minHealth, selectedId, relations: relationChoice }, updateUrl] = useTopologyUrl();
  const { layers: relationLayers, fetching: relationsFetching } = useRelationData(relationChoice);
  const [expanded, setExpanded] = useState<ReadonlySet<string> | undefined>();
  const [pendingView, setPendingView] = useState<PendingView | undefined>();
  const [query, setQuery] = useState('');
  const [searchMessage, setSearchMessage] = useState('');
  const [exportError, setExportError] = useState('');
  // A shared link names a node that may arrive with a cloud's answer: the graph opens down to it once it is there.
  const [linkedId, setLinkedId] = useState(selectedId);

  const expandedIds = useMemo(() => expanded ?? defaultExpanded(graph), [expanded, graph]);
  const visible = useMemo(() => collapse(graph, expandedIds, { minHealth }), [graph, expandedIds, minHealth]);
  const shape = useStableShape(
    useMemo(() => layoutShape(visible.nodes.map(layoutNodeOf), visible.edges), [visible]),
  );
  const { placement, running, error: layoutError } = useLayout(shape);

  /**
   * Brings boxes into view from our own positions, not xyflow's fitView:
   * xyflow only knows the cards it was handed (those in view), and a fit it
   * queues can land after a move that started later.
   */
  const centerOn = useCallback(
    (boxes: readonly { x: number; y: number; width: number; height: number }[], how: { zoom?: number; maxZoom?: number; duration: number }) => {
      if (boxes.length === 0) return Promise.resolve(false);
      const x0 = Math.min(...boxes.map((box) => box.x));
      const y0 = Math.min(...boxes.map((box) => box.y));
      const x1 = Math.max(...boxes.map((box) => box.x + box.width));
      const y1 = Math.max(...boxes.map((box) => box.y + box.height));
      const { width, height } = store.getState();
      const fitting = Math.min(how.maxZoom ?? 1, width / ((x1 - x0) * 1.2), height / ((y1 - y0) * 1.2));
      return setCenter((x0 + x1) / 2, (y0 + y1) / 2, { zoom: how.zoom ?? Math.max(fitting, 0.02), duration: how.duration });
    },
    [setCenter, store],
  );
  const fitAll = () => {
    if (!placement) return;
    const cards = Object.values(placement.positions).map((at) => ({ ...at, width: NODE_WIDTH, height: NODE_HEIGHT }));
    void centerOn([...cards, ...placement.frames], { maxZoom: 1, duration: 300 });
  };
  const positions = placement?.positions;
  // Relations are drawn for the selection only: a fleet where every region holds cirros would otherwise be all lines.
  const relations = useMemo(
    () => (selectedId === undefined ? undefined : nodeRelations(graph, new Set(visible.nodes.map((entry) => entry.node.id)), selectedId, relationLayers)),
    [graph, visible, selectedId, relationLayers],
  );
  const drawn = useMemo(() => (relations ? { ...visible, links: [...visible.links, ...relations.links] } : visible), [visible, relations]);
  const { nodes, edges } = useFlowElements(drawn, placement, { selectedId, interactive: true, className: NODE_CLASS });

  if (linkedId !== undefined && graph.byId.has(linkedId)) {
    setLinkedId(undefined);
    setExpanded(new Set([...expandedIds, ...ancestorsOf(graph, linkedId)]));
    setPendingView({ ids: [linkedId], focus: linkedId });
  }

  useEffect(() => {
    if (!pendingView || running || !positions || !pendingView.ids.every((id) => positions[id])) return;
    const { ids, focus, pan } = pendingView;
    setPendingView(undefined);
    // The card may be drawn only once the view is there (cards of a packed block out of view are not in the page).
    const focusNode = (until = performance.now() + 2_000) => {
      if (!focus) return;
      const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(focus)}"]`);
      if (element) element.focus({ preventScroll: true });
      else if (performance.now() < until) requestAnimationFrame(() => focusNode(until));
    };
    const boxes = ids.map((id) => ({ ...(positions[id] as { x: number; y: number }), width: NODE_WIDTH, height: NODE_HEIGHT }));
    void centerOn(boxes, pan ? { zoom: Math.max(getZoom(), 0.6), duration: 150 } : { maxZoom: 1.25, duration: 300 }).then(() => focusNode());
  }, [pendingView, running, positions, centerOn, getZoom]);

  const setOpen = useCallback(
    (id: string, open: boolean, focus?: string) => {
      const entry = visible.nodes.find((candidate) => candidate.node.id === id);
      if (!entry?.expandable || entry.expanded === open) return;
      const next = new Set(expandedIds);
      if (open) {
        next.add(id);
        setPendingView({ ids: [id, ...entry.node.childIds.filter((child) => severity(graph.byId.get(child)?.health ?? 'ok') >= severity(minHealth))], focus });
      } else {
        next.delete(id);
        if (focus) setPendingView({ ids: [id], focus, pan: true });
      }
      setExpanded(next);
    },
    [visible, expandedIds, graph, minHealth],
  );

  const select = useCallback((id: string) => updateUrl({ selectedId: id }), [updateUrl]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => {
    if (node.type !== 'topology') return;
    const entry = node.data.entry;
    select(node.id);
    setOpen(node.id, !entry.expanded);
  };

  // xyflow selects a focused node on Enter/Space; opening it, and moving along the tree with the arrows, is ours to add.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (!id) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const entry = visible.nodes.find((candidate) => candidate.node.id === id);
      select(id);
      if (entry) setOpen(id, !entry.expanded, id);
      return;
    }
    if (!NAVIGATION_KEYS.includes(event.key)) return;
    event.preventDefault();
    const move = navigate(visible, id, event.key as NavigationKey);
    if (!move) return;
    if ('expand' in move) setOpen(move.expand, true, move.expand);
    else if ('collapse' in move) setOpen(move.collapse, false, move.collapse);
    else {
      select(move.focus);
      setPendingView({ ids: [move.focus], focus: move.focus, pan: true });
    }
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [match] = findNodes(graph, query);
    if (!match) {
      setSearchMessage(query.trim() ? `No site or host matches “${query.trim()}”.` : '');
      return;
    }
    setSearchMessage('');
    updateUrl({ selectedId: match.id, ...(severity(match.health) < severity(minHealth) ? { minHealth: 'ok' } : {}) });
    setExpanded(new Set([...expandedIds, ...ancestorsOf(graph, match.id)]));
    setPendingView({ ids: [match.id], focus: match.id });
  };

  const placed = (): PlacedNode[] =>
    visible.nodes.flatMap((entry) => {
      const position = positions?.[entry.node.id];
      return position ? [{ node: entry.node, ...position, width: NODE_WIDTH, height: NODE_HEIGHT }] : [];
    });
  const svgOfView = () =>
    topologySvg(placed(), edges, placement?.frames ?? [], document.documentElement.classList.contains('dark') ? 'dark' : 'light');
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
            onChange={(event) => updateUrl({ minHealth: event.target.value as TopologyHealth })}
            className="rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="flex items-center gap-2 text-sm">
          <legend className="sr-only">Relations to draw</legend>
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={relationChoice.networks}
              onChange={(event) => updateUrl({ relations: { ...relationChoice, networks: event.target.checked } })}
            />
            Network overlaps
          </label>
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={relationChoice.images}
              onChange={(event) => updateUrl({ relations: { ...relationChoice, images: event.target.checked } })}
            />
            Image replicas
          </label>
        </fieldset>
        <button type="button" className={toolButton} onClick={fitAll} disabled={!positions}>
          Fit to view
        </button>
        <button type="button" className={toolButton} onClick={exportSvg} disabled={!positions}>
          Export SVG
        </button>
        <button type="button" className={toolButton} onClick={exportPng} disabled={!positions}>
          Export PNG
        </button>
        <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {running ? 'Laying out…' : fetching ? 'Refreshing…' : relationsFetching ? `Loading ${[relationChoice.networks ? 'networks' : '', relationChoice.images ? 'images' : ''].filter(Boolean).join(' and ')}…` : ''}
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
          <ReactFlow<FlowNode>
            aria-label="Topology graph"
            className="[--xy-background-color:var(--color-white)] [--xy-minimap-background-color:var(--color-slate-50)] dark:[--xy-background-color:var(--color-slate-950)] dark:[--xy-minimap-background-color:var(--color-slate-900)]"
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodeClick={onNodeClick}
            colorMode={colorMode}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            minZoom={0.02}
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
            <MiniMap<FlowNode>
              pannable
              zoomable
              ariaLabel="Topology overview"
              nodeColor={(node) => (node.type === 'topology' ? HEALTH_PALETTE[node.data.entry.node.health].hex : FRAME_MINIMAP_COLOR)}
            />
          </ReactFlow>
        </div>
        <aside aria-label="Topology details" className="w-72 shrink-0 space-y-5 overflow-y-auto border-l border-slate-200 p-4 dark:border-slate-800">
          {selected ? (
            <NodeDetails
              node={selected.node}
              cloudRegions={selected.node.level === 'cloud' ? selected.node.childIds.flatMap((child) => graph.byId.get(child)?.place.region ?? []) : undefined}
              expandable={selected.expandable}
              expanded={selected.expanded}
              onToggle={() => setOpen(selected.node.id, !selected.expanded)}
            />
          ) : (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Select a node for its details, errors and servers. Arrow keys move along the tree; Enter opens or closes a node.
            </p>
          )}
          <RelationDetails graph={graph} selectedId={selectedId} relations={relations} choice={relationChoice} />
          <TopologyLegend relations={relationChoice} />
        </aside>
      </div>
    </div>
  );
}
