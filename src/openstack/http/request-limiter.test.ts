import { describe, expect, it } from 'vitest';
import { createRequestLimiter, type Release } from './request-limiter.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('request limiter', () => {
  it('defaults to the browser limits', () => {
    const limiter = createRequestLimiter();
    expect([limiter.global, limiter.perOrigin]).toEqual([256, 6]);
  });

  it('holds a seventh request to one origin until a slot frees, while other origins proceed', async () => {
    const limiter = createRequestLimiter();
    const releases = await Promise.all(Array.from({ length: 6 }, () => limiter.acquire('https://a')));
    let seventh: Release | undefined;
    void limiter.acquire('https://a').then((release) => (seventh = release));
    const other = await limiter.acquire('https://b');
    await flush();
    expect(seventh).toBeUndefined();
    expect(limiter.counts()).toMatchObject({ active: 7, queued: 1, activeByOrigin: { 'https://a': 6, 'https://b': 1 } });

    releases[0]?.();
    await flush();
    expect(seventh).toBeDefined();
    expect(limiter.counts().peakPerOrigin).toBe(6);
    other();
  });

  it('enforces the global limit across origins', async () => {
    const limiter = createRequestLimiter({ global: 2, perOrigin: 6 });
    const a = await limiter.acquire('https://a');
    await limiter.acquire('https://b');
    let third = false;
    void limiter.acquire('https://c').then(() => (third = true));
    await flush();
    expect(third).toBe(false);
    a();
    await flush();
    expect(third).toBe(true);
    expect(limiter.counts().peakActive).toBe(2);
  });

  it('grants waiting requests in FIFO order', async () => {
    const limiter = createRequestLimiter({ global: 1, perOrigin: 1 });
    const first = await limiter.acquire('https://a');
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      limiter.acquire('https://a').then((release) => {
        order.push(n);
        release();
      }),
    );
    first();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it('drops an aborted waiter from the queue without taking a slot', async () => {
    const limiter = createRequestLimiter({ global: 1, perOrigin: 1 });
    const first = await limiter.acquire('https://a');
    const controller = new AbortController();
    const aborted = limiter.acquire('https://a', controller.signal);
    let nextGranted = false;
    void limiter.acquire('https://a').then(() => (nextGranted = true));
    expect(limiter.counts().queued).toBe(2);

    controller.abort(new Error('user navigated away'));
    await expect(aborted).rejects.toThrow('user navigated away');
    expect(limiter.counts().queued).toBe(1);
    first();
    await flush();
    expect(nextGranted).toBe(true);
    expect(limiter.counts().active).toBe(1);
  });

  it('releases a slot only once even if release is called twice', async () => {
    const limiter = createRequestLimiter({ global: 2, perOrigin: 2 });
    const a = await limiter.acquire('https://a');
    await limiter.acquire('https://a');
    a();
    a();
    expect(limiter.counts().active).toBe(1);
  });
});
