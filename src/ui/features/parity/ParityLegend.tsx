/** What the cells mean; "unknown" is never "missing": a cloud that did not answer is not said to lack anything. */
export function ParityLegend() {
  const entry = (sample: string, className: string, text: string) => (
    <li className="flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-flex h-5 min-w-7 items-center justify-center rounded px-1 ${className}`}>
        {sample}
      </span>
      {text}
    </li>
  );
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      {entry('✓', 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/70 dark:text-emerald-300', 'present, same as the reference')}
      {entry('differs', 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200', 'same name, different content')}
      {entry('missing', 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300', 'the cloud answered without it')}
      {entry('?', 'bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400', 'unknown: not answering or waiting for sign-in (… loading, – no such service)')}
      <li>Outlined: where the reference variant comes from. Hover or focus a cell for the difference; click it for details.</li>
    </ul>
  );
}
