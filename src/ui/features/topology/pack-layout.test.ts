import { describe, expect, it } from 'vitest';
import { layoutShape, type LayoutEdge, type LayoutNode } from './layout-shape.ts';
import { FRAME_HEADER, LAYER_GAP, PACK_MIN_CHILDREN, placePacked, planLayout } from './pack-layout.ts';

const box = (id: string): LayoutNode => ({ id, width: 200, height: 70 });
const edge = (source: string, target: string): LayoutEdge => ({ id: `${source}->${target}`, source, target });

/** fleet → n Keystones → a cloud each; the first `open` clouds opened to two regions. */
function fleet(n: number, open = 0) {
  const nodes = [box('fleet')];
  const edges: LayoutEdge[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push(box(`d${i}`), box(`c${i}`));
    edges.push(edge('fleet', `d${i}`), edge(`d${i}`, `c${i}`));
    if (i < open) {
      nodes.push(box(`r${i}a`), box(`r${i}b`));
      edges.push(edge(`c${i}`, `r${i}a`), edge(`c${i}`, `r${i}b`));
    }
  }
  return layoutShape(nodes, edges);
}

describe('planLayout', () => {
  it('hands ELK one box for 1,000 collapsed clouds: the layout input stays small', () => {
    const plan = planLayout(fleet(1000));
    expect(plan.nodes.map((node) => node.id)).toEqual(['fleet', 'frame:fleet']);
    expect(plan.edges).toEqual([{ id: 'fleet->frame:fleet', source: 'fleet', target: 'frame:fleet' }]);
    const [group] = plan.groups;
    expect(group?.chains).toHaveLength(1000);
    // Roughly square, so fit-to-view shows the whole fleet at a readable size.
    expect(group?.width).toBeGreaterThan(group?.height ? group.height / 2 : Infinity);
    expect(group?.width).toBeLessThan(group?.height ? group.height * 2 : 0);
  });

  it('leaves a small fan-out to ELK', () => {
    const plan = planLayout(fleet(PACK_MIN_CHILDREN - 1));
    expect(plan.groups).toEqual([]);
    expect(plan.nodes).toHaveLength(1 + 2 * (PACK_MIN_CHILDREN - 1));
  });

  it('keeps an opened cloud out of the block, in its place among its siblings', () => {
    const shape = fleet(40, 0);
    const opened = layoutShape(
      [...shape.nodes, box('r7a'), box('r7b')],
      [...shape.edges, edge('c7', 'r7a'), edge('c7', 'r7b')],
    );
    const plan = planLayout(opened);
    expect(plan.groups[0]?.chains).toHaveLength(39);
    expect(plan.nodes.map((node) => node.id)).toEqual(['fleet', 'frame:fleet', 'd7', 'c7', 'r7a', 'r7b']);
  });
});

describe('placePacked', () => {
  it('lays each chain out as a row of its layers, chains in reading order', () => {
    const plan = planLayout(fleet(20));
    const { positions, frames } = placePacked(plan, { fleet: { x: 0, y: 0 }, 'frame:fleet': { x: 300, y: 50 } });
    const [frame] = frames;
    expect(frame).toMatchObject({ id: 'frame:fleet', parentId: 'fleet', x: 300, y: 50 });
    expect(frame?.chains).toHaveLength(20);
    expect(frame?.chains[3]).toEqual(['d3', 'c3']);
    expect(positions.d0?.y).toBe(50 + FRAME_HEADER);
    expect(positions.c0).toEqual({ x: (positions.d0?.x ?? 0) + 200 + LAYER_GAP, y: positions.d0?.y });
    expect(positions.d1?.y === positions.d0?.y ? (positions.d1?.x ?? 0) > (positions.c0?.x ?? 0) : (positions.d1?.y ?? 0) > (positions.d0?.y ?? 0)).toBe(true);
    expect(positions['frame:fleet']).toBeUndefined();
    for (const id of Object.keys(positions).filter((key) => key !== 'fleet')) {
      const p = positions[id] as { x: number; y: number };
      expect(p.x).toBeGreaterThanOrEqual(frame?.x ?? 0);
      expect(p.x + 200).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.width ?? 0));
      expect(p.y + 70).toBeLessThanOrEqual((frame?.y ?? 0) + (frame?.height ?? 0));
    }
  });
});
