/**
 * Every failure the client reports, whatever its cause, is an OpenStackError
 * that names the cloud (and, where known, region, service and request) so the
 * console can show "which cloud, what went wrong, which request id" without
 * parsing messages.
 */
export type OpenStackErrorKind =
  | 'network' // fetch rejected: refused, DNS, CORS blocked
  | 'timeout'
  | 'aborted'
  | 'http' // any other non-2xx answer
  | 'unauthorized' // 401 after the one re-authentication
  | 'forbidden' // 403: the role does not allow it
  | 'not-found'
  | 'invalid-response' // body is not JSON, or lacks a field we use
  | 'read-only' // refused before sending: the console is in read-only mode
  | 'config' // no endpoint for the service/region, bad auth settings
  | 'pagination-loop'; // a next link that repeats

export interface OpenStackErrorDetails {
  kind: OpenStackErrorKind;
  cloud: string;
  region?: string;
  service?: string;
  method?: string;
  /** URL without query string: query strings may carry markers but never secrets; we still keep errors small. */
  url?: string;
  status?: number;
  requestId?: string;
  /** The API's own message, taken from its error body. */
  apiMessage?: string;
  cause?: unknown;
}

export class OpenStackError extends Error {
  readonly kind: OpenStackErrorKind;
  readonly cloud: string;
  readonly region?: string;
  readonly service?: string;
  readonly method?: string;
  readonly url?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly apiMessage?: string;

  constructor(summary: string, details: OpenStackErrorDetails) {
    super(formatMessage(summary, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OpenStackError';
    this.kind = details.kind;
    this.cloud = details.cloud;
    this.region = details.region;
    this.service = details.service;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.requestId = details.requestId;
    this.apiMessage = details.apiMessage;
  }
}

function formatMessage(summary: string, d: OpenStackErrorDetails): string {
  const where = [d.cloud, d.region, d.service].filter(Boolean).join(' / ');
  const status = d.status === undefined ? '' : ` (HTTP ${d.status})`;
  const api = d.apiMessage ? `: ${d.apiMessage}` : '';
  const req = d.requestId ? ` [${d.requestId}]` : '';
  return `${where}: ${summary}${status}${api}${req}`;
}

export function isOpenStackError(value: unknown): value is OpenStackError {
  return value instanceof OpenStackError;
}
