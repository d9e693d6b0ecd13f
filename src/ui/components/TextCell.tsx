/**
 * Text from an API, shown as inert text: React escapes it, <bdi> keeps
 * bidi overrides from reordering the rest of the row, CSS truncates it on
 * one line and the title holds it whole.
 */
export function TextCell({ text, className = '', mono = false, empty = '—' }: { text: string; className?: string; mono?: boolean; empty?: string }) {
  if (text === '') return <span className="text-slate-400 dark:text-slate-600">{empty}</span>;
  return (
    <bdi className={`block truncate ${mono ? 'font-mono text-xs' : ''} ${className}`} title={text}>
      {text}
    </bdi>
  );
}
