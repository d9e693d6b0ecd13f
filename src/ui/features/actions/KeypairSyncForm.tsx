import { useQuery } from '@tanstack/react-query';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import type { ClientFor } from '../../../fleet/actions/load-plans.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { INPUT, LABEL, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { formatTarget } from './action-url-state.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { allTargets, type CloudRegions } from './use-cloud-regions.ts';

interface KeypairSyncFormProps {
  clouds: readonly CloudRegions[];
  clientFor: ClientFor;
  from?: ActionTarget;
  keyName: string;
  to: readonly ActionTarget[];
  onChange: (change: { from?: ActionTarget; key?: string; to?: ActionTarget[] }) => void;
  onPreview: () => void;
  planning: boolean;
}

/** Key pair sync: one key pair of one cloud/region, copied to the chosen clouds/regions. */
export function KeypairSyncForm({ clouds, clientFor, from, keyName, to, onChange, onPreview, planning }: KeypairSyncFormProps) {
  const sources = allTargets(clouds);
  const keypairs = useQuery({
    queryKey: ['actions', 'keypairs', from?.cloud, from?.region],
    enabled: from !== undefined && clientFor(from.cloud) !== undefined,
    queryFn: async ({ signal }) => {
      const names: string[] = [];
      const client = clientFor(from?.cloud ?? '');
      if (!client || !from) return names;
      for await (const page of (await client.compute(from.region)).keypairs({ signal })) names.push(...page.map((keypair) => keypair.name));
      return names.sort();
    },
    retry: false,
  });
  const ready = from !== undefined && keyName !== '' && to.length > 0;
  return (
    <form
      aria-label="Key pair sync"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onPreview();
      }}
    >
      <div className="flex flex-wrap gap-3">
        <div className="w-64">
          <label htmlFor="keypair-source" className={LABEL}>
            Copy from
          </label>
          <select
            id="keypair-source"
            className={INPUT}
            value={from ? formatTarget(from) : ''}
            onChange={(event) => {
              const source = sources.find((target) => formatTarget(target) === event.target.value);
              onChange({ from: source, key: '', to: to.filter((target) => !source || formatTarget(target) !== formatTarget(source)) });
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
          <label htmlFor="keypair-name" className={LABEL}>
            Key pair
          </label>
          <select id="keypair-name" className={INPUT} value={keyName} disabled={!from || keypairs.isPending} onChange={(event) => onChange({ key: event.target.value })}>
            <option value="">{from && keypairs.isPending ? 'Loading key pairs…' : keypairs.data?.length === 0 ? 'No key pairs there' : 'Choose a key pair…'}</option>
            {/* A key named in a shared link is offered even before the listing confirms it. */}
            {[...new Set([...(keypairs.data ?? []), ...(keyName ? [keyName] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {keypairs.isError ? <ErrorDetails description={describeError(keypairs.error)} /> : null}
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <button type="submit" className={PRIMARY_BUTTON} disabled={!ready || planning}>
        {planning ? 'Reading the targets…' : 'Preview plan'}
      </button>
    </form>
  );
}
