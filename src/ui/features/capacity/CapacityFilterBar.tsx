import { useCallback } from 'react';
import { PRESSURE_STEPS, type CapacityViewState } from '../../../fleet/inventory/capacity-url-state.ts';
import { ClearFiltersButton, FILTER_FIELD, FILTER_LABEL, OptionSelect } from '../../components/FilterControls.tsx';
import type { UpdateCapacityView } from './use-capacity-view.ts';

export function CapacityFilterBar({ view, update, clouds }: { view: CapacityViewState; update: UpdateCapacityView; clouds: readonly string[] }) {
  const setCloud = useCallback((_field: 'cloud', cloud: string) => update((current) => ({ ...current, cloud })), [update]);
  const steps = PRESSURE_STEPS.includes(view.minPressure as (typeof PRESSURE_STEPS)[number]) ? PRESSURE_STEPS : [...PRESSURE_STEPS, view.minPressure].sort((a, b) => a - b);
  return (
    <div role="search" aria-label="Capacity filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <label className={FILTER_LABEL}>
        Pressure
        <select
          aria-label="Pressure"
          value={view.minPressure}
          onChange={(event) => update((current) => ({ ...current, minPressure: Number(event.target.value) }))}
          className={FILTER_FIELD}
        >
          {steps.map((step) => (
            <option key={step} value={step}>
              {step === 0 ? 'Any pressure' : `≥ ${step} %`}
            </option>
          ))}
        </select>
      </label>
      <OptionSelect field="cloud" label="Cloud" any="Any cloud" value={view.cloud} values={clouds} onChange={setCloud} />
      {view.minPressure > 0 || view.cloud !== '' ? <ClearFiltersButton onClick={() => update((current) => ({ ...current, minPressure: 0, cloud: '' }))} /> : null}
    </div>
  );
}
