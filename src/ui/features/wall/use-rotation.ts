import { useEffect, useState } from 'react';
import { rotationAt } from '../../../fleet/wall/rotation.ts';

/** The index of the view on screen, moving on every `rotateMs` from the moment the wall opened. */
export function useRotation(count: number, rotateMs: number): number {
  const [startedAt] = useState(() => Date.now());
  // The step re-arms the timer even when a late timer lands on the same view again.
  const [state, setState] = useState({ index: 0, step: 0 });
  useEffect(() => {
    const { nextInMs } = rotationAt(count, rotateMs, Date.now() - startedAt);
    if (nextInMs === undefined) return;
    const timer = window.setTimeout(
      () => setState((current) => ({ index: rotationAt(count, rotateMs, Date.now() - startedAt).index, step: current.step + 1 })),
      nextInMs + 20,
    );
    return () => window.clearTimeout(timer);
  }, [count, rotateMs, startedAt, state.step]);
  return Math.min(state.index, Math.max(0, count - 1));
}
