/** The clouds feature's form look, in one place so its panels and row forms match. */
export const INPUT =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-teal-600 focus:ring-1 focus:ring-teal-600 focus:outline-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
export const LABEL = 'block text-xs font-medium text-slate-700 dark:text-slate-300';
export const BUTTON =
  'rounded border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';
export const PRIMARY_BUTTON =
  'rounded bg-teal-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:opacity-50 dark:bg-teal-600 dark:hover:bg-teal-500';
export const SMALL_BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';
export const PANEL = 'rounded-md border border-slate-200 p-4 dark:border-slate-800';
