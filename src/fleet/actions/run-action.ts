import type { AuditLog } from './audit-log.ts';
import { executePlan, type StepExecutor, type StepState } from './execute-plan.ts';
import type { ActionPlan } from './plan.ts';
import { initialStepStates, remainingStepIds, type RunRecord } from './run-record.ts';

export interface RunActionOptions {
  log: AuditLog;
  execute: StepExecutor;
  signal: AbortSignal;
  /** Targets worked on at once; default 4. */
  concurrency?: number;
  now?: () => number;
  /** Every change to the record, for the view's progress. */
  onChange?: (record: RunRecord) => void;
}

export const DEFAULT_CONCURRENCY = 4;

/** Starts a new run of a plan, recorded in the audit log before the first call leaves. */
export function startRun(plan: ActionPlan, runId: string, actors: Record<string, string>, options: RunActionOptions): Promise<RunRecord> {
  const now = options.now ?? Date.now;
  const record: RunRecord = {
    id: runId,
    plan,
    actors,
    startedAt: now(),
    updatedAt: now(),
    state: 'running',
    attempts: 0,
    steps: initialStepStates(plan),
  };
  return continueRun(record, options);
}

/**
 * Runs what a recorded run has left: its failed, cancelled and interrupted
 * steps (retry failed, resume). Steps already done are not sent again, and
 * every step looks its target up before acting, so a step whose answer was
 * lost is found done rather than repeated.
 */
export async function continueRun(previous: RunRecord, options: RunActionOptions): Promise<RunRecord> {
  const { log, signal } = options;
  const now = options.now ?? Date.now;
  const remaining = new Set(remainingStepIds(previous));
  let record: RunRecord = {
    ...previous,
    state: 'running',
    attempts: previous.attempts + 1,
    updatedAt: now(),
    finishedAt: undefined,
    steps: Object.fromEntries(
      Object.entries(previous.steps).map(([id, step]) => [id, remaining.has(id) ? { status: 'pending', requestIds: [] } satisfies StepState : step]),
    ),
  };
  let writes = log.save(record);
  await writes;
  options.onChange?.(record);

  const commit = (next: RunRecord) => {
    record = next;
    // Serialized so the log never goes back to an older snapshot.
    writes = writes.then(() => log.save(next));
    options.onChange?.(next);
  };

  await executePlan({
    steps: previous.plan.steps.filter((step) => remaining.has(step.id)),
    execute: options.execute,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    signal,
    now,
    onStep: (stepId, state) => commit({ ...record, updatedAt: now(), steps: { ...record.steps, [stepId]: state } }),
  });
  commit({ ...record, state: signal.aborted ? 'cancelled' : 'finished', updatedAt: now(), finishedAt: now() });
  await writes;
  return record;
}
