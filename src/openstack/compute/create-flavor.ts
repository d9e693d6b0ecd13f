import { z } from 'zod';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import type { FlavorExtraSpecs } from './list-flavor-extra-specs.ts';
import { flavorSchema, type Flavor } from './list-flavors.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

export const createFlavorResponseSchema = z.object({ flavor: flavorSchema });

/** A flavor's shape: what makes two flavors of the same name the same flavor on two clouds. */
export interface FlavorShape {
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  isPublic: boolean;
  description?: string | null;
  /** Undefined when not known: the listing did not carry them (before 2.61, or policy hides them) and they were not read. */
  extraSpecs?: FlavorExtraSpecs;
}

export interface CreateFlavorOptions {
  signal?: AbortSignal;
}

/** POST /flavors (admin): 200 with the flavor; Nova picks the id. Extra specs are a separate call. */
export async function createFlavor(http: ServiceHttp, shape: FlavorShape, options: CreateFlavorOptions = {}): Promise<{ flavor: Flavor } & MutationResult> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  const flavor: Record<string, unknown> = {
    name: shape.name,
    vcpus: shape.vcpus,
    ram: shape.ram,
    disk: shape.disk,
    'OS-FLV-EXT-DATA:ephemeral': shape.ephemeral,
    swap: shape.swap,
    'os-flavor-access:is_public': shape.isPublic,
  };
  if (shape.description && isAtLeast(version, '2.55')) flavor['description'] = shape.description;
  const response = await http.request({ method: 'POST', url: 'flavors', headers, body: { flavor }, signal: options.signal });
  return { flavor: parseBody(createFlavorResponseSchema, response.body, bodyContext(http, response)).flavor, ...mutationResult(response) };
}

export function flavorShape(flavor: Flavor): FlavorShape {
  return {
    name: flavor.name,
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    disk: flavor.disk,
    ephemeral: flavor['OS-FLV-EXT-DATA:ephemeral'],
    swap: flavor.swap,
    isPublic: flavor['os-flavor-access:is_public'],
    description: flavor.description,
    extraSpecs: flavor.extra_specs,
  };
}

/** Same shape: vCPUs, RAM, disk, ephemeral, swap and visibility; the description and extra specs do not count. */
export function sameFlavorShape(a: FlavorShape, b: FlavorShape): boolean {
  return a.vcpus === b.vcpus && a.ram === b.ram && a.disk === b.disk && a.ephemeral === b.ephemeral && a.swap === b.swap && a.isPublic === b.isPublic;
}
