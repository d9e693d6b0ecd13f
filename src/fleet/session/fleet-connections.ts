import { createCloudClient, type AvailableProject, type CloudClient, type CloudClientOptions, type HttpPolicy } from '../../openstack/index.ts';
import type { CloudDefinition } from '../registry/cloud-definition.ts';
import { liveSession } from './live-session.ts';

/**
 * One CloudClient per (cloud, project), all sharing one HTTP policy so the
 * global and per-origin request limits hold across the whole fleet. Each
 * client holds one token. A changed definition (edited credentials, another
 * region, another chosen project) gets fresh clients and sessions.
 */
export interface FleetConnections {
  readonly policy: HttpPolicy;
  /** The client of the cloud's own project: the one its definition names, or the first the user may use. */
  clientFor(cloud: CloudDefinition): CloudClient;
  /** A client scoped to one project of the cloud, with a token of its own. */
  clientForProject(cloud: CloudDefinition, projectId: string): CloudClient;
  /**
   * The projects the user may scope to on this cloud. An application credential
   * is bound to one project, so its cloud offers exactly that one.
   */
  projectsOf(cloud: CloudDefinition, signal?: AbortSignal): Promise<AvailableProject[]>;
  /** Signs the cloud's clients out and forgets them; their tokens are revoked at the next revokeAll. */
  forget(cloudName: string): void;
  /** Forgets (as `forget`) every client whose cloud is gone from the registry or defined differently now (edited, another project chosen). */
  retain(clouds: readonly CloudDefinition[]): void;
  /** Revokes every token the fleet's clients hold or held at its Keystone and forgets every client; one failure never stops the others. */
  revokeAll(signal?: AbortSignal): Promise<RevocationOutcome[]>;
}

export interface RevocationOutcome {
  cloud: string;
  /** The project of the client's live session, when it had one. */
  project?: string;
  /** Tokens Keystone revoked (or no longer knew). */
  revoked: number;
  error?: unknown;
}

export interface FleetConnectionsOptions {
  policy: HttpPolicy;
  createClient?: (options: CloudClientOptions) => CloudClient;
}

interface CloudClients {
  definition: CloudDefinition;
  /** The cloud's own project under '', every other project under its id. */
  byProject: Map<string, CloudClient>;
}

const OWN_PROJECT = '';

export function createFleetConnections({ policy, createClient = createCloudClient }: FleetConnectionsOptions): FleetConnections {
  const clouds = new Map<string, CloudClients>();
  const retired: Array<{ cloud: string; client: CloudClient }> = [];

  function clientsOf(cloud: CloudDefinition): CloudClients {
    const known = clouds.get(cloud.name);
    if (known && known.definition === cloud) return known;
    forget(cloud.name);
    const fresh = { definition: cloud, byProject: new Map<string, CloudClient>() };
    clouds.set(cloud.name, fresh);
    return fresh;
  }

  function client(cloud: CloudDefinition, projectId: string): CloudClient {
    const { byProject } = clientsOf(cloud);
    let found = byProject.get(projectId);
    if (!found) {
      const options = clientOptions(cloud, policy);
      found = createClient(projectId === OWN_PROJECT ? options : { ...options, scope: { projectId } });
      byProject.set(projectId, found);
    }
    return found;
  }

  /**
   * A client no longer used signs out at once (requests of the new definition
   * never get its token) but is kept aside, so sign-out still revokes the
   * tokens it held: revoking them now could fail a request still in flight.
   */
  function forget(cloudName: string) {
    for (const known of clouds.get(cloudName)?.byProject.values() ?? []) {
      known.signOut();
      retired.push({ cloud: cloudName, client: known });
    }
    clouds.delete(cloudName);
  }

  return {
    policy,
    clientFor: (cloud) => client(cloud, OWN_PROJECT),
    clientForProject: (cloud, projectId) => client(cloud, projectId),
    async projectsOf(cloud, signal) {
      const own = client(cloud, OWN_PROJECT);
      if (cloud.auth.type !== 'applicationCredential') return own.projects(signal);
      const { project } = await liveSession(own, policy.now(), signal);
      return project ? [{ id: project.id, name: project.name }] : [];
    },
    forget,
    retain(current) {
      const byName = new Map(current.map((cloud) => [cloud.name, cloud]));
      for (const [name, known] of clouds) if (byName.get(name) !== known.definition) forget(name);
    },
    async revokeAll(signal) {
      const all = [
        ...retired.splice(0),
        ...[...clouds.values()].flatMap(({ definition, byProject }) => [...byProject.values()].map((c) => ({ cloud: definition.name, client: c }))),
      ];
      clouds.clear();
      const outcomes = await Promise.all(
        all.map(async ({ cloud, client: c }): Promise<RevocationOutcome> => {
          const project = c.session()?.project?.name;
          try {
            return { cloud, project, revoked: await c.revoke(signal) };
          } catch (error) {
            return { cloud, project, revoked: 0, error };
          }
        }),
      );
      return outcomes.filter((outcome) => outcome.revoked > 0 || outcome.error !== undefined);
    },
  };
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
