import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { liveSession } from '../../../../fleet/session/live-session.ts';
import { projectSources } from '../../../../fleet/session/project-sources.ts';
import { useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';

/** Project lists change when an administrator grants a role: rarely, so they are read on sign-in and every ten minutes. */
const PROJECTS_REFRESH_MS = 10 * 60_000;

export function cloudProjectsQueryOptions(connections: FleetConnections, cloud: CloudDefinition) {
  return queryOptions({
    queryKey: ['clouds', cloud.name, 'projects', definitionRevision(cloud)],
    queryFn: ({ signal }) => connections.projectsOf(cloud, signal),
    enabled: missingSecret(cloud) === undefined,
    staleTime: PROJECTS_REFRESH_MS,
    refetchInterval: PROJECTS_REFRESH_MS,
    retry: false,
  });
}

/** The projects the user may scope to on this cloud. */
export function useCloudProjects(cloud: CloudDefinition) {
  const { connections } = useFleetRuntime();
  return useQuery(cloudProjectsQueryOptions(connections, cloud));
}

export interface ProjectSession {
  projectId: string;
  project: string;
  /** Absent when this project's sign-in failed. */
  expiresAt?: Date;
  error?: unknown;
}

/**
 * With "all projects I can see": one token per project of the cloud, each
 * signed in on its own, so one project refusing the user never hides the others.
 */
export function useProjectSessions(cloud: CloudDefinition) {
  const { connections } = useFleetRuntime();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  return useQuery({
    queryKey: ['clouds', cloud.name, 'project-sessions', definitionRevision(cloud)],
    queryFn: async ({ signal }): Promise<ProjectSession[]> => {
      const sources = await projectSources(connections, cloud, true, signal);
      return Promise.all(
        sources.map(async ({ project, client }): Promise<ProjectSession> => {
          const projectId = project?.id ?? '';
          const name = project?.name ?? '';
          try {
            const session = await liveSession(client, Date.now(), signal);
            return { projectId, project: name, expiresAt: session.expiresAt };
          } catch (error) {
            return { projectId, project: name, error };
          }
        }),
      );
    },
    enabled: allProjects && missingSecret(cloud) === undefined,
    staleTime: PROJECTS_REFRESH_MS,
    refetchInterval: PROJECTS_REFRESH_MS,
    retry: false,
  });
}
