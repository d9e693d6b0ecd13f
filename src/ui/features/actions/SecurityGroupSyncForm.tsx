import { useQuery } from '@tanstack/react-query';
import { listOwnSecurityGroupNames, type ClientFor } from '../../../fleet/actions/load-plans.ts';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { INPUT, LABEL, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { formatTarget } from './action-url-state.ts';
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
  const sources = allTargets(clouds);
  const groups = useQuery({
    queryKey: ['actions', 'security-groups', from?.cloud, from?.region],
    enabled: from !== undefined && clientFor(from.cloud) !== undefined,
    queryFn: ({ signal }) => (from ? listOwnSecurityGroupNames(clientFor, from, signal) : Promise.resolve([])),
    retry: false,
  });
  const ready = from !== undefined && group !== '' && to.length > 0;
  return (
    <form
      aria-label="Security group sync"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onPreview();
      }}
    >
      <div className="flex flex-wrap gap-3">
        <div className="w-64">
          <label htmlFor="group-source" className={LABEL}>
            Copy from
          </label>
          <select
            id="group-source"
            className={INPUT}
            value={from ? formatTarget(from) : ''}
            onChange={(event) => {
              const source = sources.find((target) => formatTarget(target) === event.target.value);
              onChange({ from: source, group: '', to: to.filter((target) => !source || formatTarget(target) !== formatTarget(source)) });
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
        <div className="w-64">
          <label htmlFor="group-name" className={LABEL}>
            Security group
          </label>
          <select id="group-name" className={INPUT} value={group} disabled={!from || groups.isPending} onChange={(event) => onChange({ group: event.target.value })}>
            <option value="">{from && groups.isPending ? 'Loading groups…' : 'Choose a group…'}</option>
            {[...new Set([...(groups.data ?? []), ...(group ? [group] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Groups are matched by name in the project each cloud’s session is scoped to. Missing rules are added; rules only a target has are left as they are. A
        rule whose remote is a group points at the target’s group of that name: the groups the rules name come along, created first where missing and
        otherwise used as they are. Rules whose remote is an address group are not copied.
      </p>
      {groups.isError ? <ErrorDetails description={describeError(groups.error)} /> : null}
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <button type="submit" className={PRIMARY_BUTTON} disabled={!ready || planning}>
        {planning ? 'Reading the targets…' : 'Preview plan'}
      </button>
    </form>
  );
}
