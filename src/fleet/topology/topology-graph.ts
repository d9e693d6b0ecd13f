import type { PlacementMeter } from './capacity-pressure.ts';
import type { TopologyHealth } from './topology-health.ts';

/** `trust`: an identity provider that several clouds' Keystones accept (federation); its clouds are linked to it, not below it. */
export const TOPOLOGY_LEVELS = ['fleet', 'trust', 'domain', 'cloud', 'region', 'cell', 'site', 'host'] as const;
export type TopologyLevel = (typeof TOPOLOGY_LEVELS)[number];

export type HostState = 'up' | 'down' | 'disabled' | 'unknown';

export interface TopologyCounts {
  hosts: Record<HostState, number>;
  /** Server status (ACTIVE, ERROR, …) → count. */
  servers: Record<string, number>;
  /** Hosts at or above the capacity pressure threshold in some Placement resource class. */
  underPressure: number;
}

/** Where a node is in the fleet: what a link to the inventory filters by. */
export interface TopologyPlace {
  cloud?: string;
  region?: string;
  cell?: string;
  site?: string;
  host?: string;
}

export interface TopologyNode {
  /** Deterministic: the same place always has the same id. */
  id: string;
  parentId: string | null;
  childIds: string[];
  level: TopologyLevel;
  label: string;
  health: TopologyHealth;
  /** The node's own problems, in words ("hypervisors: 403"); its children's are theirs. */
  problems: string[];
  /** Facts worth saying that are not problems ("cells unknown"). */
  notes: string[];
  /** The errors behind the problems, for error details with request ids. */
  errors: unknown[];
  counts: TopologyCounts;
  /** Descendants per level; a site split across cells counts once. */
  descendants: Partial<Record<TopologyLevel, number>>;
  place: TopologyPlace;
  /** A host's Placement usage per resource class, once Placement answered for its region. */
  placement?: PlacementMeter[];
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * A relation across the tree, drawn, never laid out: a cloud trusting an
 * identity provider; regions whose networks overlap or span (see
 * topology-relations.ts) or that hold the same image data.
 */
export interface TopologyLink extends TopologyEdge {
  kind: 'federation' | RelationKind;
  label: string;
}

export type RelationKind = 'network-overlap' | 'network-span' | 'image-replica';

export interface TopologyGraph {
  rootId: string;
  /** Parents before children, siblings in a stable order. */
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  links: TopologyLink[];
  byId: ReadonlyMap<string, TopologyNode>;
}

export function emptyCounts(): TopologyCounts {
  return { hosts: { up: 0, down: 0, disabled: 0, unknown: 0 }, servers: {}, underPressure: 0 };
}

export function addCounts(into: TopologyCounts, from: TopologyCounts): void {
  for (const state of Object.keys(from.hosts) as HostState[]) into.hosts[state] += from.hosts[state];
  addTally(into.servers, from.servers);
  into.underPressure += from.underPressure;
}

export function addTally(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [status, count] of Object.entries(from)) into[status] = (into[status] ?? 0) + count;
}

export function totalOf(tally: Readonly<Record<string, number>>): number {
  return Object.values(tally).reduce((sum, count) => sum + count, 0);
}

export function ancestorsOf(graph: TopologyGraph, id: string): string[] {
  const result: string[] = [];
  let parent = graph.byId.get(id)?.parentId ?? null;
  while (parent !== null) {
    result.unshift(parent);
    parent = graph.byId.get(parent)?.parentId ?? null;
  }
  return result;
}
