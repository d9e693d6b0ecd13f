import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { collapse, defaultExpanded } from '../../../fleet/topology/collapse.ts';
import { cloud, networkError, region } from '../../../fleet/topology/testing/topology-fixtures.ts';
import type { CloudTopologyInput } from '../../../fleet/topology/topology-input.ts';
import { flowElements } from './flow-elements.ts';
import { layoutShape } from './layout-shape.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { placePacked, planLayout } from './pack-layout.ts';

/** 40 clouds with a Keystone each: the fleet's 40 chains are packed into one block. */
const fleet = (failing: string[] = []): CloudTopologyInput[] =>
  Array.from({ length: 40 }, (_, i) => {
    const name = `c${i}`;
    return failing.includes(name) ? cloud(name, [], { status: 'failing', error: networkError(name) }) : cloud(name, [region('r', { hosts: [{ host: 'h', zone: 'z' }] })]);
  });

function view(inputs: CloudTopologyInput[]) {
  const graph = buildTopology(inputs);
  const visible = collapse(graph, defaultExpanded(graph));
  const shape = layoutShape(visible.nodes.map((entry) => ({ id: entry.node.id, width: NODE_WIDTH, height: NODE_HEIGHT })), visible.edges);
  const plan = planLayout(shape);
  // Stand-in ELK positions: enough to place the block.
  const placement = placePacked(plan, Object.fromEntries(plan.nodes.map((node, i) => [node.id, { x: i * 300, y: 0 }])));
  return { visible, placement };
}

describe('flowElements', () => {
  it('a refresh that changes nothing hands xyflow the same node objects; a changed cloud gets a new one', () => {
    const before = view(fleet());
    const first = flowElements(before.visible, before.placement, { interactive: true, mosaic: false });
    const same = flowElements(view(fleet()).visible, before.placement, { interactive: true, mosaic: false }, first.cache);
    expect(same.nodes.every((node, i) => node === first.nodes[i])).toBe(true);

    const changed = flowElements(view(fleet(['c7'])).visible, before.placement, { interactive: true, mosaic: false }, first.cache);
    const byId = new Map(first.nodes.map((node) => [node.id, node]));
    const renewed = changed.nodes.filter((node) => node !== byId.get(node.id)).map((node) => node.id);
    expect(renewed).toEqual(['frame:fleet', 'fleet', 'domain:https%3A%2F%2Fc7.example.net%3A5000%2Fv3', 'cloud:c7']);
  });

  it('zoomed out, a packed block is one frame of tiles and its cards are not handed to xyflow', () => {
    const { visible, placement } = view(fleet(['c3']));
    const { nodes, edges } = flowElements(visible, placement, { interactive: true, mosaic: true });
    expect(nodes.map((node) => node.id)).toEqual(['frame:fleet', 'fleet']);
    expect(edges.map((edge) => edge.id)).toEqual(['fleet->frame:fleet']);
    const frame = nodes[0];
    expect(frame?.type === 'frame' && frame.data).toMatchObject({ caption: '40 Keystones', summary: '1 failing' });
    expect(frame?.type === 'frame' && frame.data.tiles).toHaveLength(80);
  });

  it('zoomed in, only the cards of the block near the view are handed over, with their edges', () => {
    const { visible, placement } = view(fleet());
    const first = placement.positions['domain:https%3A%2F%2Fc0.example.net%3A5000%2Fv3'] as { x: number; y: number };
    const inView = { x0: first.x - 10, y0: first.y - 10, x1: first.x + 500, y1: first.y + 100 };
    const { nodes, edges } = flowElements(visible, placement, { interactive: true, mosaic: false, inView });
    expect(nodes.map((node) => node.id)).toEqual(['frame:fleet', 'fleet', 'domain:https%3A%2F%2Fc0.example.net%3A5000%2Fv3', 'cloud:c0']);
    expect(edges.map((edge) => edge.target)).toEqual(['frame:fleet', 'cloud:c0']);
  });
});
