import { remainingStepIds, type RunRecord } from '../../../fleet/actions/run-record.ts';
import { SMALL_BUTTON } from '../clouds/form-styles.ts';
import { RunResultBadge } from './badges.tsx';
import { tallyText } from './RunPanel.tsx';

interface AuditLogListProps {
  records: readonly RunRecord[];
  live: ReadonlySet<string>;
  onOpen: (record: RunRecord) => void;
  onResume: (record: RunRecord) => void;
}

export function AuditLogList({ records, live, onOpen, onResume }: AuditLogListProps) {
  return (
    <section aria-labelledby="audit-log-title" className="space-y-2">
      <h2 id="audit-log-title" className="font-semibold">
        Audit log
      </h2>
      {records.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">No action has run in this browser yet. Runs are kept here, in this browser’s storage, across reloads.</p>
      ) : (
        <table aria-label="Audit log" className="w-full text-left text-xs">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">Started</th>
              <th scope="col" className="py-1 font-medium">Action</th>
              <th scope="col" className="py-1 font-medium">As</th>
              <th scope="col" className="py-1 font-medium">Result</th>
              <th scope="col" className="py-1 font-medium">Steps</th>
              <th scope="col" className="py-1 font-medium">
                <span className="sr-only">Open or resume</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {records.map((record) => (
              <tr key={record.id} aria-label={record.plan.title}>
                <td className="py-1 whitespace-nowrap">{new Date(record.startedAt).toLocaleString('en-GB')}</td>
                <td className="py-1">{record.plan.title}</td>
                <td className="py-1">{[...new Set(Object.values(record.actors))].join(', ')}</td>
                <td className="py-1">
                  <RunResultBadge record={record} live={live.has(record.id)} />
                </td>
                <td className="py-1">{tallyText(record)}</td>
                <td className="py-1 text-right whitespace-nowrap">
                  <button type="button" className={SMALL_BUTTON} onClick={() => onOpen(record)} aria-label={`Open run: ${record.plan.title}`}>
                    Open
                  </button>
                  {record.state === 'interrupted' && !live.has(record.id) && remainingStepIds(record).length > 0 ? (
                    <button type="button" className={`${SMALL_BUTTON} ml-1`} onClick={() => onResume(record)} aria-label={`Resume run: ${record.plan.title}`}>
                      Resume
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
