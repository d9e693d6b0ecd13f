import {
  createCloudClient,
  createHttpPolicy,
  isOpenStackError,
  type AuthMethod,
  type CloudClient,
  type FetchLike,
  type HttpPolicyOverrides,
  type OpenStackError,
  type RequestEvent,
} from '../openstack/index.ts';
import type { ContractCloud } from './contract-target.ts';

/** One request as it left for the backend, after the HTTP layer decided on the token. */
export interface WireCall {
  method: string;
  url: string;
  token: string | null;
}

export interface ContractClient {
  client: CloudClient;
  /** What the client's request observers saw: one event per attempt. */
  events: RequestEvent[];
  /** What actually reached `fetch`. */
  wire: WireCall[];
}

export function passwordAuth(cloud: ContractCloud, password = cloud.user.password): AuthMethod {
  return { type: 'password', ...cloud.user, password };
}

export function applicationCredentialAuth(cloud: ContractCloud): AuthMethod {
  return { type: 'applicationCredential', ...cloud.applicationCredential };
}

export interface ContractClientOptions {
  auth?: AuthMethod;
  /** Everything but fetch and observers, which the harness owns. */
  policy?: Omit<HttpPolicyOverrides, 'fetch' | 'observers'>;
}

/** A real client for one cloud, recording both what it observed and what went over the wire. */
export function contractClient(fetch: FetchLike, cloud: ContractCloud, options: ContractClientOptions = {}): ContractClient {
  const events: RequestEvent[] = [];
  const wire: WireCall[] = [];
  const recording: FetchLike = (url, init) => {
    wire.push({ method: init.method ?? 'GET', url, token: new Headers(init.headers).get('x-auth-token') });
    return fetch(url, init);
  };
  const policy = createHttpPolicy({ ...options.policy, fetch: recording, observers: [(event) => events.push(event)] });
  const auth = options.auth ?? passwordAuth(cloud);
  // An application credential carries its own project: the client drops a scope next to it anyway.
  const client = createCloudClient({ cloud: cloud.name, authUrl: cloud.authUrl, auth, scope: cloud.scope, policy });
  return { client, events, wire };
}

/** The OpenStackError a call must fail with; success or any other error fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<OpenStackError> {
  const outcome: unknown = await promise.then(
    () => new Error('expected the call to fail, but it succeeded'),
    (error: unknown) => error,
  );
  if (!isOpenStackError(outcome)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
  return outcome;
}

/** The first page only; the listing stops there and asks for no more. */
export async function firstPage<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  for await (const page of pages) return page;
  return [];
}
