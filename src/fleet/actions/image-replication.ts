import type { ImageRecord } from '../../openstack/index.ts';
import { targetKey, type ActionPlan, type ActionTarget, type ImageCopyOperation, type PlanStep } from './plan.ts';

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

/** The images a target holds under the image's name, as read just before planning. */
export type TargetImageState = { target: ActionTarget; state: 'read'; images: readonly TargetImage[] } | { target: ActionTarget; state: 'unknown'; error: string };

export interface ImageReplicationInput {
  planId: string;
  now: number;
  source: ActionTarget;
  image: ImageRecord;
  targets: readonly TargetImageState[];
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/**
 * Image replication: the source image, by name and checksum, on every
 * target. Same name and checksum → no change; same name, other data →
 * conflict, never overwritten; a queued copy of ours (an interrupted run) is
 * reused rather than duplicated. Images larger than the browser path allows
 * are shown as conflicts that say so.
 */
export function planImageReplication(input: ImageReplicationInput): ActionPlan {
  const { image, source } = input;
  const name = image.name ?? image.id;
  const marker = copyMarker(image);
  const operation: ImageCopyOperation = {
    kind: 'copy-image',
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
  const tooLarge = operation.size > BROWSER_COPY_MAX_BYTES;
  const steps = input.targets
    .filter((entry) => targetKey(entry.target) !== targetKey(source))
    .map((entry): PlanStep => {
      const base = {
        id: `${targetKey(entry.target)}/image/${name}`,
        target: entry.target,
        resource: `image ${name}`,
        call: 'GET /v2/images/{id}/file → POST /v2/images → PUT /v2/images/{id}/file',
        destructive: false,
        operation,
      };
      const create = (reason?: string): PlanStep =>
        tooLarge
          ? {
              ...base,
              change: 'conflict',
              call: '—',
              reason: `${formatBytes(operation.size)} is more than the ${formatBytes(BROWSER_COPY_MAX_BYTES)} this browser copies; use Glance's import between the clouds`,
            }
          : { ...base, change: 'create', reason };
      if (entry.state === 'unknown') return create(`current state unknown (${entry.error}); looked up again before creating`);
      const same = entry.images.find((candidate) => candidate.status === 'active' && candidate.checksum === operation.checksum);
      if (same) return { ...base, change: 'no-change', call: '—' };
      const other = entry.images.find((candidate) => candidate.status !== 'queued' || candidate.marker !== marker);
      if (other) {
        return {
          ...base,
          change: 'conflict',
          call: '—',
          reason: `another image named ${name} is there (${other.status}, checksum ${other.checksum ?? 'none'}); it is not replaced`,
        };
      }
      if (entry.images.length > 0) return create('a queued copy left by an interrupted run is there; its data is uploaded, no second image is made');
      return create();
    });
  return {
    id: input.planId,
    kind: 'image-replication',
    title: `Image replication: ${name} (${formatBytes(operation.size)}) from ${targetKey(source)} to ${steps.length} target${steps.length === 1 ? '' : 's'}`,
    createdAt: input.now,
    steps,
  };
}
