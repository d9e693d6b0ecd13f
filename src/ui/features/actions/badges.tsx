import type { StepStatus } from '../../../fleet/actions/execute-plan.ts';
import type { StepChange } from '../../../fleet/actions/plan.ts';
import type { RunRecord } from '../../../fleet/actions/run-record.ts';
import { runOutcome } from '../../../fleet/actions/run-record.ts';

const PILL = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap';
const GREEN = 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300';
const AMBER = 'bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300';
const RED = 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300';
const SKY = 'bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300';
const GREY = 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300';

const CHANGES: Record<StepChange, { label: string; className: string }> = {
  create: { label: '+ create', className: GREEN },
  change: { label: '~ change', className: SKY },
  delete: { label: '− delete', className: RED },
  'no-change': { label: 'no change', className: GREY },
  conflict: { label: '! conflict', className: AMBER },
};

export function ChangeBadge({ change }: { change: StepChange }) {
  const style = CHANGES[change];
  return <span className={`${PILL} ${style.className}`}>{style.label}</span>;
}

const STATUSES: Record<StepStatus, { label: string; className: string }> = {
  pending: { label: 'Pending', className: GREY },
  running: { label: 'Running', className: `${SKY} animate-pulse` },
  done: { label: 'Done', className: GREEN },
  unchanged: { label: 'No change', className: GREY },
  conflict: { label: 'Conflict', className: AMBER },
  failed: { label: 'Failed', className: RED },
  cancelled: { label: 'Cancelled', className: AMBER },
};

export function StepStatusBadge({ status }: { status: StepStatus }) {
  const style = STATUSES[status];
  return <span className={`${PILL} ${style.className}`}>{style.label}</span>;
}

/** One word for a run in the log: where it stands, or how it ended. */
export function runResultLabel(record: RunRecord, live: boolean): string {
  if (live || record.state === 'running') return 'Running';
  if (record.state === 'interrupted') return 'Interrupted';
  if (record.state === 'cancelled') return 'Cancelled';
  switch (runOutcome(record)) {
    case 'succeeded':
      return 'Succeeded';
    case 'partial':
      return 'Partly failed';
    case 'failed':
      return 'Failed';
    case 'nothing-to-do':
      return 'Nothing to do';
  }
}

export function RunResultBadge({ record, live }: { record: RunRecord; live: boolean }) {
  const label = runResultLabel(record, live);
  const className = label === 'Succeeded' ? GREEN : label === 'Running' ? SKY : label === 'Nothing to do' ? GREY : label === 'Failed' ? RED : AMBER;
  return <span className={`${PILL} ${className}`}>{label}</span>;
}
