import { listOwnSecurityGroupNames, type ClientFor } from '../../../fleet/actions/load-plans.ts';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { ActionForm, NameSelect, PreviewButton, SourceSelect, useSourceListing } from './ActionForm.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import { allTargets, type CloudRegions } from './use-cloud-regions.ts';

interface SecurityGroupSyncFormProps {
  clouds: readonly CloudRegions[];
  clientFor: ClientFor;
  from?: ActionTarget;
  group: string;
  to: readonly ActionTarget[];
  onChange: (change: { from?: ActionTarget; group?: string; to?: ActionTarget[] }) => void;
  onPreview: () => void;
  planning: boolean;
}

/** Security group sync: one group of the session's project, with its rules, replicated to the chosen clouds/regions. */
export function SecurityGroupSyncForm({ clouds, clientFor, from, group, to, onChange, onPreview, planning }: SecurityGroupSyncFormProps) {
  const groups = useSourceListing('security-groups', from, clientFor, (source, signal) => listOwnSecurityGroupNames(clientFor, source, signal));
  const ready = from !== undefined && group !== '' && to.length > 0;
  return (
    <ActionForm label="Security group sync" ready={ready} onPreview={onPreview}>
      <div className="flex flex-wrap gap-3">
        <SourceSelect id="group-source" sources={allTargets(clouds)} from={from} to={to} onSelect={(source, targets) => onChange({ from: source, group: '', to: targets })} />
        <NameSelect
          id="group-name"
          label="Security group"
          value={group}
          names={groups.data}
          loading={from !== undefined && groups.isPending}
          disabled={!from || groups.isPending}
          placeholders={{ loading: 'Loading groups…', choose: 'Choose a group…' }}
          onChange={(name) => onChange({ group: name })}
        />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Groups are matched by name in the project each cloud’s session is scoped to. Missing rules are added; rules only a target has are left as they are. A
        rule whose remote is a group points at the target’s group of that name: the groups the rules name come along, created first where missing and
        otherwise used as they are. Rules whose remote is an address group are not copied.
      </p>
      {groups.isError ? <ErrorDetails description={describeError(groups.error)} /> : null}
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <PreviewButton ready={ready} planning={planning} />
    </ActionForm>
  );
}
