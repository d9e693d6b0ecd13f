import { useEffect, useState } from 'react';
import type { LayoutResponse, LayoutShape, Positions } from './elk-layout.ts';

/**
 * Layouts by shape key. A refresh that brings the same nodes and edges finds
 * its layout here, so nothing moves; only colors and counts change.
 */
const cache = new Map<string, Positions>();
const CACHE_SIZE = 32;
const inflight = new Map<string, Promise<Positions>>();
let worker: Worker | undefined;
const waiting = new Map<string, { resolve: (positions: Positions) => void; reject: (error: Error) => void }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const response = event.data;
      const waiter = waiting.get(response.key);
      waiting.delete(response.key);
      if ('error' in response) waiter?.reject(new Error(response.error));
      else waiter?.resolve(response.positions);
    };
  }
  return worker;
}

function requestLayout(shape: LayoutShape): Promise<Positions> {
  let pending = inflight.get(shape.key);
  if (!pending) {
    pending = new Promise<Positions>((resolve, reject) => {
      waiting.set(shape.key, { resolve, reject });
      layoutWorker().postMessage({ shape });
    })
      .then((positions) => {
        cache.set(shape.key, positions);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        return positions;
      })
      .finally(() => inflight.delete(shape.key));
    inflight.set(shape.key, pending);
  }
  return pending;
}

export interface LayoutState {
  /** The layout of this shape, or the last one while it runs (nodes new to the shape have no position yet). */
  positions: Positions | undefined;
  /** The layout of this exact shape is not ready yet. */
  running: boolean;
  error?: string;
}

export function useLayout(shape: LayoutShape): LayoutState {
  const [latest, setLatest] = useState<{ key: string; positions?: Positions; error?: string }>({ key: '' });
  useEffect(() => {
    if (cache.has(shape.key)) return;
    let current = true;
    requestLayout(shape).then(
      (positions) => current && setLatest({ key: shape.key, positions }),
      (error: Error) => current && setLatest({ key: shape.key, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [shape]);
  const cached = cache.get(shape.key);
  if (cached) return { positions: cached, running: false };
  return { positions: latest.positions, running: latest.key !== shape.key, error: latest.key === shape.key ? latest.error : undefined };
}
