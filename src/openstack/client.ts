import { createComputeApi, type ComputeApi } from './compute/compute-api.ts';
import { OpenStackError } from './errors.ts';
import { createCloudHttp } from './http/cloud-http.ts';
import { createHttpPolicy, type HttpPolicy } from './http/http-policy.ts';
import { DIRECT, proxyPrefix, type Transport } from './http/transport.ts';
import type { ServiceHttp } from './http/types.ts';
import { createImageApi, type ImageApi } from './image/image-api.ts';
import type { AuthMethod, ProjectScope } from './keystone/auth-body.ts';
import { signInUrl } from './keystone/auth-url.ts';
import { authenticate, type KeystoneToken } from './keystone/authenticate.ts';
import { catalogRegions, endpointOrigins, findEndpoint, type Catalog, type Interface } from './keystone/catalog.ts';
import { createVersionDiscovery } from './keystone/discovery.ts';
import { listAuthProjects, type AvailableProject } from './keystone/list-auth-projects.ts';
import { revokeToken } from './keystone/revoke-token.ts';
import { createNetworkApi, type NetworkApi } from './network/network-api.ts';
import { createPlacementApi, type PlacementApi } from './placement/placement-api.ts';

export type { AuthMethod, ProjectScope } from './keystone/auth-body.ts';
export type { AvailableProject } from './keystone/list-auth-projects.ts';
export type { Catalog, Interface } from './keystone/catalog.ts';

export interface CloudClientOptions {
  /** Registry name; appears in every error. */
  cloud: string;
  authUrl: string;
  auth: AuthMethod;
  scope?: ProjectScope;
  /** Restrict to these regions; default: every region of the catalog. */
  regionName?: string | string[];
  /** Default 'public'. */
  interface?: Interface;
  /** Default direct. */
  transport?: Transport;
  /** Shared across the fleet; default createHttpPolicy(). */
  policy?: HttpPolicy;
}

/**
 * A signed-in cloud. `token` is a non-enumerable property: it is there for
 * whoever needs it on purpose, but JSON.stringify, spreading, console output
 * and toString() leave it out, so a logged session leaks nothing.
 */
export interface CloudSession {
  readonly token: string;
  expiresAt: Date;
  issuedAt: Date;
  user: { id: string; name: string; domainName?: string };
  project?: { id: string; name: string; domainName?: string };
  roles: string[];
  catalog: Catalog;
  regions: string[];
}

export interface CloudClient {
  readonly cloud: string;
  /**
   * (Re)authenticates and replaces the session; concurrent calls share one
   * sign-in. The token it replaces is revoked in the background, so the cloud
   * keeps one live token per client however often it is asked to sign in.
   */
  signIn(signal?: AbortSignal): Promise<CloudSession>;
  session(): CloudSession | undefined;
  /** Forgets the session locally (no Keystone call, so read-only mode never blocks it). */
  signOut(): void;
  /**
   * Revokes at Keystone (DELETE /v3/auth/tokens) the session's token and every
   * token signOut let go of, forgets the session, and ends the client: a
   * request still in flight cannot sign it in again. Resolves to the number of
   * tokens revoked.
   */
  revoke(signal?: AbortSignal): Promise<number>;
  /** The projects the signed-in user may scope to (GET /v3/auth/projects), signing in first if needed. */
  projects(signal?: AbortSignal): Promise<AvailableProject[]>;
  regions(): string[];
  /** Resolves the endpoint (and its version), signing in first if needed. */
  serviceHttp(serviceType: string, region: string, signal?: AbortSignal): Promise<ServiceHttp>;
  compute(region: string): Promise<ComputeApi>;
  network(region: string): Promise<NetworkApi>;
  image(region: string): Promise<ImageApi>;
  placement(region: string): Promise<PlacementApi>;
}

/** A token this close to expiry is renewed before use rather than risk a 401 mid-listing. */
const RENEW_BEFORE_MS = 60_000;

export function createCloudClient(options: CloudClientOptions): CloudClient {
  const { cloud, authUrl } = options;
  const policy = options.policy ?? createHttpPolicy();
  const transport = options.transport ?? DIRECT;
  const configuredRegions = options.regionName === undefined ? undefined : [options.regionName].flat();
  const discovery = createVersionDiscovery();
  let tokensUrl: string;
  try {
    tokensUrl = signInUrl(authUrl);
  } catch (cause) {
    throw new OpenStackError(`auth_url '${authUrl}' is not an http(s) URL`, { kind: 'config', cloud, service: 'identity', cause });
  }

  let current: CloudSession | undefined;
  // Computed once per session: the token scope is consulted on every request.
  let currentOrigins: string[] = [];
  let inflight: Promise<CloudSession> | undefined;
  // Bumped by signOut so a sign-in still in flight cannot bring the session back.
  let generation = 0;
  // Set by revoke: the client is done for good, so nothing signs it in behind the operator's back.
  let revoked = false;
  // Tokens signOut let go of: still valid at Keystone until they expire, so revoke() revokes them too.
  const dropped = new Set<string>();

  const http = createCloudHttp({
    cloud,
    policy,
    transport,
    signInUrl: tokensUrl,
    scope: () => ({
      authUrl,
      catalogOrigins: currentOrigins,
      proxyPrefix: proxyPrefix(transport, cloud),
    }),
    session: {
      token: async (signal) => (await freshSession(signal)).token,
      async reauthenticate(rejected, signal) {
        // Another request already replaced the rejected token: use the new one.
        if (current && current.token !== rejected) return;
        await signIn(signal);
      },
    },
  });

  function signIn(signal?: AbortSignal): Promise<CloudSession> {
    if (revoked) return Promise.reject(new OpenStackError('signed out: this session was revoked', { kind: 'aborted', cloud, service: 'identity' }));
    if (!inflight) {
      const started = generation;
      // Not tied to the first caller's signal: others may be waiting on the same sign-in.
      inflight = authenticate({ cloud, authUrl, auth: options.auth, scope: options.scope, send: http.send, now: policy.now })
        .then((token) => {
          const session = makeSession(cloud, token, configuredRegions);
          if (generation === started) {
            current = session;
            currentOrigins = endpointOrigins(session.catalog);
          }
          return session;
        })
        .finally(() => {
          inflight = undefined;
        });
    }
    return abortable(inflight, signal, cloud);
  }

  async function freshSession(signal?: AbortSignal): Promise<CloudSession> {
    if (current && current.expiresAt.getTime() - policy.now() > RENEW_BEFORE_MS) return current;
    return signIn(signal);
  }

  async function serviceHttp(serviceType: string, region: string, signal?: AbortSignal): Promise<ServiceHttp> {
    if (configuredRegions && !configuredRegions.includes(region)) {
      throw new OpenStackError(`region '${region}' is not among the configured regions (${configuredRegions.join(', ')})`, {
        kind: 'config',
        cloud,
        region,
        service: serviceType,
      });
    }
    const session = await freshSession(signal);
    if (session.catalog.length === 0) {
      throw new OpenStackError('the token has no catalog: the user has no project to scope to', {
        kind: 'config',
        cloud,
        region,
        service: serviceType,
      });
    }
    const catalogUrl = findEndpoint(session.catalog, { cloud, serviceType, region, interface: options.interface });
    const baseUrl = await discovery.resolve({ cloud, region, serviceType, catalogUrl, send: http.send, signal });
    return http.serviceHttp({ region, service: serviceType, baseUrl });
  }

  function signOut() {
    if (current) dropped.add(current.token);
    generation += 1;
    current = undefined;
    currentOrigins = [];
  }

  async function revoke(signal?: AbortSignal): Promise<number> {
    const pending = inflight;
    revoked = true;
    signOut();
    const tokens = new Set(dropped);
    dropped.clear();
    // A sign-in still in flight issues a token nobody will use: it is revoked too, rather than left valid until it expires.
    const late = await pending?.catch(() => undefined);
    if (late) tokens.add(late.token);
    for (const token of tokens) await revokeToken({ authUrl, token, send: http.send, signal });
    return tokens.size;
  }

  async function signInAgain(signal?: AbortSignal): Promise<CloudSession> {
    const previous = current;
    const session = await signIn(signal);
    if (previous && current === session && previous.token !== session.token) {
      // Best effort: a token Keystone fails to revoke just lives out its (short) life.
      revokeToken({ authUrl, token: previous.token, send: http.send }).catch(() => undefined);
    }
    return session;
  }

  return {
    cloud,
    signIn: signInAgain,
    session: () => current,
    signOut,
    revoke,
    projects: async (signal) => listAuthProjects({ cloud, authUrl, token: (await freshSession(signal)).token, send: http.send, signal }),
    regions: () => configuredRegions ?? current?.regions ?? [],
    serviceHttp,
    compute: async (region) => createComputeApi(await serviceHttp('compute', region)),
    network: async (region) => createNetworkApi(await serviceHttp('network', region)),
    image: async (region) => createImageApi(await serviceHttp('image', region)),
    placement: async (region) => createPlacementApi(await serviceHttp('placement', region)),
  };
}

function makeSession(cloud: string, token: KeystoneToken, configuredRegions: string[] | undefined): CloudSession {
  const session = {
    expiresAt: token.expiresAt,
    issuedAt: token.issuedAt,
    user: token.user,
    project: token.project,
    roles: token.roles,
    catalog: token.catalog,
    regions: configuredRegions ?? catalogRegions(token.catalog),
  };
  const where = `${token.user.name}@${token.project?.name ?? '(unscoped)'}`;
  Object.defineProperties(session, {
    token: { value: token.token, enumerable: false },
    toString: { value: () => `[CloudSession ${cloud} ${where} until ${token.expiresAt.toISOString()}]`, enumerable: false },
  });
  return session as CloudSession;
}

/** Lets one waiter give up on a shared promise without cancelling it for the others. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, cloud: string): Promise<T> {
  if (!signal) return promise;
  const aborted = () => new OpenStackError('sign-in aborted', { kind: 'aborted', cloud, service: 'identity', cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
