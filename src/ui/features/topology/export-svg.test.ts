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
    const svg = topologySvg(placed, edges, [], 'light');
    expect(svg.match(/<rect width=/g)).toHaveLength(3);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('viewBox="-24 -24 788 120"');
    expect(svg).toContain('fill="#dc2626"');
  });

  it('draws a packed block as a dashed frame that the parent edge reaches', () => {
    const frame = { id: 'frame:fleet', parentId: graph.nodes[0]?.id as string, chains: [], x: 300, y: 100, width: 500, height: 200 };
    const svg = topologySvg(placed.slice(0, 1), [{ id: 'e', source: frame.parentId, target: frame.id }], [frame], 'light');
    expect(svg).toContain('<rect x="300" y="100" width="500" height="200" rx="12" fill="none"');
    expect(svg).toMatch(/<path d="M220 36 C260 36 260 114 300 114"/);
    expect(svg).toContain('viewBox="-24 -24 848 348"');
  });

  it('draws relation links dashed in their kind’s colour, with their label as inert text', () => {
    const link = { id: 'l', source: placed[0]?.node.id as string, target: placed[2]?.node.id as string, label: '10.0.0.0/24 ↔ <b>', data: { kind: 'network-overlap' } };
    const svg = topologySvg(placed, [...edges, link], [], 'light');
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(svg).toMatch(/<path class="link link-network-overlap" d="[^"]+" fill="none" stroke="#e11d48" stroke-width="1.5" stroke-dasharray="3 3">/);
    expect(svg).toContain('>10.0.0.0/24 ↔ &#60;b&#62;</text>');
  });

  it('keeps hostile names as inert text', () => {
    const svg = topologySvg(placed, edges, [], 'dark');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;alert(&#34;x&#34;)');
    expect(svg).not.toMatch(/<script[\s>]/i);
  });
});

