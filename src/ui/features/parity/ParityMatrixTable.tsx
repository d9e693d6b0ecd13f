import { memo, useState } from 'react';
import { describeCell } from '../../../fleet/inventory/parity-matrix.ts';
import { PARITY_KINDS, type ParityCell, type ParityItem, type ParitySource, type ParityUnknownReason } from '../../../fleet/inventory/parity-model.ts';
import type { VisibleParity } from '../../../fleet/inventory/parity-url-state.ts';
import { KIND_LABELS, sourceLabel } from './parity-labels.ts';
import { ParitySyncLink, type SyncFor } from './ParitySync.tsx';
import { formatCount } from '../../lib/format-count.ts';

export interface SelectedCell {
  item: ParityItem;
  cell: ParityCell;
}

interface ParityMatrixTableProps {
  visible: VisibleParity;
  /** The reference the matrix was built against, if one was chosen and usable. */
  reference?: string;
  sourceName: (key: string) => string;
  selected?: SelectedCell;
  onSelect?: (selection: SelectedCell) => void;
  /** The action that fixes a row's drift; absent where no action may be offered (read-only, embedded). */
  syncFor?: SyncFor;
  height?: string;
}

const CELL_STYLES = {
  present: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/70 dark:text-emerald-300',
  missing: 'bg-red-100 text-red-800 font-medium dark:bg-red-950 dark:text-red-300',
  differs: 'bg-amber-100 text-amber-900 font-medium dark:bg-amber-950 dark:text-amber-200',
  unknown: 'bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400',
} as const;

const UNKNOWN_SYMBOLS: Record<ParityUnknownReason, string> = { loading: '…', failed: '?', 'signin-needed': '?', 'no-service': '–' };

/**
 * Items down, clouds and regions across. Every cell is a button whose
 * accessible name says the verdict and, when it differs, how; the same words
 * show in the line above the matrix while a cell has the pointer or the
 * focus (a tooltip inside the scrolling matrix would be clipped at its edges).
 */
export function ParityMatrixTable(props: ParityMatrixTableProps) {
  const [explained, setExplained] = useState('');
  return (
    <div className="flex min-h-0 flex-col gap-1">
      <p aria-label="Cell explanation" className="min-h-4 shrink-0 truncate px-1 text-xs text-slate-700 dark:text-slate-300" title={explained}>
        {explained || <span className="text-slate-400 dark:text-slate-500">Hover or focus a cell to see what it means.</span>}
      </p>
      <MatrixGrid {...props} onExplain={setExplained} />
    </div>
  );
}

/** Memoized: moving the pointer over cells changes the explanation line, not the grid. */
const MatrixGrid = memo(function MatrixGrid({
  visible,
  reference,
  sourceName,
  selected,
  onSelect,
  syncFor,
  onExplain,
  height = 'max(18rem, calc(100vh - 22rem))',
}: ParityMatrixTableProps & { onExplain: (text: string) => void }) {
  const { sources, columns, items } = visible;
  return (
    <div className="overflow-auto rounded-md border border-slate-200 dark:border-slate-800" style={{ maxHeight: height }}>
      <table aria-label="Parity matrix" className="border-separate border-spacing-0 text-left text-sm">
        <thead className="sticky top-0 z-20 bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="sticky left-0 z-10 min-w-56 border-b border-slate-200 bg-slate-50 px-3 py-1.5 font-medium uppercase dark:border-slate-800 dark:bg-slate-900">
              Item
            </th>
            <th scope="col" className="min-w-28 border-b border-slate-200 px-2 py-1.5 font-medium uppercase dark:border-slate-800">
              Drift
            </th>
            {sources.map((source) => (
              <SourceHeader key={source.key} source={source} isReference={source.key === reference} />
            ))}
          </tr>
        </thead>
        {PARITY_KINDS.map((kind) => {
          const rows = items.filter((item) => item.kind === kind);
          if (rows.length === 0) return null;
          const label = KIND_LABELS[kind];
          return (
            <tbody key={kind} aria-label={label.title}>
              <tr>
                <th scope="rowgroup" colSpan={sources.length + 2} className="sticky left-0 border-b border-slate-200 bg-slate-100 px-3 py-1 text-left text-xs font-semibold dark:border-slate-800 dark:bg-slate-800/70">
                  {label.title} <span className="font-normal text-slate-500 dark:text-slate-400">{label.basis} · {formatCount(rows.length)}</span>
                </th>
              </tr>
              {rows.map((item) => (
                <tr key={`${kind}:${item.name}`} className="hover:bg-slate-50 dark:hover:bg-slate-900">
                  <th scope="row" className="sticky left-0 z-10 max-w-72 border-b border-slate-100 bg-white px-3 py-0.5 font-medium dark:border-slate-800/70 dark:bg-slate-950">
                    <bdi className="block truncate" title={item.name}>
                      {item.name}
                    </bdi>
                  </th>
                  <td className="border-b border-slate-100 px-2 py-0.5 text-xs whitespace-nowrap text-slate-600 dark:border-slate-800/70 dark:text-slate-400">
                    <DriftSummary item={item} columns={columns} />
                    {syncFor ? <ParitySyncLink sync={syncFor(item)} /> : null}
                  </td>
                  {columns.map((index) => {
                    const cell = item.cells[index];
                    if (!cell) return <td key={index} />;
                    const isSelected = selected?.item === item && selected.cell === cell;
                    return <MatrixCell key={cell.source} item={item} cell={cell} sourceName={sourceName} selected={isSelected} onSelect={onSelect} onExplain={onExplain} />;
                  })}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
});

function SourceHeader({ source, isReference }: { source: ParitySource; isReference: boolean }) {
  return (
    <th scope="col" className="min-w-24 border-b border-l border-slate-200 px-2 py-1 align-bottom font-normal dark:border-slate-800" title={sourceLabel(source)}>
      <bdi className="block max-w-32 truncate font-semibold text-slate-800 dark:text-slate-200">{source.cloud}</bdi>
      <bdi className="block max-w-32 truncate">{source.region ?? 'all regions'}</bdi>
      {source.project === undefined ? null : <bdi className="block max-w-32 truncate text-slate-500 italic dark:text-slate-400">{source.project}</bdi>}
      {isReference ? <span className="mt-0.5 inline-block rounded bg-teal-100 px-1 text-[10px] font-semibold text-teal-900 uppercase dark:bg-teal-900 dark:text-teal-100">reference</span> : null}
    </th>
  );
}

function DriftSummary({ item, columns }: { item: ParityItem; columns: readonly number[] }) {
  let missing = 0;
  let differs = 0;
  let unknown = 0;
  for (const index of columns) {
    const verdict = item.cells[index]?.verdict;
    if (verdict === 'missing') missing += 1;
    else if (verdict === 'differs') differs += 1;
    else if (verdict === 'unknown') unknown += 1;
  }
  const parts = [missing > 0 ? `${missing} missing` : '', differs > 0 ? `${differs} differ${differs === 1 ? 's' : ''}` : '', unknown > 0 ? `${unknown} unknown` : ''].filter(Boolean);
  return parts.length === 0 ? <span className="text-emerald-700 dark:text-emerald-400">in parity</span> : <span>{parts.join(' · ')}</span>;
}

function MatrixCell({
  item,
  cell,
  sourceName,
  selected,
  onSelect,
  onExplain,
}: {
  item: ParityItem;
  cell: ParityCell;
  sourceName: (key: string) => string;
  selected: boolean;
  onSelect?: (selection: SelectedCell) => void;
  onExplain: (text: string) => void;
}) {
  const description = describeCell(item, cell, sourceName);
  const isReference = cell.source === item.reference.source;
  const text = cell.verdict === 'present' ? '✓' : cell.verdict === 'unknown' ? UNKNOWN_SYMBOLS[cell.reason ?? 'failed'] : cell.verdict;
  return (
    <td className="border-b border-l border-slate-100 p-0.5 dark:border-slate-800/70">
      <button
        type="button"
        aria-label={description}
        title={description}
        aria-pressed={onSelect ? selected : undefined}
        onClick={() => onSelect?.({ item, cell })}
        onFocus={() => onExplain(description)}
        onMouseEnter={() => onExplain(description)}
        className={`flex h-6 w-full items-center justify-center rounded px-1 text-xs ${CELL_STYLES[cell.verdict]} ${
          selected ? 'ring-2 ring-teal-600 dark:ring-teal-400' : isReference ? 'ring-1 ring-teal-500/60' : ''
        }`}
      >
        {text}
        {cell.duplicates !== undefined ? <span className="ml-1 opacity-70">×{cell.duplicates}</span> : null}
      </button>
    </td>
  );
}
