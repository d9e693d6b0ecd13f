import type { CloudOverview } from '../../../fleet/clouds/cloud-overview.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { useRegistry } from '../../app/fleet-runtime-context.tsx';
import { formatTimeLeft } from '../../lib/format-duration.ts';
import { useCloudProjects, useProjectSessions } from './api/cloud-projects.ts';

const SELECT =
  'max-w-[14rem] rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const LINK_BUTTON = 'text-xs text-teal-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-teal-300';

/** The project column of /clouds: the cloud's own project and a way to choose another, or every project with its token. */
export function ProjectCell({ cloud, overview, now }: { cloud: CloudDefinition; overview: CloudOverview; now: number }) {
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  return allProjects ? <AllProjects cloud={cloud} now={now} /> : <OwnProject cloud={cloud} overview={overview} />;
}

function OwnProject({ cloud, overview }: { cloud: CloudDefinition; overview: CloudOverview }) {
  const projects = useCloudProjects(cloud);
  const chosen = useRegistry((state) => state.projectChoices.chosen[cloud.name]);
  const chooseProject = useRegistry((state) => state.chooseProject);
  const current = overview.project ?? <span className="text-slate-500">unscoped</span>;
  // An application credential is bound to its project: there is nothing to choose.
  if (cloud.auth.type === 'applicationCredential') return <span>{current}</span>;
  if (projects.isError) {
    return (
      <div className="space-y-0.5">
        <div>{current}</div>
        <div className="text-xs text-red-700 dark:text-red-300">Projects could not be listed: {describeError(projects.error).headline}</div>
      </div>
    );
  }
  const list = projects.data ?? [];
  // One project (or none listed yet) leaves nothing to choose: the name alone, as for an application credential.
  if (list.length <= 1 && !chosen) return <span>{current}</span>;
  const known = list.some((project) => project.id === overview.projectId);
  return (
    <div className="space-y-0.5">
      <select
        aria-label={`Project of ${cloud.name}`}
        className={SELECT}
        value={overview.projectId ?? ''}
        onChange={(event) => {
          const project = list.find((p) => p.id === event.target.value);
          if (project) chooseProject(cloud.name, { id: project.id, name: project.name });
        }}
      >
        {known ? null : <option value={overview.projectId ?? ''}>{overview.project ?? 'unscoped'}</option>}
        {list.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </select>
      <div className="text-xs text-slate-500">
        {`${list.length} ${list.length === 1 ? 'project' : 'projects'} available`}
        {chosen ? (
          <>
            {' · '}
            <button type="button" className={LINK_BUTTON} onClick={() => chooseProject(cloud.name, undefined)}>
              Use the configured project
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function AllProjects({ cloud, now }: { cloud: CloudDefinition; now: number }) {
  const sessions = useProjectSessions(cloud);
  if (sessions.isPending) return <span className="text-xs text-slate-500">signing in to each project…</span>;
  if (sessions.isError) {
    return <div className="text-xs text-red-700 dark:text-red-300">Projects could not be listed: {describeError(sessions.error).headline}</div>;
  }
  if (sessions.data.length === 0) return <span className="text-slate-500">no project</span>;
  return (
    <ul aria-label={`Projects of ${cloud.name}`} className="space-y-0.5">
      {sessions.data.map((session) => (
        <li key={session.projectId} className="whitespace-nowrap">
          <span className="font-medium">{session.project}</span>{' '}
          {session.expiresAt ? (
            <span className="text-xs text-slate-500">token expires {formatTimeLeft(session.expiresAt.getTime() - now)}</span>
          ) : (
            <span className="text-xs text-red-700 dark:text-red-300">{describeError(session.error).headline}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
