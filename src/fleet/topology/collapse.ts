import type { TopologyEdge, TopologyGraph, TopologyLink, TopologyNode } from './topology-graph.ts';
import { severity, type TopologyHealth } from './topology-health.ts';

export interface VisibleNode {
  node: TopologyNode;
  /** Has children in the (filtered) graph. */
  expandable: boolean;
  expanded: boolean;
}

export interface VisibleGraph {
  nodes: VisibleNode[];
  edges: TopologyEdge[];
  /** The graph's links between the visible nodes that stand for their ends (a closed cloud for its hosts), once per pair. */
  links: TopologyLink[];
}

export interface CollapseOptions {
  /** Only nodes at least this unhealthy. Roll-up makes every ancestor at least as bad, so the tree stays connected. */
  minHealth?: TopologyHealth;
}

/**
 * Level of detail: a node's children are shown only when it is expanded;
 * a collapsed node stands for its subtree with its counts and health.
 */
export function collapse(graph: TopologyGraph, expandedIds: ReadonlySet<string>, options: CollapseOptions = {}): VisibleGraph {
  const threshold = severity(options.minHealth ?? 'ok');
  const included = (node: TopologyNode | undefined): node is TopologyNode => node !== undefined && severity(node.health) >= threshold;
  const nodes: VisibleNode[] = [];
  const edges: TopologyEdge[] = [];
  const visit = (node: TopologyNode) => {
    const children = node.childIds.map((childId) => graph.byId.get(childId)).filter(included);
    const expanded = children.length > 0 && expandedIds.has(node.id);
    nodes.push({ node, expandable: children.length > 0, expanded });
    if (!expanded) return;
    for (const child of children) {
      edges.push({ id: `${node.id}->${child.id}`, source: node.id, target: child.id });
      visit(child);
    }
  };
  const root = graph.byId.get(graph.rootId);
  if (included(root)) visit(root);
  return { nodes, edges, links: visibleLinks(graph, new Set(nodes.map((entry) => entry.node.id)), graph.links) };
}

/** The node that stands for `id` among the shown ones: itself, else its nearest shown ancestor. */
export function standInOf(graph: TopologyGraph, shown: ReadonlySet<string>, id: string): string | undefined {
  let current: string | null | undefined = id;
  while (current !== null && current !== undefined && !shown.has(current)) current = graph.byId.get(current)?.parentId;
  return current ?? undefined;
}

function visibleLinks(graph: TopologyGraph, shown: ReadonlySet<string>, links: readonly TopologyLink[]): TopologyLink[] {
  const standIn = (id: string) => standInOf(graph, shown, id);
  const result = new Map<string, TopologyLink>();
  for (const link of links) {
    const source = standIn(link.source);
    const target = standIn(link.target);
    if (source === undefined || target === undefined || source === target || source === graph.rootId || target === graph.rootId) continue;
    const id = `${link.kind}:${source}~${target}`;
    if (!result.has(id)) result.set(id, { ...link, id, source, target });
  }
  return [...result.values()];
}

/** What the view opens with: the fleet and its identity domains open, every cloud collapsed to its counts. */
export function defaultExpanded(graph: TopologyGraph): Set<string> {
  return new Set(graph.nodes.filter((node) => node.level === 'fleet' || node.level === 'domain').map((node) => node.id));
}
