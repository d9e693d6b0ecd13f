import type { Edge } from '@xyflow/react';
import type { VisibleGraph, VisibleNode } from '../../../fleet/topology/collapse.ts';
import type { TopologyLink } from '../../../fleet/topology/topology-graph.ts';
import { HEALTH_LABELS, TOPOLOGY_HEALTH, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import { HEALTH_PALETTE } from './health-palette.ts';
import { LINK_STYLES } from './link-styles.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { accessibleName, cardNote, countOf, statusLine, structureLine } from './node-text.ts';
import type { PackFrame, Placement } from './pack-layout.ts';
import type { MosaicTile, TopologyFrameNode } from './TopologyFrameCard.tsx';
import type { TopologyFlowNode } from './TopologyNodeCard.tsx';
import { formatCount } from '../../lib/format-count.ts';

export type FlowNode = TopologyFlowNode | TopologyFrameNode;

export interface FlowOptions {
  selectedId?: string;
  /** False on the wall: nothing to focus or click. */
  interactive: boolean;
  className?: string;
  /** Zoomed out: packed blocks are drawn as mosaics, their cards not at all. */
  mosaic: boolean;
  /**
   * The part of the graph in view (flow coordinates, with a margin): cards of
   * packed blocks outside it are left out. xyflow mounts every node once to
   * measure it, whatever `onlyRenderVisibleElements` says, so handing it a
   * block of 1,000 cards would mount 1,000 cards.
   */
  inView?: { x0: number; y0: number; x1: number; y1: number };
}

/** The nodes built last time, by id, with what they showed: an unchanged node keeps its object, so xyflow and React skip it. */
export type FlowCache = Map<string, { signature: string; node: FlowNode }>;

export interface FlowElements {
  nodes: FlowNode[];
  edges: Edge[];
  cache: FlowCache;
}

/**
 * The graph as xyflow draws it: a card per visible node that has a position,
 * a frame per packed block, and the tree's edges (one to a block instead of
 * one to each of its cards). Positions come from the cached layout, so a
 * refresh moves nothing; a node whose text and health did not change is the
 * very object of the last call, so a refresh of 1,000 clouds repaints only
 * the cards that changed.
 */
export function flowElements(visible: VisibleGraph, placement: Placement | undefined, options: FlowOptions, previous: FlowCache = new Map()): FlowElements {
  const cache: FlowCache = new Map();
  if (!placement) return { nodes: [], edges: [], cache };
  const { positions, frames } = placement;
  const entries = new Map(visible.nodes.map((entry) => [entry.node.id, entry]));
  const reuse = <T extends FlowNode>(id: string, signature: string, build: () => T): T => {
    const known = previous.get(id);
    const node = known && known.signature === signature ? (known.node as T) : build();
    cache.set(id, { signature, node });
    return node;
  };

  const inMosaic = new Set<string>();
  const outOfView = new Set<string>();
  const { inView } = options;
  const nodes: FlowNode[] = [];
  for (const frame of frames) {
    for (const chain of frame.chains) {
      for (const id of chain) {
        const at = positions[id];
        if (options.mosaic) inMosaic.add(id);
        else if (inView && at && (at.x + NODE_WIDTH < inView.x0 || at.x > inView.x1 || at.y + NODE_HEIGHT < inView.y0 || at.y > inView.y1)) outOfView.add(id);
      }
    }
    nodes.push(frameNode(frame, entries, positions, options, reuse));
  }

  for (const entry of visible.nodes) {
    const position = positions[entry.node.id];
    if (!position || inMosaic.has(entry.node.id) || outOfView.has(entry.node.id)) continue;
    const selected = entry.node.id === options.selectedId;
    const signature = [position.x, position.y, selected, options.interactive, cardSignature(entry)].join('|');
    nodes.push(
      reuse(entry.node.id, signature, () => ({
        id: entry.node.id,
        type: 'topology',
        position,
        data: { entry },
        ariaLabel: accessibleName(entry.node),
        // xyflow names only focusable nodes; on the wall nothing is focusable, and screen readers still deserve the names.
        ariaRole: options.interactive ? undefined : 'group',
        selected,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        draggable: false,
        connectable: false,
        focusable: options.interactive,
        className: options.className,
      })),
    );
  }

  const framed = new Set<string>();
  const edges: Edge[] = [];
  for (const frame of frames) {
    for (const chain of frame.chains) framed.add(`${frame.parentId}->${chain[0]}`);
    edges.push({ id: `${frame.parentId}->${frame.id}`, source: frame.parentId, target: frame.id, focusable: false, selectable: false });
  }
  for (const edge of visible.edges) {
    if (framed.has(`${edge.source}->${edge.target}`) || inMosaic.has(edge.target) || outOfView.has(edge.target)) continue;
    if (!positions[edge.source] || !positions[edge.target]) continue;
    edges.push({ ...edge, focusable: false, selectable: false });
  }
  edges.push(...linkEdges(visible, frames, new Set([...inMosaic, ...outOfView]), options.selectedId));
  return { nodes, edges, cache };
}

/** Beyond this many clouds trusting one provider, its links are drawn only while it is selected: a thousand lines hide everything else. */
export const MAX_LINKS_UNSELECTED = 24;

/** Links as dashed edges; an end whose card is not drawn (a mosaic, out of view) is drawn at its block's frame. */
function linkEdges(visible: VisibleGraph, frames: readonly PackFrame[], hidden: ReadonlySet<string>, selectedId: string | undefined): Edge[] {
  const frameOf = new Map<string, string>();
  for (const frame of frames) for (const chain of frame.chains) for (const id of chain) frameOf.set(id, frame.id);
  const end = (id: string) => (hidden.has(id) ? (frameOf.get(id) ?? id) : id);
  const perSource = new Map<string, number>();
  const sourceKey = (link: TopologyLink) => `${link.kind}:${link.source}`;
  for (const link of visible.links) perSource.set(sourceKey(link), (perSource.get(sourceKey(link)) ?? 0) + 1);
  const edges = new Map<string, Edge>();
  for (const link of visible.links) {
    if ((perSource.get(sourceKey(link)) ?? 0) > MAX_LINKS_UNSELECTED && link.source !== selectedId) continue;
    const [source, target] = [end(link.source), end(link.target)];
    const id = `${link.kind}:${source}~${target}`;
    if (source === target || edges.has(id)) continue;
    edges.set(id, {
      id,
      source,
      target,
      // Federation joins a provider to its clouds across the layout; a relation joins nodes often stacked one above the other.
      ...(link.kind === 'federation' ? {} : { type: 'relation' }),
      label: link.label,
      ariaLabel: `${LINK_STYLES[link.kind].name}: ${link.label}`,
      data: { kind: link.kind },
      animated: false,
      focusable: false,
      selectable: false,
      className: `topology-link topology-link-${link.kind}`,
      style: { strokeDasharray: LINK_STYLES[link.kind].dash, stroke: LINK_STYLES[link.kind].stroke },
      // Drawn over the cards, a link (or its label) must never take a click meant for one.
      labelStyle: { fontSize: 10, fill: LINK_STYLES[link.kind].stroke, pointerEvents: 'none' },
      labelBgStyle: { pointerEvents: 'none' },
      interactionWidth: 0,
      zIndex: 1,
    });
  }
  return [...edges.values()];
}

/** Everything a card shows: when none of it changed, the card need not be drawn again. */
function cardSignature({ node, expandable, expanded }: VisibleNode): string {
  return [node.health, node.label, expandable, expanded, structureLine(node), statusLine(node), cardNote(node), node.notes.includes('cells unknown')].join('|');
}

function frameNode(
  frame: PackFrame,
  entries: ReadonlyMap<string, VisibleNode>,
  positions: Placement['positions'],
  { mosaic, interactive }: FlowOptions,
  reuse: <T extends FlowNode>(id: string, signature: string, build: () => T) => T,
): TopologyFrameNode {
  const level = entries.get(frame.chains[0]?.[0] ?? '')?.node.level;
  const caption = level ? countOf(frame.chains.length, level) : '';
  const worstByChain = frame.chains.map((chain) => entries.get(chain[0] ?? '')?.node.health ?? 'pending');
  const summary = healthSummary(worstByChain);
  const tiles: MosaicTile[] = [];
  if (mosaic) {
    for (const chain of frame.chains) {
      for (const id of chain) {
        const entry = entries.get(id);
        const at = positions[id];
        if (entry && at) tiles.push({ x: at.x - frame.x, y: at.y - frame.y, color: HEALTH_PALETTE[entry.node.health].hex });
      }
    }
  }
  const signature = [frame.x, frame.y, frame.width, frame.height, caption, summary, mosaic, interactive, tiles.map((tile) => tile.color).join(',')].join('|');
  return reuse(frame.id, signature, () => ({
    id: frame.id,
    type: 'frame',
    position: { x: frame.x, y: frame.y },
    data: { caption, summary, tiles: mosaic ? tiles : undefined, zoomable: interactive },
    width: frame.width,
    height: frame.height,
    draggable: false,
    connectable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
  }));
}

/** "3 failing, 1 degraded": the block's problems, worst first; nothing when all is well. */
function healthSummary(healths: readonly TopologyHealth[]): string {
  const counts = new Map<TopologyHealth, number>();
  for (const health of healths) if (health !== 'ok') counts.set(health, (counts.get(health) ?? 0) + 1);
  return [...TOPOLOGY_HEALTH]
    .reverse()
    .filter((health) => counts.has(health))
    .map((health) => `${formatCount(counts.get(health) as number)} ${HEALTH_LABELS[health]}`)
    .join(', ');
}
