import { Link } from 'react-router';
import { topologyActions } from '../../../fleet/actions/topology-actions.ts';
import type { TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import { preparedActionLink } from '../actions/action-url-state.ts';
import { useActionsAllowed } from '../actions/ServerSelection.tsx';

/** Actions prefilled with where the node is; none in read-only mode. */
export function NodeActions({ node, cloudRegions }: { node: TopologyNode; cloudRegions?: readonly string[] }) {
  const allowed = useActionsAllowed();
  const actions = topologyActions(node, cloudRegions);
  if (!allowed || actions.length === 0) return null;
  return (
    <div role="group" aria-label="Actions here" className="space-y-1 border-t border-slate-200 pt-2 dark:border-slate-800">
      <p className="text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">Actions</p>
      <ul className="flex flex-wrap gap-x-2 gap-y-1">
        {actions.map((entry) => (
          <li key={entry.id}>
            <Link to={preparedActionLink(entry.action)} className="inline-block rounded px-2 py-1 text-teal-800 underline hover:bg-teal-50 dark:text-teal-300 dark:hover:bg-teal-950">
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
      {actions.flatMap((entry) => (entry.note ? [<p key={entry.id} className="text-slate-600 dark:text-slate-400">{entry.note}</p>] : []))}
    </div>
  );
}
