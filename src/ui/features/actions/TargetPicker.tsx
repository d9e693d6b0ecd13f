import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { SMALL_BUTTON } from '../clouds/form-styles.ts';
import { formatTarget } from './action-url-state.ts';
import type { CloudRegions } from './use-cloud-regions.ts';

interface TargetPickerProps {
  clouds: readonly CloudRegions[];
  /** Not offered (the source itself). */
  exclude?: ActionTarget;
  chosen: readonly ActionTarget[];
  onChange: (targets: ActionTarget[]) => void;
}

const STATE_NOTE: Record<Exclude<CloudRegions['state'], 'ok'>, string> = {
  loading: 'signing in…',
  failed: 'cannot sign in',
  'signin-needed': 'sign-in needed (Clouds page)',
};

/** Clouds and their regions as checkboxes; a cloud that cannot be signed in to says why and offers nothing. */
export function TargetPicker({ clouds, exclude, chosen, onChange }: TargetPickerProps) {
  const chosenKeys = new Set(chosen.map(formatTarget));
  const available = clouds.flatMap((entry) => entry.regions.map((region) => ({ cloud: entry.cloud, region }))).filter((target) => !exclude || formatTarget(target) !== formatTarget(exclude));
  const toggle = (target: ActionTarget, on: boolean) => {
    const key = formatTarget(target);
    onChange(on ? [...chosen.filter((t) => formatTarget(t) !== key), target] : chosen.filter((t) => formatTarget(t) !== key));
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Targets <span className="font-normal text-slate-500">({chosen.length} chosen; {available.length} reachable)</span>
      </legend>
      <div className="flex gap-2">
        <button type="button" className={SMALL_BUTTON} onClick={() => onChange(available)} disabled={available.length === 0}>
          Choose all
        </button>
        <button type="button" className={SMALL_BUTTON} onClick={() => onChange([])} disabled={chosen.length === 0}>
          Clear
        </button>
      </div>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-4 gap-y-1">
        {clouds.map((entry) =>
          entry.state !== 'ok' ? (
            <li key={entry.cloud} className="text-xs text-slate-500 dark:text-slate-400">
              {entry.cloud}: {STATE_NOTE[entry.state]}
              {entry.error?.detail ? ` (${entry.error.detail})` : ''}
              {/* Chosen in a shared link: kept, and planned as "state unknown", until unticked. */}
              {chosen
                .filter((target) => target.cloud === entry.cloud)
                .map((target) => (
                  <label key={formatTarget(target)} className="ml-2 inline-flex items-center gap-1.5 text-slate-700 dark:text-slate-300">
                    <input type="checkbox" checked onChange={() => toggle(target, false)} />
                    {formatTarget(target)}
                  </label>
                ))}
            </li>
          ) : (
            entry.regions
              .map((region) => ({ cloud: entry.cloud, region }))
              .filter((target) => !exclude || formatTarget(target) !== formatTarget(exclude))
              .map((target) => (
                <li key={formatTarget(target)}>
                  <label className="flex items-center gap-1.5 text-xs">
                    <input type="checkbox" checked={chosenKeys.has(formatTarget(target))} onChange={(event) => toggle(target, event.target.checked)} />
                    {formatTarget(target)}
                  </label>
                </li>
              ))
          ),
        )}
      </ul>
    </fieldset>
  );
}
