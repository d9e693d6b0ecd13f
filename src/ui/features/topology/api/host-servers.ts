import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import { loadHostServers } from '../../../../fleet/topology/host-servers.ts';
import { useClouds, useFleetRuntime } from '../../../app/fleet-runtime-context.tsx';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { TOPOLOGY_REFRESH_MS } from './cloud-topology.ts';

function hostServersQueryOptions(connections: FleetConnections, cloud: CloudDefinition, region: string, host: string) {
  return queryOptions({
    queryKey: ['topology', 'host-servers', cloud.name, definitionRevision(cloud), region, host],
    queryFn: ({ signal }) => loadHostServers(connections.clientFor(cloud), region, host, signal),
    // With the graph's own refresh: the host's list follows its counts.
    refetchInterval: TOPOLOGY_REFRESH_MS,
    staleTime: TOPOLOGY_REFRESH_MS,
    retry: false,
  });
}

/** The servers on the selected host, read only while its details are shown. */
export function useHostServers(place: { cloud: string; region: string; host: string }) {
  const { connections } = useFleetRuntime();
  const cloud = useClouds().find((candidate) => candidate.name === place.cloud);
  return useQuery({
    ...hostServersQueryOptions(connections, cloud as CloudDefinition, place.region, place.host),
    enabled: cloud !== undefined,
  });
}
