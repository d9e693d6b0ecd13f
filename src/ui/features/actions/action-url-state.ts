import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import type { PreparedAction } from '../../../fleet/actions/prepared-action.ts';
import { LIFECYCLE_VERBS, type LifecycleVerb } from '../../../fleet/actions/server-lifecycle.ts';
import { readLaunchFields, writeLaunchFields, type LaunchFields } from './launch-url-state.ts';

/**
 * What the /actions URL says, so a prepared action is a shareable link:
 * `?action=keypair-sync&from=ams/RegionOne&key=deploy&to=fra/RegionOne,par/RegionOne`
 * `?action=security-group-sync&from=ams/RegionOne&group=web&to=fra/RegionOne`
 * `?action=flavor-parity&from=core/eu-west-1&to=ams/RegionOne`
 * `?action=image-replication&from=ams/RegionOne&image=<id>&to=fra/RegionOne,par/RegionOne&stores=site-1,site-2`
 * `?action=servers&verb=stop&servers=ams/RegionOne/<id>,…`
 * `?action=fan-out-launch&server=web-1&image=…&flavor=…&network=…&to=…` (see launch-url-state.ts)
 * `&run=<id>` opens a run of the audit log.
 */
export type ActionChoice = 'keypair-sync' | 'security-group-sync' | 'flavor-parity' | 'image-replication' | 'fan-out-launch' | 'servers';

export interface ActionUrlState {
  action: ActionChoice;
  from?: ActionTarget;
  key: string;
  group: string;
  /** The source image's id: names are not unique in Glance. */
  image: string;
  to: ActionTarget[];
  /** Image replication: stores of the source's own Glance to copy the image into. */
  stores?: string[];
  verb: LifecycleVerb;
  tag: string;
  servers: string[];
  /** Read always; links built elsewhere (the inventory's) need not carry it. */
  launch?: LaunchFields;
  run?: string;
}

function parseTarget(text: string): ActionTarget | undefined {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) return undefined;
  return { cloud: text.slice(0, slash), region: text.slice(slash + 1) };
}

export function formatTarget(target: ActionTarget): string {
  return `${target.cloud}/${target.region}`;
}

function list(value: string | null): string[] {
  return (value ?? '').split(',').filter((item) => item !== '');
}

export function readActionUrl(params: URLSearchParams): ActionUrlState {
  const verb = params.get('verb');
  const action = params.get('action');
  return {
    action: action === 'servers' || params.has('servers') ? 'servers' : action === 'flavor-parity' || action === 'security-group-sync' || action === 'image-replication' || action === 'fan-out-launch' ? action : 'keypair-sync',
    from: parseTarget(params.get('from') ?? ''),
    key: params.get('key') ?? '',
    group: params.get('group') ?? '',
    image: params.get('image') ?? '',
    to: list(params.get('to')).map(parseTarget).filter((target) => target !== undefined),
    stores: list(params.get('stores')),
    verb: LIFECYCLE_VERBS.includes(verb as LifecycleVerb) ? (verb as LifecycleVerb) : 'stop',
    tag: params.get('tag') ?? '',
    servers: list(params.get('servers')),
    launch: readLaunchFields(params),
    run: params.get('run') ?? undefined,
  };
}

export function writeActionUrl(state: ActionUrlState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('action', state.action);
  if (state.action !== 'servers') {
    if (state.from) params.set('from', formatTarget(state.from));
    if (state.key && state.action === 'keypair-sync') params.set('key', state.key);
    if (state.group && state.action === 'security-group-sync') params.set('group', state.group);
    if (state.image && state.action === 'image-replication') params.set('image', state.image);
    if (state.action === 'fan-out-launch' && state.launch) writeLaunchFields(params, state.launch);
    if (state.to.length > 0) params.set('to', state.to.map(formatTarget).join(','));
    if (state.action === 'image-replication' && state.stores && state.stores.length > 0) params.set('stores', state.stores.join(','));
  } else {
    params.set('verb', state.verb);
    if (state.verb === 'tag' && state.tag) params.set('tag', state.tag);
    if (state.servers.length > 0) params.set('servers', state.servers.join(','));
  }
  if (state.run) params.set('run', state.run);
  return params;
}

/** The /actions link that opens a prepared action's form filled in (from the parity matrix, the topology). */
export function preparedActionLink(prepared: PreparedAction): string {
  const blank: ActionUrlState = { action: prepared.action, key: '', group: '', image: '', to: [], verb: 'stop', tag: '', servers: [] };
  return `/actions?${writeActionUrl({ ...blank, ...prepared }).toString()}`;
}
