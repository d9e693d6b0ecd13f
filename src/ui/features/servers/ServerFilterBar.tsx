import { NO_FILTERS, readIpQuery, type ServerFilters } from '../../../fleet/inventory/filter-rows.ts';
import { SERVER_GROUP_BY, type ServerGroupBy } from '../../../fleet/inventory/group-rows.ts';
import type { UpdateServersView } from './use-servers-view.ts';
import type { FilterOptions } from './use-server-rows.ts';
import type { ServersViewState } from '../../../fleet/inventory/inventory-url-state.ts';
import { ColumnChooser } from './ColumnChooser.tsx';

const FIELD = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const SELECTS: Array<{ field: keyof FilterOptions; label: string; any: string }> = [
  { field: 'status', label: 'Status', any: 'Any status' },
  { field: 'cloud', label: 'Cloud', any: 'Any cloud' },
  { field: 'region', label: 'Region', any: 'Any region' },
  { field: 'site', label: 'Site', any: 'Any site' },
  { field: 'flavor', label: 'Flavor', any: 'Any flavor' },
  { field: 'image', label: 'Image', any: 'Any image' },
];

export function ServerFilterBar({ view, update, options }: { view: ServersViewState; update: UpdateServersView; options: FilterOptions }) {
  const setFilter = (field: keyof ServerFilters, value: string, replace = false) =>
    update((current) => ({ ...current, filters: { ...current.filters, [field]: value } }), { replace });
  const ip = readIpQuery(view.filters.ip);
  const active = Object.entries(view.filters).some(([, value]) => value !== '');
  return (
    <div role="search" aria-label="Server filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <label className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
        Filter servers
        <input
          type="search"
          aria-label="Filter servers"
          value={view.filters.text}
          onChange={(event) => setFilter('text', event.target.value, true)}
          placeholder="name, id, host, address…"
          className={`${FIELD} w-56`}
        />
      </label>
      {SELECTS.map(({ field, label, any }) => (
        <label key={field} className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
          {label}
          <select aria-label={label} value={view.filters[field]} onChange={(event) => setFilter(field, event.target.value)} className={`${FIELD} max-w-44`}>
            <option value="">{any}</option>
            {/* A value from the URL that no loaded row has (yet) stays selectable, so the link keeps its meaning. */}
            {withCurrent(options[field], view.filters[field]).map((value) => (
              <option key={value} value={value}>
                {field === 'status' && value === 'UNKNOWN' ? 'UNKNOWN (cell unreachable)' : value}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
        IP or CIDR
        <input
          type="search"
          value={view.filters.ip}
          onChange={(event) => setFilter('ip', event.target.value, true)}
          placeholder="10.0.0.0/8, 2001:db8::/32"
          aria-describedby="ip-filter-mode"
          className={`${FIELD} w-60 font-mono`}
        />
        <span id="ip-filter-mode" className="h-3 text-[11px] leading-3">
          {ip.kind === 'cidr' ? `addresses in ${ip.cidr.version === 4 ? 'IPv4' : 'IPv6'} /${ip.cidr.prefix}` : ip.kind === 'text' ? 'addresses containing this text' : ''}
        </span>
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
        Group by
        <select
          aria-label="Group by"
          value={view.groupBy ?? ''}
          onChange={(event) => update((current) => ({ ...current, groupBy: (event.target.value || undefined) as ServerGroupBy | undefined }))}
          className={FIELD}
        >
          <option value="">No grouping</option>
          {SERVER_GROUP_BY.map((by) => (
            <option key={by} value={by}>
              {by[0]?.toUpperCase()}
              {by.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <ColumnChooser columns={view.columns} onChange={(columns) => update((current) => ({ ...current, columns }))} />
      {active ? (
        <button
          type="button"
          onClick={() => update((current) => ({ ...current, filters: NO_FILTERS }))}
          className="rounded px-2 py-1 text-sm text-teal-700 underline hover:text-teal-900 dark:text-teal-400 dark:hover:text-teal-200"
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

function withCurrent(values: readonly string[], current: string): readonly string[] {
  return current === '' || values.includes(current) ? values : [current, ...values];
}
