import { useMemo } from 'react';
import { Link } from 'react-router';
import { paritySync, type ParitySync } from '../../../fleet/actions/parity-sync.ts';
import type { ParityItem, ParityMatrix } from '../../../fleet/inventory/parity-model.ts';
import { useClouds, useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { preparedActionLink } from '../actions/action-url-state.ts';
import { useActionsAllowed } from '../actions/ServerSelection.tsx';

export type SyncFor = (item: ParityItem) => ParitySync | undefined;

/** The action that fixes an item's drift on the columns shown; undefined, and so no action anywhere, in read-only mode. */
export function useParitySync(matrix: ParityMatrix, columns: readonly number[]): SyncFor | undefined {
  const allowed = useActionsAllowed();
  const clouds = useClouds();
  const { connections } = useFleetRuntime();
  return useMemo(() => {
    if (!allowed) return undefined;
    const definitions = new Map(clouds.map((cloud) => [cloud.name, cloud]));
    // Asked only of columns that carry a project ("all projects I can see"), whose listing signed the cloud's own client in.
    const actingProject = (cloud: string) => {
      const definition = definitions.get(cloud);
      return definition ? connections.clientFor(definition).session()?.project?.name : undefined;
    };
    return (item) => paritySync(item, { sources: matrix.sources, columns, chosenReference: matrix.reference, actingProject });
  }, [allowed, clouds, connections, matrix, columns]);
}

/** In the matrix's row: one word, named in full for screen readers and explained on hover. */
export function ParitySyncLink({ sync }: { sync: ParitySync | undefined }) {
  if (sync?.state !== 'ready') return null;
  return (
    <Link
      to={preparedActionLink(sync.action)}
      aria-label={sync.label}
      title={[sync.label, sync.why, ...sync.notes].join('\n')}
      className="ml-2 rounded px-1 text-teal-800 underline hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-teal-300 dark:hover:bg-teal-950"
    >
      {sync.verb}…
    </Link>
  );
}

/** Beside a chosen cell: the action in full, where it copies from and why, and what the plan will say. */
export function ParitySyncDetails({ sync }: { sync: ParitySync }) {
  return (
    <div aria-label="Fix this drift" role="group" className="mt-3 space-y-1 border-t border-slate-200 pt-2 text-xs dark:border-slate-800">
      {sync.state === 'ready' ? (
        <>
          <Link
            to={preparedActionLink(sync.action)}
            className="inline-block rounded bg-teal-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 dark:bg-teal-600 dark:hover:bg-teal-500"
          >
            {sync.label}
          </Link>
          <p className="text-slate-700 dark:text-slate-300">{sync.why} The form opens filled in; change the source or the targets there before the preview.</p>
          {sync.notes.length > 0 ? (
            <ul className="list-disc pl-4 text-slate-600 dark:text-slate-400">
              {sync.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">No action offered. {sync.why}</p>
      )}
    </div>
  );
}
