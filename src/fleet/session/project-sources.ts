import type { AvailableProject, CloudClient } from '../../openstack/index.ts';
import type { CloudDefinition } from '../registry/cloud-definition.ts';
import type { FleetConnections } from './fleet-connections.ts';

/** One place a view reads from: a cloud, scoped to one project, with that project's client (and token). */
export interface ProjectSource {
  cloud: CloudDefinition;
  /** Absent for the cloud's own project (the one its definition names, or the project chosen for it). */
  project?: AvailableProject;
  client: CloudClient;
}

/**
 * The sources of one cloud under the project switcher: its own project, or,
 * with "all projects I can see", one source per project the user may use.
 * Views that aggregate per project (inventory) iterate these instead of
 * calling clientFor once per cloud.
 */
export async function projectSources(connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean, signal?: AbortSignal): Promise<ProjectSource[]> {
  if (!allProjects) return [{ cloud, client: connections.clientFor(cloud) }];
  const own = connections.clientFor(cloud);
  // Listing the projects signs the cloud's own client in, so its project is known: it keeps its token rather than get a second.
  const projects = await connections.projectsOf(cloud, signal);
  const ownProject = own.session()?.project?.id;
  return projects.map((project) => ({ cloud, project, client: project.id === ownProject ? own : connections.clientForProject(cloud, project.id) }));
}
