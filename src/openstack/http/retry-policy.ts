import type { HttpMethod } from './types.ts';

/**
 * Which failures are worth another attempt, and how long to wait. Pure: the
 * caller injects the clock and the random source so tests can pin delays.
 */
export interface RetrySettings {
  /** Total attempts, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Statuses that mean "not now" rather than "no": overload and gateway trouble. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * POST and PATCH may have taken effect even when the answer was lost, so they
 * are replayed only when the caller vouches for them.
 */
export function isIdempotent(method: HttpMethod, explicit?: boolean): boolean {
  if (explicit !== undefined) return explicit;
  return method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE';
}

export type AttemptOutcome = { kind: 'status'; status: number; retryAfter?: string | null } | { kind: 'network-error' };

export interface RetryInput {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  idempotent: boolean;
  outcome: AttemptOutcome;
  settings: RetrySettings;
  nowMs: number;
  random: () => number;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

export function decideRetry(input: RetryInput): RetryDecision {
  const { attempt, idempotent, outcome, settings } = input;
  if (!idempotent || attempt >= settings.maxAttempts) return { retry: false };
  if (outcome.kind === 'status' && !RETRYABLE_STATUSES.has(outcome.status)) return { retry: false };
  const hinted = outcome.kind === 'status' ? parseRetryAfter(outcome.retryAfter, input.nowMs) : undefined;
  const delayMs = hinted === undefined ? backoffDelay(attempt, settings, input.random) : Math.min(hinted, settings.maxDelayMs);
  return { retry: true, delayMs };
}

/**
 * "Full jitter": a uniform delay in [0, min(cap, base·2^(n-1))). Spreading
 * retries evenly keeps a fleet of clients from hammering a recovering service
 * in lockstep.
 */
export function backoffDelay(attempt: number, settings: RetrySettings, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After is either delta-seconds or an HTTP date; returns milliseconds from now, or undefined if unusable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
