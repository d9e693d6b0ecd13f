import { describe, expect, it } from 'vitest';
import { atLeastPressure, meterOf, pressureOf } from './capacity-pressure.ts';

describe('quota pressure', () => {
  it('is used over limit in whole percents, and absent for an unlimited (-1) quota', () => {
    expect(meterOf(7, 10)).toEqual({ used: 7, limit: 10, percent: 70 });
    expect(meterOf(2, 3)).toEqual({ used: 2, limit: 3, percent: 66 });
    expect(meterOf(12, -1)).toEqual({ used: 12 });
    expect(meterOf(0, 0).percent).toBe(100);
  });

  it('takes the fullest meter of a row, ignoring those without a limit', () => {
    expect(pressureOf([meterOf(1, 10), meterOf(9, 10), meterOf(500, -1)])).toBe(90);
    expect(pressureOf([meterOf(500, -1)])).toBeUndefined();
  });

  it('keeps the rows at or above a threshold, rows without a limit only when there is none', () => {
    const rows = [{ key: 'a' }, { key: 'b', pressure: 40 }, { key: 'c', pressure: 95 }, { key: 'd', pressure: 80 }];
    expect(atLeastPressure(rows, 80).map((row) => row.key)).toEqual(['c', 'd']);
    expect(atLeastPressure(rows, 0)).toHaveLength(4);
  });
});
