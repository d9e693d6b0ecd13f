export interface RotationPosition {
  index: number;
  /** Until the next view, in ms; undefined when there is nothing to rotate to. */
  nextInMs?: number;
}

/**
 * Which view shows after `elapsedMs` on the wall. Derived from the clock, not
 * counted by a timer, so a throttled or late timer never skips or repeats a view.
 */
export function rotationAt(count: number, rotateMs: number, elapsedMs: number): RotationPosition {
  if (count <= 1 || rotateMs <= 0) return { index: 0 };
  const elapsed = Math.max(0, elapsedMs);
  const step = Math.floor(elapsed / rotateMs);
  return { index: step % count, nextInMs: (step + 1) * rotateMs - elapsed };
}
