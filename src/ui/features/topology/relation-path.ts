import type { RelationKind } from '../../../fleet/topology/topology-graph.ts';

export interface RelationPath {
  d: string;
  labelX: number;
  labelY: number;
}

/** How far each kind's arc bulges, and where along it its label sits: the three kinds between the same two nodes stay apart, labels too. */
const SHAPE: Record<RelationKind, { bulge: number; labelAt: number }> = {
  'network-overlap': { bulge: 40, labelAt: 0.5 },
  'network-span': { bulge: 90, labelAt: 0.3 },
  'image-replica': { bulge: 140, labelAt: 0.7 },
};

/**
 * A relation as an arc from the right side of one node to the right side of
 * the other, bulging right, beside the tree rather than through its cards
 * (related nodes are often siblings, one above the other in the layout).
 */
export function relationPath(from: { x: number; y: number }, to: { x: number; y: number }, kind: RelationKind): RelationPath {
  const { bulge, labelAt: t } = SHAPE[kind];
  const right = Math.max(from.x, to.x) + bulge + Math.min(Math.abs(to.y - from.y) * 0.1, 120);
  const d = `M${from.x} ${from.y} C${right} ${from.y} ${right} ${to.y} ${to.x} ${to.y}`;
  // The cubic's point at t, with control points (right, from.y) and (right, to.y).
  const u = 1 - t;
  const [a, b, c, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { d, labelX: a * from.x + (b + c) * right + e * to.x, labelY: (a + b) * from.y + (c + e) * to.y };
}
