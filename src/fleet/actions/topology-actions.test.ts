import { describe, expect, it } from 'vitest';
import { buildTopology } from '../topology/build-topology.ts';
import { cloud, region } from '../topology/testing/topology-fixtures.ts';
import { topologyActions } from './topology-actions.ts';

const graph = buildTopology([
  cloud('edge', [region('eu-edge-1', { hosts: [{ host: 'store-001-cmp-1', zone: 'store-001' }] }, 'edge')]),
]);
const nodeAt = (level: string) => {
  const node = graph.nodes.find((candidate) => candidate.level === level);
  if (!node) throw new Error(`no ${level} in the graph`);
  return node;
};
const here = [{ cloud: 'edge', region: 'eu-edge-1' }];

describe('topologyActions', () => {
  it('offers a region a launch, a key pair sync and an image replication targeted at it, the source left to the form', () => {
    expect(topologyActions(nodeAt('region')).map(({ id, label, action }) => ({ id, label, action }))).toEqual([
      { id: 'launch', label: 'Launch here…', action: { action: 'fan-out-launch', to: here } },
      { id: 'keypair-sync', label: 'Sync a key pair here…', action: { action: 'keypair-sync', to: here } },
      { id: 'image-replication', label: 'Replicate an image here…', action: { action: 'image-replication', to: here } },
    ]);
  });

  it('offers a site or a host only its region’s launch, and says it cannot pin the site or host', () => {
    for (const level of ['site', 'host']) {
      const [launch, ...others] = topologyActions(nodeAt(level));
      expect(others).toEqual([]);
      expect(launch).toEqual({
        id: 'launch',
        label: 'Launch in edge/eu-edge-1…',
        action: { action: 'fan-out-launch', to: here },
        note: `A launch targets a whole region: it cannot pin this ${level}, so Nova’s scheduler chooses where in eu-edge-1 the server runs.`,
      });
    }
  });

  it('offers nothing where no region is known: the fleet, and a cloud that has not answered', () => {
    expect(topologyActions(nodeAt('fleet'))).toEqual([]);
    expect(topologyActions(nodeAt('cloud'))).toEqual([]);
  });

  it('offers a cloud the region’s actions when it has one region, and actions on all its regions when it has several', () => {
    expect(topologyActions(nodeAt('cloud'), ['eu-edge-1']).map(({ label, action }) => ({ label, action }))).toEqual([
      { label: 'Launch here…', action: { action: 'fan-out-launch', to: here } },
      { label: 'Sync a key pair here…', action: { action: 'keypair-sync', to: here } },
      { label: 'Replicate an image here…', action: { action: 'image-replication', to: here } },
    ]);
    const regions = ['eu-west-1', 'us-east-1'];
    const all = regions.map((name) => ({ cloud: 'edge', region: name }));
    expect(topologyActions(nodeAt('cloud'), regions).map(({ label, action }) => ({ label, action }))).toEqual([
      { label: 'Launch in its 2 regions…', action: { action: 'fan-out-launch', to: all } },
      { label: 'Sync a key pair to its 2 regions…', action: { action: 'keypair-sync', to: all } },
      { label: 'Replicate an image to its 2 regions…', action: { action: 'image-replication', to: all } },
    ]);
  });
});
