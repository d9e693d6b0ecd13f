import { createCloudClient, type CloudClient, type CloudClientOptions, type HttpPolicy } from '../../openstack/index.ts';
import type { CloudDefinition } from '../registry/cloud-definition.ts';

/**
 * One CloudClient per cloud, all sharing one HTTP policy so the global and
 * per-origin request limits hold across the whole fleet. A changed definition
 * (edited credentials, another region) gets a fresh client and session.
 */
export interface FleetConnections {
  readonly policy: HttpPolicy;
  clientFor(cloud: CloudDefinition): CloudClient;
  forget(cloudName: string): void;
  /** Signs out and forgets every client whose cloud is gone from the registry or defined differently now. */
  retain(clouds: readonly CloudDefinition[]): void;
}

export interface FleetConnectionsOptions {
  policy: HttpPolicy;
  createClient?: (options: CloudClientOptions) => CloudClient;
}

export function createFleetConnections({ policy, createClient = createCloudClient }: FleetConnectionsOptions): FleetConnections {
  const clients = new Map<string, { definition: CloudDefinition; client: CloudClient }>();
  return {
    policy,
    clientFor(cloud) {
      const known = clients.get(cloud.name);
      if (known && known.definition === cloud) return known.client;
      known?.client.signOut();
      const client = createClient(clientOptions(cloud, policy));
      clients.set(cloud.name, { definition: cloud, client });
      return client;
    },
    forget,
    retain(clouds) {
      const current = new Map(clouds.map((cloud) => [cloud.name, cloud]));
      for (const [name, known] of clients) if (current.get(name) !== known.definition) forget(name);
    },
  };

  function forget(cloudName: string) {
    clients.get(cloudName)?.client.signOut();
    clients.delete(cloudName);
  }
}

function clientOptions(cloud: CloudDefinition, policy: HttpPolicy): CloudClientOptions {
  return {
    cloud: cloud.name,
    authUrl: cloud.authUrl,
    auth: cloud.auth,
    scope: cloud.scope,
    regionName: cloud.regionName,
    interface: cloud.interface,
    transport: cloud.transport,
    policy,
  };
}
