import type { CloudClient } from '../openstack/index.ts';
import type { ContractListing, ContractService } from './contract-target.ts';

/**
 * Every paged listing the console uses, reduced to what pagination must
 * preserve: the identity of each item. Each record has already passed the
 * client's schema on its way here, so a wrongly typed field fails the listing.
 */
export interface PagedListing {
  readonly name: ContractListing;
  readonly service: ContractService;
  /** One array of ids per page, as the client yielded them. */
  idPages(client: CloudClient, region: string, pageSize: number): Promise<string[][]>;
}

function paged<T>(
  name: ContractListing,
  service: ContractService,
  list: (client: CloudClient, region: string, pageSize: number) => Promise<AsyncIterable<T[]>>,
  id: (item: T) => string,
): PagedListing {
  return {
    name,
    service,
    async idPages(client, region, pageSize) {
      const pages: string[][] = [];
      for await (const page of await list(client, region, pageSize)) pages.push(page.map(id));
      return pages;
    },
  };
}

export const PAGED_LISTINGS: readonly PagedListing[] = [
  // all_tenants: the console's inventory shows every project's servers to an admin.
  paged('servers', 'compute', async (c, r, pageSize) => (await c.compute(r)).servers({ pageSize, allTenants: true }), (s) => s.id),
  paged('flavors', 'compute', async (c, r, pageSize) => (await c.compute(r)).flavors({ pageSize }), (f) => f.id),
  // Keypairs have no id: the name is unique per user.
  paged('keypairs', 'compute', async (c, r, pageSize) => (await c.compute(r)).keypairs({ pageSize }), (k) => k.name),
  paged('hypervisors', 'compute', async (c, r, pageSize) => (await c.compute(r)).hypervisors({ pageSize }), (h) => h.id),
  paged('networks', 'network', async (c, r, pageSize) => (await c.network(r)).networks({ pageSize }), (n) => n.id),
  paged('subnets', 'network', async (c, r, pageSize) => (await c.network(r)).subnets({ pageSize }), (s) => s.id),
  paged('routers', 'network', async (c, r, pageSize) => (await c.network(r)).routers({ pageSize }), (x) => x.id),
  paged('ports', 'network', async (c, r, pageSize) => (await c.network(r)).ports({ pageSize }), (p) => p.id),
  paged('floatingIps', 'network', async (c, r, pageSize) => (await c.network(r)).floatingIps({ pageSize }), (f) => f.id),
  paged('securityGroups', 'network', async (c, r, pageSize) => (await c.network(r)).securityGroups({ pageSize }), (g) => g.id),
  paged('images', 'image', async (c, r, pageSize) => (await c.image(r)).images({ pageSize }), (i) => i.id),
];
