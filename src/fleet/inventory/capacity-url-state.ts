import { BY_PRESSURE, isHostColumnId, isQuotaColumnId, type CapacitySort, type HostColumnId, type QuotaColumnId } from './capacity-sort.ts';

/** The capacity view as a link: pressure threshold, cloud and each table's sort. Parsing never throws. */
export interface CapacityViewState {
  /** Show only rows at or above this percent; 0 shows all. */
  minPressure: number;
  cloud: string;
  quotaSort: CapacitySort<QuotaColumnId>;
  hostSort: CapacitySort<HostColumnId>;
}

export const PRESSURE_STEPS = [0, 50, 80, 90, 100] as const;

const MAX_VALUE_LENGTH = 512;
const PARAMS = ['pressure', 'cloud', 'sort', 'hostSort'];

export function parseCapacityView(params: URLSearchParams): CapacityViewState {
  const pressure = Number(params.get('pressure') ?? '0');
  return {
    minPressure: Number.isInteger(pressure) && pressure > 0 && pressure <= 100 ? pressure : 0,
    cloud: (params.get('cloud') ?? '').slice(0, MAX_VALUE_LENGTH),
    quotaSort: parseSort(params.get('sort'), isQuotaColumnId),
    hostSort: parseSort(params.get('hostSort'), isHostColumnId),
  };
}

/** Defaults left out; parameters the view does not own (such as `fleet`) kept. */
export function formatCapacityView(state: CapacityViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of PARAMS) params.delete(name);
  if (state.minPressure > 0) params.set('pressure', String(state.minPressure));
  if (state.cloud !== '') params.set('cloud', state.cloud);
  setSort(params, 'sort', state.quotaSort);
  setSort(params, 'hostSort', state.hostSort);
  return params;
}

function parseSort<ColumnId extends string>(value: string | null, isColumnId: (id: string) => id is ColumnId): CapacitySort<ColumnId> {
  const descending = value?.startsWith('-') ?? false;
  const column = value === null ? '' : descending ? value.slice(1) : value;
  return isColumnId(column) ? { column, descending } : (BY_PRESSURE as CapacitySort<ColumnId>);
}

function setSort(params: URLSearchParams, name: string, sort: CapacitySort<string>) {
  if (sort.column !== BY_PRESSURE.column || sort.descending !== BY_PRESSURE.descending) params.set(name, `${sort.descending ? '-' : ''}${sort.column}`);
}
