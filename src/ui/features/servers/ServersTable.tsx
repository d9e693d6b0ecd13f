import { flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GroupItem, ServerListItem } from '../../../fleet/inventory/group-rows.ts';
import { isServerColumnId, SERVER_COLUMN_IDS, type ServerColumnId } from '../../../fleet/inventory/server-columns.ts';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import type { ServerSort } from '../../../fleet/inventory/sort-rows.ts';
import { COLUMN_LABELS, SERVER_COLUMNS } from './server-columns.tsx';

/** Fixed, so the virtualizer never measures: scrolling 200,000 rows costs the rows on screen. */
const ROW_HEIGHT = 32;

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
}

export function ServersTable({ items, columns, sort, onSortChange, openKey, onOpen, label, height = 'max(18rem, calc(100vh - 21rem))' }: ServersTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const focusAfterMove = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  // Stable while the items are: a new key function makes the virtualizer re-measure, hand out new
  // virtual items, and the table rebuild its row model on every render.
  const getItemKey = useCallback((index: number) => itemKey(items[index]), [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // TanStack Table holds only the rows on screen: its row model costs memory per row, ours does not.
  const windowRows = useMemo(
    () => virtualItems.flatMap((virtual) => {
      const item = items[virtual.index];
      return item?.kind === 'row' ? [item.row] : [];
    }),
    [virtualItems, items],
  );
  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(SERVER_COLUMN_IDS.map((id) => [id, columns.includes(id)])),
    [columns],
  );
  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.descending }], [sort]);
  const table = useReactTable({
    data: windowRows,
    columns: SERVER_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.key,
    state: { columnVisibility, sorting },
    manualSorting: true,
    // No pagination here: without this, every new window of rows would queue a page-index reset (a state update).
    manualPagination: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next && isServerColumnId(next.id)) onSortChange({ column: next.id, descending: next.desc });
    },
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = headers.reduce((sum, header) => sum + header.getSize(), 0);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`)?.focus();
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    focusAfterMove.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next);
  };
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      const item = items[activeIndex];
      if (item?.kind === 'row') {
        event.preventDefault();
        onOpen(item.row);
      }
    }
  };

  return (
    <div ref={scrollRef} className="relative overflow-auto rounded-md border border-slate-200 dark:border-slate-800" style={{ height }}>
      <table role="grid" aria-label={label} aria-rowcount={items.length + 1} className="grid text-left" style={{ width: Math.max(width, 0), minWidth: '100%' }}>
        <thead className="sticky top-0 z-10 grid bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr aria-rowindex={1} className="flex w-full border-b border-slate-200 dark:border-slate-800">
            {headers.map((header) => {
              const id = header.column.id as ServerColumnId;
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  className="flex shrink-0 items-center px-3 py-1.5 font-medium uppercase"
                  style={{ width: header.getSize() }}
                >
                  <button type="button" onClick={header.column.getToggleSortingHandler()} className="flex items-center gap-1 rounded hover:text-slate-900 dark:hover:text-slate-100">
                    {COLUMN_LABELS[id]}
                    <span aria-hidden="true" className="w-3 text-teal-700 dark:text-teal-400">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown} className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((virtual) => {
            const item = items[virtual.index];
            if (!item) return null;
            const common = {
              'data-index': virtual.index,
              'aria-rowindex': virtual.index + 2,
              tabIndex: virtual.index === activeIndex ? 0 : -1,
              onFocus: () => setActive(virtual.index),
              style: { transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT },
            };
            if (item.kind === 'group') {
              return (
                <tr key={virtual.key} {...common} className="absolute flex w-full items-center border-b border-slate-200 bg-slate-100 px-3 text-xs font-semibold dark:border-slate-800 dark:bg-slate-800/60">
                  <td className="truncate" style={{ width: Math.max(width, 0) }}>
                    <GroupLabel group={item} />
                  </td>
                </tr>
              );
            }
            const row = table.getRow(item.row.key);
            const open = item.row.key === openKey;
            return (
              <tr
                key={virtual.key}
                {...common}
                aria-selected={open}
                onClick={() => {
                  setActive(virtual.index);
                  onOpen(item.row);
                }}
                className={`absolute flex w-full cursor-pointer items-center border-b border-slate-100 dark:border-slate-800/70 ${
                  open ? 'bg-teal-50 dark:bg-teal-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-900'
                } ${item.row.partial ? 'bg-amber-50/40 dark:bg-amber-950/20' : ''}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="min-w-0 shrink-0 px-3" style={{ width: cell.column.getSize() }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function itemKey(item: ServerListItem | undefined): string {
  if (!item) return '';
  return item.kind === 'group' ? `group:${item.key}` : item.row.key;
}

const GROUP_NAMES: Record<GroupItem['field'], string> = { cloud: 'Cloud', region: 'Region', site: 'Site', status: 'Status' };

function GroupLabel({ group }: { group: GroupItem }) {
  const value = group.value === '' ? '(none)' : group.value;
  return (
    <>
      <span className="text-slate-500 dark:text-slate-400">{GROUP_NAMES[group.field]} </span>
      <bdi>{group.cloud ? `${group.cloud} / ${value}` : value}</bdi>
      <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">
        {group.count.toLocaleString('en')} {group.count === 1 ? 'server' : 'servers'}
      </span>
    </>
  );
}
