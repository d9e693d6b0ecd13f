import { targetKey, type ActionPlan, type ActionTarget, type PlanStep } from './plan.ts';

/** The flavor a launch asks for: an exact shape (vCPUs, RAM MB, root disk GB), or a name. */
export type WantedFlavor = { vcpus: number; ram: number; disk: number } | { name: string };

/** One server spec, booted once per target; every reference is by name or shape, resolved per site. */
export interface LaunchSpec {
  name: string;
  image: { name: string; checksum?: string };
  flavor: WantedFlavor;
  network: string;
  keypair?: string;
}

/** The metadata key that marks a server this console launched; its value says from which spec. */
export const LAUNCH_METADATA_KEY = 'archipelago_launch';

export interface LaunchImage {
  id: string;
  name?: string | null;
  status: string;
  checksum?: string | null;
}

export interface LaunchFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
}

export interface LaunchServer {
  id: string;
  name: string;
  metadata: Readonly<Record<string, string>>;
}

/** What a target holds that the spec names, read just before planning, or why it could not be read. */
export type TargetLaunchState =
  | {
      target: ActionTarget;
      state: 'read';
      images: readonly LaunchImage[];
      flavors: readonly LaunchFlavor[];
      /** The networks of the spec's name this project sees. */
      networks: readonly { id: string }[];
      keypairPresent: boolean;
      /** Servers of the spec's name. */
      servers: readonly LaunchServer[];
    }
  | { target: ActionTarget; state: 'unknown'; error: string };

export interface FanOutLaunchInput {
  planId: string;
  now: number;
  spec: LaunchSpec;
  targets: readonly TargetLaunchState[];
}

export function describeFlavor(flavor: WantedFlavor): string {
  return 'name' in flavor ? flavor.name : `${flavor.vcpus} vCPU/${flavor.ram} MB/${flavor.disk} GB`;
}

/** `m1.small`, or a shape `1/2048/20` (vCPUs/RAM MB/disk GB) as the URL and the form write it. */
export function parseWantedFlavor(text: string): WantedFlavor | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const shape = /^(\d+)\/(\d+)\/(\d+)$/.exec(trimmed);
  if (!shape) return { name: trimmed };
  const [vcpus, ram, disk] = shape.slice(1).map(Number) as [number, number, number];
  return vcpus > 0 && ram > 0 ? { vcpus, ram, disk } : undefined;
}

export function formatWantedFlavor(flavor: WantedFlavor): string {
  return 'name' in flavor ? flavor.name : `${flavor.vcpus}/${flavor.ram}/${flavor.disk}`;
}

/**
 * The marker a launched server carries: the spec's references, so a re-run
 * of the same launch finds its servers and another launch's same-named
 * server is not mistaken for one. Stable across plans (not the plan id), as
 * re-planning after a run must find the servers it made.
 */
export function launchMarker(spec: LaunchSpec): string {
  const image = spec.image.checksum ? `${spec.image.name}@${spec.image.checksum}` : spec.image.name;
  return `image=${image} flavor=${formatWantedFlavor(spec.flavor)} network=${spec.network}`.slice(0, 255);
}

type Resolution<T> = { found: T } | { missing: string };

function resolveImage(spec: LaunchSpec, images: readonly LaunchImage[]): Resolution<LaunchImage> {
  const { name, checksum } = spec.image;
  const named = images.filter((image) => image.name === name && image.status === 'active');
  const matching = checksum ? named.filter((image) => image.checksum === checksum) : named;
  if (matching.length === 1 && matching[0]) return { found: matching[0] };
  if (matching.length > 1) return { missing: `image ${name}: ${matching.length} active images have that name${checksum ? ' and checksum' : '; give a checksum to choose'}` };
  if (checksum && named.length > 0) return { missing: `image ${name} with checksum ${checksum} (only other data under that name)` };
  return { missing: `image ${name}` };
}

/** By name; by shape, the exact vCPUs/RAM/disk with the least ephemeral disk and swap, then by name. */
function resolveFlavor(wanted: WantedFlavor, flavors: readonly LaunchFlavor[]): Resolution<LaunchFlavor> {
  const candidates =
    'name' in wanted
      ? flavors.filter((flavor) => flavor.name === wanted.name)
      : flavors
          .filter((flavor) => flavor.vcpus === wanted.vcpus && flavor.ram === wanted.ram && flavor.disk === wanted.disk)
          .sort((a, b) => a.ephemeral + a.swap - (b.ephemeral + b.swap) || a.name.localeCompare(b.name));
  const first = candidates[0];
  return first ? { found: first } : { missing: `flavor ${describeFlavor(wanted)}` };
}

function resolveNetwork(name: string, networks: readonly { id: string }[]): Resolution<{ id: string }> {
  const [only, ...others] = networks;
  if (!only) return { missing: `network ${name}` };
  if (others.length > 0) return { missing: `network ${name}: ${networks.length} networks have that name` };
  return { found: only };
}

/**
 * Fan-out launch: the same server on every target, each reference resolved
 * to that site's own id. A target where something cannot be resolved is a
 * conflict naming what is missing; a server of the name already carrying
 * this launch's marker is no change; a same-named server without it is a
 * conflict (it is not ours to count as launched).
 */
export function planFanOutLaunch(input: FanOutLaunchInput): ActionPlan {
  const { spec } = input;
  const marker = launchMarker(spec);
  const steps = input.targets.map((entry): PlanStep => {
    const base = {
      id: `${targetKey(entry.target)}/server/${spec.name}`,
      target: entry.target,
      resource: `server ${spec.name}`,
      call: 'POST /servers',
      destructive: false,
    };
    const unresolved = { ...base, change: 'conflict' as const, call: '—', operation: { kind: 'create-server' as const, name: spec.name, imageId: '', flavorId: '', networkId: '', metadata: {} } };
    if (entry.state === 'unknown') return { ...unresolved, reason: `cannot resolve the spec here: ${entry.error}` };
    const existing = entry.servers.filter((server) => server.name === spec.name);
    if (existing.some((server) => server.metadata[LAUNCH_METADATA_KEY] === marker)) {
      return { ...unresolved, change: 'no-change', reason: undefined };
    }
    if (existing.length > 0) {
      return { ...unresolved, reason: `a server named ${spec.name} is already there, not from this launch; none is added beside it` };
    }
    const image = resolveImage(spec, entry.images);
    const flavor = resolveFlavor(spec.flavor, entry.flavors);
    const network = resolveNetwork(spec.network, entry.networks);
    const missing = [image, flavor, network].flatMap((resolution) => ('missing' in resolution ? [resolution.missing] : []));
    if (spec.keypair && !entry.keypairPresent) missing.push(`key pair ${spec.keypair}`);
    if (!('found' in image) || !('found' in flavor) || !('found' in network) || missing.length > 0) {
      return { ...unresolved, reason: `not resolved here: ${missing.join('; ')}` };
    }
    return {
      ...base,
      change: 'create',
      reason: `image ${image.found.id}, flavor ${flavor.found.name} (${flavor.found.id}), network ${network.found.id}${spec.keypair ? `, key pair ${spec.keypair}` : ''}`,
      operation: {
        kind: 'create-server',
        name: spec.name,
        imageId: image.found.id,
        flavorId: flavor.found.id,
        networkId: network.found.id,
        keyName: spec.keypair,
        metadata: { [LAUNCH_METADATA_KEY]: marker },
      },
    };
  });
  return {
    id: input.planId,
    kind: 'fan-out-launch',
    title: `Fan-out launch: server ${spec.name} (${spec.image.name}, ${describeFlavor(spec.flavor)}, ${spec.network}) on ${steps.length} target${steps.length === 1 ? '' : 's'}`,
    createdAt: input.now,
    steps,
  };
}
