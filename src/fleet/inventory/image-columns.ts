import { imageDigest, type ImageRow } from './image-row.ts';

/** The columns of the images table, in display order; ids appear in URLs, so they never change meaning. */
export const IMAGE_COLUMN_IDS = [
  'name',
  'status',
  'visibility',
  'cloud',
  'region',
  'size',
  'disk',
  'container',
  'checksum',
  'owner',
  'created',
  'id',
] as const;

export type ImageColumnId = (typeof IMAGE_COLUMN_IDS)[number];

export function isImageColumnId(value: string): value is ImageColumnId {
  return (IMAGE_COLUMN_IDS as readonly string[]).includes(value);
}

/** The value a column sorts by; numbers as digits, which the numeric collation orders by value. */
export function imageSortValue(row: ImageRow, column: ImageColumnId): string {
  switch (column) {
    case 'name':
      return row.name;
    case 'status':
      return row.status;
    case 'visibility':
      return row.visibility;
    case 'cloud':
      return row.cloud;
    case 'region':
      return row.region;
    case 'owner':
      return row.ownerName || row.owner;
    case 'size':
      return row.size === undefined ? '' : String(row.size);
    case 'disk':
      return row.diskFormat;
    case 'container':
      return row.containerFormat;
    case 'checksum':
      return imageDigest(row);
    case 'created':
      return row.created;
    case 'id':
      return row.id;
  }
}
