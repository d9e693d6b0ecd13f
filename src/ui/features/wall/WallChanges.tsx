import type { Change } from '../../../fleet/wall/change-log.ts';
import { CHANGE_STYLE, clockTime } from './wall-words.ts';

/** What changed in the last hour, newest first. Cloud names are text: a hostile name stays inert. */
export function WallChanges({ changes, limit, large = false }: { changes: readonly Change[]; limit: number; large?: boolean }) {
  const shown = changes.slice(0, limit);
  return (
    <section aria-label="Changes in the last hour" className="flex min-h-0 flex-col">
      <h2 className={`mb-3 font-semibold text-slate-200 ${large ? 'text-3xl' : 'text-2xl'}`}>Last hour</h2>
      {shown.length === 0 ? (
        <p className={`text-slate-400 ${large ? 'text-2xl' : 'text-lg'}`}>No changes since the wall started watching.</p>
      ) : (
        <ol className={`min-h-0 space-y-2 overflow-hidden ${large ? 'text-2xl' : 'text-lg'}`}>
          {shown.map((change) => (
            <li key={change.id} className="flex min-w-0 gap-3">
              <span className="shrink-0 text-slate-400 tabular-nums">{clockTime(change.at).slice(0, 5)}</span>
              <bdi className="min-w-0 shrink truncate font-semibold text-slate-50" title={change.cloud}>
                {change.cloud}
              </bdi>
              <span className={`min-w-0 truncate ${CHANGE_STYLE[change.kind]}`}>{change.text}</span>
            </li>
          ))}
        </ol>
      )}
      {changes.length > shown.length ? <p className="mt-2 text-base text-slate-400">and {changes.length - shown.length} earlier</p> : null}
    </section>
  );
}
