import { standInOf } from './collapse.ts';
import type { RelationKind, TopologyGraph, TopologyLink, TopologyNode } from './topology-graph.ts';
import { placeKey, type CidrGroup, type ImageRelations, type NetworkRelations, type RelationPlace, type RelationSource, type SubnetFact } from './topology-relations.ts';

/** One relation of the anchor with another place, in words a view can show and link. */
export interface RelationExample {
  kind: RelationKind;
  /** The anchor's side: its CIDR, or the image's name. */
  mine: string;
  /** The other side: its CIDR, or the image's name there. */
  other: string;
  place: RelationPlace;
  /** The other side's network (network relations only). */
  network?: string;
}

/** Everything the anchor shares of one kind with one visible node. */
export interface RelationTarget {
  /** The visible node standing for the other places (a collapsed cloud for its regions). */
  nodeId: string;
  kind: RelationKind;
  /** Distinct blocks or images shared with it. */
  count: number;
  /** The first few, to name them. */
  examples: RelationExample[];
}

/** A relation layer's data the anchor cannot be compared with. */
export interface UnknownRelations {
  /** The anchor's own sources that did not load ("ams/RegionOne: connection refused"): its relations are unknown. */
  mine: string[];
  /** How many other regions' data is missing (loading or failed), counting a cloud with no known region as one: relations with them are unknown, not absent. */
  others: number;
}

export interface NodeRelations {
  /** The visible node the links are drawn from: the selection's stand-in, raised to its region below that level. */
  anchorId: string;
  targets: RelationTarget[];
  /** At most `maxLinks` per kind, the most shared first. */
  links: TopologyLink[];
  /** Targets of each kind left undrawn by the cap. */
  notDrawn: Record<RelationKind, number>;
  unknown: { networks?: UnknownRelations; images?: UnknownRelations };
}

export interface RelationLayers {
  networks?: NetworkRelations;
  images?: ImageRelations;
}

export interface NodeRelationOptions {
  /** Links drawn per kind: a thousand regions holding cirros must not hide the graph. */
  maxLinks?: number;
  maxExamples?: number;
}

export const MAX_RELATION_LINKS = 24;
const MAX_EXAMPLES = 3;
const BELOW_REGION: readonly string[] = ['cell', 'site', 'host'];

/**
 * The relations of the selected node, as links from its stand-in to each
 * other visible node holding related data, once per pair and kind. Only the
 * groups the anchor's regions belong to are visited, each once, so the work
 * is the size of those groups, never the pairs of the fleet. The fleet node
 * (everything relates to everything) and an identity provider have none.
 */
export function nodeRelations(
  graph: TopologyGraph,
  shown: ReadonlySet<string>,
  selectedId: string,
  layers: RelationLayers,
  options: NodeRelationOptions = {},
): NodeRelations | undefined {
  const maxLinks = options.maxLinks ?? MAX_RELATION_LINKS;
  const maxExamples = options.maxExamples ?? MAX_EXAMPLES;
  const anchor = anchorOf(graph, shown, selectedId);
  if (!anchor) return undefined;
  const mine = new Set(regionsUnder(graph, anchor).map((region) => placeKey(region.place as RelationPlace)));
  const mineClouds = new Set(cloudsUnder(graph, anchor));
  const regionIds = regionIdsByPlace(graph);
  const excluded = new Set([graph.rootId, anchor.id, ...ancestorIds(graph, anchor.id)]);
  const targets = new Map<string, RelationTarget & { keys: Set<string> }>();
  const add = (place: RelationPlace, kind: RelationKind, key: string, example: RelationExample) => {
    const regionId = regionIds.get(placeKey(place));
    const nodeId = regionId === undefined ? undefined : standInOf(graph, shown, regionId);
    if (nodeId === undefined || excluded.has(nodeId)) return;
    const id = `${kind}:${nodeId}`;
    let target = targets.get(id);
    if (!target) {
      target = { nodeId, kind, count: 0, examples: [], keys: new Set() };
      targets.set(id, target);
    }
    if (target.keys.has(key)) return;
    target.keys.add(key);
    target.count += 1;
    if (target.examples.length < maxExamples) target.examples.push(example);
  };

  if (layers.networks) visitNetworks(layers.networks, mine, add);
  if (layers.images) visitImages(layers.images, mine, add);

  const labels = new Map([...targets.values()].map((target) => [target.nodeId, labelOf(graph, target.nodeId)]));
  // Plain code-unit order: a thousand targets sorted with localeCompare cost more than finding them.
  const byLabel = (a: RelationTarget, b: RelationTarget) => {
    const [left, right] = [labels.get(a.nodeId) ?? '', labels.get(b.nodeId) ?? ''];
    return left < right ? -1 : left > right ? 1 : 0;
  };
  const byKind = (kind: RelationKind) =>
    [...targets.values()].filter((target) => target.kind === kind).sort((a, b) => b.count - a.count || byLabel(a, b));
  const kinds: RelationKind[] = ['network-overlap', 'network-span', 'image-replica'];
  const sorted = kinds.flatMap(byKind).map(({ keys: _keys, ...target }) => target);
  const links: TopologyLink[] = [];
  const notDrawn: Record<RelationKind, number> = { 'network-overlap': 0, 'network-span': 0, 'image-replica': 0 };
  const drawn: Record<RelationKind, number> = { 'network-overlap': 0, 'network-span': 0, 'image-replica': 0 };
  for (const target of sorted) {
    if (drawn[target.kind] >= maxLinks) {
      notDrawn[target.kind] += 1;
      continue;
    }
    drawn[target.kind] += 1;
    links.push({ id: `${target.kind}:${anchor.id}~${target.nodeId}`, source: anchor.id, target: target.nodeId, kind: target.kind, label: linkLabel(target) });
  }

  const unknown: NodeRelations['unknown'] = {};
  if (layers.networks) unknown.networks = unknownRelations(graph, mine, mineClouds, layers.networks.sources);
  if (layers.images) unknown.images = unknownRelations(graph, mine, mineClouds, layers.images.sources);
  return { anchorId: anchor.id, targets: sorted, links, notDrawn, unknown };
}

type Add = (place: RelationPlace, kind: RelationKind, key: string, example: RelationExample) => void;

/**
 * Identical blocks: the same network name is one segment stretched across
 * regions (a provider network: it spans), another name is an address
 * conflict; a block nested in another (or holding it) always conflicts.
 */
function visitNetworks(relations: NetworkRelations, mine: ReadonlySet<string>, add: Add): void {
  const isMine = (member: SubnetFact) => mine.has(placeKey(member));
  const touched = new Set<number>();
  for (const key of mine) for (const index of relations.byPlace.get(key) ?? []) touched.add(index);
  for (const index of touched) {
    const group = relations.groups[index] as CidrGroup;
    const own = group.members.filter(isMine);
    const ownIds = new Set(own.map((member) => member.id));
    const ownNames = new Set(own.map((member) => member.network));
    for (const other of group.members) {
      if (isMine(other) || ownIds.has(other.id)) continue;
      const example = { mine: group.cidr, other: other.cidr, place: other, network: other.network };
      if (ownNames.has(other.network)) add(other, 'network-span', `${index}`, { ...example, kind: 'network-span' });
      if (ownNames.size > (ownNames.has(other.network) ? 1 : 0)) add(other, 'network-overlap', `${index}`, { ...example, kind: 'network-overlap' });
    }
    for (const nestedIndex of relations.nested.get(index) ?? []) {
      const nested = relations.groups[nestedIndex] as CidrGroup;
      for (const other of nested.members) {
        if (isMine(other)) continue;
        add(other, 'network-overlap', `${index}~${nestedIndex}`, { kind: 'network-overlap', mine: group.cidr, other: other.cidr, place: other, network: other.network });
      }
    }
  }
}

function visitImages(relations: ImageRelations, mine: ReadonlySet<string>, add: Add): void {
  const touched = new Set<number>();
  for (const key of mine) for (const index of relations.byPlace.get(key) ?? []) touched.add(index);
  for (const index of touched) {
    const group = relations.groups[index];
    if (!group) continue;
    for (const place of group.places) {
      if (mine.has(placeKey(place))) continue;
      add(place, 'image-replica', group.digest, { kind: 'image-replica', mine: group.name, other: group.name, place });
    }
  }
}

function linkLabel(target: RelationTarget): string {
  const first = target.examples[0];
  if (target.count === 1 && first) {
    if (target.kind === 'image-replica') return first.mine || 'unnamed image';
    return first.mine === first.other ? first.mine : `${first.mine} ↔ ${first.other}`;
  }
  const noun = { 'network-overlap': 'overlaps', 'network-span': 'spans', 'image-replica': 'images' }[target.kind];
  return `${target.count.toLocaleString('en')} ${noun}`;
}

/** The selection's visible stand-in, raised to its region when below it; none for the fleet or an identity provider. */
function anchorOf(graph: TopologyGraph, shown: ReadonlySet<string>, selectedId: string): TopologyNode | undefined {
  const standIn = standInOf(graph, shown, selectedId);
  let node = standIn === undefined ? undefined : graph.byId.get(standIn);
  while (node && BELOW_REGION.includes(node.level)) node = node.parentId === null ? undefined : graph.byId.get(node.parentId);
  return node && node.level !== 'fleet' && node.level !== 'trust' ? node : undefined;
}

function regionsUnder(graph: TopologyGraph, node: TopologyNode): TopologyNode[] {
  if (node.level === 'region') return [node];
  return node.childIds.flatMap((id) => {
    const child = graph.byId.get(id);
    return child ? regionsUnder(graph, child) : [];
  });
}

/** The clouds the anchor is or holds (a region's own cloud): a cloud that never answered has no regions to stand for it. */
function cloudsUnder(graph: TopologyGraph, node: TopologyNode): string[] {
  if (node.level === 'cloud' || node.level === 'region') return node.place.cloud === undefined ? [] : [node.place.cloud];
  return node.childIds.flatMap((id) => {
    const child = graph.byId.get(id);
    return child ? cloudsUnder(graph, child) : [];
  });
}

function ancestorIds(graph: TopologyGraph, id: string): string[] {
  const result: string[] = [];
  let parent = graph.byId.get(id)?.parentId ?? null;
  while (parent !== null) {
    result.push(parent);
    parent = graph.byId.get(parent)?.parentId ?? null;
  }
  return result;
}

const regionIndexes = new WeakMap<TopologyGraph, Map<string, string>>();

/** Region node ids by place, once per graph. */
function regionIdsByPlace(graph: TopologyGraph): Map<string, string> {
  let index = regionIndexes.get(graph);
  if (!index) {
    index = new Map();
    for (const node of graph.nodes) {
      if (node.level === 'region' && node.place.cloud !== undefined && node.place.region !== undefined) {
        index.set(placeKey({ cloud: node.place.cloud, region: node.place.region }), node.id);
      }
    }
    regionIndexes.set(graph, index);
  }
  return index;
}

function labelOf(graph: TopologyGraph, id: string): string {
  return graph.byId.get(id)?.label ?? id;
}

/** Regions whose data is not there: the anchor's own by name, the others counted. */
function unknownRelations(graph: TopologyGraph, mine: ReadonlySet<string>, mineClouds: ReadonlySet<string>, sources: readonly RelationSource[]): UnknownRelations {
  const byCloud = new Map<string, RelationSource>();
  const byRegion = new Map<string, RelationSource>();
  for (const source of sources) {
    if (source.region === undefined) byCloud.set(source.cloud, source);
    else byRegion.set(placeKey({ cloud: source.cloud, region: source.region }), source);
  }
  const result: UnknownRelations = { mine: [], others: 0 };
  for (const [key, id] of regionIdsByPlace(graph)) {
    const place = graph.byId.get(id)?.place as RelationPlace;
    const source = byRegion.get(key) ?? byCloud.get(place.cloud);
    if (source?.state === 'ok') continue;
    if (!mine.has(key)) result.others += 1;
    else if (source?.state === 'failed') result.mine.push(`${place.cloud}/${place.region}: ${source.reason ?? 'failed to load'}`);
    else result.mine.push(`${place.cloud}/${place.region}: still loading`);
  }
  // A cloud that failed before its regions were known (its sign-in, its API down) is unknown as a whole.
  const withRegions = new Set([...regionIdsByPlace(graph).values()].map((id) => graph.byId.get(id)?.place.cloud));
  for (const [cloud, source] of byCloud) {
    if (source.state === 'ok' || withRegions.has(cloud)) continue;
    if (!mineClouds.has(cloud)) result.others += 1;
    else result.mine.push(`${cloud}: ${source.state === 'failed' ? (source.reason ?? 'failed to load') : 'still loading'}`);
  }
  return result;
}
