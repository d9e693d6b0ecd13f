import { IMAGE_GROUP_BY, NO_IMAGE_FILTERS, type ImageFilters, type ImageGroupBy } from '../../../fleet/inventory/image-view.ts';
import type { ImagesViewState } from '../../../fleet/inventory/image-url-state.ts';
import { ClearFiltersButton, GroupBySelect, OptionSelect, SearchField } from '../../components/FilterControls.tsx';
import type { ImageFilterOptions } from './use-image-rows.ts';
import type { UpdateImagesView } from './use-images-view.ts';

const SELECTS: Array<{ field: keyof ImageFilterOptions; label: string; any: string }> = [
  { field: 'cloud', label: 'Cloud', any: 'Any cloud' },
  { field: 'region', label: 'Region', any: 'Any region' },
  { field: 'visibility', label: 'Visibility', any: 'Any visibility' },
  { field: 'status', label: 'Status', any: 'Any status' },
  { field: 'format', label: 'Disk format', any: 'Any format' },
];
const GROUP_LABELS: Record<ImageGroupBy, string> = { name: 'Name (across clouds)', cloud: 'Cloud', region: 'Region', visibility: 'Visibility', status: 'Status' };

export function ImageFilterBar({ view, update, options }: { view: ImagesViewState; update: UpdateImagesView; options: ImageFilterOptions }) {
  const setFilter = (field: keyof ImageFilters, value: string, replace = false) =>
    update((current) => ({ ...current, filters: { ...current.filters, [field]: value } }), { replace });
  const active = Object.values(view.filters).some((value) => value !== '');
  return (
    <div role="search" aria-label="Image filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <SearchField label="Filter images" value={view.filters.text} onChange={(value) => setFilter('text', value, true)} placeholder="name, id, checksum, owner…" className="w-60" />
      {SELECTS.map(({ field, label, any }) => (
        <OptionSelect key={field} field={field} label={label} any={any} value={view.filters[field]} values={options[field]} onChange={setFilter} />
      ))}
      <GroupBySelect value={view.groupBy} options={IMAGE_GROUP_BY} labels={GROUP_LABELS} onChange={(groupBy) => update((current) => ({ ...current, groupBy }))} />
      {active ? <ClearFiltersButton onClick={() => update((current) => ({ ...current, filters: NO_IMAGE_FILTERS }))} /> : null}
    </div>
  );
}
