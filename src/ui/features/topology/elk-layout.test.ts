import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { runLayout } from './elk-layout.ts';
import { layoutShape } from './layout-shape.ts';

const box = (id: string) => ({ id, width: 200, height: 70 });
const edge = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });

describe('layoutShape', () => {
  it('keys on node ids, sizes and edges only', () => {
    const a = layoutShape([box('a'), box('b')], [edge('a', 'b')]);
    expect(layoutShape([box('a'), box('b')], [edge('a', 'b')]).key).toBe(a.key);
    expect(layoutShape([box('a'), box('c')], [edge('a', 'c')]).key).not.toBe(a.key);
    expect(layoutShape([box('a'), { ...box('b'), width: 300 }], [edge('a', 'b')]).key).not.toBe(a.key);
  });
});

describe('runLayout', () => {
  it('lays a tree out in layers from left to right, siblings apart and in order', async () => {
    const { positions, frames } = await runLayout(new ELK(), layoutShape([box('root'), box('a'), box('b'), box('a1')], [edge('root', 'a'), edge('root', 'b'), edge('a', 'a1')]));
    const at = (id: string) => positions[id] ?? { x: NaN, y: NaN };
    expect(at('a').x).toBeGreaterThan(at('root').x + 200);
    expect(at('a1').x).toBeGreaterThan(at('a').x + 200);
    expect(at('b').x).toBe(at('a').x);
    expect(at('b').y).toBeGreaterThanOrEqual(at('a').y + 70);
    expect(frames).toEqual([]);
  });

  it('places a fleet of 1,000 Keystones with a cloud each, every card apart', async () => {
    const nodes = [box('fleet')];
    const edges = [];
    for (let i = 0; i < 1000; i++) {
      nodes.push(box(`d${i}`), box(`c${i}`));
      edges.push(edge('fleet', `d${i}`), edge(`d${i}`, `c${i}`));
    }
    const { positions, frames } = await runLayout(new ELK(), layoutShape(nodes, edges));
    expect(Object.keys(positions)).toHaveLength(2001);
    expect(frames).toHaveLength(1);
    const corners = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
    expect(corners.size).toBe(2001);
  });
});
