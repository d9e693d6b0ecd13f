const STYLES: Record<string, string> = {
  ACTIVE: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  ERROR: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300',
  BUILD: 'bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  UNKNOWN: 'bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
};
const OTHER = 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300';

/** A server's Nova status; a partial record says why it has no more to show. */
export function ServerStatus({ status, partial }: { status: string; partial: boolean }) {
  return (
    <span className={`inline-block max-w-full truncate rounded align-middle px-1.5 py-px text-xs font-medium ${STYLES[status] ?? OTHER}`} title={partial ? 'Nova cannot reach the cell this server lives in' : status}>
      {partial ? 'Cell unreachable' : status}
    </span>
  );
}
