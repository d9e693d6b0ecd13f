import { totalOf, type TopologyLevel, type TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import { HEALTH_LABELS } from '../../../fleet/topology/topology-health.ts';
import { formatCount } from '../../lib/format-count.ts';

const PLURALS: Record<TopologyLevel, [string, string]> = {
  fleet: ['fleet', 'fleets'],
  trust: ['identity provider', 'identity providers'],
  domain: ['Keystone', 'Keystones'],
  cloud: ['cloud', 'clouds'],
  region: ['region', 'regions'],
  cell: ['cell', 'cells'],
  site: ['site', 'sites'],
  host: ['host', 'hosts'],
};

/** "1 site", "1,000 clouds" */
export function countOf(n: number, level: TopologyLevel): string {
  const [one, many] = PLURALS[level];
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The levels a collapsed node summarizes: the next one or two below it, and its hosts. */
const SUMMARIZED: Record<TopologyLevel, readonly TopologyLevel[]> = {
  fleet: ['cloud', 'site', 'host'],
  trust: [],
  domain: ['cloud', 'site', 'host'],
  cloud: ['region', 'site', 'host'],
  region: ['cell', 'site', 'host'],
  cell: ['site', 'host'],
  site: ['host'],
  host: [],
};

/** "3 regions · 9 sites · 27 hosts" */
export function structureLine(node: TopologyNode): string {
  return SUMMARIZED[node.level]
    .filter((level) => node.descendants[level] !== undefined)
    .map((level) => countOf(node.descendants[level] as number, level))
    .join(' · ');
}

/** "2 down · 3 under pressure · 40 servers, 1 in ERROR" */
export function statusLine(node: TopologyNode): string {
  const { hosts, servers } = node.counts;
  const parts: string[] = [];
  if (node.level === 'host') {
    if (hosts.down) parts.push('down');
    if (hosts.disabled) parts.push('disabled');
    if (hosts.unknown) parts.push('state unknown');
    if (node.counts.underPressure) parts.push('under pressure');
  } else {
    if (hosts.down) parts.push(`${hosts.down} down`);
    if (hosts.disabled) parts.push(`${hosts.disabled} disabled`);
    if (hosts.unknown) parts.push(`${hosts.unknown} unknown`);
    if (node.counts.underPressure) parts.push(`${node.counts.underPressure} under pressure`);
  }
  const total = totalOf(servers);
  if (total > 0) parts.push(`${total} server${total === 1 ? '' : 's'}${servers.ERROR ? `, ${servers.ERROR} in ERROR` : ''}`);
  return parts.join(' · ');
}

/** "fleet: failing", "cloud ams: ok": what a screen reader says for a node, and what tests find it by. */
export function accessibleName(node: TopologyNode): string {
  const what = node.level === 'fleet' ? 'fleet' : `${levelName(node.level)} ${node.label}`;
  return `${what}: ${HEALTH_LABELS[node.health]}`;
}

export function levelName(level: TopologyLevel): string {
  if (level === 'domain') return 'identity domain';
  return level === 'trust' ? 'identity provider' : level;
}

/** The one thing worth reading on a card besides its counts: a problem, or that it needs admin rights. */
export function cardNote(node: TopologyNode): string {
  const needsAdmin = node.notes.find((note) => note.startsWith('needs admin'));
  return node.problems[0] ?? (needsAdmin ? 'needs admin' : (node.notes[0] ?? ''));
}
