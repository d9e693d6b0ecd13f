import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { SMALL_BUTTON } from '../clouds/form-styles.ts';
import { writeActionUrl } from './action-url-state.ts';

/** The servers ticked in the inventory, by row key (`cloud/region/id`). */
export function useServerSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((row: ServerRow) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(row.key)) next.delete(row.key);
      else next.add(row.key);
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, toggle, clear };
}

/** Hands the ticked servers to /actions in its URL: the plan is made there, from their current state. */
export function ServerActionsLink({ selected, onClear }: { selected: ReadonlySet<string>; onClear: () => void }) {
  if (selected.size === 0) return null;
  const search = writeActionUrl({ action: 'servers', verb: 'stop', tag: '', key: '', group: '', image: '', to: [], servers: [...selected] }).toString();
  return (
    <span className="flex items-center gap-2">
      <Link to={`/actions?${search}`} className="rounded bg-teal-700 px-3 py-1 text-sm font-medium text-white hover:bg-teal-800 dark:bg-teal-600 dark:hover:bg-teal-500">
        Actions on {selected.size} selected
      </Link>
      <button type="button" className={SMALL_BUTTON} onClick={onClear}>
        Clear selection
      </button>
    </span>
  );
}

/** Read-only mode (the runtime config, or a tab the wall locked): no action UI anywhere. */
export function useActionsAllowed(): boolean {
  const { readOnly, connections } = useFleetRuntime();
  return !readOnly && !connections.policy.isReadOnly();
}
