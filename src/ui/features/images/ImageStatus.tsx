const STYLES: Record<string, string> = {
  active: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  killed: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300',
  queued: 'bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  saving: 'bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  importing: 'bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  deactivated: 'bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
};
const OTHER = 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300';

/** Glance's status as it says it. */
export function ImageStatus({ status }: { status: string }) {
  return <span className={`inline-block max-w-full truncate rounded px-1.5 py-px align-middle text-xs font-medium ${STYLES[status] ?? OTHER}`}>{status}</span>;
}
