import type { RequestHandler } from 'msw';
import { http, HttpResponse, passthrough } from 'msw';
import type { SimFleet } from './sim-fleet.ts';

/**
 * msw handlers that answer only the simulated origins; every other request
 * (the app's own assets, real clouds) is not matched and passes untouched.
 */
export function createSimHandlers(sim: SimFleet): RequestHandler[] {
  return [
    http.all(
      ({ request }) => sim.owns(request.url),
      async ({ request }) => {
        try {
          return (await sim.handle(request)) ?? passthrough();
        } catch (error) {
          // A `down` cloud: make fetch reject the way a refused connection does.
          if (error instanceof TypeError) return HttpResponse.error();
          throw error;
        }
      },
    ),
  ];
}
