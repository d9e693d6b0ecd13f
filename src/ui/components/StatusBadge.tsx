import type { CloudStatus } from '../../fleet/health/cloud-health.ts';

const STYLES: Record<CloudStatus, { label: string; className: string; dot: string }> = {
  pending: { label: 'Connecting', className: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300', dot: 'bg-slate-400 animate-pulse' },
  ok: { label: 'OK', className: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300', dot: 'bg-emerald-500' },
  stale: { label: 'Stale', className: 'bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300', dot: 'bg-amber-500' },
  failing: { label: 'Failing', className: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300', dot: 'bg-red-500' },
  unauthorized: { label: 'Sign-in rejected', className: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300', dot: 'bg-red-500' },
  forbidden: { label: 'Forbidden', className: 'bg-orange-50 text-orange-800 dark:bg-orange-950 dark:text-orange-300', dot: 'bg-orange-500' },
  'signin-needed': { label: 'Sign-in needed', className: 'bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300', dot: 'bg-sky-500' },
};

export function statusLabel(status: CloudStatus): string {
  return STYLES[status].label;
}

export function StatusBadge({ status, detail }: { status: CloudStatus; detail?: string }) {
  const style = STYLES[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${style.className}`}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${style.dot}`} />
      <span>{style.label}</span>
      {detail ? <span className="font-normal opacity-75">· {detail}</span> : null}
    </span>
  );
}
