import type { StepProgress } from '../../../fleet/actions/execute-plan.ts';
import { formatBytes } from '../../../fleet/actions/image-replication.ts';

/** How far a long step (an image copy) has got: its phase and bytes moved. */
export function StepProgressBar({ progress, label }: { progress: StepProgress; label: string }) {
  const total = progress.totalBytes;
  const percent = total ? Math.min(100, Math.round((progress.bytes / total) * 100)) : undefined;
  return (
    <div className="max-w-md space-y-0.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${progress.phase}: ${formatBytes(progress.bytes)}${total ? ` of ${formatBytes(total)}` : ''}`}
        className="h-1.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-teal-600 transition-[width] dark:bg-teal-400" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p className="text-slate-600 dark:text-slate-400">
        {progress.phase} · {formatBytes(progress.bytes)}
        {total ? ` of ${formatBytes(total)}` : ''}
      </p>
    </div>
  );
}
