import { getKeypair, isPartialServer, listFlavors, listImagesNamed, listNetworks, listServers, type CloudClient } from '../../openstack/index.ts';
import { describeError } from '../health/describe-error.ts';
import { planFanOutLaunch, type LaunchFlavor, type LaunchServer, type LaunchSpec, type TargetLaunchState } from './launch-plan.ts';
import type { ClientFor } from './load-plans.ts';
import type { ActionPlan, ActionTarget } from './plan.ts';

function clientOrThrow(clientFor: ClientFor, cloud: string): CloudClient {
  const client = clientFor(cloud);
  if (!client) throw new Error(`cloud ${cloud} is not in the registry`);
  return client;
}

function reasonOf(error: unknown): string {
  const description = describeError(error);
  return [description.headline, description.detail].filter(Boolean).join(': ');
}

export interface FanOutLaunchRequest {
  planId: string;
  now: number;
  spec: LaunchSpec;
  targets: readonly ActionTarget[];
  signal?: AbortSignal;
}

async function readTarget(client: CloudClient, target: ActionTarget, spec: LaunchSpec, signal?: AbortSignal): Promise<TargetLaunchState> {
  const [compute, image, network] = await Promise.all([
    client.serviceHttp('compute', target.region, signal),
    client.serviceHttp('image', target.region, signal),
    client.serviceHttp('network', target.region, signal),
  ]);
  const readFlavors = async () => {
    const flavors: LaunchFlavor[] = [];
    for await (const page of listFlavors(compute, { signal })) {
      flavors.push(...page.map((f) => ({ id: f.id, name: f.name, vcpus: f.vcpus, ram: f.ram, disk: f.disk, ephemeral: f['OS-FLV-EXT-DATA:ephemeral'], swap: f.swap })));
    }
    return flavors;
  };
  const readNetworks = async () => {
    const found: { id: string }[] = [];
    for await (const page of listNetworks(network, { signal })) found.push(...page.filter((n) => n.name === spec.network).map((n) => ({ id: n.id })));
    return found;
  };
  const readServers = async () => {
    const found: LaunchServer[] = [];
    for await (const page of listServers(compute, { signal })) {
      for (const server of page) if (!isPartialServer(server) && server.name === spec.name) found.push({ id: server.id, name: server.name, metadata: server.metadata });
    }
    return found;
  };
  const [images, flavors, networks, keypair, servers] = await Promise.all([
    listImagesNamed(image, spec.image.name, { signal }),
    readFlavors(),
    readNetworks(),
    spec.keypair ? getKeypair(compute, spec.keypair, { signal }) : Promise.resolve(undefined),
    readServers(),
  ]);
  return { target, state: 'read', images, flavors, networks, keypairPresent: keypair !== undefined, servers };
}

/** Reads, on every target, what the spec names (images, flavors, networks, key pair) and the servers of its name, then plans. */
export async function loadFanOutLaunchPlan(clientFor: ClientFor, request: FanOutLaunchRequest): Promise<ActionPlan> {
  const { spec, signal } = request;
  const targets = await Promise.all(
    request.targets.map(async (target): Promise<TargetLaunchState> => {
      try {
        return await readTarget(clientOrThrow(clientFor, target.cloud), target, spec, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        return { target, state: 'unknown', error: reasonOf(error) };
      }
    }),
  );
  return planFanOutLaunch({ planId: request.planId, now: request.now, spec, targets });
}
