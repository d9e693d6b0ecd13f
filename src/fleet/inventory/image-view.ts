import { imageSortValue, type ImageColumnId } from './image-columns.ts';
import { imageDigest, type ImageRow } from './image-row.ts';

/** Every filter of the images view; '' means "any". */
export interface ImageFilters {
  /** Case-insensitive text in name, id, checksum or owner (global search links with a name or an id). */
  text: string;
  cloud: string;
  region: string;
  visibility: string;
  status: string;
  /** The disk format (qcow2, raw, …). */
  format: string;
}

export const NO_IMAGE_FILTERS: Readonly<ImageFilters> = Object.freeze({ text: '', cloud: '', region: '', visibility: '', status: '', format: '' });

export interface ImageSort {
  column: ImageColumnId;
  descending: boolean;
}

export const IMAGE_GROUP_BY = ['name', 'cloud', 'region', 'visibility', 'status'] as const;
export type ImageGroupBy = (typeof IMAGE_GROUP_BY)[number];

export function filterImageRows(rows: readonly ImageRow[], filters: ImageFilters): ImageRow[] {
  const text = filters.text.trim().toLowerCase();
  const exact: Array<[keyof ImageRow, string]> = (
    [
      ['cloud', filters.cloud],
      ['region', filters.region],
      ['visibility', filters.visibility],
      ['status', filters.status],
      ['diskFormat', filters.format],
    ] as Array<[keyof ImageRow, string]>
  ).filter(([, wanted]) => wanted !== '');
  return rows.filter(
    (row) =>
      exact.every(([field, wanted]) => row[field] === wanted) &&
      (text === '' || [row.name, row.id, row.checksum, row.hashValue, row.owner, row.ownerName].some((value) => value.toLowerCase().includes(text))),
  );
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Stable; empty values last in both directions; ties keep fleet order. */
export function sortImageRows(rows: readonly ImageRow[], sort: ImageSort): ImageRow[] {
  const keyed = rows.map((row, index) => ({ row, index, value: imageSortValue(row, sort.column) }));
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === '' || b.value === '') return a.value === b.value ? a.index - b.index : a.value === '' ? 1 : -1;
    return direction * collator.compare(a.value, b.value) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

export interface ImageGroupItem {
  kind: 'group';
  key: string;
  field: ImageGroupBy;
  /** '' for rows without a value. */
  value: string;
  /** For region: its cloud (a region name alone is ambiguous across clouds). */
  cloud?: string;
  count: number;
  /** For name: how many different digests the group's images have (more than one is drift). */
  digests?: number;
}

export type ImageListItem = ImageGroupItem | { kind: 'row'; row: ImageRow };

/** The flat list the virtualized table renders: a header before each group, groups in order of their first row. */
export function groupImageRows(rows: readonly ImageRow[], by: ImageGroupBy | undefined): ImageListItem[] {
  if (by === undefined) return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, { item: ImageGroupItem; rows: ImageRow[]; digests: Set<string> }>();
  for (const row of rows) {
    const value = row[by];
    const key = by === 'region' ? `${row.cloud}/${row.region}` : value;
    let group = groups.get(key);
    if (!group) {
      group = { item: { kind: 'group', key, field: by, value, count: 0, ...(by === 'region' ? { cloud: row.cloud } : {}) }, rows: [], digests: new Set() };
      groups.set(key, group);
    }
    group.item.count += 1;
    group.rows.push(row);
    if (by === 'name') group.digests.add(imageDigest(row));
  }
  const items: ImageListItem[] = [];
  for (const { item, rows: members, digests } of groups.values()) {
    items.push(by === 'name' ? { ...item, digests: digests.size } : item);
    for (const row of members) items.push({ kind: 'row', row });
  }
  return items;
}
