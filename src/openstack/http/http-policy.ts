import type { OpenStackError } from '../errors.ts';
import './no-eval.ts';
import { createRequestLimiter, type RequestLimiter } from './request-limiter.ts';
import type { RetrySettings } from './retry-policy.ts';
import type { HttpMethod } from './types.ts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One attempt as seen on the wire; what tests and benchmarks count. */
export interface RequestEvent {
  cloud: string;
  region?: string;
  service?: string;
  method: HttpMethod;
  /** Cloud URL without query, before transport rewriting. */
  url: string;
  /** 1-based; re-authentication and retries make further attempts. */
  attempt: number;
  status?: number;
  durationMs: number;
  tokenSent: boolean;
  error?: OpenStackError;
}

export type RequestObserver = (event: RequestEvent) => void;

/**
 * Everything the HTTP layer needs from the outside world. One policy is shared
 * by the whole fleet so the global concurrency limit is real, and everything
 * time- or randomness-dependent is injectable for tests.
 */
export interface HttpPolicy {
  fetch: FetchLike;
  limiter: RequestLimiter;
  /** Per attempt, from the moment the request leaves the queue. */
  timeoutMs: number;
  /** A response body past this size is abandoned and reported, never held in memory. */
  maxBodyBytes: number;
  retry: RetrySettings;
  isReadOnly: () => boolean;
  observers: RequestObserver[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Wall clock in epoch milliseconds: token expiry, Retry-After dates, durations. */
  now: () => number;
}

export interface HttpPolicyOverrides extends Partial<Omit<HttpPolicy, 'retry'>> {
  retry?: Partial<RetrySettings>;
}

export function createHttpPolicy(overrides: HttpPolicyOverrides = {}): HttpPolicy {
  return {
    fetch: overrides.fetch ?? globalThis.fetch.bind(globalThis),
    limiter: overrides.limiter ?? createRequestLimiter(),
    timeoutMs: overrides.timeoutMs ?? 30_000,
    // The biggest legitimate answer (a 1000-server page at the newest microversion) is a few MB.
    maxBodyBytes: overrides.maxBodyBytes ?? 32 * 1024 * 1024,
    retry: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000, ...overrides.retry },
    isReadOnly: overrides.isReadOnly ?? (() => false),
    observers: overrides.observers ?? [],
    sleep: overrides.sleep ?? abortableSleep,
    random: overrides.random ?? Math.random,
    now: overrides.now ?? Date.now,
  };
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
