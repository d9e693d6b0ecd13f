import { isOpenStackError, type OpenStackError } from '../../openstack/index.ts';

/** What the console shows for a failure: a short headline, the API's own words, and the request id to quote to the cloud's operators. */
export interface ErrorDescription {
  headline: string;
  detail?: string;
  status?: number;
  requestId?: string;
  /** "ams / eu-west-1 / compute": where it happened. */
  where?: string;
}

const HEADLINES: Record<OpenStackError['kind'], string> = {
  network: 'Cannot reach the API (connection refused, DNS, or blocked by CORS)',
  timeout: 'The API did not answer in time',
  aborted: 'The request was cancelled',
  http: 'The API answered with an error',
  unauthorized: 'Sign-in rejected',
  forbidden: 'Not allowed for this role',
  'not-found': 'Not found',
  'invalid-response': 'The API sent a response the console cannot read',
  'read-only': 'Refused: the console is in read-only mode',
  config: 'Configuration problem',
  'pagination-loop': 'The API kept sending the same page',
};

export function describeError(error: unknown): ErrorDescription {
  if (isOpenStackError(error)) {
    return {
      headline: HEADLINES[error.kind],
      detail: error.apiMessage,
      status: error.status,
      requestId: error.requestId,
      where: [error.cloud, error.region, error.service].filter(Boolean).join(' / ') || undefined,
    };
  }
  if (error instanceof Error) return { headline: 'Unexpected error', detail: error.message };
  return { headline: 'Unexpected error', detail: String(error) };
}
