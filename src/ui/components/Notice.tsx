import type { ReactNode } from 'react';

const TONES = {
  info: 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-200',
  warning: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200',
  error: 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200',
} as const;

export function Notice({ tone, title, children }: { tone: keyof typeof TONES; title: string; children?: ReactNode }) {
  return (
    <section role={tone === 'error' ? 'alert' : 'status'} aria-label={title} className={`rounded-md border px-4 py-3 ${TONES[tone]}`}>
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-xs opacity-90">{children}</div> : null}
    </section>
  );
}
