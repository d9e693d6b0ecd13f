import { useState } from 'react';
import { countChanges, destructiveClouds, isActionable, needsTypedConfirmation, stepsByCloud, type ActionPlan } from '../../../fleet/actions/plan.ts';
import { BUTTON, INPUT, LABEL, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { ChangeBadge } from './badges.tsx';

/** The confirmation phrase for destructive steps across clouds: typed, so a stray click cannot delete a fleet. */
export function confirmationPhrase(plan: ActionPlan): string {
  const count = plan.steps.filter((step) => step.destructive && isActionable(step)).length;
  return `delete ${count} in ${destructiveClouds(plan).length} clouds`;
}

export function PlanPreview({ plan, onRun, onDiscard }: { plan: ActionPlan; onRun: () => void; onDiscard: () => void }) {
  const [typed, setTyped] = useState('');
  const counts = countChanges(plan.steps);
  const actionable = plan.steps.filter(isActionable).length;
  const typedNeeded = needsTypedConfirmation(plan);
  const phrase = confirmationPhrase(plan);
  const confirmed = !typedNeeded || typed.trim() === phrase;
  const summary = [
    counts.create ? `${counts.create} to create` : '',
    counts.change ? `${counts.change} to change` : '',
    counts.delete ? `${counts.delete} to delete` : '',
    counts.noChange ? `${counts.noChange} no change` : '',
    counts.conflict ? `${counts.conflict} conflict${counts.conflict === 1 ? '' : 's'}` : '',
  ].filter(Boolean);

  return (
    <section aria-label="Plan preview" className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{plan.title}</h2>
        <p role="status" aria-label="Plan summary" className="text-xs text-slate-600 dark:text-slate-400">
          {summary.join(' · ') || 'nothing to do'}
        </p>
      </div>
      {stepsByCloud(plan.steps).map((group) => (
        <table key={group.cloud} aria-label={`Plan for ${group.cloud}`} className="w-full text-left text-xs">
          <caption className="pb-1 text-left text-sm font-medium">{group.cloud}</caption>
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="w-40 py-1 font-medium">Region</th>
              <th scope="col" className="w-48 py-1 font-medium">Resource</th>
              <th scope="col" className="w-28 py-1 font-medium">Change</th>
              <th scope="col" className="py-1 font-medium">API call</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {group.steps.map((step) => (
              <tr key={step.id} className={step.destructive && isActionable(step) ? 'bg-red-50/60 dark:bg-red-950/30' : undefined}>
                <td className="py-1">{step.target.region}</td>
                <td className="py-1">{step.resource}</td>
                <td className="py-1">
                  <ChangeBadge change={step.change} />
                </td>
                <td className="py-1">
                  <code className="font-mono">{step.call}</code>
                  {step.method ? (
                    <p className="text-slate-600 dark:text-slate-400">
                      Method: <span className="font-medium text-slate-800 dark:text-slate-200">{step.method.name}</span> — {step.method.why}
                    </p>
                  ) : null}
                  {step.reason ? <p className="text-amber-800 dark:text-amber-300">{step.reason}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {typedNeeded ? (
        <div className="max-w-md">
          <label htmlFor="typed-confirmation" className={LABEL}>
            This deletes in {destructiveClouds(plan).length} clouds ({destructiveClouds(plan).join(', ')}). Type <code className="font-mono">{phrase}</code> to confirm.
          </label>
          <input id="typed-confirmation" className={INPUT} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        </div>
      ) : null}
      <div className="flex gap-2">
        <button type="button" className={PRIMARY_BUTTON} disabled={actionable === 0 || !confirmed} onClick={onRun}>
          Run {actionable} step{actionable === 1 ? '' : 's'}
        </button>
        <button type="button" className={BUTTON} onClick={onDiscard}>
          Discard plan
        </button>
      </div>
    </section>
  );
}
