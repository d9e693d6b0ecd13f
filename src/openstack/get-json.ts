import type { z } from 'zod';
import type { ServiceHttp, ServiceRequest, ServiceResponse } from './http/types.ts';
import { parseBody, type BodyContext } from './parse-body.ts';

/** Where a body came from, for errors that name the cloud, service and request. */
export function bodyContext(http: ServiceHttp, response: ServiceResponse): BodyContext {
  const cut = response.url.search(/[?#]/);
  return {
    cloud: http.cloud,
    region: http.region,
    service: http.service,
    url: cut < 0 ? response.url : response.url.slice(0, cut),
    requestId: response.requestId,
  };
}

/** One GET whose body must match `schema`; for the listings that are not paged. */
export async function getJson<S extends z.ZodType>(
  http: ServiceHttp,
  schema: S,
  request: Omit<ServiceRequest, 'method' | 'body'>,
): Promise<z.output<S>> {
  const response = await http.request({ ...request, method: 'GET' });
  return parseBody(schema, response.body, bodyContext(http, response));
}
