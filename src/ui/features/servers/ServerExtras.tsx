import { describeError } from '../../../fleet/health/describe-error.ts';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { useActionLog, useAttachedVolumes, useConsoleRequest } from './api/server-extras.ts';

const HEADING = 'mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400';
const BUTTON = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

function Pending({ what }: { what: string }) {
  return <p className="text-xs text-slate-500 dark:text-slate-400">Loading {what}…</p>;
}

function Quiet({ text }: { text: string }) {
  return <p className="text-sm text-slate-400 italic dark:text-slate-500">{text}</p>;
}

/** Volumes attached to the server, read from Nova when the panel opens. */
export function AttachedVolumes({ row }: { row: ServerRow }) {
  const query = useAttachedVolumes(row);
  return (
    <section aria-label="Volumes">
      <h3 className={HEADING}>Volumes</h3>
      {query.isError ? (
        <ErrorDetails description={describeError(query.error)} />
      ) : query.data === undefined ? (
        <Pending what="volumes" />
      ) : query.data.length === 0 ? (
        <Quiet text="No volumes attached" />
      ) : (
        <ul className="space-y-0.5 text-sm">
          {query.data.map((volume, index) => (
            <li key={`${index}:${volume.volumeId}`} className="flex items-baseline gap-2">
              <span className="font-mono text-xs">{volume.device || '(no device yet)'}</span>
              <bdi className="min-w-0 font-mono text-xs break-all">{volume.volumeId}</bdi>
              {volume.deleteOnTermination ? <span className="text-xs text-slate-500">deleted with the server</span> : null}
              {volume.tag ? (
                <span className="text-xs text-slate-500">
                  tag <bdi>{volume.tag}</bdi>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The server's action log (os-instance-actions), newest first. */
export function ActionLog({ row }: { row: ServerRow }) {
  const query = useActionLog(row);
  return (
    <section aria-label="Action log">
      <h3 className={HEADING}>Action log</h3>
      {query.isError ? (
        <ErrorDetails description={describeError(query.error)} />
      ) : query.data === undefined ? (
        <Pending what="actions" />
      ) : query.data.actions.length === 0 ? (
        <Quiet text="No actions recorded" />
      ) : (
        <>
          <ol className="space-y-1 text-sm">
            {query.data.actions.map((action, index) => (
              <li key={`${index}:${action.requestId}`}>
                <div className="flex items-baseline justify-between gap-2">
                  <bdi className="font-medium">{action.action}</bdi>
                  <time dateTime={action.startedAt} className="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400">
                    {action.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}
                  </time>
                </div>
                <div className="text-xs text-slate-500 dark:text-slate-400">
                  by <bdi>{action.userId || 'unknown user'}</bdi> · <code className="font-mono select-all">{action.requestId}</code>
                </div>
                {action.message ? <p className="text-xs text-red-700 dark:text-red-300">{action.message}</p> : null}
              </li>
            ))}
          </ol>
          {query.data.truncated ? <p className="mt-1 text-xs text-slate-500">Older actions are not shown.</p> : null}
        </>
      )}
    </section>
  );
}

/**
 * A console is a POST that mints a one-time token, so it is only asked for
 * on click, and never offered in read-only mode. The link opens in a new tab
 * without access back to this one.
 */
export function ServerConsole({ row }: { row: ServerRow }) {
  const request = useConsoleRequest(row);
  if (!request.available) return null;
  return (
    <section aria-label="Console">
      <h3 className={HEADING}>Console</h3>
      {request.data !== undefined ? (
        <a href={request.data} target="_blank" rel="noopener noreferrer" className="text-sm text-teal-700 underline hover:text-teal-900 dark:text-teal-400 dark:hover:text-teal-200">
          Open the VNC console in a new tab
        </a>
      ) : (
        <button type="button" className={BUTTON} disabled={request.isPending} onClick={() => request.mutate()}>
          {request.isPending ? 'Requesting a console…' : 'Request a console'}
        </button>
      )}
      {request.isError ? (
        <div className="mt-1">
          <ErrorDetails description={describeError(request.error)} />
        </div>
      ) : null}
    </section>
  );
}
