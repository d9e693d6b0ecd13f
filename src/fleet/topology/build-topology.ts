import { regionPressure, type HostPressure, type RegionPressure } from './capacity-pressure.ts';
import { cellResolver, siteResolver, type Resolver } from './place-rules.ts';
import { regionHosts, type RegionHost } from './region-hosts.ts';
import {
  addCounts,
  addTally,
  emptyCounts,
  totalOf,
  type TopologyEdge,
  type TopologyGraph,
  type TopologyLink,
  type TopologyLevel,
  type TopologyNode,
  type TopologyPlace,
} from './topology-graph.ts';
import { healthOfCloudStatus, worst, type TopologyHealth } from './topology-health.ts';
import type { CloudTopologyInput, Listing, RegionTopology } from './topology-input.ts';

export const FLEET_ID = 'fleet';

const id = {
  trust: (provider: string) => `trust:${enc(provider)}`,
  domain: (identity: string) => `domain:${enc(identity)}`,
  cloud: (cloud: string) => `cloud:${enc(cloud)}`,
  region: (p: Required<Pick<TopologyPlace, 'cloud' | 'region'>>) => `region:${enc(p.cloud)}/${enc(p.region)}`,
  // An empty cell part when the region has no cell level: a cell name is never empty.
  cell: (p: TopologyPlace) => `cell:${enc(p.cloud)}/${enc(p.region)}/${enc(p.cell)}`,
  site: (p: TopologyPlace) => `site:${enc(p.cloud)}/${enc(p.region)}/${enc(p.cell)}/${enc(p.site)}`,
  host: (p: TopologyPlace) => `host:${enc(p.cloud)}/${enc(p.region)}/${enc(p.host)}`,
};

function enc(part: string | undefined): string {
  return encodeURIComponent(part ?? '');
}

/** What a host without a site or cell by the rule is grouped under. */
export const NO_SITE = '(no site)';
export const NO_CELL = '(no cell)';

interface Draft extends TopologyNode {
  own: TopologyHealth[];
  /** The distinct sites of the subtree: a site split across cells counts once. */
  sites: Set<string>;
}

/** One cloud's finished nodes (the cloud first, its parent the domain), rolled up to the cloud. */
interface CloudSubtree {
  nodes: readonly TopologyNode[];
  edges: readonly TopologyEdge[];
  sites: ReadonlySet<string>;
}

/**
 * A cloud's subtree depends on its input alone, so an input object that
 * comes back unchanged (the caller keeps it while its cloud's answers stay
 * the same) reuses its subtree: a 1,000-cloud fleet then rebuilds only the
 * clouds that answered since the last build, not every host of the fleet.
 */
const subtrees = new WeakMap<CloudTopologyInput, CloudSubtree>();

/**
 * The fleet as a tree: fleet → identity domain → cloud → region → cell →
 * site → host, each node with the worst health and the sums of its subtree.
 * Pure and deterministic: the same input gives the same ids, order and counts.
 */
export function buildTopology(clouds: readonly CloudTopologyInput[]): TopologyGraph {
  const top = nodeMaker();
  const fleet = top.add(null, 'fleet', FLEET_ID, 'Fleet', {});
  const links: TopologyLink[] = [];
  const trusts = new Map<string, Draft>();
  for (const input of clouds) {
    if (input.federation === undefined) continue;
    let trust = trusts.get(input.federation);
    if (!trust) {
      trust = top.add(fleet, 'trust', id.trust(input.federation), input.federation, {});
      trusts.set(input.federation, trust);
    }
    links.push({ id: `${trust.id}~${id.cloud(input.cloud)}`, kind: 'federation', label: 'OIDC trust', source: trust.id, target: id.cloud(input.cloud) });
  }
  for (const trust of trusts.values()) {
    const members = links.filter((link) => link.source === trust.id).map((link) => link.target.slice('cloud:'.length));
    const named = members.slice(0, 5).map(decodeURIComponent).join(', ');
    trust.notes.push(`trusted by ${members.length} cloud${members.length === 1 ? '' : 's'}: ${named}${members.length > 5 ? ', …' : ''}`);
  }

  // Parents before children: each domain as its first cloud comes, each cloud's subtree after it.
  const nodes: TopologyNode[] = [...top.nodes];
  const edges: TopologyEdge[] = [...top.edges];
  const domains = new Map<string, Draft>();
  for (const input of clouds) {
    let domain = domains.get(input.identity);
    if (!domain) {
      domain = top.add(fleet, 'domain', id.domain(input.identity), hostOf(input.identity), {});
      domains.set(input.identity, domain);
      nodes.push(domain);
      edges.push(top.edges.at(-1) as TopologyEdge);
    }
    const subtree = cloudSubtree(input);
    const cloud = subtree.nodes[0] as TopologyNode;
    domain.childIds.push(cloud.id);
    rollUpInto(domain, cloud, subtree.sites);
    nodes.push(...subtree.nodes);
    edges.push(...subtree.edges);
  }
  top.rollUp();

  const finished = nodes.map((node) => (isDraft(node) ? finish(node) : node));
  return { rootId: FLEET_ID, nodes: finished, edges, links, byId: new Map(finished.map((node) => [node.id, node])) };
}

function cloudSubtree(input: CloudTopologyInput): CloudSubtree {
  const cached = subtrees.get(input);
  if (cached) return cached;
  const maker = nodeMaker();
  const cloud = addCloud(input, maker.add);
  maker.rollUp();
  const domainId = id.domain(input.identity);
  const nodes = maker.nodes.map((node) => (node === cloud ? { ...finish(node), parentId: domainId } : finish(node)));
  const built = { nodes, edges: [{ id: `${domainId}->${cloud.id}`, source: domainId, target: cloud.id }, ...maker.edges], sites: cloud.sites };
  subtrees.set(input, built);
  return built;
}

type AddNode = (parent: Draft | null, level: TopologyLevel, nodeId: string, label: string, place: TopologyPlace) => Draft;

/** Nodes made in order, parents before children, and rolled up by one backward pass. */
function nodeMaker() {
  const nodes: Draft[] = [];
  const edges: TopologyEdge[] = [];
  const byId = new Map<string, Draft>();
  const add: AddNode = (parent, level, nodeId, label, place) => {
    const node: Draft = {
      id: nodeId,
      parentId: parent?.id ?? null,
      childIds: [],
      level,
      label,
      health: 'ok',
      problems: [],
      notes: [],
      errors: [],
      counts: emptyCounts(),
      descendants: {},
      place,
      own: [],
      sites: new Set(),
    };
    nodes.push(node);
    byId.set(nodeId, node);
    if (parent) {
      parent.childIds.push(nodeId);
      edges.push({ id: `${parent.id}->${nodeId}`, source: parent.id, target: nodeId });
    }
    return node;
  };
  const rollUp = () => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i] as Draft;
      node.health = worst([...node.own, node.health]);
      if (node.sites.size > 0 && node.level !== 'site') node.descendants.site = node.sites.size;
      const parent = node.parentId === null ? undefined : byId.get(node.parentId);
      if (parent) rollUpInto(parent, node, node.sites);
    }
  };
  return { nodes, edges, add, rollUp };
}

/** A child's health, counts, descendants and sites into its parent. */
function rollUpInto(parent: Draft, child: TopologyNode, sites: ReadonlySet<string>): void {
  parent.health = worst([parent.health, child.health]);
  addCounts(parent.counts, child.counts);
  for (const [level, count] of Object.entries(child.descendants) as [TopologyLevel, number][]) {
    if (level !== 'site') parent.descendants[level] = (parent.descendants[level] ?? 0) + count;
  }
  if (child.level !== 'site') parent.descendants[child.level] = (parent.descendants[child.level] ?? 0) + 1;
  for (const site of sites) parent.sites.add(site);
}

function isDraft(node: TopologyNode): node is Draft {
  return 'own' in node;
}

function finish({ own: _own, sites: _sites, ...node }: Draft): TopologyNode {
  return node;
}

function addCloud(input: CloudTopologyInput, add: AddNode): Draft {
  const cloud = add(null, 'cloud', id.cloud(input.cloud), input.cloud, { cloud: input.cloud });
  cloud.own.push(healthOfCloudStatus(input.status));
  if (input.error !== undefined) cloud.errors.push(input.error);
  if (input.status === 'failing') cloud.problems.push('the API is failing');
  if (input.status === 'unauthorized') cloud.problems.push('sign-in rejected');
  if (input.status === 'forbidden') cloud.notes.push('needs admin');
  if (input.status === 'signin-needed') cloud.notes.push('waiting for its secret');
  for (const region of input.data?.regions ?? []) addRegion(input, region, cloud, add);
  return cloud;
}

const LISTINGS = [
  ['hypervisors', (r: RegionTopology) => r.hypervisors],
  ['compute services', (r: RegionTopology) => r.services],
  ['availability zones', (r: RegionTopology) => r.availabilityZones],
  ['host aggregates', (r: RegionTopology) => r.aggregates],
  ['servers', (r: RegionTopology) => r.servers],
] as const satisfies readonly (readonly [string, (r: RegionTopology) => Listing<unknown>])[];

function addRegion(input: CloudTopologyInput, data: RegionTopology, cloud: Draft, add: AddNode): void {
  const place = { cloud: input.cloud, region: data.region };
  const region = add(cloud, 'region', id.region(place), data.region, place);

  const forbidden: string[] = [];
  for (const [what, listing] of LISTINGS) {
    const result = listing(data);
    if (result.state === 'forbidden') forbidden.push(what);
    if (result.state === 'failed') {
      region.own.push('failing');
      region.problems.push(`${what} could not be read`);
      region.errors.push(result.error);
    }
  }
  if (forbidden.length > 0) {
    region.own.push('needs-admin');
    region.notes.push(`needs admin: ${forbidden.join(', ')}`);
  }

  const hosts = regionHosts(data);
  const known = new Set(hosts.map((host) => host.host));
  const tally = data.servers.state === 'ok' ? data.servers.value : { byHost: {}, unplaced: {} };
  const unplaced: Record<string, number> = { ...tally.unplaced };
  for (const [host, statuses] of Object.entries(tally.byHost)) if (!known.has(host)) addTally(unplaced, statuses);
  addTally(region.counts.servers, unplaced);
  if (unplaced.ERROR) {
    region.own.push('degraded');
    region.problems.push(`${unplaced.ERROR} server${unplaced.ERROR === 1 ? '' : 's'} in ERROR, no host`);
  }
  const pressure = regionPressure(input.placement, data, hosts);
  noteCapacity(region, pressure);
  if (hosts.length === 0) return;

  const rules = input.rules ?? {};
  const cells = rules.cells ? cellResolver(rules.cells, data) : undefined;
  const cellOf = cellsOf(cells, hosts, region);
  const sites = siteResolver(rules.sites ?? { from: 'availability-zone' }, data, input.cloud);
  if (sites.kind === 'invalid') region.notes.push(sites.reason);
  const siteOf = (host: string) => (sites.kind === 'ok' ? sites.of(host) : undefined) ?? NO_SITE;

  // cell (or '' without a cell level) → site → hosts
  const groups = new Map<string, Map<string, RegionHost[]>>();
  for (const host of hosts) {
    const cell = cellOf(host.host);
    const bySite = groups.get(cell) ?? new Map<string, RegionHost[]>();
    groups.set(cell, bySite);
    const site = siteOf(host.host);
    bySite.set(site, [...(bySite.get(site) ?? []), host]);
  }

  for (const cellName of sortedKeys(groups)) {
    const cellPlace = { ...place, cell: cellName || undefined };
    const parent = cellName ? add(region, 'cell', id.cell(cellPlace), cellName, cellPlace) : region;
    const bySite = groups.get(cellName) as Map<string, RegionHost[]>;
    for (const siteName of sortedKeys(bySite)) {
      const sitePlace = { ...cellPlace, site: siteName };
      const site = add(parent, 'site', id.site(sitePlace), siteName, sitePlace);
      site.sites.add(`${enc(input.cloud)}/${enc(data.region)}/${enc(siteName)}`);
      const siteHosts = [...(bySite.get(siteName) as RegionHost[])].sort((a, b) => natural(a.host, b.host));
      for (const host of siteHosts) {
        const node = addHost(host, { ...sitePlace, host: host.host }, site, tally.byHost[host.host] ?? {}, add);
        if (pressure.measured) addPressure(node, pressure.of(host.host));
      }
    }
  }
}

/** No rule, or a rule no host of the region matches: no cell level, and the region says so. */
function cellsOf(resolver: Resolver | undefined, hosts: readonly RegionHost[], region: Draft): (host: string) => string {
  if (resolver?.kind === 'invalid') region.notes.push(resolver.reason);
  if (resolver?.kind !== 'ok' || !hosts.some((host) => resolver.of(host.host) !== undefined)) {
    region.notes.push('cells unknown');
    return () => '';
  }
  return (host) => resolver.of(host) ?? NO_CELL;
}

function addHost(host: RegionHost, place: TopologyPlace, site: Draft, servers: Readonly<Record<string, number>>, add: AddNode): Draft {
  const node = add(site, 'host', id.host(place), host.host, place);
  node.counts.hosts[host.state] = 1;
  addTally(node.counts.servers, servers);
  if (host.hypervisor) node.notes.push(`hypervisor ${host.hypervisor}`);
  if (host.state === 'down') {
    node.own.push('failing');
    node.problems.push('compute service down');
  } else if (host.state === 'unknown') {
    node.own.push('failing');
    node.problems.push('state unknown: its cell does not answer');
  } else if (host.state === 'disabled') {
    node.own.push('degraded');
    node.problems.push(host.disabledReason ? `disabled: ${host.disabledReason}` : 'disabled');
  }
  const errors = servers.ERROR ?? 0;
  if (errors > 0) {
    node.own.push('degraded');
    node.problems.push(`${errors} of ${totalOf(servers)} servers in ERROR`);
  }
  return node;
}

function noteCapacity(region: Draft, pressure: RegionPressure): void {
  if (pressure.health) region.own.push(pressure.health);
  if (pressure.problem) region.problems.push(pressure.problem);
  if (pressure.note) region.notes.push(pressure.note);
  if (pressure.error !== undefined) region.errors.push(pressure.error);
}

/** A host Placement has not measured says so: silence would read as "no pressure". */
function addPressure(node: Draft, pressure: HostPressure | undefined): void {
  if (!pressure) {
    node.notes.push('capacity unknown: not in Placement');
    return;
  }
  node.placement = pressure.meters;
  if (pressure.problems.length === 0) return;
  node.own.push('degraded');
  node.problems.push(...pressure.problems);
  node.counts.underPressure = 1;
}

function sortedKeys<T>(map: ReadonlyMap<string, T>): string[] {
  return [...map.keys()].sort(natural);
}

/** host-2 before host-10. */
function natural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function hostOf(authUrl: string): string {
  try {
    return new URL(authUrl).host || authUrl;
  } catch {
    return authUrl;
  }
}
