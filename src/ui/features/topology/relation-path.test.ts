import { describe, expect, it } from 'vitest';
import { relationPath } from './relation-path.ts';

describe('relationPath', () => {
  it('arcs out to the right of both ends, beside the cards rather than through them', () => {
    const path = relationPath({ x: 220, y: 36 }, { x: 220, y: 160 }, 'network-overlap');
    expect(path.d).toMatch(/^M220 36 C(\d+(\.\d+)?) 36 \1 160 220 160$/);
    expect(path.labelX).toBeGreaterThan(220);
    expect(path.labelY).toBeCloseTo(98);
  });

  it('keeps the kinds between the same two nodes apart, and their labels', () => {
    const [overlap, span, replica] = (['network-overlap', 'network-span', 'image-replica'] as const).map((kind) => relationPath({ x: 220, y: 36 }, { x: 220, y: 160 }, kind));
    expect(new Set([overlap?.d, span?.d, replica?.d]).size).toBe(3);
    const labels = [overlap, span, replica].map((path) => path?.labelY ?? 0);
    expect(Math.min(Math.abs((labels[0] ?? 0) - (labels[1] ?? 0)), Math.abs((labels[0] ?? 0) - (labels[2] ?? 0)), Math.abs((labels[1] ?? 0) - (labels[2] ?? 0)))).toBeGreaterThan(20);
  });
});
