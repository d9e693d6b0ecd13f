/**
 * Concurrency limits shared by every cloud of the fleet. A browser opens at
 * most ~6 HTTP/1.1 connections per origin and a few hundred overall; queueing
 * here instead of in the browser keeps our timeouts honest (a request's timer
 * starts when it really leaves) and lets aborted work leave the queue.
 *
 * A request first waits for a slot of its origin, then for a global slot, each
 * queue FIFO. Holding an origin slot while waiting for a global one blocks no
 * other origin, and it bounds the global queue to `perOrigin` entries per
 * origin, so every operation stays O(1) with thousands of origins.
 */
export interface LimiterOptions {
  global?: number;
  perOrigin?: number;
}

export interface LimiterCounts {
  active: number;
  queued: number;
  /** Requests started since creation. */
  started: number;
  peakActive: number;
  /** Highest number of simultaneous requests seen on any single origin. */
  peakPerOrigin: number;
  activeByOrigin: Record<string, number>;
}

export type Release = () => void;

export interface RequestLimiter {
  readonly global: number;
  readonly perOrigin: number;
  /** Resolves with a release function once a slot is free; rejects with the signal's reason if aborted while waiting. */
  acquire(origin: string, signal?: AbortSignal): Promise<Release>;
  counts(): LimiterCounts;
}

interface Waiter {
  grant: () => void;
}

class Semaphore {
  active = 0;
  readonly queue: Waiter[] = [];
  constructor(readonly limit: number) {}

  /** Returns a promise that resolves when a slot is taken. */
  take(signal: AbortSignal | undefined): Promise<void> {
    if (this.active < this.limit && this.queue.length === 0) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  give(): void {
    const next = this.queue.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next.grant();
    else this.active -= 1;
  }
}

export function createRequestLimiter(options: LimiterOptions = {}): RequestLimiter {
  const globalLimit = positive(options.global ?? 256, 'global');
  const perOriginLimit = positive(options.perOrigin ?? 6, 'perOrigin');
  const globalSlots = new Semaphore(globalLimit);
  const origins = new Map<string, Semaphore>();
  let started = 0;
  let peakActive = 0;
  let peakPerOrigin = 0;

  const originSlots = (origin: string): Semaphore => {
    let slots = origins.get(origin);
    if (!slots) {
      slots = new Semaphore(perOriginLimit);
      origins.set(origin, slots);
    }
    return slots;
  };

  return {
    global: globalLimit,
    perOrigin: perOriginLimit,
    async acquire(origin, signal) {
      const perOrigin = originSlots(origin);
      await perOrigin.take(signal);
      try {
        await globalSlots.take(signal);
      } catch (error) {
        releaseOrigin(origin, perOrigin);
        throw error;
      }
      started += 1;
      peakActive = Math.max(peakActive, globalSlots.active);
      peakPerOrigin = Math.max(peakPerOrigin, perOrigin.active);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        globalSlots.give();
        releaseOrigin(origin, perOrigin);
      };
    },
    counts() {
      const activeByOrigin: Record<string, number> = {};
      let queued = globalSlots.queue.length;
      for (const [origin, slots] of origins) {
        if (slots.active > 0) activeByOrigin[origin] = slots.active;
        queued += slots.queue.length;
      }
      return { active: globalSlots.active, queued, started, peakActive, peakPerOrigin, activeByOrigin };
    },
  };

  function releaseOrigin(origin: string, slots: Semaphore): void {
    slots.give();
    // Forget idle origins: a fleet of thousands of clouds must not grow this map forever.
    if (slots.active === 0 && slots.queue.length === 0) origins.delete(origin);
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`limiter ${name} must be a positive integer, got ${value}`);
  return value;
}
