import { describe, expect, it } from 'vitest';
import { soakPlan } from './soak-plan.ts';

describe('soakPlan', () => {
  it('leaves the first five minutes of the 30-minute soak out, in whole turns of the rotation', () => {
    const plan = soakPlan(30, 10, 3);
    expect(plan).toMatchObject({ rotateSeconds: 20, samplesPerTurn: 6, cycles: 180 });
    expect(plan.warmupCycles * 10).toBe(300);
    expect(plan.warmupCycles % plan.samplesPerTurn).toBe(0);
  });

  it('averages whole turns at each end, about a fifth of the measured soak', () => {
    const plan = soakPlan(30, 10, 3);
    expect(plan.window % plan.samplesPerTurn).toBe(0);
    expect(plan.window).toBe(30);
    expect(2 * plan.window).toBeLessThanOrEqual(plan.cycles - plan.warmupCycles);
  });

  it('keeps a short soak short: the warm-up is at most a fifth of it, and two ends still fit after it', () => {
    const plan = soakPlan(1, 3, 3);
    expect(plan.warmupCycles).toBe(plan.samplesPerTurn);
    expect(soakPlan(10, 10, 3).warmupCycles * 10).toBe(120);
    expect(plan.cycles).toBeGreaterThanOrEqual(plan.warmupCycles + 2);
    expect(plan.cycles * 3).toBeLessThanOrEqual(60);
  });

  it('never warms up for less than one whole turn, however short the soak', () => {
    const plan = soakPlan(0.1, 10, 3);
    expect(plan.warmupCycles).toBe(6);
    expect(plan.cycles).toBe(8);
  });
});
