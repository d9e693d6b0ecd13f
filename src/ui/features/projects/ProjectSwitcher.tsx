import { useRegistry } from '../../app/fleet-runtime-context.tsx';

/**
 * The fleet-wide half of the project switcher, in the header: each cloud's
 * own project (the one clouds.yaml names, or the one chosen for it on
 * /clouds), or every project the user can see on every cloud.
 */
export function ProjectSwitcher() {
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const setAllProjects = useRegistry((state) => state.setAllProjects);
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      Projects
      <select
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        value={allProjects ? 'all' : 'own'}
        onChange={(event) => setAllProjects(event.target.value === 'all')}
      >
        <option value="own">One per cloud</option>
        <option value="all">All projects I can see</option>
      </select>
    </label>
  );
}
