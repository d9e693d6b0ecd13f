/**
 * The narrow interface resource modules (compute, network, image, placement)
 * use to talk to one service endpoint of one cloud and region. The HTTP layer
 * behind it owns tokens, transport rewriting, limits, retries and read-only.
 */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ServiceRequest {
  method?: HttpMethod;
  /**
   * Relative to the service's base URL ('servers/detail', '' for the root), or
   * absolute (a pagination link as the API returned it: the layer rewrites it
   * for the cloud's transport and checks it belongs to the cloud).
   */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** Defaults to true for GET/HEAD/PUT/DELETE, false otherwise. Only idempotent requests are retried. */
  idempotent?: boolean;
  /** Sent as is instead of a JSON `body` (image data); its Content-Type goes in `headers`. */
  binaryBody?: Blob;
  /** Read a 2xx answer as bytes (image data) rather than JSON. */
  binaryResponse?: BinaryResponseOptions;
}

export interface BinaryResponseOptions {
  /** Larger answers are abandoned and reported: the bytes are held in memory. */
  maxBytes: number;
  /** Bytes received so far, after each chunk. */
  onBytes?: (received: number) => void;
}

export interface ServiceResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  url: string;
  requestId?: string;
  /** The answer's bytes, when the request asked for `binaryResponse`. */
  bytes?: Uint8Array<ArrayBuffer>;
}

export interface ServiceHttp {
  readonly cloud: string;
  readonly region: string;
  /** Service type from the catalog, e.g. 'compute'. */
  readonly service: string;
  /** Version-resolved base URL as the catalog (or discovery) gives it, before transport rewriting. */
  readonly baseUrl: string;
  request(req: ServiceRequest): Promise<ServiceResponse>;
}
