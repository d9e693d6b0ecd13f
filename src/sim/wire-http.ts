import type { Json } from './fleet-model.ts';

/**
 * Response helpers shared by every simulated service. Bodies are serialized
 * straight from the stored records; nothing is deep-copied per request.
 */
export const CORS_ALLOW_HEADERS = [
  'X-Auth-Token',
  'X-Subject-Token',
  'Content-Type',
  'OpenStack-API-Version',
  'X-OpenStack-Nova-API-Version',
  'X-OpenStack-Request-Id',
] as const;

// Retry-After is not a CORS-safelisted response header: a browser client can
// only honour it if the cloud exposes it, so the simulated clouds do.
export const CORS_EXPOSE_HEADERS = [
  'X-Subject-Token',
  'X-OpenStack-Request-Id',
  'OpenStack-API-Version',
  'X-OpenStack-Nova-API-Version',
  'X-Compute-Request-Id',
  'Retry-After',
] as const;

export const CORS_ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
export const CORS_MAX_AGE = '3600';

const SIMPLE_REQUEST_HEADERS = new Set(['accept', 'accept-language', 'content-language']);
const ALLOWED = new Set([...CORS_ALLOW_HEADERS.map((h) => h.toLowerCase()), ...SIMPLE_REQUEST_HEADERS]);

export function jsonResponse(status: number, body: Json, headers?: Record<string, string>): Response {
  return textResponse(status, JSON.stringify(body), headers);
}

export function textResponse(status: number, body: string | null, headers?: Record<string, string>, contentType = 'application/json'): Response {
  const h = new Headers(headers);
  if (body !== null && !h.has('Content-Type')) h.set('Content-Type', contentType);
  return new Response(body, { status, headers: h });
}

/** Like oslo.middleware's CORS filter with every origin allowed: echo the Origin, never `*` (credentials are allowed). */
export function addCorsHeaders(headers: Headers, origin: string | null): void {
  if (origin === null) return;
  headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Allow-Credentials', 'true');
  headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS.join(', '));
  headers.append('Vary', 'Origin');
}

/**
 * oslo.middleware answers a preflight with 200 either way, but leaves the CORS
 * headers out when a requested header is not allowed, so the browser fails it.
 */
export function preflightResponse(request: Request): Response {
  const origin = request.headers.get('Origin');
  const headers = new Headers({ 'Content-Length': '0' });
  const requested = (request.headers.get('Access-Control-Request-Headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  if (origin !== null && requested.every((h) => ALLOWED.has(h))) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true');
    headers.set('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
    headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS.join(', '));
    headers.set('Access-Control-Max-Age', CORS_MAX_AGE);
    headers.set('Vary', 'Origin');
  }
  return new Response(null, { status: 200, headers });
}

/** Reads a body that may be empty or not JSON, without throwing. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
