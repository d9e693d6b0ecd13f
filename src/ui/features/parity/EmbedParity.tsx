import { useMemo } from 'react';
import { ParityMatrixTable } from './ParityMatrixTable.tsx';
import { sourceNamer, sourcesNoun } from './parity-labels.ts';
import { useParityMatrix } from './use-parity-matrix.ts';
import { useParityView } from './use-parity-view.ts';
import { formatCount } from '../../lib/format-count.ts';

/** The parity matrix alone, for a frame: its filters (kind, cloud, q, drift, ref) come from the URL or the host. */
export function EmbedParity() {
  const [view] = useParityView();
  const { matrix, visible, problems, pending } = useParityMatrix(view);
  const sourceName = useMemo(() => sourceNamer(matrix.sources), [matrix.sources]);
  const drifting = visible.items.filter((item) => visible.columns.some((index) => ['missing', 'differs'].includes(item.cells[index]?.verdict ?? ''))).length;
  return (
    <>
      <p role="status" aria-label="Parity summary" className="shrink-0 px-1 pb-1.5 text-xs text-slate-600 dark:text-slate-400">
        {formatCount(visible.items.length)} items, {formatCount(drifting)} with drift, across {formatCount(visible.sources.length)} {sourcesNoun(visible.sources)}
        {problems.length > 0 ? <span className="text-red-700 dark:text-red-400"> · {problems.length} not answering</span> : null}
        {pending > 0 ? ` · ${pending} loading` : null}
      </p>
      <div className="min-h-0 flex-1">
        {visible.items.length > 0 ? (
          <ParityMatrixTable visible={visible} reference={matrix.reference} sourceName={sourceName} height="calc(100vh - 6rem)" />
        ) : (
          <p className="px-1 text-sm text-slate-600 dark:text-slate-400">{pending > 0 ? 'Waiting for the clouds to answer…' : 'Nothing to compare with these filters.'}</p>
        )}
      </div>
    </>
  );
}
