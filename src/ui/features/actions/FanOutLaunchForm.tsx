import { parseWantedFlavor } from '../../../fleet/actions/launch-plan.ts';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { INPUT, LABEL } from '../clouds/form-styles.ts';
import { ActionForm, PreviewButton } from './ActionForm.tsx';
import { launchSpecOf, type LaunchFields } from './launch-url-state.ts';
import { TargetPicker } from './TargetPicker.tsx';
import type { CloudRegions } from './use-cloud-regions.ts';

interface FanOutLaunchFormProps {
  clouds: readonly CloudRegions[];
  fields: LaunchFields;
  to: readonly ActionTarget[];
  onChange: (change: { launch?: LaunchFields; to?: ActionTarget[] }) => void;
  onPreview: () => void;
  planning: boolean;
}

const FIELDS: { key: keyof LaunchFields; label: string; placeholder: string; optional?: boolean }[] = [
  { key: 'server', label: 'Server name', placeholder: 'web-1' },
  { key: 'image', label: 'Image name', placeholder: 'ubuntu-24.04' },
  { key: 'checksum', label: 'Image checksum (md5)', placeholder: 'any data under the name', optional: true },
  { key: 'flavor', label: 'Flavor', placeholder: 'm1.small or 2/4096/40' },
  { key: 'network', label: 'Network name', placeholder: 'private' },
  { key: 'keypair', label: 'Key pair', placeholder: 'none', optional: true },
];

/** Fan-out launch: one server spec, by names and shape, booted once on each chosen cloud/region with that site's own ids. */
export function FanOutLaunchForm({ clouds, fields, to, onChange, onPreview, planning }: FanOutLaunchFormProps) {
  const spec = launchSpecOf(fields);
  const ready = spec !== undefined && to.length > 0;
  const flavorUnreadable = fields.flavor.trim() !== '' && parseWantedFlavor(fields.flavor) === undefined;
  return (
    <ActionForm label="Fan-out launch" ready={ready} onPreview={onPreview}>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        {FIELDS.map((field) => (
          <div key={field.key}>
            <label htmlFor={`launch-${field.key}`} className={LABEL}>
              {field.label}
              {field.optional ? <span className="font-normal text-slate-500"> (optional)</span> : null}
            </label>
            <input
              id={`launch-${field.key}`}
              className={INPUT}
              value={fields[field.key]}
              placeholder={field.placeholder}
              spellCheck={false}
              aria-invalid={field.key === 'flavor' && flavorUnreadable ? true : undefined}
              aria-describedby={field.key === 'flavor' ? 'launch-flavor-help' : undefined}
              onChange={(event) => onChange({ launch: { ...fields, [field.key]: event.target.value } })}
            />
          </div>
        ))}
      </div>
      <p id="launch-flavor-help" className={flavorUnreadable ? 'text-xs text-red-700 dark:text-red-400' : 'text-xs text-slate-600 dark:text-slate-400'}>
        {flavorUnreadable
          ? 'A flavor shape needs at least 1 vCPU and 1 MB of RAM, written vCPUs/RAM MB/disk GB.'
          : 'A flavor by name, or by shape (vCPUs/RAM MB/disk GB): each site uses its flavor of exactly that shape. Images are found by name (and checksum), networks and key pairs by name; the preview shows each site’s ids, or what it lacks.'}
      </p>
      <TargetPicker clouds={clouds} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <PreviewButton ready={ready} planning={planning} />
    </ActionForm>
  );
}
