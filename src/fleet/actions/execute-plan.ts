import { describeError, type ErrorDescription } from '../health/describe-error.ts';
import { targetKey, type PlanStep } from './plan.ts';
import { ImageImportFailedError } from './image-import-failed.ts';
import { StepRefusedError } from './step-refused.ts';

export type StepStatus = 'pending' | 'running' | 'done' | 'unchanged' | 'conflict' | 'failed' | 'cancelled';

export interface StepState {
  status: StepStatus;
  /** Request ids of the calls the step made, in order: what an operator quotes to the cloud's team. */
  requestIds: string[];
  /** Set when the step found the target already as planned (e.g. its earlier answer was lost). */
  note?: string;
  error?: ErrorDescription;
  startedAt?: number;
  finishedAt?: number;
  /** How far a long step (an image copy) has got, while it runs. */
  progress?: StepProgress;
}

export interface StepProgress {
  /** What the step is doing now, e.g. `downloading from ams/RegionOne`. */
  phase: string;
  bytes: number;
  totalBytes?: number;
}

/** What a step reports when it returns: it either changed the target, or found it already changed. */
export interface StepOutcome {
  result: 'done' | 'already-done';
  requestIds: string[];
  /** What the step checked, e.g. that a copy's checksum matches its source's. */
  note?: string;
}

/** Performs one step against its cloud; looks before it leaps, so running it twice never duplicates anything. */
export type StepExecutor = (step: PlanStep, signal: AbortSignal, onProgress?: (progress: StepProgress) => void) => Promise<StepOutcome>;

export interface ExecutePlanOptions {
  steps: readonly PlanStep[];
  execute: StepExecutor;
  /** How many targets (cloud/region) are worked on at once; steps of one target run one after another. */
  concurrency: number;
  signal: AbortSignal;
  onStep: (stepId: string, state: StepState) => void;
  now?: () => number;
}

/**
 * Runs steps target by target with bounded concurrency. A failed step fails
 * only itself: the rest of its target and every other target carry on.
 * After a cancel, steps not yet started stay `cancelled` and running ones end
 * as their aborted calls do.
 */
export async function executePlan(options: ExecutePlanOptions): Promise<void> {
  const { execute, signal, onStep } = options;
  const now = options.now ?? Date.now;
  const queues = new Map<string, PlanStep[]>();
  for (const step of options.steps) {
    const key = targetKey(step.target);
    queues.set(key, [...(queues.get(key) ?? []), step]);
  }
  const pending = [...queues.values()];

  async function runStep(step: PlanStep): Promise<void> {
    if (signal.aborted) {
      onStep(step.id, { status: 'cancelled', requestIds: [] });
      return;
    }
    const startedAt = now();
    onStep(step.id, { status: 'running', requestIds: [], startedAt });
    try {
      const outcome = await execute(step, signal, (progress) => onStep(step.id, { status: 'running', requestIds: [], startedAt, progress }));
      onStep(step.id, {
        status: 'done',
        requestIds: outcome.requestIds,
        note: outcome.result === 'already-done' ? 'already in place: nothing sent' : outcome.note,
        startedAt,
        finishedAt: now(),
      });
    } catch (error) {
      const description = describeStepError(error, step);
      onStep(step.id, {
        status: signal.aborted ? 'cancelled' : 'failed',
        requestIds: description.requestId ? [description.requestId] : [],
        error: description,
        startedAt,
        finishedAt: now(),
      });
    }
  }

  async function worker(): Promise<void> {
    for (let queue = pending.shift(); queue !== undefined; queue = pending.shift()) {
      for (const step of queue) await runStep(step);
    }
  }

  const workers = Math.max(1, Math.min(options.concurrency, pending.length));
  await Promise.all(Array.from({ length: workers }, worker));
}

function describeStepError(error: unknown, step: PlanStep): ErrorDescription {
  if (error instanceof StepRefusedError) return { headline: 'Not done: the target is not as planned', detail: error.message, where: targetKey(step.target) };
  if (error instanceof ImageImportFailedError) return { headline: 'Glance could not import the image', detail: error.message, where: targetKey(step.target), requestId: error.requestId };
  return describeError(error);
}
