import { useEffect, useRef, useState } from 'react';

/**
 * The value, passed on at most once per interval (the latest one at its end).
 * A fleet of 1,000 clouds answers 1,000 times in a few seconds; rebuilding the
 * whole graph for each answer would keep the main thread busy for nothing.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [passed, setPassed] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    const wait = lastAt.current + intervalMs - performance.now();
    const pass = () => {
      lastAt.current = performance.now();
      setPassed(value);
    };
    if (wait <= 0) {
      pass();
      return;
    }
    const timer = window.setTimeout(pass, wait);
    return () => window.clearTimeout(timer);
  }, [value, intervalMs]);
  return passed;
}
