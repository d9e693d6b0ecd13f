import type { TopologyGraph, TopologyLevel, TopologyNode } from './topology-graph.ts';

const SEARCHED: readonly TopologyLevel[] = ['site', 'host', 'cell', 'region', 'cloud'];

/**
 * Sites and hosts (then cells, regions, clouds) whose name matches the query,
 * best first: exact names, then names starting with it, then containing it.
 */
export function findNodes(graph: TopologyGraph, query: string, limit = 20): TopologyNode[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const rank = (node: TopologyNode) => {
    const label = node.label.toLowerCase();
    if (label === needle) return 0;
    if (label.startsWith(needle)) return 1;
    return label.includes(needle) ? 2 : undefined;
  };
  const matches: { node: TopologyNode; rank: number; order: number }[] = [];
  graph.nodes.forEach((node, order) => {
    if (!SEARCHED.includes(node.level)) return;
    const found = rank(node);
    if (found !== undefined) matches.push({ node, rank: found, order });
  });
  matches.sort((a, b) => a.rank - b.rank || SEARCHED.indexOf(a.node.level) - SEARCHED.indexOf(b.node.level) || a.order - b.order);
  return matches.slice(0, limit).map((match) => match.node);
}
