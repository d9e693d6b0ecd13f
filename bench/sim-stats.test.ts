import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type RunningFleet } from './fleet.ts';

const BASE_PORT = 39950;
const CONTROL_PORT = 39949;
const APP_ORIGIN = 'http://127.0.0.1:4873';

describe('the simulator’s request counters (scripts/sim-serve.ts --control-port)', () => {
  let fleet: RunningFleet;

  beforeAll(async () => {
    fleet = await startFleet('sites=2,servers=3,seed=1', { base: BASE_PORT, control: CONTROL_PORT }, process.cwd());
  }, 60_000);

  afterAll(async () => {
    await fleet?.stop();
  });

  it('counts every request the clouds answer, CORS preflights apart, until reset', async () => {
    await fleet.resetStats();
    const [ams, fra] = fleet.clouds;
    if (!ams || !fra) throw new Error('the fleet has fewer than two clouds');
    const preflight = await fetch(`${ams.authUrl}/auth/tokens`, {
      method: 'OPTIONS',
      headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    await fetch(ams.authUrl);
    await fetch(fra.authUrl, { method: 'OPTIONS' });
    expect(await fleet.stats()).toEqual({ requests: 3, preflights: 1 });

    await fleet.resetStats();
    expect(await fleet.stats()).toEqual({ requests: 0, preflights: 0 });
  });
});
