/** The public face of src/openstack: what src/fleet may use. */
export { OpenStackError, isOpenStackError, type OpenStackErrorDetails, type OpenStackErrorKind } from './errors.ts';
export type { HttpMethod, ServiceHttp, ServiceRequest, ServiceResponse } from './http/types.ts';
export {
  abortableSleep,
  createHttpPolicy,
  type FetchLike,
  type HttpPolicy,
  type HttpPolicyOverrides,
  type RequestEvent,
  type RequestObserver,
} from './http/http-policy.ts';
export { createRequestLimiter, type LimiterCounts, type LimiterOptions, type RequestLimiter } from './http/request-limiter.ts';
export type { RetrySettings } from './http/retry-policy.ts';
export { DIRECT, proxyPrefix, rewriteUrl, type Transport } from './http/transport.ts';
export {
  createCloudClient,
  type AuthMethod,
  type AvailableProject,
  type Catalog,
  type CloudClient,
  type CloudClientOptions,
  type CloudSession,
  type Interface,
  type ProjectScope,
} from './client.ts';
export { catalogRegions, endpointOrigins, endpointRegion, findEndpoint, type CatalogEndpoint, type CatalogService } from './keystone/catalog.ts';
export * from './compute/index.ts';
export * from './network/index.ts';
export * from './image/index.ts';
export * from './placement/index.ts';
