import type { JsonObject } from './fleet-model.ts';
import { jsonResponse, textResponse } from './wire-http.ts';

/** Each OpenStack service formats its errors its own way; clients must cope with all of them. */
export type ServiceName = 'identity' | 'compute' | 'network' | 'image' | 'placement';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

// nova/api/openstack/wsgi.py Fault._fault_names; anything else is "computeFault".
const NOVA_FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

const NEUTRON_TYPES: Record<number, string> = {
  400: 'HTTPBadRequest',
  403: 'HTTPForbidden',
  404: 'HTTPNotFound',
  409: 'HTTPConflict',
  429: 'HTTPTooManyRequests',
  500: 'HTTPInternalServerError',
  503: 'HTTPServiceUnavailable',
};

export function reason(status: number): string {
  return REASONS[status] ?? 'Error';
}

export function errorBody(service: ServiceName, status: number, message: string, requestId: string, neutronType?: string): JsonObject {
  switch (service) {
    case 'identity':
      return { error: { code: status, message, title: reason(status) } };
    case 'compute':
      return { [NOVA_FAULT_NAMES[status] ?? 'computeFault']: { code: status, message } };
    case 'network':
      return { NeutronError: { type: neutronType ?? NEUTRON_TYPES[status] ?? 'HTTPError', message, detail: '' } };
    case 'image':
      // Glance errors are webob's JSON rendering of an HTTPException: its HTML template's line breaks stay in.
      return { message: `${message}<br /><br />\n\n\n`, code: `${status} ${reason(status)}`, title: reason(status) };
    case 'placement':
      // Placement gives most errors no code of its own.
      return { errors: [{ status, title: reason(status), detail: message, code: 'placement.undefined_code', request_id: requestId }] };
  }
}

export function errorResponse(
  service: ServiceName,
  status: number,
  message: string,
  requestId: string,
  headers?: Record<string, string>,
  neutronType?: string,
): Response {
  return jsonResponse(status, errorBody(service, status, message, requestId, neutronType), headers);
}

/** webob's error page, which Glance sends unless the client asks for JSON. */
export function webobErrorPage(status: number, message: string, headers?: Record<string, string>): Response {
  const title = `${status} ${reason(status)}`;
  const body = `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${message}<br /><br />\n\n\n\n </body>\n</html>`;
  return textResponse(status, body, headers, 'text/html; charset=UTF-8');
}

/**
 * keystonemiddleware rejects missing or invalid tokens before the service
 * sees the request, so every service answers 401 with the same Keystone-style
 * body and a WWW-Authenticate header pointing at Keystone.
 */
export function unauthorizedByMiddleware(keystoneUri: string): Response {
  return jsonResponse(
    401,
    { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } },
    { 'WWW-Authenticate': `Keystone uri="${keystoneUri}"` },
  );
}

/** What a load balancer in front of the API answers when the backend is gone. */
export function badGatewayResponse(): Response {
  return textResponse(
    502,
    '<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n',
    undefined,
    'text/html',
  );
}
