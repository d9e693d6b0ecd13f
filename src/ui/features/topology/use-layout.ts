import { useEffect, useState } from 'react';
import type { LayoutResponse } from './elk-layout.ts';
import type { LayoutShape } from './layout-shape.ts';
import type { Placement } from './pack-layout.ts';

/**
 * Layouts by shape key. A refresh that brings the same nodes and edges finds
 * its layout here, so nothing moves; only colors and counts change.
 */
const cache = new Map<string, Placement>();
const CACHE_SIZE = 32;

/** A layout asked for: queued or running in the worker, with how many mounted views still wait for it. */
interface LayoutJob {
  shape: LayoutShape;
  waiters: number;
  placement: Promise<Placement>;
  resolve: (placement: Placement) => void;
  reject: (error: Error) => void;
}

const jobs = new Map<string, LayoutJob>();
const queue: string[] = [];
let runningKey: string | undefined;
let worker: Worker | undefined;

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const response = event.data;
      const job = jobs.get(response.key);
      jobs.delete(response.key);
      runningKey = undefined;
      if ('error' in response) job?.reject(new Error(response.error));
      else {
        cache.set(response.key, response.placement);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        job?.resolve(response.placement);
      }
      runNext();
    };
    // A worker that cannot start (its script failed to load) answers nothing: say so instead of laying out forever.
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`the layout worker stopped: ${event.message || 'its script could not be loaded'}`);
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
      queue.length = 0;
      runningKey = undefined;
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/**
 * One layout at a time, in the order asked. While clouds answer, the graph's
 * shape changes many times in a row; a shape nobody waits for any more is
 * dropped before it reaches the worker, so the latest one is not stuck behind
 * layouts of shapes already gone.
 */
function runNext(): void {
  if (runningKey !== undefined) return;
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const job = jobs.get(key);
    if (!job) continue;
    if (job.waiters === 0) {
      jobs.delete(key);
      continue;
    }
    runningKey = key;
    layoutWorker().postMessage({ shape: job.shape });
    return;
  }
}

function awaitLayout(shape: LayoutShape): { placement: Promise<Placement>; release: () => void } {
  let job = jobs.get(shape.key);
  if (!job) {
    let resolve!: (placement: Placement) => void;
    let reject!: (error: Error) => void;
    const placement = new Promise<Placement>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    job = { shape, waiters: 0, placement, resolve, reject };
    jobs.set(shape.key, job);
    queue.push(shape.key);
  }
  const waited = job;
  waited.waiters += 1;
  runNext();
  return { placement: waited.placement, release: () => void (waited.waiters -= 1) };
}

export interface LayoutState {
  /** The layout of this shape, or the last one while it runs (nodes new to the shape have no position yet). */
  placement: Placement | undefined;
  /** The layout of this exact shape is not ready yet. */
  running: boolean;
  error?: string;
}

export function useLayout(shape: LayoutShape): LayoutState {
  const [latest, setLatest] = useState<{ key: string; placement?: Placement; error?: string }>({ key: '' });
  useEffect(() => {
    if (cache.has(shape.key)) return;
    let current = true;
    const layout = awaitLayout(shape);
    layout.placement.then(
      (placement) => current && setLatest({ key: shape.key, placement }),
      (error: Error) => current && setLatest({ key: shape.key, error: error.message }),
    );
    return () => {
      current = false;
      layout.release();
    };
  }, [shape]);
  const cached = cache.get(shape.key);
  if (cached) return { placement: cached, running: false };
  return { placement: latest.placement, running: latest.key !== shape.key, error: latest.key === shape.key ? latest.error : undefined };
}
