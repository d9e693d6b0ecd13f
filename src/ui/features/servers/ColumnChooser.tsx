import { SERVER_COLUMN_IDS, type ServerColumnId } from '../../../fleet/inventory/server-columns.ts';
import { COLUMN_LABELS } from './server-columns.tsx';

/** A native disclosure: keyboard and screen readers work without a popup library. */
export function ColumnChooser({ columns, onChange }: { columns: readonly ServerColumnId[]; onChange: (columns: ServerColumnId[]) => void }) {
  const toggle = (id: ServerColumnId, shown: boolean) =>
    onChange(SERVER_COLUMN_IDS.filter((column) => (column === id ? shown : columns.includes(column))));
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded border border-slate-300 px-2 py-1 text-sm select-none hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Columns ({columns.length})
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 grid w-44 gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">Visible columns</legend>
        {SERVER_COLUMN_IDS.map((id) => {
          const shown = columns.includes(id);
          return (
            <label key={id} className="flex items-center gap-2 text-sm">
              {/* The last column cannot go: a table without columns shows nothing to bring them back from. */}
              <input type="checkbox" checked={shown} disabled={shown && columns.length === 1} onChange={(event) => toggle(id, event.target.checked)} />
              {COLUMN_LABELS[id]}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
