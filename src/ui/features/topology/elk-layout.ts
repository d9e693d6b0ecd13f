import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutShape } from './layout-shape.ts';
import { LAYER_GAP, NODE_GAP, placePacked, planLayout, type Placement } from './pack-layout.ts';

export interface LayoutRequest {
  shape: LayoutShape;
}

export type LayoutResponse = { key: string; placement: Placement } | { key: string; error: string };

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  // Siblings stay in the model's (stable, sorted) order instead of whatever reduces crossings in a tree.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** The part of elkjs we use, so the worker and the tests can pass either build. */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Big fan-outs are packed into blocks first (pack-layout.ts), so ELK only ever sees the small graph around them. */
export async function runLayout(elk: ElkLike, shape: LayoutShape): Promise<Placement> {
  const plan = planLayout(shape);
  const result = await elk.layout({
    id: 'root',
    layoutOptions: LAYERED,
    children: plan.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges: plan.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const laidOut: Record<string, { x: number; y: number }> = {};
  for (const child of result.children ?? []) laidOut[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return placePacked(plan, laidOut);
}
