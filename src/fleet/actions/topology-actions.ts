import type { TopologyNode } from '../topology/topology-graph.ts';
import type { PreparedAction } from './prepared-action.ts';

export interface TopologyAction {
  /** Stable per kind of action: a key for lists. */
  id: 'launch' | 'keypair-sync' | 'image-replication';
  label: string;
  action: PreparedAction;
  /** What the prepared action cannot honour of the node, said beside it. */
  note?: string;
}

/**
 * The actions a topology node can start, prefilled with where it is. Actions
 * target a cloud and region (the project is the one the cloud signs in to);
 * a launch spec names no availability zone or host, so below a region only
 * the region's launch is offered, and it says so. A cloud (what the graph
 * shows closed) targets every region it has answered with.
 */
export function topologyActions(node: Pick<TopologyNode, 'level' | 'place'>, cloudRegions: readonly string[] = []): TopologyAction[] {
  const { cloud, region } = node.place;
  if (node.level === 'cloud' && cloud !== undefined && cloudRegions.length > 1) {
    const all = cloudRegions.map((name) => ({ cloud, region: name }));
    const its = `its ${cloudRegions.length} regions`;
    return [
      { id: 'launch', label: `Launch in ${its}…`, action: { action: 'fan-out-launch', to: all } },
      { id: 'keypair-sync', label: `Sync a key pair to ${its}…`, action: { action: 'keypair-sync', to: all } },
      { id: 'image-replication', label: `Replicate an image to ${its}…`, action: { action: 'image-replication', to: all } },
    ];
  }
  if (node.level === 'cloud' && cloud !== undefined && cloudRegions.length === 1) {
    return topologyActions({ level: 'region', place: { cloud, region: cloudRegions[0] } });
  }
  if (cloud === undefined || region === undefined) return [];
  const here = [{ cloud, region }];
  if (node.level === 'region') {
    return [
      { id: 'launch', label: 'Launch here…', action: { action: 'fan-out-launch', to: here } },
      { id: 'keypair-sync', label: 'Sync a key pair here…', action: { action: 'keypair-sync', to: here } },
      { id: 'image-replication', label: 'Replicate an image here…', action: { action: 'image-replication', to: here } },
    ];
  }
  if (node.level === 'cell' || node.level === 'site' || node.level === 'host') {
    return [
      {
        id: 'launch',
        label: `Launch in ${cloud}/${region}…`,
        action: { action: 'fan-out-launch', to: here },
        note: `A launch targets a whole region: it cannot pin this ${node.level}, so Nova’s scheduler chooses where in ${region} the server runs.`,
      },
    ];
  }
  return [];
}
