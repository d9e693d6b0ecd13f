import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimHandlers } from './msw-handlers.ts';
import { createSimFleet } from './sim-fleet.ts';

const sim = createSimFleet('sites=2,seed=1,fault.fra=down', { originFor: (name) => `https://${name}.sim.invalid` });
const server = setupServer(...createSimHandlers(sim));
const real = createServer((_req, res) => res.end('real'));
let realOrigin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
  realOrigin = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
  server.listen({ onUnhandledRequest: 'bypass' });
});

afterAll(async () => {
  server.close();
  await new Promise<void>((resolve) => real.close(() => resolve()));
});

describe('createSimHandlers', () => {
  it('answers simulated origins through fetch', async () => {
    const response = await fetch('https://ams.sim.invalid/identity/v3');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { version: { id: string } }).version.id).toMatch(/^v3/);
  });

  it('turns a down cloud into a network error', async () => {
    await expect(fetch('https://fra.sim.invalid/identity/v3')).rejects.toThrow(TypeError);
  });

  it('lets every other origin through untouched', async () => {
    const response = await fetch(`${realOrigin}/identity/v3`);
    expect(await response.text()).toBe('real');
  });
});
