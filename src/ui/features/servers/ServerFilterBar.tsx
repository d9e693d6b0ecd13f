import { useCallback } from 'react';
import { NO_FILTERS, readIpQuery, type ServerFilters } from '../../../fleet/inventory/filter-rows.ts';
import { SERVER_GROUP_BY } from '../../../fleet/inventory/group-rows.ts';
import type { ServersViewState } from '../../../fleet/inventory/inventory-url-state.ts';
import { ClearFiltersButton, GroupBySelect, OptionSelect, SearchField } from '../../components/FilterControls.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import type { FilterOptions } from './use-server-rows.ts';
import type { UpdateServersView } from './use-servers-view.ts';

const SELECTS: Array<{ field: keyof FilterOptions; label: string; any: string }> = [
  { field: 'status', label: 'Status', any: 'Any status' },
  { field: 'cloud', label: 'Cloud', any: 'Any cloud' },
  { field: 'region', label: 'Region', any: 'Any region' },
  { field: 'site', label: 'Site', any: 'Any site' },
  { field: 'flavor', label: 'Flavor', any: 'Any flavor' },
  { field: 'image', label: 'Image', any: 'Any image' },
];

const statusLabel = (status: string) => (status === 'UNKNOWN' ? 'UNKNOWN (cell unreachable)' : status);

export function ServerFilterBar({ view, update, options }: { view: ServersViewState; update: UpdateServersView; options: FilterOptions }) {
  const setFilter = useCallback(
    (field: keyof ServerFilters, value: string, replace = false) =>
      update((current) => ({ ...current, filters: { ...current.filters, [field]: value } }), { replace }),
    [update],
  );
  const ip = readIpQuery(view.filters.ip);
  const active = Object.entries(view.filters).some(([, value]) => value !== '');
  return (
    <div role="search" aria-label="Server filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <SearchField label="Filter servers" ariaLabel="Filter servers" value={view.filters.text} onChange={(value) => setFilter('text', value, true)} placeholder="name, id, host, address…" />
      {SELECTS.map(({ field, label, any }) => (
        <OptionSelect
          key={field}
          field={field}
          label={label}
          any={any}
          value={view.filters[field]}
          values={options[field]}
          onChange={setFilter}
          optionLabel={field === 'status' ? statusLabel : undefined}
        />
      ))}
      <SearchField
        label="IP or CIDR"
        value={view.filters.ip}
        onChange={(value) => setFilter('ip', value, true)}
        placeholder="10.0.0.0/8, 2001:db8::/32"
        describedBy="ip-filter-mode"
        className="w-60 font-mono"
      >
        <span id="ip-filter-mode" className="h-3 text-[11px] leading-3">
          {ip.kind === 'cidr' ? `addresses in ${ip.cidr.version === 4 ? 'IPv4' : 'IPv6'} /${ip.cidr.prefix}` : ip.kind === 'text' ? 'addresses containing this text' : ''}
        </span>
      </SearchField>
      <GroupBySelect value={view.groupBy} options={SERVER_GROUP_BY} onChange={(groupBy) => update((current) => ({ ...current, groupBy }))} />
      <ColumnChooser columns={view.columns} onChange={(columns) => update((current) => ({ ...current, columns }))} />
      {active ? <ClearFiltersButton onClick={() => update((current) => ({ ...current, filters: NO_FILTERS }))} /> : null}
    </div>
  );
}
