import { useMemo, useState } from 'react';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ParityCellDetails } from './ParityCellDetails.tsx';
import { ParityFilterBar } from './ParityFilterBar.tsx';
import { ParityLegend } from './ParityLegend.tsx';
import { ParityMatrixTable, type SelectedCell } from './ParityMatrixTable.tsx';
import { useParitySync } from './ParitySync.tsx';
import { KIND_LABELS, sourceNamer, sourcesNoun } from './parity-labels.ts';
import { useParityMatrix } from './use-parity-matrix.ts';
import { useParityView } from './use-parity-view.ts';
import { formatCount } from '../../lib/format-count.ts';

const BUTTON = 'rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/** /parity: which clouds lack or differ in the key pairs, images, flavors and security groups the others have. */
export function ParityPage() {
  const clouds = useClouds();
  const [view, update] = useParityView();
  const { entries, matrix, visible, problems, pending } = useParityMatrix(view);
  const [selected, setSelected] = useState<SelectedCell | undefined>();
  const sourceName = useMemo(() => sourceNamer(matrix.sources), [matrix.sources]);
  const syncFor = useParitySync(matrix, visible.columns);
  const drifting = visible.items.filter((item) => visible.columns.some((index) => ['missing', 'differs'].includes(item.cells[index]?.verdict ?? ''))).length;
  const fetching = entries.filter((entry) => entry.fetching).length;
  // A selection made on an older matrix would show stale words: only a cell still on screen stays open.
  const current = selected && visible.items.includes(selected.item) ? selected : undefined;

  return (
    <>
      <PageHeader
        title="Parity"
        description={
          <span aria-label="Parity summary">
            {formatCount(visible.items.length)} items across {formatCount(visible.sources.length)} {sourcesNoun(visible.sources)};{' '}
            <span className={drifting > 0 ? 'text-amber-800 dark:text-amber-300' : ''}>{formatCount(drifting)} with drift</span>
            {pending > 0 ? `; ${formatCount(pending)} still loading` : ''}
            {problems.length > 0 ? <span className="text-red-700 dark:text-red-400">; {formatCount(problems.length)} not answering</span> : null}
          </span>
        }
        actions={
          <button type="button" onClick={() => entries.forEach((entry) => entry.refetch())} disabled={clouds.length === 0} className={BUTTON}>
            {fetching > 0 ? `Loading ${fetching} of ${clouds.length}…` : 'Refresh all'}
          </button>
        }
      />
      <div className="space-y-3 px-6 py-4">
        {clouds.length === 0 ? (
          <Notice tone="info" title="No clouds yet">
            Add clouds on the Clouds page and their key pairs, images, flavors and security groups are compared here.
          </Notice>
        ) : (
          <>
            {problems.length > 0 ? (
              <ul aria-label="Sources not answering" className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
                {problems.map((problem) => (
                  <li key={problem.source} aria-label={sourceName(problem.source)} className="rounded-md border border-red-200 bg-red-50/60 px-3 py-2 dark:border-red-900 dark:bg-red-950/40">
                    <p className="text-sm font-medium">
                      {sourceName(problem.source)}{' '}
                      <span className="font-normal text-slate-600 dark:text-slate-400">— {problem.kinds.map((kind) => KIND_LABELS[kind].title.toLowerCase()).join(', ')} unknown</span>
                    </p>
                    <ErrorDetails description={describeError(problem.error)} />
                  </li>
                ))}
              </ul>
            ) : null}
            <ParityFilterBar view={view} update={update} sources={matrix.sources} />
            <ParityLegend />
            {visible.items.length > 0 ? (
              <ParityMatrixTable visible={visible} reference={matrix.reference} sourceName={sourceName} selected={current} onSelect={setSelected} syncFor={syncFor} />
            ) : (
              <div className="flex h-40 items-center justify-center rounded-md border border-dashed border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400">
                {matrix.items.length > 0 ? (view.driftOnly ? 'No drift among these items and clouds.' : 'No item matches these filters.') : pending > 0 ? 'Waiting for the first cloud to answer…' : 'No key pairs, images, flavors or security groups in any cloud that answered.'}
              </div>
            )}
            {current ? <ParityCellDetails selection={current} sourceName={sourceName} sync={syncFor?.(current.item)} onClose={() => setSelected(undefined)} /> : null}
          </>
        )}
      </div>
    </>
  );
}
