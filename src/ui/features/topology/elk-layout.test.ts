import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutShape, runLayout } from './elk-layout.ts';

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
    const positions = await runLayout(new ELK(), layoutShape([box('root'), box('a'), box('b'), box('a1')], [edge('root', 'a'), edge('root', 'b'), edge('a', 'a1')]));
    const at = (id: string) => positions[id] ?? { x: NaN, y: NaN };
    expect(at('a').x).toBeGreaterThan(at('root').x + 200);
    expect(at('a1').x).toBeGreaterThan(at('a').x + 200);
    expect(at('b').x).toBe(at('a').x);
    expect(at('b').y).toBeGreaterThanOrEqual(at('a').y + 70);
  });
});
