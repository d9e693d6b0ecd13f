import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog, type AuditLog } from './audit-log.ts';
import type { StepExecutor } from './execute-plan.ts';
import { planKeypairSync } from './keypair-sync.ts';
import { runOutcome, tallyRun } from './run-record.ts';
import { continueRun, startRun } from './run-action.ts';

const CLOUDS = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];

function syncPlan(clouds = CLOUDS) {
  return planKeypairSync({
    planId: 'plan-1',
    now: 1,
    source: { cloud: 'src', region: 'RegionOne' },
    keypair: { name: 'deploy', public_key: 'ssh-ed25519 AAAA ops', type: 'ssh' },
    targets: clouds.map((cloud) => ({ target: { cloud, region: 'RegionOne' }, state: 'absent' as const })),
  });
}

let dbCount = 0;
const opened: AuditLog[] = [];
async function freshLog(name = `audit-${++dbCount}`): Promise<{ log: AuditLog; name: string }> {
  const log = await openAuditLog(name);
  opened.push(log);
  return { log, name };
}
afterEach(() => {
  for (const log of opened.splice(0)) log.close();
});


describe('runs', () => {
  it('never works on more targets at once than the concurrency allows, and records every step with its request id', async () => {
    const { log } = await freshLog();
    let inFlight = 0;
    let peak = 0;
    const execute: StepExecutor = async (step) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { result: 'done', requestIds: [`req-${step.target.cloud}`] };
    };
    const record = await startRun(syncPlan(), 'run-1', { src: 'admin@demo' }, { log, execute, concurrency: 3, signal: new AbortController().signal });
    expect(peak).toBe(3);
    expect(record.state).toBe('finished');
    expect(runOutcome(record)).toBe('succeeded');
    const stored = await log.get('run-1');
    expect(stored?.steps['c07/RegionOne/keypair/deploy']).toMatchObject({ status: 'done', requestIds: ['req-c07'] });
    expect(stored?.actors).toEqual({ src: 'admin@demo' });
  });

  it('lets the other targets finish when some fail, and "retry failed" sends only the failed steps', async () => {
    const { log } = await freshLog();
    const failing = new Set(['c03', 'c08']);
    const calls: string[] = [];
    const execute: StepExecutor = async (step) => {
      calls.push(step.target.cloud);
      if (failing.has(step.target.cloud)) throw new Error(`${step.target.cloud} is down`);
      return { result: 'done', requestIds: [] };
    };
    const first = await startRun(syncPlan(), 'run-2', {}, { log, execute, signal: new AbortController().signal });
    expect(tallyRun(first)).toMatchObject({ done: 8, failed: 2 });
    expect(runOutcome(first)).toBe('partial');
    expect(first.steps['c03/RegionOne/keypair/deploy']?.error?.detail).toBe('c03 is down');

    failing.clear();
    calls.length = 0;
    const retried = await continueRun(first, { log, execute, signal: new AbortController().signal });
    expect(calls.sort()).toEqual(['c03', 'c08']);
    expect(tallyRun(retried)).toMatchObject({ done: 10, failed: 0 });
    expect(retried.attempts).toBe(2);
    expect((await log.get('run-2'))?.state).toBe('finished');
  });

  it('cancels: calls in flight end aborted, targets not started are never called', async () => {
    const { log } = await freshLog();
    const controller = new AbortController();
    const called: string[] = [];
    const execute: StepExecutor = (step, signal) => {
      called.push(step.target.cloud);
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    };
    const running = startRun(syncPlan(), 'run-3', {}, { log, execute, concurrency: 2, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const record = await running;
    expect(called).toEqual(['c01', 'c02']);
    expect(record.state).toBe('cancelled');
    expect(tallyRun(record)).toMatchObject({ cancelled: 10, done: 0 });
    expect((await log.get('run-3'))?.state).toBe('cancelled');
  });

  it('shows a run cut off by a reload as interrupted, and resuming finishes it without repeating done steps', async () => {
    const { log, name } = await freshLog();
    // The page "goes away" while c03's call is in flight: that call never returns.
    const hang = new Promise<never>(() => {});
    const sent: string[] = [];
    const firstPage: StepExecutor = async (step) => {
      sent.push(step.target.cloud);
      if (['c01', 'c02'].includes(step.target.cloud)) return { result: 'done', requestIds: [] };
      return hang;
    };
    // The first page runs two targets to completion, then "reloads" while the third is in flight.
    void startRun(syncPlan(['c01', 'c02', 'c03', 'c04']), 'run-4', {}, { log, execute: firstPage, concurrency: 1, signal: new AbortController().signal });
    await expect.poll(async () => (await log.get('run-4'))?.steps['c03/RegionOne/keypair/deploy']?.status).toBe('running');
    log.close();

    const { log: reopened } = await freshLog(name);
    const interrupted = await reopened.markInterrupted(99);
    expect(interrupted.map((record) => record.id)).toEqual(['run-4']);
    const stored = await reopened.get('run-4');
    expect(stored?.state).toBe('interrupted');
    expect(stored?.steps['c03/RegionOne/keypair/deploy']?.status).toBe('failed');

    const resumed: string[] = [];
    const secondPage: StepExecutor = async (step) => {
      resumed.push(step.target.cloud);
      return { result: step.target.cloud === 'c03' ? 'already-done' : 'done', requestIds: [] };
    };
    const finished = await continueRun(stored!, { log: reopened, execute: secondPage, signal: new AbortController().signal });
    expect(resumed).toEqual(['c03', 'c04']);
    expect(finished.state).toBe('finished');
    expect(tallyRun(finished)).toMatchObject({ done: 4 });
    expect((await reopened.list()).map((record) => [record.id, record.state])).toEqual([['run-4', 'finished']]);
  });

  it('never sends no-change or conflict steps', async () => {
    const { log } = await freshLog();
    const plan = planKeypairSync({
      planId: 'p',
      now: 0,
      source: { cloud: 'src', region: 'R' },
      keypair: { name: 'k', public_key: 'ssh-rsa AAAA', type: 'ssh' },
      targets: [
        { target: { cloud: 'a', region: 'R' }, state: 'present', keypair: { name: 'k', public_key: 'ssh-rsa AAAA', fingerprint: 'f' } },
        { target: { cloud: 'b', region: 'R' }, state: 'present', keypair: { name: 'k', public_key: 'ssh-rsa BBBB', fingerprint: 'g' } },
      ],
    });
    const execute: StepExecutor = () => Promise.reject(new Error('must not be called'));
    const record = await startRun(plan, 'run-5', {}, { log, execute, signal: new AbortController().signal });
    expect(tallyRun(record)).toMatchObject({ unchanged: 1, conflict: 1, done: 0, failed: 0 });
    expect(runOutcome(record)).toBe('nothing-to-do');
  });
});
