import { NO_NETWORK_FILTERS, type NetworkFilters } from '../../../fleet/inventory/network-filter.ts';
import { NETWORK_GROUP_BY } from '../../../fleet/inventory/network-table.ts';
import type { NetworksViewState } from '../../../fleet/inventory/network-url-state.ts';
import { ClearFiltersButton, GroupBySelect, OptionSelect, SearchField } from '../../components/FilterControls.tsx';
import type { NetworkFilterOptions } from './use-network-rows.ts';
import type { UpdateNetworksView } from './use-networks-view.ts';

const SELECTS: Array<{ field: keyof NetworkFilterOptions; label: string; any: string }> = [
  { field: 'status', label: 'Status', any: 'Any status' },
  { field: 'cloud', label: 'Cloud', any: 'Any cloud' },
  { field: 'region', label: 'Region', any: 'Any region' },
  { field: 'site', label: 'Site', any: 'Any site' },
  { field: 'project', label: 'Project', any: 'Any project' },
];

export function NetworkFilterBar({ view, update, options }: { view: NetworksViewState; update: UpdateNetworksView; options: NetworkFilterOptions }) {
  const setFilter = <K extends keyof NetworkFilters>(field: K, value: NetworkFilters[K], replace = false) =>
    update((current) => ({ ...current, filters: { ...current.filters, [field]: value } }), { replace });
  const active = Object.values(view.filters).some((value) => value !== '' && value !== false);
  return (
    <div role="search" aria-label="Network filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <SearchField label="Filter" ariaLabel="Filter networks" value={view.filters.text} onChange={(value) => setFilter('text', value, true)} placeholder="name, id, MAC, device…" />
      {/* Subnets and security groups have no status: no select that could only empty the table. */}
      {SELECTS.filter(({ field }) => field !== 'status' || options.status.length > 0 || view.filters.status !== '').map(({ field, label, any }) => (
        <OptionSelect key={field} field={field} label={label} any={any} value={view.filters[field]} values={options[field]} onChange={setFilter} />
      ))}
      <SearchField label="IP or CIDR" value={view.filters.ip} onChange={(value) => setFilter('ip', value, true)} placeholder="10.0.0.0/8, 2001:db8::5…" className="w-44 font-mono" />
      <label className="flex items-center gap-1.5 self-center pt-3 text-sm">
        <input type="checkbox" checked={view.filters.overlapping} onChange={(event) => setFilter('overlapping', event.target.checked)} />
        Overlapping CIDRs only
      </label>
      <GroupBySelect value={view.groupBy} options={NETWORK_GROUP_BY} onChange={(groupBy) => update((current) => ({ ...current, groupBy }))} />
      {active ? <ClearFiltersButton onClick={() => update((current) => ({ ...current, filters: NO_NETWORK_FILTERS }))} /> : null}
    </div>
  );
}
