import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, isIdempotent, parseRetryAfter, type RetryInput } from './retry-policy.ts';

const settings = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000 };
const NOW = Date.parse('2026-01-01T00:00:00Z');

function input(overrides: Partial<RetryInput>): RetryInput {
  return { attempt: 1, idempotent: true, outcome: { kind: 'status', status: 503 }, settings, nowMs: NOW, random: () => 0.5, ...overrides };
}

describe('retry policy', () => {
  it('treats GET/HEAD/PUT/DELETE as idempotent and POST/PATCH only when told so', () => {
    expect(['GET', 'HEAD', 'PUT', 'DELETE'].map((m) => isIdempotent(m as 'GET'))).toEqual([true, true, true, true]);
    expect(isIdempotent('POST')).toBe(false);
    expect(isIdempotent('PATCH')).toBe(false);
    expect(isIdempotent('POST', true)).toBe(true);
    expect(isIdempotent('GET', false)).toBe(false);
  });

  it.each([429, 502, 503, 504])('retries %i for idempotent requests', (status) => {
    expect(decideRetry(input({ outcome: { kind: 'status', status } })).retry).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 500, 501])('does not retry %i', (status) => {
    expect(decideRetry(input({ outcome: { kind: 'status', status } }))).toEqual({ retry: false });
  });

  it('never retries a non-idempotent request, even on 503 or a network error', () => {
    expect(decideRetry(input({ idempotent: false }))).toEqual({ retry: false });
    expect(decideRetry(input({ idempotent: false, outcome: { kind: 'network-error' } }))).toEqual({ retry: false });
  });

  it('retries network errors for idempotent requests', () => {
    expect(decideRetry(input({ outcome: { kind: 'network-error' } })).retry).toBe(true);
  });

  it('stops after maxAttempts', () => {
    expect(decideRetry(input({ attempt: 3 })).retry).toBe(true);
    expect(decideRetry(input({ attempt: 4 }))).toEqual({ retry: false });
  });

  it('uses full jitter below an exponentially growing, capped ceiling', () => {
    expect(backoffDelay(1, settings, () => 0.5)).toBe(250);
    expect(backoffDelay(3, settings, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, settings, () => 0)).toBe(0);
    expect(backoffDelay(20, settings, () => 0.999)).toBe(19_980);
  });

  it('honours Retry-After in seconds and as an HTTP date, capped at maxDelayMs', () => {
    expect(decideRetry(input({ outcome: { kind: 'status', status: 429, retryAfter: '3' } }))).toEqual({ retry: true, delayMs: 3000 });
    const inSeven = new Date(NOW + 7000).toUTCString();
    expect(decideRetry(input({ outcome: { kind: 'status', status: 503, retryAfter: inSeven } }))).toEqual({ retry: true, delayMs: 7000 });
    expect(decideRetry(input({ outcome: { kind: 'status', status: 503, retryAfter: '3600' } }))).toEqual({ retry: true, delayMs: 20_000 });
  });

  it('ignores unusable Retry-After values and never returns a negative delay', () => {
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
  });
});
