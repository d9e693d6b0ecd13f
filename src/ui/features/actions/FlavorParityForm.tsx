import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { ActionForm, PreviewButton, SourceSelect } from './ActionForm.tsx';
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
  const ready = from !== undefined && to.length > 0;
  return (
    <ActionForm label="Flavor parity" ready={ready} onPreview={onPreview}>
      <SourceSelect
        id="flavor-reference"
        label="Reference cloud/region"
        sources={allTargets(clouds)}
        from={from}
        to={to}
        onSelect={(reference, targets) => onChange({ from: reference, to: targets })}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Public flavors are matched by name and created with their extra specs. Extra specs a same-shaped flavor lacks are added in place (running servers keep
        the flavor they booted with). A same-named flavor of another shape, or with an extra spec set to another value, is a conflict and left alone.
      </p>
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <PreviewButton ready={ready} planning={planning} />
    </ActionForm>
  );
}
