import type { Meter } from '../../../fleet/inventory/capacity-pressure.ts';
import { formatCount } from '../../lib/format-count.ts';

/** Above these, a meter is worth a look, then worth acting on. */
const WARN_AT = 80;
const FULL_AT = 95;

function tone(percent: number): string {
  if (percent >= FULL_AT) return 'bg-red-600 dark:bg-red-500';
  if (percent >= WARN_AT) return 'bg-amber-500 dark:bg-amber-400';
  return 'bg-teal-600 dark:bg-teal-500';
}

/** used / limit with the percent, a thin bar under it; "no limit" for Nova's -1, a dash where the cloud gives nothing. */
export function MeterCell({ meter, unit = '' }: { meter: Meter | undefined; unit?: string }) {
  if (!meter) return <span className="text-slate-400 dark:text-slate-600">—</span>;
  const used = formatCount(meter.used);
  if (meter.limit === undefined || meter.percent === undefined) {
    return (
      <span className="whitespace-nowrap tabular-nums">
        {used}
        {unit} <span className="text-slate-500 dark:text-slate-400">/ no limit</span>
      </span>
    );
  }
  const text = `${used} / ${formatCount(meter.limit)}${unit}`;
  return (
    <span className="block w-full" title={`${text} (${meter.percent} %)`}>
      <span className="flex justify-between gap-2 tabular-nums">
        <span className="min-w-0 truncate">{text}</span>
        <span className={`shrink-0 whitespace-nowrap ${meter.percent >= WARN_AT ? 'font-semibold' : 'text-slate-500 dark:text-slate-400'}`}>{meter.percent} %</span>
      </span>
      <span aria-hidden="true" className="mt-0.5 block h-1 rounded bg-slate-200 dark:bg-slate-800">
        <span className={`block h-1 rounded ${tone(meter.percent)}`} style={{ width: `${Math.min(100, meter.percent)}%` }} />
      </span>
    </span>
  );
}

/** The row's fullest meter, or "no limit" when none has one. */
export function PressureCell({ pressure }: { pressure: number | undefined }) {
  if (pressure === undefined) return <span className="text-slate-500 dark:text-slate-400">no limit</span>;
  return <span className={`tabular-nums ${pressure >= FULL_AT ? 'font-semibold text-red-700 dark:text-red-400' : pressure >= WARN_AT ? 'font-semibold text-amber-800 dark:text-amber-300' : ''}`}>{pressure} %</span>;
}
