import { isPartialServer, type CloudClient, type ComputeApi } from '../../openstack/index.ts';

/** What the host's details list of a server: enough to name it and open it in the inventory. */
export interface HostServer {
  id: string;
  name: string;
  status: string;
}

export interface HostServers {
  servers: HostServer[];
  /** More servers than one page: the list names the first ones. */
  truncated: boolean;
}

/** One page: a hypervisor rarely runs more, and the inventory lists the rest. */
export const HOST_SERVERS_PAGE = 200;

export type HostServersSource = Pick<CloudClient, 'signIn' | 'session'> & {
  compute(region: string): Promise<Pick<ComputeApi, 'servers'>>;
};

/**
 * The servers on one compute host, every project's, for the topology's
 * deepest level (the graph only counts them). Nova honours `host` for admins
 * only and drops it for other roles, so the answer is filtered by host here
 * too: a non-admin never sees every server of theirs listed as on this host.
 */
export async function loadHostServers(source: HostServersSource, region: string, host: string, signal?: AbortSignal): Promise<HostServers> {
  if (!source.session()) await source.signIn(signal);
  const compute = await source.compute(region);
  const pages = compute.servers({ allTenants: true, host, pageSize: HOST_SERVERS_PAGE, signal });
  for await (const page of pages) {
    const servers = page.flatMap((server) =>
      isPartialServer(server) || server['OS-EXT-SRV-ATTR:host'] !== host ? [] : [{ id: server.id, name: server.name, status: server.status }],
    );
    return { servers: servers.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })), truncated: page.length >= HOST_SERVERS_PAGE };
  }
  return { servers: [], truncated: false };
}
