import { flexRender, getCoreRowModel, useReactTable, type SortingState, type TableOptions, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatCount } from '../lib/format-count.ts';

/** Fixed, so the virtualizer never measures: scrolling 200,000 rows costs the rows on screen. */
const ROW_HEIGHT = 32;
const SELECT_WIDTH = 36;

export interface TableGroupItem {
  kind: 'group';
  /** Unique among the items of one grouping. */
  key: string;
}

export type TableItem<Row, Group extends TableGroupItem> = Group | { kind: 'row'; row: Row };

export interface TableSort<ColumnId extends string> {
  column: ColumnId;
  descending: boolean;
}

/** Checkboxes and Space on a row; the label names the row for a screen reader. */
export interface TableSelection<Row> {
  selected: ReadonlySet<string>;
  onToggle: (row: Row) => void;
  label: (row: Row) => string;
}

interface VirtualTableProps<Row extends { key: string }, Group extends TableGroupItem, ColumnId extends string> {
  items: readonly TableItem<Row, Group>[];
  /** The visible columns, in order; TanStack Table renders their cells. */
  columns: TableOptions<Row>['columns'];
  columnLabels: Record<ColumnId, string>;
  isColumnId: (id: string) => id is ColumnId;
  sort: TableSort<ColumnId>;
  onSortChange: (sort: TableSort<ColumnId>) => void;
  renderGroup: (group: Group) => ReactNode;
  label: string;
  /** CSS height of the scrolling table. */
  height: string;
  openKey?: string;
  /** Click or Enter on a row; rows are not clickable without it. */
  onOpen?: (row: Row) => void;
  selection?: TableSelection<Row>;
  /** Extra classes for a row, e.g. to mark a partial one. */
  rowClassName?: (row: Row) => string;
}

/**
 * The inventory grid: virtual rows (only those on screen exist in the DOM and in TanStack Table),
 * group header rows, sortable column headers, and the ARIA grid keyboard model (arrows, Page
 * Up/Down, Home/End, Enter to open, Space to select). Rows arrive filtered, sorted and grouped.
 */
export function VirtualTable<Row extends { key: string }, Group extends TableGroupItem, ColumnId extends string>({
  items,
  columns,
  columnLabels,
  isColumnId,
  sort,
  onSortChange,
  renderGroup,
  label,
  height,
  openKey,
  onOpen,
  selection,
  rowClassName,
}: VirtualTableProps<Row, Group, ColumnId>) {
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
    () =>
      virtualItems.flatMap((virtual) => {
        const item = items[virtual.index];
        return item?.kind === 'row' ? [item.row] : [];
      }),
    [virtualItems, items],
  );
  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.descending }], [sort]);
  const table = useReactTable({
    data: windowRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.key,
    state: { sorting },
    manualSorting: true,
    // No pagination here: without this, every new window of rows would queue a page-index reset (a state update).
    manualPagination: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next && isColumnId(next.id)) onSortChange({ column: next.id, descending: next.desc });
    },
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = Math.max(0, headers.reduce((sum, header) => sum + header.getSize(), 0) + (selection ? SELECT_WIDTH : 0));

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
    const item = items[activeIndex];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === ' ' && selection && item?.kind === 'row') {
      event.preventDefault();
      selection.onToggle(item.row);
    } else if (event.key === 'Enter' && onOpen && item?.kind === 'row') {
      event.preventDefault();
      onOpen(item.row);
    }
  };

  return (
    <div ref={scrollRef} className="relative overflow-auto rounded-md border border-slate-200 dark:border-slate-800" style={{ height }}>
      <table role="grid" aria-label={label} aria-rowcount={items.length + 1} className="grid text-left" style={{ width, minWidth: '100%' }}>
        <thead className="sticky top-0 z-10 grid bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr aria-rowindex={1} className="flex w-full border-b border-slate-200 dark:border-slate-800">
            {selection ? (
              <th scope="col" className="flex shrink-0 items-center px-3" style={{ width: SELECT_WIDTH }}>
                <span className="sr-only">Selected</span>
              </th>
            ) : null}
            {headers.map((header) => {
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
                    {isColumnId(header.column.id) ? columnLabels[header.column.id] : header.column.id}
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
                  <td className="truncate" style={{ width }}>
                    {renderGroup(item)}
                  </td>
                </tr>
              );
            }
            const { row } = item;
            const open = row.key === openKey;
            return (
              <tr
                key={virtual.key}
                {...common}
                aria-selected={onOpen ? open : undefined}
                onClick={
                  onOpen
                    ? () => {
                        setActive(virtual.index);
                        onOpen(row);
                      }
                    : undefined
                }
                className={`absolute flex w-full items-center border-b border-slate-100 dark:border-slate-800/70 ${onOpen ? 'cursor-pointer' : ''} ${
                  open ? 'bg-teal-50 dark:bg-teal-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-900'
                } ${rowClassName?.(row) ?? ''}`}
              >
                {selection ? (
                  <td className="flex shrink-0 items-center px-3" style={{ width: SELECT_WIDTH }}>
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={selection.label(row)}
                      checked={selection.selected.has(row.key)}
                      onClick={(event) => event.stopPropagation()}
                      onChange={() => selection.onToggle(row)}
                    />
                  </td>
                ) : null}
                {table
                  .getRow(row.key)
                  .getVisibleCells()
                  .map((cell) => (
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

function itemKey<Row extends { key: string }>(item: TableItem<Row, TableGroupItem> | undefined): string {
  if (!item) return '';
  return item.kind === 'group' ? `group:${item.key}` : item.row.key;
}

/** A group's header row: the field, the value (with its cloud when the value alone is ambiguous) and the count. */
export function GroupHeading({ field, value, cloud, count, noun, children }: { field: string; value: string; cloud?: string; count: number; noun: [singular: string, plural: string]; children?: ReactNode }) {
  const shown = value === '' ? '(none)' : value;
  return (
    <>
      <span className="text-slate-500 dark:text-slate-400">{field} </span>
      <bdi>{cloud ? `${cloud} / ${shown}` : shown}</bdi>
      <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">
        {formatCount(count)} {count === 1 ? noun[0] : noun[1]}
      </span>
      {children}
    </>
  );
}
