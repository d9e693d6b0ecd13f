import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import type { ClientFor } from '../../../fleet/actions/load-plans.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { ActionForm, NameSelect, PreviewButton, SourceSelect, useSourceListing } from './ActionForm.tsx';
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

async function keypairNames(clientFor: ClientFor, source: ActionTarget, signal: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  const client = clientFor(source.cloud);
  if (!client) return names;
  for await (const page of (await client.compute(source.region)).keypairs({ signal })) names.push(...page.map((keypair) => keypair.name));
  return names.sort();
}

/** Key pair sync: one key pair of one cloud/region, copied to the chosen clouds/regions. */
export function KeypairSyncForm({ clouds, clientFor, from, keyName, to, onChange, onPreview, planning }: KeypairSyncFormProps) {
  const keypairs = useSourceListing('keypairs', from, clientFor, (source, signal) => keypairNames(clientFor, source, signal));
  const ready = from !== undefined && keyName !== '' && to.length > 0;
  return (
    <ActionForm label="Key pair sync" ready={ready} onPreview={onPreview}>
      <div className="flex flex-wrap gap-3">
        <SourceSelect id="keypair-source" sources={allTargets(clouds)} from={from} to={to} onSelect={(source, targets) => onChange({ from: source, key: '', to: targets })} />
        <NameSelect
          id="keypair-name"
          label="Key pair"
          value={keyName}
          names={keypairs.data}
          loading={from !== undefined && keypairs.isPending}
          disabled={!from || keypairs.isPending}
          placeholders={{ loading: 'Loading key pairs…', choose: 'Choose a key pair…', none: 'No key pairs there' }}
          onChange={(key) => onChange({ key })}
        />
      </div>
      {keypairs.isError ? <ErrorDetails description={describeError(keypairs.error)} /> : null}
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <PreviewButton ready={ready} planning={planning} />
    </ActionForm>
  );
}
