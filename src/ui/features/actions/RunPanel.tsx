import { stepsByCloud } from '../../../fleet/actions/plan.ts';
import { remainingStepIds, tallyRun, type RunRecord } from '../../../fleet/actions/run-record.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { BUTTON, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { RunResultBadge, StepStatusBadge } from './badges.tsx';
import { StepProgressBar } from './StepProgressBar.tsx';

export function tallyText(record: RunRecord): string {
  const tally = tallyRun(record);
  const parts: [number, string][] = [
    [tally.done, 'done'],
    [tally.failed, 'failed'],
    [tally.running, 'running'],
    [tally.pending, 'pending'],
    [tally.cancelled, 'cancelled'],
    [tally.unchanged, 'no change'],
    [tally.conflict, 'conflict'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`)
    .join(' · ');
}

interface RunPanelProps {
  record: RunRecord;
  live: boolean;
  onCancel: () => void;
  onContinue: () => void;
  onClose: () => void;
}

export function RunPanel({ record, live, onCancel, onContinue, onClose }: RunPanelProps) {
  const left = remainingStepIds(record).length;
  const continueLabel = record.state === 'interrupted' ? 'Resume' : 'Retry failed';
  return (
    <section aria-label="Run" className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{record.plan.title}</h2>
        <RunResultBadge record={record} live={live} />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          started {new Date(record.startedAt).toLocaleString('en-GB')} · attempt {record.attempts}
        </span>
        <div className="ml-auto flex gap-2">
          {live ? (
            <button type="button" className={BUTTON} onClick={onCancel}>
              Cancel run
            </button>
          ) : left > 0 ? (
            <button type="button" className={PRIMARY_BUTTON} onClick={onContinue}>
              {continueLabel} ({left})
            </button>
          ) : null}
          <button type="button" className={BUTTON} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <p role="status" aria-label="Run summary" className="text-sm">
        {tallyText(record)}
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        As {Object.entries(record.actors).map(([cloud, who]) => `${who} on ${cloud}`).join(', ') || 'nobody'}
      </p>
      {stepsByCloud(record.plan.steps).map((group) => (
        <table key={group.cloud} aria-label={`Progress in ${group.cloud}`} className="w-full text-left text-xs">
          <caption className="pb-1 text-left text-sm font-medium">{group.cloud}</caption>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {group.steps.map((step) => {
              const state = record.steps[step.id];
              return (
                <tr key={step.id} aria-label={`${step.target.cloud}/${step.target.region} ${step.resource}`}>
                  <td className="w-40 py-1 align-top">{step.target.region}</td>
                  <td className="w-48 py-1 align-top">{step.resource}</td>
                  <td className="w-28 py-1 align-top">{state ? <StepStatusBadge status={state.status} /> : null}</td>
                  <td className="py-1 align-top">
                    {state?.status === 'running' && state.progress ? <StepProgressBar progress={state.progress} label={`Progress of ${step.resource} to ${step.target.cloud}/${step.target.region}`} /> : null}
                    {state?.error ? <ErrorDetails description={state.error} /> : null}
                    {state?.note ? <p className="text-slate-600 dark:text-slate-400">{state.note}</p> : null}
                    {state && state.requestIds.length > 0 && !state.error ? (
                      <p className="text-slate-500 dark:text-slate-400">
                        Request id <code className="font-mono select-all">{state.requestIds.join(', ')}</code>
                      </p>
                    ) : null}
                    {step.reason && !state?.error ? <p className="text-amber-800 dark:text-amber-300">{step.reason}</p> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </section>
  );
}
