import type { ErrorDescription } from '../../fleet/health/describe-error.ts';

/** A failure as the operator needs it: what, where, the API's words, and the request id to quote. */
export function ErrorDetails({ description }: { description: ErrorDescription }) {
  return (
    <div role="alert" className="space-y-0.5 text-xs text-red-800 dark:text-red-300">
      <p className="font-medium">
        {description.headline}
        {description.status ? ` (HTTP ${description.status})` : ''}
        {description.where ? <span className="font-normal text-red-700/80 dark:text-red-300/80"> — {description.where}</span> : null}
      </p>
      {description.detail ? <p className="break-words text-red-700 dark:text-red-300/90">{description.detail}</p> : null}
      {description.requestId ? (
        <p className="text-red-700/80 dark:text-red-300/80">
          Request id <code className="font-mono select-all">{description.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}
