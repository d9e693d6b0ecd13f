import type { CloudLayout } from './fleet-layout.ts';
import type { SimIdentity, SimRegion } from './fleet-model.ts';
import type { FleetSpec } from './fleet-spec.ts';
import type { SimToken, TokenStore } from './tokens.ts';

/** One simulated cloud as the request handlers see it. */
export interface SimCloud {
  index: number;
  layout: CloudLayout;
  identity: SimIdentity;
  origin: string;
  /** `role:member` fault: the user holds member+reader only, never admin. */
  memberOnly: boolean;
  /** Lifetime of new tokens, in seconds. */
  tokenLifetime: number;
  /** `cellsdown` fault: index of the cell that does not answer, or null. */
  downCell: number | null;
  /** `malformed` fault: the server listing is cut short mid-JSON. */
  malformed: boolean;
}

export interface KeystoneContext {
  request: Request;
  url: URL;
  /** Path below `/identity`, e.g. `/v3/auth/tokens`. */
  path: string;
  cloud: SimCloud;
  tokens: TokenStore;
  now: number;
  spec: FleetSpec;
}

/** A request to a regional service, after the token was validated. */
export interface ServiceContext {
  request: Request;
  url: URL;
  /** Path below the service root, e.g. `/v2.1/servers/detail`. */
  path: string;
  /** Absolute URL of the service root, e.g. `https://core.sim.invalid/eu-west-1/compute`. */
  root: string;
  cloud: SimCloud;
  region: SimRegion;
  token: SimToken;
  requestId: string;
  /** Reports the items of a listed page, which the fleet's per-item cost (`itemcost=`) makes dearer. */
  servedItems(count: number): void;
  /** Another region of the same cloud, as its catalog names it (Glance's glance-download reads the source region's images). */
  regionOf(name: string): SimRegion | undefined;
}
