import { PARITY_KINDS, type ParityKind, type ParitySource } from '../../../fleet/inventory/parity-model.ts';
import { DEFAULT_PARITY_VIEW, type ParityViewState } from '../../../fleet/inventory/parity-url-state.ts';
import { ClearFiltersButton, FILTER_FIELD, FILTER_LABEL, SearchField, withCurrent } from '../../components/FilterControls.tsx';
import { KIND_LABELS, sourceLabel } from './parity-labels.ts';
import type { UpdateParityView } from './use-parity-view.ts';

export function ParityFilterBar({ view, update, sources }: { view: ParityViewState; update: UpdateParityView; sources: readonly ParitySource[] }) {
  const clouds = [...new Set(sources.map((source) => source.cloud))];
  const regional = sources.filter((source) => source.region !== undefined);
  const changed = view.kind !== undefined || view.cloud !== '' || view.text !== '' || view.driftOnly || view.reference !== '';
  return (
    <div role="search" aria-label="Parity filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <SearchField label="Filter items" value={view.text} onChange={(text) => update((current) => ({ ...current, text }), { replace: true })} placeholder="name…" className="w-48" />
      <label className={FILTER_LABEL}>
        Kind
        <select aria-label="Kind" value={view.kind ?? ''} onChange={(event) => update((current) => ({ ...current, kind: (event.target.value || undefined) as ParityKind | undefined }))} className={FILTER_FIELD}>
          <option value="">Every kind</option>
          {PARITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind].title}
            </option>
          ))}
        </select>
      </label>
      <label className={FILTER_LABEL}>
        Cloud
        <select aria-label="Cloud" value={view.cloud} onChange={(event) => update((current) => ({ ...current, cloud: event.target.value }))} className={`${FILTER_FIELD} max-w-44`}>
          <option value="">Every cloud</option>
          {withCurrent(clouds, view.cloud).map((cloud) => (
            <option key={cloud} value={cloud}>
              {cloud}
            </option>
          ))}
        </select>
      </label>
      <label className={FILTER_LABEL}>
        Reference
        <select aria-label="Reference" value={view.reference} onChange={(event) => update((current) => ({ ...current, reference: event.target.value }))} className={`${FILTER_FIELD} max-w-56`}>
          <option value="">Majority of clouds</option>
          {(view.reference === '' || regional.some((source) => source.key === view.reference) ? regional : [{ key: view.reference, cloud: view.reference }, ...regional]).map((source) => (
            <option key={source.key} value={source.key}>
              {sourceLabel(source)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 pb-1 text-sm">
        <input type="checkbox" checked={view.driftOnly} onChange={(event) => update((current) => ({ ...current, driftOnly: event.target.checked }))} />
        Only drift
      </label>
      {changed ? (
<ClearFiltersButton onClick={() => update(() => DEFAULT_PARITY_VIEW)}>Reset view</ClearFiltersButton>
      ) : null}
    </div>
  );
}
