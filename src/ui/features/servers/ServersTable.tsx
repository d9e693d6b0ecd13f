import { useMemo } from 'react';
import type { GroupItem, ServerListItem } from '../../../fleet/inventory/group-rows.ts';
import { isServerColumnId, type ServerColumnId } from '../../../fleet/inventory/server-columns.ts';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import type { ServerSort } from '../../../fleet/inventory/sort-rows.ts';
import { GroupHeading, VirtualTable } from '../../components/VirtualTable.tsx';
import { COLUMN_LABELS, SERVER_COLUMNS } from './server-columns.tsx';

interface ServersTableProps {
  items: readonly ServerListItem[];
  columns: readonly ServerColumnId[];
  sort: ServerSort;
  onSortChange: (sort: ServerSort) => void;
  openKey?: string;
  onOpen: (row: ServerRow) => void;
  label: string;
  /** CSS height of the scrolling table; by default it fills the page below the console's header and filters. */
  height?: string;
  /** Row selection for actions (checkboxes, Space on a row); left out in read-only mode. */
  selected?: ReadonlySet<string>;
  onToggleSelected?: (row: ServerRow) => void;
}

const GROUP_NAMES: Record<GroupItem['field'], string> = { cloud: 'Cloud', region: 'Region', site: 'Site', status: 'Status' };

export function ServersTable({ items, columns, sort, onSortChange, openKey, onOpen, label, height = 'max(18rem, calc(100vh - 21rem))', selected, onToggleSelected }: ServersTableProps) {
  const visibleColumns = useMemo(() => {
    const visible = new Set<string>(columns);
    return SERVER_COLUMNS.filter((column) => visible.has(column.id ?? ''));
  }, [columns]);
  const selection = useMemo(
    () =>
      onToggleSelected
        ? { selected: selected ?? new Set<string>(), onToggle: onToggleSelected, label: (row: ServerRow) => `Select ${row.name || row.id} in ${row.cloud}/${row.region}` }
        : undefined,
    [selected, onToggleSelected],
  );
  return (
    <VirtualTable
      items={items}
      columns={visibleColumns}
      columnLabels={COLUMN_LABELS}
      isColumnId={isServerColumnId}
      sort={sort}
      onSortChange={onSortChange}
      renderGroup={(group) => <GroupHeading field={GROUP_NAMES[group.field]} value={group.value} cloud={group.cloud} count={group.count} noun={['server', 'servers']} />}
      label={label}
      height={height}
      openKey={openKey}
      onOpen={onOpen}
      selection={selection}
      rowClassName={(row) => (row.partial ? 'bg-amber-50/40 dark:bg-amber-950/20' : '')}
    />
  );
}
