import type { ImageRecord } from '../../openstack/index.ts';
import { targetKey, type ActionPlan, type ActionTarget, type ImageCopyFields, type PlanStep } from './plan.ts';

/**
 * The browser path holds an image's data in the tab's memory (download,
 * digest, upload), so it stops at this size; larger images need Glance's
 * own import between the clouds.
 */
export const BROWSER_COPY_MAX_BYTES = 1024 * 1024 * 1024;

/** The property a copy carries: the source's digest, so a queued copy left by an interrupted run is found and reused. */
export const COPY_MARKER_PROPERTY = 'archipelago_copy_of';

/** What Glance computes or owns: never copied as a custom property. */
const NOT_COPIED = new Set([
  'id', 'name', 'status', 'visibility', 'owner', 'protected', 'tags', 'min_disk', 'min_ram', 'size', 'virtual_size',
  'disk_format', 'container_format', 'checksum', 'os_hidden', 'created_at', 'updated_at', 'self', 'file', 'schema',
  'os_hash_algo', 'os_hash_value', 'direct_url', 'locations', 'stores', COPY_MARKER_PROPERTY,
]);

/** The image's custom properties (os_distro, hw_*, …) that a copy should carry; Glance's own os_glance_* are left out. */
export function copiedProperties(image: ImageRecord): Record<string, string> {
  return Object.fromEntries(
    Object.entries(image).filter(
      (entry): entry is [string, string] => !NOT_COPIED.has(entry[0]) && !entry[0].startsWith('os_glance') && typeof entry[1] === 'string',
    ),
  );
}

/** The digest a copy is recognised by: the multihash when Glance has one, else the md5 checksum. */
export function copyMarker(image: Pick<ImageRecord, 'checksum' | 'os_hash_algo' | 'os_hash_value'>): string {
  return image.os_hash_algo && image.os_hash_value ? `${image.os_hash_algo}:${image.os_hash_value}` : `md5:${image.checksum ?? ''}`;
}

/** An image a target holds under the name: its data's checksum, and the copy marker if one of our runs made it. */
export interface TargetImage {
  id: string;
  status: string;
  checksum?: string | null;
  marker?: string;
}

export function targetImageOf(image: ImageRecord): TargetImage {
  const marker = image[COPY_MARKER_PROPERTY];
  return { id: image.id, status: image.status, checksum: image.checksum, marker: typeof marker === 'string' ? marker : undefined };
}

/**
 * What the planner knows of a Glance besides its images: its endpoint (two
 * regions answering at one endpoint share one Glance) and, for a region of
 * the source's own cloud, the import methods it offers (undefined when
 * GET /v2/info/import could not be read).
 */
export interface GlanceFacts {
  endpoint: string;
  importMethods?: readonly string[];
}

/** The images a target holds under the image's name, as read just before planning. */
export type TargetImageState =
  | { target: ActionTarget; state: 'read'; images: readonly TargetImage[]; glance?: GlanceFacts }
  | { target: ActionTarget; state: 'unknown'; error: string };

/** A store of the source's Glance, as GET /v2/info/stores lists it. */
export interface StoreFacts {
  id: string;
  readOnly: boolean;
}

/** Copies to other stores of the source's own Glance (copy-image), and what that Glance offers. */
export interface StoreCopyRequest {
  wanted: readonly string[];
  /** Empty when the Glance is not multi-store (its /v2/info/stores answers 404). */
  available: readonly StoreFacts[];
  importMethods?: readonly string[];
  /** Whether the session holds the admin role: Glance's default policy lets only admins copy between stores. */
  admin?: boolean;
}

export interface ImageReplicationInput {
  planId: string;
  now: number;
  source: ActionTarget;
  image: ImageRecord;
  targets: readonly TargetImageState[];
  /** The source's Glance endpoint, to tell a target region served by the same Glance. */
  sourceGlance?: GlanceFacts;
  stores?: StoreCopyRequest;
}

/** How a target gets the data, and why that way: shown in the preview. */
export type CopyRoute =
  | { kind: 'browser'; why: string }
  | { kind: 'glance-download'; why: string }
  | { kind: 'shared-glance'; why: string };

const ROUTE_NAMES: Record<CopyRoute['kind'], string> = { browser: 'through the browser', 'glance-download': 'glance-download', 'shared-glance': 'no copy needed' };

/**
 * glance-download needs the source region in the catalog of the token the
 * target's Glance is called with, so only regions of the source's own cloud
 * (one Keystone) qualify, and only where that Glance offers the method.
 */
export function chooseCopyRoute(source: ActionTarget, sourceGlance: GlanceFacts | undefined, target: ActionTarget, glance: GlanceFacts | undefined): CopyRoute {
  if (target.cloud !== source.cloud) {
    return { kind: 'browser', why: `${target.cloud} has its own Keystone, so its Glance cannot fetch from ${targetKey(source)}: the data passes through this browser` };
  }
  if (glance && sourceGlance && glance.endpoint === sourceGlance.endpoint) {
    return { kind: 'shared-glance', why: `${target.region} and ${source.region} are served by the same Glance (${glance.endpoint}): the image is already there, nothing to copy` };
  }
  if (!glance?.importMethods) {
    return { kind: 'browser', why: `the import methods of ${targetKey(target)}'s Glance could not be read: the data passes through this browser` };
  }
  if (!glance.importMethods.includes('glance-download')) {
    const offered = glance.importMethods.length > 0 ? glance.importMethods.join(', ') : 'none';
    return { kind: 'browser', why: `${targetKey(target)}'s Glance does not offer glance-download (it offers ${offered}): the data passes through this browser` };
  }
  return { kind: 'glance-download', why: `${target.region} and ${source.region} share ${source.cloud}'s Keystone and ${target.region}'s Glance offers glance-download: it fetches the data from ${source.region}'s Glance itself, none passes through this browser` };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/**
 * Image replication: the source image, by name and checksum, on every
 * target, each by the best route (chooseCopyRoute). Same name and checksum →
 * no change; same name, other data → conflict, never overwritten; an
 * unfinished copy of ours (an interrupted run) is carried on rather than
 * duplicated. Images larger than the browser path allows are conflicts
 * that say so where the browser would carry them. Stores of the source's
 * own Glance are added by copy-image.
 */
export function planImageReplication(input: ImageReplicationInput): ActionPlan {
  const { image, source } = input;
  const name = image.name ?? image.id;
  const marker = copyMarker(image);
  const fields: ImageCopyFields = {
    source,
    sourceImageId: image.id,
    name,
    size: image.size ?? 0,
    checksum: image.checksum ?? '',
    hashAlgo: image.os_hash_algo ?? undefined,
    hashValue: image.os_hash_value ?? undefined,
    diskFormat: image.disk_format ?? 'raw',
    containerFormat: image.container_format ?? 'bare',
    minDisk: image.min_disk,
    minRam: image.min_ram,
    tags: [...image.tags],
    properties: { ...copiedProperties(image), [COPY_MARKER_PROPERTY]: marker },
  };
  const tooLarge = fields.size > BROWSER_COPY_MAX_BYTES;
  const regionSteps = input.targets
    .filter((entry) => targetKey(entry.target) !== targetKey(source))
    .map((entry): PlanStep => {
      const route = chooseCopyRoute(source, input.sourceGlance, entry.target, entry.state === 'read' ? entry.glance : undefined);
      const viaGlance = route.kind === 'glance-download';
      const base = {
        id: `${targetKey(entry.target)}/image/${name}`,
        target: entry.target,
        resource: `image ${name}`,
        call: viaGlance ? 'POST /v2/images → POST /v2/images/{id}/import (glance-download)' : 'GET /v2/images/{id}/file → POST /v2/images → PUT /v2/images/{id}/file',
        destructive: false,
        method: { name: ROUTE_NAMES[route.kind], why: route.why },
        operation: viaGlance ? { ...fields, kind: 'glance-download-image' as const } : { ...fields, kind: 'copy-image' as const },
      };
      const create = (reason?: string): PlanStep =>
        tooLarge && !viaGlance
          ? {
              ...base,
              change: 'conflict',
              call: '—',
              reason: `${formatBytes(fields.size)} is more than the ${formatBytes(BROWSER_COPY_MAX_BYTES)} this browser copies; use Glance's import between the clouds`,
            }
          : { ...base, change: 'create', reason };
      if (route.kind === 'shared-glance') return { ...base, change: 'no-change', call: '—' };
      if (entry.state === 'unknown') return create(`current state unknown (${entry.error}); looked up again before creating`);
      const same = entry.images.find((candidate) => candidate.status === 'active' && candidate.checksum === fields.checksum);
      if (same) return { ...base, change: 'no-change', call: '—' };
      // An import Glance is still running for an interrupted run of ours is waited for; the browser path only ever leaves a queued record.
      const resumable = viaGlance ? ['queued', 'importing'] : ['queued'];
      const other = entry.images.find((candidate) => !resumable.includes(candidate.status) || candidate.marker !== marker);
      if (other) {
        return {
          ...base,
          change: 'conflict',
          call: '—',
          reason: `another image named ${name} is there (${other.status}, checksum ${other.checksum ?? 'none'}); it is not replaced`,
        };
      }
      const unfinished = entry.images[0];
      if (unfinished) {
        return create(
          unfinished.status === 'importing'
            ? 'Glance is still importing a copy an interrupted run started; it is waited for, no second image is made'
            : viaGlance
              ? 'a queued copy left by an interrupted run is there; it is imported, no second image is made'
              : 'a queued copy left by an interrupted run is there; its data is uploaded, no second image is made',
        );
      }
      return create();
    });
  const storeSteps = (input.stores?.wanted ?? []).map((store) => planStoreCopy(input, name, store));
  const steps = [...regionSteps, ...storeSteps];
  const what = [
    regionSteps.length > 0 ? `${regionSteps.length} target${regionSteps.length === 1 ? '' : 's'}` : '',
    storeSteps.length > 0 ? `${storeSteps.length} store${storeSteps.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return {
    id: input.planId,
    kind: 'image-replication',
    title: `Image replication: ${name} (${formatBytes(fields.size)}) from ${targetKey(source)} to ${what.join(' and ') || '0 targets'}`,
    createdAt: input.now,
    steps,
  };
}

/** The image in one more store of its own Glance: no change when its `stores` lists it already. */
function planStoreCopy(input: ImageReplicationInput, name: string, store: string): PlanStep {
  const { image, source } = input;
  const available = input.stores?.available ?? [];
  const base = {
    id: `${targetKey(source)}/image/${name}/store/${store}`,
    target: source,
    resource: `image ${name} in store ${store}`,
    call: 'POST /v2/images/{id}/import (copy-image)',
    destructive: false,
    method: { name: 'copy-image', why: `store ${store} belongs to ${targetKey(source)}'s own Glance, which copies the data between its stores` },
    operation: { kind: 'copy-image-to-store' as const, imageId: image.id, name, store, size: image.size ?? 0, checksum: image.checksum ?? '' },
  };
  const conflict = (reason: string): PlanStep => ({ ...base, change: 'conflict', call: '—', reason });
  const known = available.find((candidate) => candidate.id === store);
  if (!known) {
    return conflict(
      available.length === 0
        ? `${targetKey(source)}'s Glance has no stores to choose from (it is not multi-store)`
        : `${targetKey(source)}'s Glance has no store ${store} (it has ${available.map((candidate) => candidate.id).join(', ')})`,
    );
  }
  if ((image.stores ?? '').split(',').includes(store)) return { ...base, change: 'no-change', call: '—' };
  if (known.readOnly) return conflict(`store ${store} is read-only`);
  if (!input.stores?.importMethods?.includes('copy-image')) {
    return conflict(`${targetKey(source)}'s Glance does not offer copy-image${input.stores?.importMethods ? '' : ' (its import methods could not be read)'}`);
  }
  // A cloud's policy may allow members too, so this warns rather than refuses.
  if (input.stores?.admin === false) {
    return { ...base, change: 'create', reason: "Glance's default policy lets only admins copy between stores, and this session has no admin role: expect a 403 unless the cloud allows it" };
  }
  return { ...base, change: 'create' };
}
