import { useMemo, useRef } from 'react';
import { hostRowsOf, quotaRowsOf, type CloudCapacity } from '../../../fleet/inventory/capacity-load.ts';
import type { HostCapacityRow } from '../../../fleet/inventory/capacity-placement.ts';
import { atLeastPressure } from '../../../fleet/inventory/capacity-pressure.ts';
import type { QuotaUsageRow } from '../../../fleet/inventory/capacity-quota.ts';
import { hostSortValue, quotaSortValue, sortCapacityRows } from '../../../fleet/inventory/capacity-sort.ts';
import type { CapacityViewState } from '../../../fleet/inventory/capacity-url-state.ts';

export interface CapacityRows {
  quotas: { all: readonly QuotaUsageRow[]; shown: QuotaUsageRow[] };
  hosts: { all: readonly HostCapacityRow[]; shown: HostCapacityRow[] };
  clouds: string[];
}

/** Rows → filtered by cloud and pressure → sorted, each recomputed only when its input changes. */
export function useCapacityRows(datas: readonly (CloudCapacity | undefined)[], view: CapacityViewState): CapacityRows {
  const stable = useStableList(datas);
  const quotas = useMemo(() => stable.flatMap((data) => (data ? quotaRowsOf(data) : [])), [stable]);
  const hosts = useMemo(() => stable.flatMap((data) => (data ? hostRowsOf(data) : [])), [stable]);
  const clouds = useMemo(() => [...new Set(stable.flatMap((data) => (data ? [data.cloud] : [])))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })), [stable]);
  const { minPressure, cloud, quotaSort, hostSort } = view;
  const shownQuotas = useMemo(() => sortCapacityRows(atLeastPressure(inCloud(quotas, cloud), minPressure), quotaSort, quotaSortValue), [quotas, cloud, minPressure, quotaSort]);
  const shownHosts = useMemo(() => sortCapacityRows(atLeastPressure(inCloud(hosts, cloud), minPressure), hostSort, hostSortValue), [hosts, cloud, minPressure, hostSort]);
  return { quotas: { all: quotas, shown: shownQuotas }, hosts: { all: hosts, shown: shownHosts }, clouds };
}

function inCloud<Row extends { cloud: string }>(rows: readonly Row[], cloud: string): readonly Row[] {
  return cloud === '' ? rows : rows.filter((row) => row.cloud === cloud);
}

function useStableList<T>(list: readonly T[]): readonly T[] {
  const ref = useRef(list);
  const previous = ref.current;
  if (previous.length !== list.length || previous.some((item, index) => item !== list[index])) ref.current = list;
  return ref.current;
}
