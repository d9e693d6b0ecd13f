import type { VisibleNode } from '../../../fleet/topology/collapse.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** False keeps the node out of packed blocks (a node of another kind than its siblings). */
  packable?: boolean;
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

/** Every card has one size; identity providers are never packed with the Keystones beside them. */
export function layoutNodeOf({ node }: VisibleNode): LayoutNode {
  return { id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT, packable: node.level !== 'trust' };
}

export function layoutShape(nodes: LayoutNode[], edges: LayoutEdge[]): LayoutShape {
  const key = [nodes.map((node) => `${node.id}:${node.width}x${node.height}`).join('|'), edges.map((edge) => `${edge.source}>${edge.target}`).join('|')].join('#');
  return { key, nodes, edges };
}
