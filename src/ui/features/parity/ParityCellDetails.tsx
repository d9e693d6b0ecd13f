import type { ParitySync } from '../../../fleet/actions/parity-sync.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { describeCell } from '../../../fleet/inventory/parity-matrix.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import type { SelectedCell } from './ParityMatrixTable.tsx';
import { ParitySyncDetails } from './ParitySync.tsx';
import { KIND_LABELS } from './parity-labels.ts';

/** The chosen cell in full: every difference on its own line, or the cloud's error for an unknown. */
export function ParityCellDetails({ selection, sourceName, sync, onClose }: { selection: SelectedCell; sourceName: (key: string) => string; sync?: ParitySync; onClose: () => void }) {
  const { item, cell } = selection;
  return (
    <section aria-label="Cell details" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-950">
      <header className="mb-2 flex items-start justify-between gap-3">
        <h2 className="font-semibold">
          {KIND_LABELS[item.kind].singular} <bdi>{item.name}</bdi> on {sourceName(cell.source)}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close details" className="rounded px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100">
          ✕
        </button>
      </header>
      <p>{describeCell(item, cell, sourceName)}</p>
      {cell.verdict === 'differs'
        ? (cell.differences ?? []).map((difference, index) =>
            difference.kind === 'field' ? (
              <dl key={index} className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 text-xs">
                <dt className="text-slate-500">{difference.label} here</dt>
                <dd className="font-mono break-all">{difference.actual}</dd>
                <dt className="text-slate-500">in the reference</dt>
                <dd className="font-mono break-all">{difference.expected}</dd>
              </dl>
            ) : (
              <div key={index} className="mt-2 grid gap-2 text-xs md:grid-cols-2">
                <RuleList title={`Rules ${sourceName(item.reference.source)} has and this lacks`} rules={difference.missing} />
                <RuleList title="Rules only here" rules={difference.extra} />
              </div>
            ),
          )
        : null}
      {cell.verdict === 'unknown' && cell.error !== undefined ? (
        <div className="mt-2">
          <ErrorDetails description={describeError(cell.error)} />
        </div>
      ) : null}
      {cell.entryId !== undefined ? <p className="mt-2 text-xs text-slate-500">Id here: <code className="font-mono select-all">{cell.entryId}</code></p> : null}
      {sync ? <ParitySyncDetails sync={sync} /> : null}
    </section>
  );
}

function RuleList({ title, rules }: { title: string; rules: readonly string[] }) {
  return (
    <div>
      <h3 className="font-medium text-slate-600 dark:text-slate-400">{title}</h3>
      {rules.length === 0 ? (
        <p className="text-slate-500">none</p>
      ) : (
        <ul className="list-disc pl-4 font-mono">
          {rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
