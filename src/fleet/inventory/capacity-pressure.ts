/** How full one quota or one resource class is; a limit of -1 (Nova's "unlimited") has no pressure. */
export interface Meter {
  used: number;
  /** undefined: no limit. */
  limit?: number;
  /** used / limit in percent, rounded down to whole percents; undefined when there is no limit. */
  percent?: number;
}

/** Nova reports -1 for "no limit" (and the noop quota driver reports it everywhere). */
export function meterOf(used: number, limit: number): Meter {
  if (limit < 0) return { used };
  // A limit of 0 forbids the resource: the quota is as full as it gets.
  if (limit === 0) return { used, limit, percent: 100 };
  return { used, limit, percent: Math.floor((used / limit) * 100) };
}

/** The fullest of a row's meters: what the row is sorted and filtered by; undefined when none has a limit. */
export function pressureOf(meters: readonly Meter[]): number | undefined {
  let highest: number | undefined;
  for (const { percent } of meters) if (percent !== undefined && (highest === undefined || percent > highest)) highest = percent;
  return highest;
}

/** Rows at or above `minPercent`; 0 keeps every row, even those without a limit. */
export function atLeastPressure<Row extends { pressure?: number }>(rows: readonly Row[], minPercent: number): Row[] {
  if (minPercent <= 0) return [...rows];
  return rows.filter((row) => row.pressure !== undefined && row.pressure >= minPercent);
}
