import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { INPUT, LABEL, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { formatTarget } from './action-url-state.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { allTargets, type CloudRegions } from './use-cloud-regions.ts';

interface FlavorParityFormProps {
  clouds: readonly CloudRegions[];
  from?: ActionTarget;
  to: readonly ActionTarget[];
  onChange: (change: { from?: ActionTarget; to?: ActionTarget[] }) => void;
  onPreview: () => void;
  planning: boolean;
}

/** Flavor parity: the reference's public flavors, created where they are missing (needs the admin role there). */
export function FlavorParityForm({ clouds, from, to, onChange, onPreview, planning }: FlavorParityFormProps) {
  const sources = allTargets(clouds);
  const ready = from !== undefined && to.length > 0;
  return (
    <form
      aria-label="Flavor parity"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onPreview();
      }}
    >
      <div className="w-64">
        <label htmlFor="flavor-reference" className={LABEL}>
          Reference cloud/region
        </label>
        <select
          id="flavor-reference"
          className={INPUT}
          value={from ? formatTarget(from) : ''}
          onChange={(event) => {
            const reference = sources.find((target) => formatTarget(target) === event.target.value);
            onChange({ from: reference, to: to.filter((target) => !reference || formatTarget(target) !== formatTarget(reference)) });
          }}
        >
          <option value="">Choose a cloud/region…</option>
          {sources.map((target) => (
            <option key={formatTarget(target)} value={formatTarget(target)}>
              {formatTarget(target)}
            </option>
          ))}
        </select>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Public flavors are matched by name and created with their extra specs. Extra specs a same-shaped flavor lacks are added in place (running servers keep
        the flavor they booted with). A same-named flavor of another shape, or with an extra spec set to another value, is a conflict and left alone.
      </p>
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <button type="submit" className={PRIMARY_BUTTON} disabled={!ready || planning}>
        {planning ? 'Reading the targets…' : 'Preview plan'}
      </button>
    </form>
  );
}
