import { create } from 'zustand';
import { openAuditLog, type AuditLog } from '../../../fleet/actions/audit-log.ts';
import type { StepExecutor } from '../../../fleet/actions/execute-plan.ts';
import type { ActionPlan } from '../../../fleet/actions/plan.ts';
import type { RunRecord } from '../../../fleet/actions/run-record.ts';
import { continueRun, startRun } from '../../../fleet/actions/run-action.ts';

/**
 * The page's runs: the audit log as last read, and which runs this page is
 * executing now. Runs outlive the view that started them (navigating away
 * does not stop a run); only a reload does, and the log then shows them as
 * interrupted.
 */
interface RunsState {
  records: RunRecord[];
  live: ReadonlySet<string>;
  loaded: boolean;
  /** The audit log could not be opened (private mode, storage refused): actions are then not offered. */
  logError?: string;
}

export const useRuns = create<RunsState>(() => ({ records: [], live: new Set(), loaded: false }));

let opened: Promise<AuditLog> | undefined;
const controllers = new Map<string, AbortController>();

function auditLog(): Promise<AuditLog> {
  // The first open of this page marks runs left running by an earlier page as interrupted.
  opened ??= openAuditLog().then(async (log) => {
    await log.markInterrupted(Date.now());
    return log;
  });
  return opened;
}

function upsert(record: RunRecord): void {
  useRuns.setState((state) => {
    const others = state.records.filter((known) => known.id !== record.id);
    return { records: [record, ...others].sort((a, b) => b.startedAt - a.startedAt) };
  });
}

function setLive(runId: string, live: boolean): void {
  useRuns.setState((state) => {
    const next = new Set(state.live);
    if (live) next.add(runId);
    else next.delete(runId);
    return { live: next };
  });
}

export async function loadRuns(): Promise<void> {
  try {
    const log = await auditLog();
    const stored = await log.list();
    // A run this page is executing is fresher in memory than in the log.
    const live = useRuns.getState();
    const merged = stored.map((record) => (live.live.has(record.id) ? (live.records.find((r) => r.id === record.id) ?? record) : record));
    useRuns.setState({ records: merged, loaded: true, logError: undefined });
  } catch (error) {
    useRuns.setState({ loaded: true, logError: error instanceof Error ? error.message : String(error) });
  }
}

async function track(runId: string, run: (log: AuditLog, signal: AbortSignal) => Promise<RunRecord>): Promise<void> {
  const controller = new AbortController();
  controllers.set(runId, controller);
  setLive(runId, true);
  try {
    upsert(await run(await auditLog(), controller.signal));
  } finally {
    controllers.delete(runId);
    setLive(runId, false);
  }
}

export function newRunId(): string {
  return `run-${crypto.randomUUID()}`;
}

/** Starts a plan; resolves when the run ends (progress arrives through the store meanwhile). */
export function launchRun(runId: string, plan: ActionPlan, actors: Record<string, string>, execute: StepExecutor): Promise<void> {
  return track(runId, (log, signal) => startRun(plan, runId, actors, { log, execute, signal, onChange: upsert }));
}

/** Retry failed, or resume an interrupted run: sends only what is left. */
export function continueRecordedRun(record: RunRecord, execute: StepExecutor): Promise<void> {
  return track(record.id, (log, signal) => continueRun(record, { log, execute, signal, onChange: upsert }));
}

export function cancelRun(runId: string): void {
  controllers.get(runId)?.abort();
}
