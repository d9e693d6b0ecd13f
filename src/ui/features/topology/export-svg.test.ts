import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { cloud, region } from '../../../fleet/topology/testing/topology-fixtures.ts';
import { topologySvg } from './export-svg.ts';

const hostile = '<script>alert("x")</script>&';
const graph = buildTopology([cloud(hostile, [region('r', { hosts: [{ host: 'h1', zone: 'az1', state: 'down' }] })])]);
const placed = graph.nodes.slice(0, 3).map((node, i) => ({ node, x: i * 260, y: 0, width: 220, height: 72 }));
const edges = graph.edges.slice(0, 2);

describe('topologySvg', () => {
  it('draws every node and edge of the view', () => {
    const svg = topologySvg(placed, edges, 'light');
    expect(svg.match(/<rect width=/g)).toHaveLength(3);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('viewBox="-24 -24 788 120"');
    expect(svg).toContain('fill="#dc2626"');
  });

  it('keeps hostile names as inert text', () => {
    const svg = topologySvg(placed, edges, 'dark');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;alert(&#34;x&#34;)');
    expect(svg).not.toMatch(/<script[\s>]/i);
  });
});

