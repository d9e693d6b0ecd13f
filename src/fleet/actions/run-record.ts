import type { ErrorDescription } from '../health/describe-error.ts';
import type { StepState } from './execute-plan.ts';
import { isActionable, type ActionPlan } from './plan.ts';

/**
 * A run as the audit log keeps it: the plan it executes, who ran it on each
 * cloud, and every step's outcome with its request ids.
 *
 * `running` in the log with no page executing it means the page went away
 * mid-run: the log shows it as `interrupted`, resumable from its plan.
 */
export type RunState = 'running' | 'finished' | 'cancelled' | 'interrupted';

export interface RunRecord {
  id: string;
  plan: ActionPlan;
  /** Per cloud: the identity the calls were made as, `user@project`. */
  actors: Record<string, string>;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  state: RunState;
  /** 1 for the first run; each retry or resume adds one. */
  attempts: number;
  steps: Record<string, StepState>;
  /** Why the run could not start at all, e.g. a refused audit write. */
  error?: ErrorDescription;
}

export type RunOutcome = 'succeeded' | 'partial' | 'failed' | 'nothing-to-do';

export interface RunTally {
  done: number;
  failed: number;
  cancelled: number;
  pending: number;
  running: number;
  unchanged: number;
  conflict: number;
}

export function initialStepStates(plan: ActionPlan): Record<string, StepState> {
  return Object.fromEntries(
    plan.steps.map((step) => [
      step.id,
      { status: isActionable(step) ? 'pending' : step.change === 'conflict' ? 'conflict' : 'unchanged', requestIds: [] } satisfies StepState,
    ]),
  );
}

export function tallyRun(record: Pick<RunRecord, 'steps'>): RunTally {
  const tally: RunTally = { done: 0, failed: 0, cancelled: 0, pending: 0, running: 0, unchanged: 0, conflict: 0 };
  for (const state of Object.values(record.steps)) tally[state.status] += 1;
  return tally;
}

export function runOutcome(record: Pick<RunRecord, 'steps'>): RunOutcome {
  const tally = tallyRun(record);
  const unfinished = tally.failed + tally.cancelled + tally.pending + tally.running;
  if (tally.done === 0 && unfinished === 0) return 'nothing-to-do';
  if (unfinished === 0) return 'succeeded';
  return tally.done > 0 ? 'partial' : 'failed';
}

/** Steps a retry or resume still has to send: everything actionable not yet done. */
export function remainingStepIds(record: Pick<RunRecord, 'plan' | 'steps'>): string[] {
  return record.plan.steps
    .filter((step) => isActionable(step))
    .filter((step) => record.steps[step.id]?.status !== 'done')
    .map((step) => step.id);
}
