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
const inflight = new Map<string, Promise<Placement>>();
let worker: Worker | undefined;
const waiting = new Map<string, { resolve: (placement: Placement) => void; reject: (error: Error) => void }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const response = event.data;
      const waiter = waiting.get(response.key);
      waiting.delete(response.key);
      if ('error' in response) waiter?.reject(new Error(response.error));
      else waiter?.resolve(response.placement);
    };
    // A worker that cannot start (its script failed to load) answers nothing: say so instead of laying out forever.
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`the layout worker stopped: ${event.message || 'its script could not be loaded'}`);
      for (const waiter of waiting.values()) waiter.reject(error);
      waiting.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

function requestLayout(shape: LayoutShape): Promise<Placement> {
  let pending = inflight.get(shape.key);
  if (!pending) {
    pending = new Promise<Placement>((resolve, reject) => {
      waiting.set(shape.key, { resolve, reject });
      layoutWorker().postMessage({ shape });
    })
      .then((placement) => {
        cache.set(shape.key, placement);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        return placement;
      })
      .finally(() => inflight.delete(shape.key));
    inflight.set(shape.key, pending);
  }
  return pending;
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
    requestLayout(shape).then(
      (placement) => current && setLatest({ key: shape.key, placement }),
      (error: Error) => current && setLatest({ key: shape.key, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [shape]);
  const cached = cache.get(shape.key);
  if (cached) return { placement: cached, running: false };
  return { placement: latest.placement, running: latest.key !== shape.key, error: latest.key === shape.key ? latest.error : undefined };
}
