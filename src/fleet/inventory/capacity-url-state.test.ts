import { describe, expect, it } from 'vitest';
import { BY_PRESSURE } from './capacity-sort.ts';
import { formatCapacityView, parseCapacityView } from './capacity-url-state.ts';

describe('capacity view in the URL', () => {
  it('round-trips the pressure threshold, cloud and sorts, keeping other parameters and leaving defaults out', () => {
    const view = { minPressure: 80, cloud: 'ams', quotaSort: { column: 'cores', descending: false }, hostSort: BY_PRESSURE } as const;
    const params = formatCapacityView(view, new URLSearchParams('fleet=sites=2'));
    expect(params.toString()).toBe('fleet=sites%3D2&pressure=80&cloud=ams&sort=cores');
    expect(parseCapacityView(params)).toEqual(view);
    expect(formatCapacityView({ minPressure: 0, cloud: '', quotaSort: BY_PRESSURE, hostSort: BY_PRESSURE }).toString()).toBe('');
  });

  it('falls back to the defaults for a threshold that is not a whole percent or an unknown column', () => {
    for (const value of ['abc', '-5', '101', '12.5']) expect(parseCapacityView(new URLSearchParams({ pressure: value })).minPressure).toBe(0);
    expect(parseCapacityView(new URLSearchParams({ sort: '-nope', hostSort: 'VCPU' }))).toMatchObject({ quotaSort: BY_PRESSURE, hostSort: { column: 'VCPU', descending: false } });
  });
});
