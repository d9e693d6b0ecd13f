import type { CloudClient, CloudSession } from '../../openstack/index.ts';

export interface RegionOverview {
  name: string;
  /** Service types the catalog offers in this region, sorted. */
  services: string[];
}

/** What /clouds shows for one signed-in cloud. Carries no token. */
export interface CloudOverview {
  cloud: string;
  user: string;
  project?: string;
  /** The scoped project's id, for the project switcher. */
  projectId?: string;
  roles: string[];
  tokenExpiresAt: Date;
  regions: RegionOverview[];
}

/** Signs in afresh, which proves both reachability and credentials, and summarizes the session. */
export async function loadCloudOverview(client: CloudClient, signal?: AbortSignal): Promise<CloudOverview> {
  const session = await client.signIn(signal);
  return overviewOfSession(client.cloud, session);
}

export function overviewOfSession(cloud: string, session: CloudSession): CloudOverview {
  return {
    cloud,
    user: qualified(session.user.name, session.user.domainName),
    project: session.project ? qualified(session.project.name, session.project.domainName) : undefined,
    projectId: session.project?.id,
    roles: [...session.roles].sort(),
    tokenExpiresAt: session.expiresAt,
    regions: session.regions.map((region) => ({ name: region, services: servicesIn(session, region) })),
  };
}

function servicesIn(session: CloudSession, region: string): string[] {
  const types = session.catalog
    .filter((service) => service.endpoints.some((endpoint) => (endpoint.region_id ?? endpoint.region) === region))
    .map((service) => service.type);
  return [...new Set(types)].sort();
}

function qualified(name: string, domain: string | undefined): string {
  return domain && domain !== 'Default' ? `${name}@${domain}` : name;
}
