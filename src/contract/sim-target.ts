import type { FetchLike } from '../openstack/index.ts';
import { faultsFor } from '../sim/fleet-spec.ts';
// The fleet model is the simulator's own truth; the public API only serves it as HTTP.
// Counting from it checks that the wire shows every generated record, no more, no less.
import { generateFleet } from '../sim/generate-fleet.ts';
import { createSimFleet, type FleetSpec, type SimCloudInfo, type SimFleet, type SimFleetOptions } from '../sim/index.ts';
import type { SimRegion } from '../sim/fleet-model.ts';
import { CONTRACT_SERVICES, type ContractCloud, type ContractListing, type ContractRegion, type ContractTarget } from './contract-target.ts';

export interface SimTargetOptions extends Partial<SimFleetOptions> {
  /** Names of the clouds to test; default: the first cloud of each kind (regional, site, edge). */
  clouds?: readonly string[];
}

export interface SimTarget extends ContractTarget {
  sim: SimFleet;
}

/** Unroutable names: nothing can reach a real host by mistake. */
export const simOriginFor = (cloud: string): string => `https://${cloud}.sim.invalid`;

/**
 * `fetch` for a simulated fleet, in-process. An origin the fleet does not
 * serve fails the way a refused connection does; a `down` cloud already
 * rejects inside `handle`.
 */
export function simFetch(sim: SimFleet): FetchLike {
  return async (url, init) => {
    const response = await sim.handle(new Request(url, init));
    if (response === undefined) throw new TypeError('Failed to fetch');
    return response;
  };
}

export function createSimTarget(spec: FleetSpec | string, options: SimTargetOptions = {}): SimTarget {
  const sim = createSimFleet(spec, { ...options, originFor: options.originFor ?? simOriginFor });
  const model = generateFleet(sim.spec);
  const all = sim.clouds();
  const chosen = options.clouds === undefined ? firstOfEachKind(all) : options.clouds.map((name) => cloudNamed(all, name));
  const clouds = chosen.map((info): ContractCloud => {
    const index = all.indexOf(info);
    // A fault changes what a listing returns (cellsdown, role:member): the counts would be wrong.
    const healthy = Object.keys(faultsFor(sim.spec, info.name)).length === 0;
    return {
      name: info.name,
      authUrl: info.authUrl,
      user: { username: info.username, userDomainName: info.userDomainName, password: info.password },
      scope: { projectName: info.projectName, projectDomainName: info.projectDomainName },
      applicationCredential: { id: info.applicationCredentialId, secret: info.applicationCredentialSecret },
      regions: info.regions.map(
        (name): ContractRegion => ({ name, counts: healthy ? adminCounts(model.region(index, name)) : {} }),
      ),
      // Every simulated region serves every service, and a simulated service is never missing.
      services: CONTRACT_SERVICES,
      unavailable: {},
    };
  });
  return { name: 'sim', sim, clouds, fetch: simFetch(sim) };
}

/** What the admin user sees: every project's records, public flavors, its own keypairs. */
function adminCounts(region: SimRegion): Record<ContractListing, number> {
  return {
    servers: region.servers.length,
    flavors: region.flavors.filter((flavor) => flavor.isPublic).length,
    keypairs: region.keypairs.length,
    hypervisors: region.hypervisors.length,
    networks: region.networks.length,
    subnets: region.subnets.length,
    routers: region.routers.length,
    ports: region.portOrder.length,
    floatingIps: region.floatingIps.length,
    securityGroups: region.securityGroups.length,
    images: region.images.length,
  };
}

function firstOfEachKind(clouds: readonly SimCloudInfo[]): SimCloudInfo[] {
  const byKind = new Map<string, SimCloudInfo>();
  for (const cloud of clouds) if (!byKind.has(cloud.kind)) byKind.set(cloud.kind, cloud);
  return [...byKind.values()];
}

function cloudNamed(clouds: readonly SimCloudInfo[], name: string): SimCloudInfo {
  const cloud = clouds.find((c) => c.name === name);
  if (!cloud) throw new Error(`no cloud '${name}' in the simulated fleet (${clouds.map((c) => c.name).join(', ')})`);
  return cloud;
}
