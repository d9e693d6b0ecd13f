import type { LayoutEdge, LayoutNode, LayoutShape } from './layout-shape.ts';

/**
 * A parent with at least this many chain children (children whose visible
 * subtree is a single line: a collapsed cloud, or a Keystone with its one
 * cloud) gets them as a grid block instead of one tall column. ELK's layered
 * algorithm grows much faster than linearly with a fan-out (300 children take
 * seconds, 1,000 minutes), and a column of 1,000 cards cannot be read anyway.
 */
export const PACK_MIN_CHILDREN = 16;

/** The gap between layers, the same for ELK and for the chains inside a block. */
export const LAYER_GAP = 56;
export const NODE_GAP = 14;
/** Room above a block for its caption, and around its cards. */
export const FRAME_HEADER = 28;
export const FRAME_PADDING = 16;

/** A block of packed chains: drawn as a frame, one edge from the parent to it. */
export interface PackFrame {
  id: string;
  parentId: string;
  /**
   * The block's chains in order, each its nodes from the parent's child down.
   * The parent's edges to the chains' first nodes are replaced by the edge to the frame.
   */
  chains: string[][];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Placement {
  positions: Record<string, { x: number; y: number }>;
  frames: PackFrame[];
}

interface PackGroup {
  frameId: string;
  parentId: string;
  chains: LayoutNode[][];
  columns: number;
  cellWidth: number;
  cellHeight: number;
  width: number;
  height: number;
}

/** What ELK lays out: the shape with every packed group stood in for by one box of the group's size. */
export interface LayoutPlan {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  groups: PackGroup[];
}

export const frameIdOf = (parentId: string) => `frame:${parentId}`;

export function planLayout(shape: LayoutShape): LayoutPlan {
  const byId = new Map(shape.nodes.map((node) => [node.id, node]));
  const children = new Map<string, string[]>();
  for (const edge of shape.edges) children.set(edge.source, [...(children.get(edge.source) ?? []), edge.target]);

  const chainFrom = (id: string): LayoutNode[] | undefined => {
    const chain: LayoutNode[] = [];
    let current: string | undefined = id;
    while (current !== undefined) {
      const next: string[] = children.get(current) ?? [];
      if (next.length > 1) return undefined;
      chain.push(byId.get(current) as LayoutNode);
      current = next[0];
    }
    return chain;
  };

  const packed = new Set<string>();
  const groups: PackGroup[] = [];
  for (const [parentId, childIds] of children) {
    if (childIds.length < PACK_MIN_CHILDREN) continue;
    const chains = childIds.flatMap((id) => {
      if (byId.get(id)?.packable === false) return [];
      const chain = chainFrom(id);
      return chain ? [chain] : [];
    });
    if (chains.length < PACK_MIN_CHILDREN) continue;
    for (const chain of chains) for (const node of chain) packed.add(node.id);
    groups.push(groupOf(parentId, chains));
  }

  // A block takes the place of its first chain, so ELK keeps the model order around it.
  const standIns = new Map(groups.map((group) => [group.chains[0]?.[0]?.id as string, group]));
  const nodes: LayoutNode[] = [];
  for (const node of shape.nodes) {
    const group = standIns.get(node.id);
    if (group) nodes.push({ id: group.frameId, width: group.width, height: group.height });
    else if (!packed.has(node.id)) nodes.push(node);
  }
  const edges: LayoutEdge[] = [];
  for (const edge of shape.edges) {
    const group = standIns.get(edge.target);
    if (group) edges.push({ id: `${group.parentId}->${group.frameId}`, source: group.parentId, target: group.frameId });
    else if (!packed.has(edge.target)) edges.push(edge);
  }
  return { nodes, edges, groups };
}

/** Roughly square blocks: as many columns as make the block about as wide as it is tall. */
function groupOf(parentId: string, chains: LayoutNode[][]): PackGroup {
  const cellWidth = Math.max(...chains.map((chain) => chain.reduce((sum, node) => sum + node.width, 0) + (chain.length - 1) * LAYER_GAP)) + NODE_GAP * 2;
  const cellHeight = Math.max(...chains.flatMap((chain) => chain.map((node) => node.height))) + NODE_GAP;
  const columns = Math.max(1, Math.min(chains.length, Math.round(Math.sqrt((chains.length * cellHeight) / cellWidth))));
  const rows = Math.ceil(chains.length / columns);
  return {
    frameId: frameIdOf(parentId),
    parentId,
    chains,
    columns,
    cellWidth,
    cellHeight,
    width: columns * cellWidth + FRAME_PADDING * 2,
    height: rows * cellHeight + FRAME_HEADER + FRAME_PADDING,
  };
}

/** Every node's position: ELK's for the nodes it laid out, the grid's inside each block. */
export function placePacked(plan: LayoutPlan, laidOut: Readonly<Record<string, { x: number; y: number }>>): Placement {
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of plan.nodes) {
    const position = laidOut[node.id];
    if (position) positions[node.id] = position;
  }
  const frames: PackFrame[] = [];
  for (const group of plan.groups) {
    const origin = positions[group.frameId] ?? { x: 0, y: 0 };
    delete positions[group.frameId];
    group.chains.forEach((chain, index) => {
      let x = origin.x + FRAME_PADDING + NODE_GAP + (index % group.columns) * group.cellWidth;
      const y = origin.y + FRAME_HEADER + Math.floor(index / group.columns) * group.cellHeight;
      for (const node of chain) {
        positions[node.id] = { x, y };
        x += node.width + LAYER_GAP;
      }
    });
    frames.push({
      id: group.frameId,
      parentId: group.parentId,
      chains: group.chains.map((chain) => chain.map((node) => node.id)),
      x: origin.x,
      y: origin.y,
      width: group.width,
      height: group.height,
    });
  }
  return { positions, frames };
}
