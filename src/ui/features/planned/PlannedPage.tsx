import { PageHeader } from '../../components/PageHeader.tsx';

export interface PlannedView {
  title: string;
  summary: string;
  willShow: string[];
}

/** A view whose feature is not built yet: it says what will be here instead of showing made-up data. */
export function PlannedPage({ view, chromeless = false }: { view: PlannedView; chromeless?: boolean }) {
  return (
    <div className={chromeless ? 'p-4' : undefined}>
      <PageHeader title={view.title} description={view.summary} />
      <section aria-label="Not built yet" className="px-6 py-4">
        <p className="font-medium text-slate-700 dark:text-slate-300">This view is not built yet. It will show:</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-600 dark:text-slate-400">
          {view.willShow.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
