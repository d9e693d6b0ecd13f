import { isOpenStackError, isPartialServer, type CloudClient, type ComputeApi, type Server } from '../../openstack/index.ts';
import type { CloudTopology, Listing, RegionTopology, ServerTally } from './topology-input.ts';

/** What the loader needs of a cloud client: enough for a fake in tests. */
export type TopologySource = Pick<CloudClient, 'cloud' | 'signIn' | 'session' | 'regions'> & {
  compute(region: string): Promise<Pick<ComputeApi, 'availabilityZones' | 'aggregates' | 'hypervisors' | 'services' | 'servers'>>;
};

/**
 * Reads what the topology needs of every region of one cloud, side by side.
 * A 403 on an admin-only listing becomes "forbidden" for that listing; any
 * other failure stays with its region. Only a failed sign-in fails the whole
 * cloud, since then no region is known.
 */
export async function loadCloudTopology(source: TopologySource, signal?: AbortSignal): Promise<CloudTopology> {
  const session = source.session() ?? (await source.signIn(signal));
  // Admins see every project's servers: the topology is for operators.
  const allTenants = session.roles.includes('admin');
  const regions = await Promise.all(source.regions().map((region) => loadRegion(source, region, allTenants, signal)));
  return { cloud: source.cloud, regions };
}

async function loadRegion(source: TopologySource, region: string, allTenants: boolean, signal: AbortSignal | undefined): Promise<RegionTopology> {
  let compute: Awaited<ReturnType<TopologySource['compute']>>;
  try {
    compute = await source.compute(region);
  } catch (error) {
    const failed = settled(error, signal);
    return { region, availabilityZones: failed, aggregates: failed, hypervisors: failed, services: failed, servers: failed };
  }
  const [availabilityZones, aggregates, hypervisors, services, servers] = await Promise.all([
    listing(() => compute.availabilityZones({ signal }), signal),
    listing(() => compute.aggregates({ signal }), signal),
    listing(() => allPages(compute.hypervisors({ signal })), signal),
    listing(() => compute.services({ signal }), signal),
    listing(() => tallyServers(compute.servers({ signal, allTenants })), signal),
  ]);
  return { region, availabilityZones, aggregates, hypervisors, services, servers };
}

async function listing<T>(load: () => Promise<T>, signal: AbortSignal | undefined): Promise<Listing<T>> {
  try {
    return { state: 'ok', value: await load() };
  } catch (error) {
    return settled(error, signal);
  }
}

function settled(error: unknown, signal: AbortSignal | undefined): Listing<never> {
  // A cancelled load is not a result: the query that cancelled it throws it away.
  if (signal?.aborted) throw error;
  return isOpenStackError(error) && error.kind === 'forbidden' ? { state: 'forbidden', error } : { state: 'failed', error };
}

async function allPages<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  let items: T[] = [];
  for await (const page of pages) items = items.concat(page);
  return items;
}

/** Counts only: a region of 100 000 servers must not be held in memory for a graph. */
async function tallyServers(pages: AsyncIterable<readonly Server[]>): Promise<ServerTally> {
  const tally: ServerTally = { byHost: {}, unplaced: {} };
  for await (const page of pages) {
    for (const server of page) {
      const host = isPartialServer(server) ? undefined : server['OS-EXT-SRV-ATTR:host'];
      const into = host ? (tally.byHost[host] ??= {}) : tally.unplaced;
      into[server.status] = (into[server.status] ?? 0) + 1;
    }
  }
  return tally;
}
