import type { ElkNode } from 'elkjs/lib/elk-api.js';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/** What a layout depends on: which nodes, their sizes and how they connect; never their health. */
export interface LayoutShape {
  key: string;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export type Positions = Readonly<Record<string, { x: number; y: number }>>;

export interface LayoutRequest {
  shape: LayoutShape;
}

export type LayoutResponse = { key: string; positions: Positions } | { key: string; error: string };

export function layoutShape(nodes: LayoutNode[], edges: LayoutEdge[]): LayoutShape {
  const key = [nodes.map((node) => `${node.id}:${node.width}x${node.height}`).join('|'), edges.map((edge) => `${edge.source}>${edge.target}`).join('|')].join('#');
  return { key, nodes, edges };
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  // Siblings stay in the model's (stable, sorted) order instead of whatever reduces crossings in a tree.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** The part of elkjs we use, so the worker and the tests can pass either build. */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export async function runLayout(elk: ElkLike, shape: LayoutShape): Promise<Positions> {
  const result = await elk.layout({
    id: 'root',
    layoutOptions: LAYERED,
    children: shape.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges: shape.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
