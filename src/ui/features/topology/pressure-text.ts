import type { TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import { formatCount } from '../../lib/format-count.ts';

/** "3 of 27 hosts under pressure": what a region, cell or cloud says of its hosts' Placement usage; empty for a host or when none is. */
export function pressureSummary(node: TopologyNode): string {
  const { underPressure } = node.counts;
  if (node.level === 'host' || underPressure === 0) return '';
  const hosts = node.descendants.host ?? underPressure;
  return `${formatCount(underPressure)} of ${formatCount(hosts)} host${hosts === 1 ? '' : 's'} under pressure`;
}
