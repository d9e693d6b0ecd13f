/**
 * How long the wall soak runs, how much of it is warm-up and how many samples
 * each end of the comparison averages. One sample per refresh; the views
 * rotate every two refreshes, so one turn of the rotation is 2 × views samples.
 */
export interface SoakPlan {
  rotateSeconds: number;
  samplesPerTurn: number;
  warmupCycles: number;
  cycles: number;
  window: number;
}

/** At least this many cycles of warm-up, and at least one whole turn of the rotation, so that every view has been built once. */
const MIN_WARMUP_CYCLES = 3;
/**
 * V8 keeps compiling the wall's hot code for minutes after the first turn,
 * which a baseline taken meanwhile would count as growth. Measured on the
 * bench's 44-cloud wall (refresh 10 s): compiled code 4.1 MB after 1 minute,
 * 4.7 MB after 3; the heap between refreshes flat from the 5th minute on;
 * the app's own objects flat throughout.
 */
const CODE_WARMUP_SECONDS = 300;

export function soakPlan(minutes: number, refreshSeconds: number, views: number): SoakPlan {
  const rotateSeconds = refreshSeconds * 2;
  const samplesPerTurn = (views * rotateSeconds) / refreshSeconds;
  const turnSeconds = views * rotateSeconds;
  // A fifth of the soak at most, so a short soak still has cycles to compare.
  const warmupSeconds = Math.min(CODE_WARMUP_SECONDS, (minutes * 60) / 5);
  const warmupCycles = Math.max(MIN_WARMUP_CYCLES, samplesPerTurn * Math.max(1, Math.ceil(warmupSeconds / turnSeconds)));
  const cycles = Math.max(warmupCycles + 2, Math.floor((minutes * 60) / refreshSeconds));
  // The heap depends on the view on screen (the topology holds its graph), so each end of the
  // comparison averages whole turns of the rotation: about a fifth of the soak, at least one turn.
  const window = samplesPerTurn * Math.max(1, Math.floor((cycles - warmupCycles) / (5 * samplesPerTurn)));
  return { rotateSeconds, samplesPerTurn, warmupCycles, cycles, window };
}
