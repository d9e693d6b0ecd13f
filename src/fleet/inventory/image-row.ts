import type { Image } from '../../openstack/index.ts';

/**
 * A Glance image as the images view and the parity matrix see it: flat,
 * normalized, and small (no wire object is kept, DESIGN rule 5).
 */
export interface ImageRow {
  /** Unique across the fleet: an image id is only unique within one cloud and region. */
  key: string;
  id: string;
  /** '' when Glance has none (an image still being created). */
  name: string;
  /** Glance's status, lower case as Glance sends it (active, queued, …). */
  status: string;
  /** public, private, shared or community. */
  visibility: string;
  /** The owning project's id; '' when Glance does not say. */
  owner: string;
  /** The owning project's name when it is one the user may use; '' when only its id is known. */
  ownerName: string;
  cloud: string;
  region: string;
  /** Bytes; undefined until the image has data. */
  size?: number;
  diskFormat: string;
  containerFormat: string;
  /** Glance's MD5 `checksum`; '' when it has none. */
  checksum: string;
  /** The multihash (Rocky+): `os_hash_algo` and `os_hash_value`; '' when absent. */
  hashAlgo: string;
  hashValue: string;
  minDiskGb: number;
  minRamMb: number;
  protected: boolean;
  /** ISO 8601, as Glance sends it: sorts as text. */
  created: string;
}

export function imageRowKey(cloud: string, region: string, id: string): string {
  return `${cloud}/${region}/${id}`;
}

export interface ImagePlace {
  cloud: string;
  region: string;
  /** Project names by id, as far as the user's projects tell: Glance names only the owner's id. */
  projectNames?: ReadonlyMap<string, string>;
}

export function toImageRow(image: Image, place: ImagePlace): ImageRow {
  const { cloud, region } = place;
  return {
    key: imageRowKey(cloud, region, image.id),
    id: image.id,
    name: image.name ?? '',
    status: image.status,
    visibility: image.visibility,
    owner: image.owner ?? '',
    ownerName: (image.owner && place.projectNames?.get(image.owner)) ?? '',
    cloud,
    region,
    size: image.size ?? undefined,
    diskFormat: image.disk_format ?? '',
    containerFormat: image.container_format ?? '',
    checksum: image.checksum ?? '',
    // The schema keeps properties it does not name; these two are read only when they are text.
    hashAlgo: textProperty(image, 'os_hash_algo'),
    hashValue: textProperty(image, 'os_hash_value'),
    minDiskGb: image.min_disk,
    minRamMb: image.min_ram,
    protected: image.protected,
    created: image.created_at,
  };
}

function textProperty(image: Image, name: string): string {
  const value: unknown = image[name];
  return typeof value === 'string' ? value : '';
}

/**
 * What identifies an image's data across clouds: the MD5 checksum every Glance
 * computes, else the multihash, else nothing (no data uploaded yet).
 */
export function imageDigest(row: Pick<ImageRow, 'checksum' | 'hashAlgo' | 'hashValue'>): string {
  if (row.checksum !== '') return row.checksum;
  if (row.hashValue !== '') return `${row.hashAlgo || 'hash'}:${row.hashValue}`;
  return '';
}
