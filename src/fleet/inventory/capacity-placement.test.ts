import { describe, expect, it } from 'vitest';
import { placementCapacity, toHostCapacityRow } from './capacity-placement.ts';

const inventory = (total: number, allocation_ratio: number, reserved: number) => ({ total, reserved, allocation_ratio, min_unit: 1, max_unit: total, step_size: 1 });

describe('Placement capacity', () => {
  it('is (total − reserved) × allocation_ratio, as Placement checks allocations', () => {
    expect(placementCapacity({ total: 16, reserved: 0, allocation_ratio: 4 })).toBe(64);
    expect(placementCapacity({ total: 65536, reserved: 512, allocation_ratio: 1 })).toBe(65024);
    expect(placementCapacity({ total: 10, reserved: 2, allocation_ratio: 1.5 })).toBe(12);
    expect(placementCapacity({ total: 1, reserved: 4, allocation_ratio: 1 })).toBe(0);
  });

  it('meters each host against that capacity, the fullest class giving its pressure', () => {
    const row = toHostCapacityRow(
      { uuid: 'u1', name: 'cmp-1', generation: 3 },
      { resource_provider_generation: 3, inventories: { VCPU: inventory(16, 4, 0), MEMORY_MB: inventory(8704, 1, 512), DISK_GB: inventory(100, 1, 0) } },
      { resource_provider_generation: 3, usages: { VCPU: 8, MEMORY_MB: 7372 } },
      { cloud: 'ams', region: 'one' },
    );
    expect(row).toMatchObject({ key: 'ams/one/u1', host: 'cmp-1', pressure: 89 });
    expect(row.meters).toEqual({
      VCPU: { used: 8, limit: 64, percent: 12 },
      MEMORY_MB: { used: 7372, limit: 8192, percent: 89 },
      DISK_GB: { used: 0, limit: 100, percent: 0 },
    });
  });
});
