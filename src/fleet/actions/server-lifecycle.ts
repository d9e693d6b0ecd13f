import type { ServerActionName } from '../../openstack/index.ts';
import { type ActionPlan, type PlanStep, type StepOperation } from './plan.ts';

export type LifecycleVerb = 'start' | 'stop' | 'reboot' | 'lock' | 'unlock' | 'delete' | 'tag';

export const LIFECYCLE_VERBS: readonly LifecycleVerb[] = ['start', 'stop', 'reboot', 'lock', 'unlock', 'tag', 'delete'];

/** What the planner needs of a server, as the inventory last saw it. */
export interface LifecycleServer {
  cloud: string;
  region: string;
  id: string;
  name: string;
  status: string;
  locked?: boolean;
  tags?: readonly string[];
  /** Why the server's current state could not be read; the step is then held back. */
  unreadable?: string;
}

export interface ServerLifecycleInput {
  planId: string;
  now: number;
  verb: LifecycleVerb;
  /** The tag to add, for `tag`. */
  tag?: string;
  servers: readonly LifecycleServer[];
}

const ACTION_OF: Record<Exclude<LifecycleVerb, 'delete' | 'tag'>, ServerActionName> = {
  start: 'os-start',
  stop: 'os-stop',
  reboot: 'reboot',
  lock: 'lock',
  unlock: 'unlock',
};

/** Whether the server is already where the verb would take it. Reboot always does something. */
export function alreadyThere(verb: LifecycleVerb, server: Pick<LifecycleServer, 'status' | 'locked' | 'tags'>, tag?: string): boolean {
  switch (verb) {
    case 'start':
      return server.status === 'ACTIVE';
    case 'stop':
      return server.status === 'SHUTOFF';
    case 'lock':
      return server.locked === true;
    case 'unlock':
      return server.locked === false;
    case 'tag':
      return tag !== undefined && (server.tags ?? []).includes(tag);
    case 'reboot':
    case 'delete':
      return false;
  }
}

function operationOf(verb: LifecycleVerb, server: LifecycleServer, tag: string | undefined): StepOperation {
  const ref = { serverId: server.id, serverName: server.name };
  if (verb === 'delete') return { kind: 'delete-server', ...ref };
  if (verb === 'tag') return { kind: 'add-server-tag', ...ref, tag: tag ?? '' };
  return { kind: 'server-action', ...ref, action: ACTION_OF[verb] };
}

function callOf(verb: LifecycleVerb, server: LifecycleServer): string {
  if (verb === 'delete') return `DELETE /servers/${server.id}`;
  if (verb === 'tag') return `PUT /servers/${server.id}/tags`;
  return `POST /servers/${server.id}/action (${ACTION_OF[verb]})`;
}

/** Bulk server lifecycle: one step per selected server; a server already in the wanted state is "no change". */
export function planServerLifecycle(input: ServerLifecycleInput): ActionPlan {
  const { verb, tag } = input;
  if (verb === 'tag' && (tag === undefined || tag.trim() === '')) throw new Error('a tag is needed to tag servers');
  const steps = input.servers.map((server): PlanStep => {
    const unchanged = alreadyThere(verb, server, tag);
    const unknown = server.status === 'UNKNOWN' || server.unreadable !== undefined;
    return {
      id: `${server.cloud}/${server.region}/server/${server.id}/${verb}`,
      target: { cloud: server.cloud, region: server.region },
      change: unknown ? 'conflict' : unchanged ? 'no-change' : verb === 'delete' ? 'delete' : 'change',
      resource: `server ${server.name || server.id}`,
      call: unchanged || unknown ? '—' : callOf(verb, server),
      reason: server.unreadable ?? (unknown ? 'its Nova cell does not answer: the server state is unknown' : undefined),
      destructive: verb === 'delete',
      operation: operationOf(verb, server, tag),
    };
  });
  const clouds = new Set(input.servers.map((server) => server.cloud)).size;
  const what = verb === 'tag' ? `tag ${tag ?? ''}` : verb;
  return {
    id: input.planId,
    kind: 'server-lifecycle',
    title: `Servers: ${what} ${steps.length} server${steps.length === 1 ? '' : 's'} in ${clouds} cloud${clouds === 1 ? '' : 's'}`,
    createdAt: input.now,
    steps,
  };
}
