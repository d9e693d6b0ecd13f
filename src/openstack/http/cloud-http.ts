import { OpenStackError, type OpenStackErrorKind } from '../errors.ts';
import { extractApiError } from './api-error.ts';
import { BodyTooLargeError, readBodyText } from './read-body.ts';
import { readBodyBytes } from './read-body-bytes.ts';
import type { HttpPolicy, RequestEvent } from './http-policy.ts';
import { resolveServiceUrl, stripQuery } from './resolve-url.ts';
import { decideRetry, isIdempotent, type AttemptOutcome } from './retry-policy.ts';
import { httpOrigin, tokenAllowed, type TokenScope } from './token-scope.ts';
import { rewriteUrl, type Transport } from './transport.ts';
import type { BinaryResponseOptions, HttpMethod, ServiceHttp, ServiceResponse } from './types.ts';

/**
 * The only caller of `fetch` in the codebase. Every request belongs to one
 * cloud: this module decides whether it may carry that cloud's token, whether
 * read-only mode lets it leave, how long it may take, whether a failure is
 * retried, and turns every failure into an OpenStackError that names the cloud.
 */

/** How the client's session plugs in; the HTTP layer itself never signs in. */
export interface SessionHooks {
  /** The current token, renewed first if it is about to expire. */
  token(signal?: AbortSignal): Promise<string>;
  /** Called once after a 401 for `rejected`; resolves when a newer token is in place. Concurrent callers share one sign-in. */
  reauthenticate(rejected: string, signal?: AbortSignal): Promise<void>;
}

export interface CloudHttpOptions {
  cloud: string;
  policy: HttpPolicy;
  transport: Transport;
  /** Keystone's /v3/auth/tokens URL: signing in (POST) and out (DELETE) mutate no resource, so read-only mode lets exactly these through. */
  signInUrl: string;
  scope: () => TokenScope;
  session?: SessionHooks;
}

/** Which token a request carries: the session's, an explicit one (Keystone rescoping), or none (signing in). */
export type Credential = { kind: 'session' } | { kind: 'token'; token: string } | { kind: 'none' };

export interface CloudRequest {
  method: HttpMethod;
  /** Absolute cloud URL, query included, before transport rewriting. */
  url: string;
  region?: string;
  service?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  idempotent?: boolean;
  /** Defaults to the session's token. */
  credential?: Credential;
  /** Non-2xx statuses that are answers rather than failures (Glance version discovery replies 300). */
  acceptStatuses?: readonly number[];
  /** Secrets carried by this request; scrubbed from any API message that echoes them. */
  redact?: readonly string[];
  binaryBody?: Blob;
  binaryResponse?: BinaryResponseOptions;
}

export interface ServiceBinding {
  region: string;
  service: string;
  baseUrl: string;
}

export interface CloudHttp {
  readonly cloud: string;
  send(request: CloudRequest): Promise<ServiceResponse>;
  serviceHttp(binding: ServiceBinding): ServiceHttp;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);
const REQUEST_ID_HEADERS = ['x-openstack-request-id', 'x-compute-request-id'];

interface Context {
  cloud: string;
  region?: string;
  service?: string;
  method: HttpMethod;
  url: string;
}

type AttemptResult =
  | { kind: 'response'; response: Response; text: string; bytes?: Uint8Array<ArrayBuffer> }
  | { kind: 'failed'; error: OpenStackError; outcome?: AttemptOutcome };

export function createCloudHttp(options: CloudHttpOptions): CloudHttp {
  const { cloud, policy, transport } = options;

  async function send(request: CloudRequest): Promise<ServiceResponse> {
    const { method, signal } = request;
    const context: Context = { cloud, region: request.region, service: request.service, method, url: stripQuery(request.url) };
    if (httpOrigin(request.url) === undefined) {
      throw new OpenStackError(`${method} ${context.url}: not an absolute http(s) URL`, { kind: 'config', ...context });
    }
    if (policy.isReadOnly() && !SAFE_METHODS.has(method) && !((method === 'POST' || method === 'DELETE') && context.url === options.signInUrl)) {
      throw new OpenStackError(`${method} ${context.url} refused: the console is read-only`, { kind: 'read-only', ...context });
    }
    const credential = request.credential ?? { kind: 'session' };
    const idempotent = isIdempotent(method, request.idempotent);
    let reauthenticated = false;

    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw abortedError(context, signal.reason);
      const token = await tokenFor(credential, context, signal);
      const tokenSent = token !== undefined && tokenAllowed(options.scope(), request.url);
      const redact = token === undefined ? (request.redact ?? []) : [...(request.redact ?? []), token];
      const started = policy.now();
      const result = await attemptOnce(request, context, tokenSent ? token : undefined, redact);
      const event: RequestEvent = { ...context, attempt, durationMs: policy.now() - started, tokenSent };

      if (result.kind === 'failed') {
        notify({ ...event, error: result.error });
        const decision = result.outcome && retryDecision(result.outcome, attempt, idempotent);
        if (!decision || !decision.retry) throw result.error;
        await pause(decision.delayMs, context, signal);
        continue;
      }

      const { response, text } = result;
      const { status } = response;
      if (status === 401 && credential.kind === 'session' && tokenSent && token !== undefined && !reauthenticated && options.session) {
        notify({ ...event, status, error: httpError(response, text, context, redact) });
        reauthenticated = true;
        await options.session.reauthenticate(token, signal);
        continue;
      }
      if ((status >= 200 && status < 300) || request.acceptStatuses?.includes(status)) {
        const parsed = parseJson(text, response, context);
        notify({ ...event, status, error: parsed.ok ? undefined : parsed.error });
        if (!parsed.ok) throw parsed.error;
        return { status, headers: response.headers, body: parsed.body, url: request.url, requestId: headerRequestId(response.headers), bytes: result.bytes };
      }
      const error = httpError(response, text, context, redact);
      notify({ ...event, status, error });
      const decision = retryDecision({ kind: 'status', status, retryAfter: response.headers.get('retry-after') }, attempt, idempotent);
      if (!decision.retry) throw error;
      await pause(decision.delayMs, context, signal);
    }
  }

  async function tokenFor(credential: Credential, context: Context, signal?: AbortSignal): Promise<string | undefined> {
    if (credential.kind === 'none') return undefined;
    if (credential.kind === 'token') return credential.token;
    if (!options.session) throw new OpenStackError('no session to authenticate the request', { kind: 'config', ...context });
    return options.session.token(signal);
  }

  async function attemptOnce(request: CloudRequest, context: Context, token: string | undefined, redact: readonly string[]): Promise<AttemptResult> {
    const target = rewriteUrl(transport, cloud, request.url);
    // Proxied URLs are same-origin paths: they all share the page's own connection pool.
    const limiterKey = httpOrigin(target) ?? 'same-origin';
    let release: () => void;
    try {
      release = await policy.limiter.acquire(limiterKey, request.signal);
    } catch (cause) {
      return { kind: 'failed', error: abortedError(context, cause) };
    }
    const timeout = new AbortController();
    const onCallerAbort = () => timeout.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    const onTimeout = () => {
      timedOut = true;
      timeout.abort(new DOMException('timed out', 'TimeoutError'));
    };
    let timer = setTimeout(onTimeout, uploadTimeoutMs(policy.timeoutMs, request.binaryBody));
    // A download may take long; only a pause of timeoutMs between chunks counts as a timeout.
    const stillReceiving = () => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, policy.timeoutMs);
    };
    try {
      const response = await policy.fetch(target, {
        method: request.method,
        headers: buildHeaders(request, token),
        body: request.binaryBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
        signal: timeout.signal,
        credentials: 'omit',
        // A redirect would carry X-Auth-Token to wherever Location points: never follow one with a token.
        redirect: token === undefined ? 'follow' : 'manual',
      });
      const binary = request.binaryResponse;
      if (binary && response.ok) {
        const bytes = await readBodyBytes(response, binary.maxBytes, (received) => {
          stillReceiving();
          binary.onBytes?.(received);
        });
        return { kind: 'response', response, text: '', bytes };
      }
      const text = await readBodyText(response, policy.maxBodyBytes);
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && !request.acceptStatuses?.includes(response.status))) {
        return { kind: 'failed', error: redirectError(response, context) };
      }
      return { kind: 'response', response, text };
    } catch (cause) {
      if (request.signal?.aborted) return { kind: 'failed', error: abortedError(context, cause) };
      if (cause instanceof BodyTooLargeError) {
        return {
          kind: 'failed',
          error: new OpenStackError(`${context.method} ${context.url}: response too large`, { kind: 'invalid-response', ...context, apiMessage: cause.message, cause }),
        };
      }
      if (timedOut) {
        // Not retried: a timeout already cost timeoutMs, and retrying would multiply the wait before the view can say so.
        return {
          kind: 'failed',
          error: new OpenStackError(`${context.method} ${context.url} timed out after ${policy.timeoutMs} ms`, { kind: 'timeout', ...context, cause }),
        };
      }
      const reason = cause instanceof Error ? scrub(cause.message, redact) : undefined;
      return {
        kind: 'failed',
        error: new OpenStackError(`${context.method} ${context.url}: network error (refused, DNS, TLS or CORS)`, {
          kind: 'network',
          ...context,
          apiMessage: reason,
          cause,
        }),
        outcome: { kind: 'network-error' },
      };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
      release();
    }
  }

  function retryDecision(outcome: AttemptOutcome, attempt: number, idempotent: boolean) {
    return decideRetry({ attempt, idempotent, outcome, settings: policy.retry, nowMs: policy.now(), random: policy.random });
  }

  async function pause(ms: number, context: Context, signal?: AbortSignal): Promise<void> {
    try {
      await policy.sleep(ms, signal);
    } catch (cause) {
      throw abortedError(context, cause);
    }
  }

  function notify(event: RequestEvent): void {
    for (const observer of policy.observers) {
      try {
        observer(event);
      } catch {
        // Observers count and measure; a broken one must not change what the caller gets.
      }
    }
  }

  // One ServiceHttp per endpoint for the client's life: what is learnt about an
  // endpoint (its negotiated microversion) is keyed on it, so a refresh must not
  // ask the version document again.
  const boundServices = new Map<string, ServiceHttp>();

  function serviceHttp(binding: ServiceBinding): ServiceHttp {
    const key = `${binding.service}\n${binding.region}\n${binding.baseUrl}`;
    const known = boundServices.get(key);
    if (known) return known;
    const bound = bindService(binding);
    boundServices.set(key, bound);
    return bound;
  }

  function bindService(binding: ServiceBinding): ServiceHttp {
    return {
      cloud,
      region: binding.region,
      service: binding.service,
      baseUrl: binding.baseUrl,
      async request(req) {
        const method = req.method ?? 'GET';
        const url = resolveServiceUrl(binding.baseUrl, req.url, req.query);
        if (!tokenAllowed(options.scope(), url)) {
          // A link pointing off-cloud is never followed, with or without the token.
          throw new OpenStackError(`${method} ${stripQuery(url)}: URL is outside the cloud's catalog`, {
            kind: 'config',
            cloud,
            region: binding.region,
            service: binding.service,
            method,
            url: stripQuery(url),
          });
        }
        return send({
          method,
          url,
          region: binding.region,
          service: binding.service,
          headers: req.headers,
          body: req.body,
          signal: req.signal,
          idempotent: req.idempotent,
          binaryBody: req.binaryBody,
          binaryResponse: req.binaryResponse,
        });
      },
    };
  }

  return { cloud, send, serviceHttp };
}

/** An upload is given time for its size: at least 1 MiB/s on top of the usual timeout. */
function uploadTimeoutMs(timeoutMs: number, body: Blob | undefined): number {
  return body === undefined ? timeoutMs : timeoutMs + Math.ceil(body.size / 1024);
}

function buildHeaders(request: CloudRequest, token: string | undefined): Headers {
  const headers = new Headers(request.headers);
  // Only this layer decides where a token goes.
  headers.delete('x-auth-token');
  if (!headers.has('accept')) headers.set('Accept', 'application/json');
  if (request.body !== undefined && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
  if (token !== undefined) headers.set('X-Auth-Token', token);
  return headers;
}

type ParsedBody = { ok: true; body: unknown } | { ok: false; error: OpenStackError };

function parseJson(text: string, response: Response, context: Context): ParsedBody {
  if (text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (cause) {
    return {
      ok: false,
      error: new OpenStackError(`${context.method} ${context.url}: response is not valid JSON`, {
        kind: 'invalid-response',
        ...context,
        status: response.status,
        requestId: headerRequestId(response.headers),
        cause,
      }),
    };
  }
}

function httpError(response: Response, text: string, context: Context, redact: readonly string[]): OpenStackError {
  const api = extractApiError(text);
  return new OpenStackError(`${context.method} ${context.url} failed`, {
    kind: kindForStatus(response.status),
    ...context,
    status: response.status,
    requestId: headerRequestId(response.headers) ?? api.requestId,
    apiMessage: api.message === undefined ? undefined : scrub(api.message, redact),
  });
}

function redirectError(response: Response, context: Context): OpenStackError {
  return new OpenStackError(`${context.method} ${context.url}: redirect not followed (a token never follows a redirect)`, {
    kind: 'http',
    ...context,
    status: response.status === 0 ? undefined : response.status,
    requestId: headerRequestId(response.headers),
  });
}

function abortedError(context: Context, cause: unknown): OpenStackError {
  return new OpenStackError(`${context.method} ${context.url} aborted`, { kind: 'aborted', ...context, cause });
}

function kindForStatus(status: number): OpenStackErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'http';
}

function headerRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function scrub(message: string, secrets: readonly string[]): string {
  let result = message;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('***');
  }
  return result;
}
