import type { FetchLike } from '../openstack/index.ts';

/**
 * What the client contract suite needs from a backend (DESIGN.md, rule 1: one
 * contract, two backends). A target names the clouds to test, how to reach
 * them, and the facts the backend knows for sure, so the same assertions run
 * against the simulator and against real OpenStack services.
 */

/** The paged listings the console uses; their counts are the facts a backend may know. */
export const CONTRACT_LISTINGS = [
  'servers',
  'flavors',
  'keypairs',
  'hypervisors',
  'networks',
  'subnets',
  'routers',
  'ports',
  'floatingIps',
  'securityGroups',
  'images',
] as const;

export type ContractListing = (typeof CONTRACT_LISTINGS)[number];

/** The catalog service types the console calls. */
export const CONTRACT_SERVICES = ['identity', 'compute', 'network', 'image', 'placement'] as const;

export type ContractService = (typeof CONTRACT_SERVICES)[number];

/** What a test may need besides a service: the cloud's application credential can be missing too. */
export type ContractRequirement = ContractService | 'application-credential';

export interface ContractRegion {
  name: string;
  /**
   * Exact item counts, as seen by the cloud's admin user (servers with
   * all_tenants, public flavors, the user's own keypairs). A listing left out
   * is only checked for shape and for at least one item. `hypervisors: 0`
   * says the region has no compute host (a Nova API alone): the suite then
   * checks that nothing pretends otherwise.
   */
  counts: Partial<Record<ContractListing, number>>;
}

export interface ContractCloud {
  name: string;
  /** Keystone v3, e.g. `http://127.0.0.1:5000/v3`. */
  authUrl: string;
  /**
   * A user holding the admin role on `scope`: the suite lists hypervisors,
   * services, aggregates and resource providers, which Nova and Placement
   * keep for admins.
   */
  user: { username: string; userDomainName: string; password: string };
  scope: { projectName: string; projectDomainName: string };
  /** Bound to a project of the cloud; the suite signs in with it once. */
  applicationCredential: { id: string; secret: string };
  /** Every region of the cloud's catalog, each offering `services`. */
  regions: ContractRegion[];
  /** What every region's catalog offers; the suite checks that the others are refused as missing. */
  services: readonly ContractService[];
  /**
   * Why a requirement cannot be tested right now (a real service that did not
   * come up): its tests fail with this note, never pass.
   */
  unavailable: Partial<Record<ContractRequirement, string>>;
}

export interface ContractTarget {
  /** Appears in test titles: 'sim', 'lab'. */
  name: string;
  clouds: ContractCloud[];
  /** How the client reaches the clouds; rejects with a TypeError where a connection would be refused. */
  fetch: FetchLike;
}
