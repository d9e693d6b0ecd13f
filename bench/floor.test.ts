import { describe, expect, it } from 'vitest';
import { BROWSER_LIMITS, inventoryFloor, minimumRequests, NOVA_PAGE_SIZE, pagesFor } from './floor.ts';

const options = { latencyMs: 30, itemCostMs: 0, pageSize: NOVA_PAGE_SIZE, ...BROWSER_LIMITS, roundTripsPerRequest: 1 } as const;

describe('pagesFor', () => {
  it('is ceil(servers / page) except on a full last page, which Nova follows with an empty one', () => {
    expect(pagesFor(0, 1000)).toBe(1);
    expect(pagesFor(1, 1000)).toBe(1);
    expect(pagesFor(999, 1000)).toBe(1);
    expect(pagesFor(1000, 1000)).toBe(2);
    expect(pagesFor(2500, 1000)).toBe(3);
  });
});

describe('minimumRequests', () => {
  it('counts a sign-in per cloud and a version document plus the pages per region', () => {
    expect(minimumRequests([{ regionServers: [100] }, { regionServers: [1500, 0, 10] }], 1000)).toBe(3 + (1 + 2 + 2 + 2 + 1));
  });
});

describe('inventoryFloor', () => {
  it('is the dependent chain for a single small cloud', () => {
    const floor = inventoryFloor([{ regionServers: [2500] }], options);
    // sign-in, version document, three pages, one after the other
    expect(floor.chainMs).toBe(5 * 30);
    expect(floor.floorMs).toBe(150);
    expect(floor.requests).toBe(5);
  });

  it('is bound by the socket pool when many clouds answer side by side', () => {
    const clouds = Array.from({ length: 1000 }, () => ({ regionServers: [100] }));
    const floor = inventoryFloor(clouds, options);
    expect(floor.requests).toBe(3000);
    expect(floor.chainMs).toBe(90);
    expect(floor.globalMs).toBeCloseTo((3000 * 30) / 256);
    expect(floor.floorMs).toBe(floor.globalMs);
  });

  it('is bound by the origin when one cloud has more regions than connections', () => {
    const floor = inventoryFloor([{ regionServers: Array.from({ length: 24 }, () => 10) }], options);
    // 1 + 24 × 2 requests over 6 connections
    expect(floor.originMs).toBeCloseTo((49 * 30) / 6);
    expect(floor.floorMs).toBe(floor.originMs);
  });

  it('doubles every round trip when preflights are counted', () => {
    const once = inventoryFloor([{ regionServers: [10] }], options);
    const twice = inventoryFloor([{ regionServers: [10] }], { ...options, roundTripsPerRequest: 2 });
    expect(twice.floorMs).toBe(2 * once.floorMs);
    expect(twice.requests).toBe(once.requests);
  });

  it('adds every listed server’s cost to the chain, the origin and the pool, but not to preflights', () => {
    const costly = { ...options, itemCostMs: 1 };
    const floor = inventoryFloor([{ regionServers: [2500] }], costly);
    expect(floor.chainMs).toBe(5 * 30 + 2500);
    const withPreflight = inventoryFloor([{ regionServers: [2500] }], { ...costly, roundTripsPerRequest: 2 });
    expect(withPreflight.chainMs).toBe(5 * 60 + 2500);
    const many = inventoryFloor(
      Array.from({ length: 1000 }, () => ({ regionServers: [100] })),
      costly,
    );
    expect(many.globalMs).toBeCloseTo((3000 * 30 + 1000 * 100) / 256);
    const regions = inventoryFloor([{ regionServers: Array.from({ length: 24 }, () => 10) }], costly);
    expect(regions.originMs).toBeCloseTo((49 * 30 + 240) / 6);
  });

  it('is zero for no clouds', () => {
    expect(inventoryFloor([], options).floorMs).toBe(0);
  });
});
