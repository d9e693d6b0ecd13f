import { isImageColumnId } from '../../../fleet/inventory/image-columns.ts';
import type { ImageGroupItem, ImageListItem, ImageSort } from '../../../fleet/inventory/image-view.ts';
import { GroupHeading, VirtualTable } from '../../components/VirtualTable.tsx';
import { IMAGE_COLUMN_LABELS, IMAGE_COLUMNS } from './image-columns.tsx';

interface ImagesTableProps {
  items: readonly ImageListItem[];
  sort: ImageSort;
  onSortChange: (sort: ImageSort) => void;
  height?: string;
}

const GROUP_NAMES: Record<ImageGroupItem['field'], string> = { name: 'Name', cloud: 'Cloud', region: 'Region', visibility: 'Visibility', status: 'Status' };

/** Every image of the fleet, virtualized: only the rows on screen exist in the DOM and in TanStack Table. */
export function ImagesTable({ items, sort, onSortChange, height = 'max(18rem, calc(100vh - 19rem))' }: ImagesTableProps) {
  return (
    <VirtualTable
      items={items}
      columns={IMAGE_COLUMNS}
      columnLabels={IMAGE_COLUMN_LABELS}
      isColumnId={isImageColumnId}
      sort={sort}
      onSortChange={onSortChange}
      renderGroup={(group) => <ImageGroupHeading group={group} />}
      label="Images"
      height={height}
    />
  );
}

function ImageGroupHeading({ group }: { group: ImageGroupItem }) {
  return (
    <GroupHeading field={GROUP_NAMES[group.field]} value={group.value} cloud={group.cloud} count={group.count} noun={['image', 'images']}>
      {group.digests !== undefined && group.digests > 1 ? (
        <span className="ml-2 rounded bg-amber-100 px-1.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">{group.digests} different checksums</span>
      ) : null}
    </GroupHeading>
  );
}
