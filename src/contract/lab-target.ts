import type { FetchLike } from '../openstack/index.ts';
import {
  CONTRACT_SERVICES,
  type ContractCloud,
  type ContractListing,
  type ContractRegion,
  type ContractTarget,
} from './contract-target.ts';
import type { LabCloud, LabJson } from './lab-json.ts';
import { unavailableFor } from './lab-unavailable.ts';

/**
 * The real OpenStack lab (scripts/openstack-lab) as a contract target: every
 * cloud of lab.json, signed in as its admin, with the counts the seed wrote.
 */
export function createLabTarget(lab: LabJson, fetch: FetchLike): ContractTarget {
  const clouds = Object.entries(lab.clouds).map(([name, cloud]): ContractCloud => {
    const { admin, application_credential: appcred } = cloud.credentials;
    const counts = adminCounts(cloud);
    return {
      name,
      authUrl: cloud.auth_url,
      user: { username: admin.username, userDomainName: admin.user_domain_name, password: admin.password },
      scope: { projectName: admin.project_name, projectDomainName: admin.project_domain_name },
      // Missing only when lab.json says so; its test then fails with that note.
      applicationCredential: { id: appcred?.id ?? '', secret: appcred?.secret ?? '' },
      // The lab shares one instance of each service among a cloud's regions (README, "What runs"); edge-1's own Glance holds the same seeded images: same counts everywhere.
      regions: cloud.regions.map((region): ContractRegion => ({ name: region, counts })),
      services: CONTRACT_SERVICES.filter((type) => type in cloud.services),
      unavailable: unavailableFor(lab, name, cloud),
    };
  });
  return { name: 'lab', clouds, fetch };
}

/**
 * What the admin sees of the seed. Left out: ports (Neutron makes some of its
 * own) and security groups (every project gets a `default` one on first use).
 */
function adminCounts(cloud: LabCloud): Partial<Record<ContractListing, number>> {
  const seeded = cloud.seeded.counts;
  const counts: Partial<Record<ContractListing, number>> = {
    // Nova lists only the caller's own keypairs, and the seed makes them as `demo`.
    keypairs: 0,
  };
  const fromSeed: Partial<Record<ContractListing, string>> = {
    servers: 'servers',
    flavors: 'flavors',
    hypervisors: 'hypervisors',
    networks: 'networks',
    subnets: 'subnets',
    routers: 'routers',
    floatingIps: 'floating_ips',
    images: 'images',
  };
  for (const [listing, key] of Object.entries(fromSeed) as [ContractListing, string][]) {
    const count = seeded[key];
    if (count !== undefined) counts[listing] = count;
  }
  return counts;
}
