import type { VisibleGraph } from './collapse.ts';

export type NavigationKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home';

/** What a key does to the graph: move the focus, open or close a node (the tree-view keys of WAI-ARIA). */
export type Navigation = { focus: string } | { expand: string } | { collapse: string };

/**
 * Keyboard moves over the visible tree: Right opens a closed node, then goes
 * to its first child; Left closes an open node, then goes to its parent;
 * Up and Down go to the previous and next sibling; Home to the root.
 */
export function navigate(visible: VisibleGraph, fromId: string, key: NavigationKey): Navigation | undefined {
  const byId = new Map(visible.nodes.map((entry) => [entry.node.id, entry]));
  const entry = byId.get(fromId);
  if (!entry) return undefined;
  const childrenOf = (id: string) => visible.edges.filter((edge) => edge.source === id).map((edge) => edge.target);
  const parentId = entry.node.parentId !== null && byId.has(entry.node.parentId) ? entry.node.parentId : undefined;
  switch (key) {
    case 'Home': {
      const root = visible.nodes[0]?.node.id;
      return root === undefined || root === fromId ? undefined : { focus: root };
    }
    case 'ArrowRight': {
      if (entry.expandable && !entry.expanded) return { expand: fromId };
      const first = childrenOf(fromId)[0];
      return first === undefined ? undefined : { focus: first };
    }
    case 'ArrowLeft':
      if (entry.expanded) return { collapse: fromId };
      return parentId === undefined ? undefined : { focus: parentId };
    case 'ArrowUp':
    case 'ArrowDown': {
      if (parentId === undefined) return undefined;
      const siblings = childrenOf(parentId);
      const next = siblings[siblings.indexOf(fromId) + (key === 'ArrowUp' ? -1 : 1)];
      return next === undefined ? undefined : { focus: next };
    }
  }
}
