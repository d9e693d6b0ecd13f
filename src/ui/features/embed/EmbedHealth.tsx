import { useState } from 'react';
import type { WallCloudState } from '../../../fleet/wall/wall-cloud.ts';
import { useWallFleet } from '../wall/use-wall-fleet.ts';
import { dataAge } from '../wall/wall-words.ts';
import type { EmbedSelection } from './embed-messages.ts';

const STATES: Record<WallCloudState, { label: string; dot: string }> = {
  down: { label: 'Down', dot: 'bg-red-600' },
  degraded: { label: 'Degraded', dot: 'bg-amber-500' },
  'signin-needed': { label: 'No credentials', dot: 'bg-sky-500' },
  waiting: { label: 'Waiting', dot: 'bg-slate-400 animate-pulse' },
  up: { label: 'Up', dot: 'bg-emerald-500' },
};

/** Fleet health as a list, worst first; selecting a cloud tells the host. */
export function EmbedHealth({ cloud, onSelect }: { cloud: string; onSelect: (selection: EmbedSelection) => void }) {
  const fleet = useWallFleet(60_000);
  const [selected, setSelected] = useState<string | undefined>();
  const clouds = cloud === '' ? fleet.clouds : fleet.clouds.filter((entry) => entry.cloud === cloud);
  const { states } = fleet.summary;
  return (
    <>
      <p role="status" aria-label="Fleet health" className="shrink-0 px-1 pb-1.5 text-xs text-slate-600 dark:text-slate-400">
        {fleet.summary.clouds} clouds: {states.up} up, {states.degraded} degraded, {states.down} down · {fleet.summary.errorServers} servers in ERROR
      </p>
      <ul aria-label="Clouds" className="min-h-0 divide-y divide-slate-200 overflow-auto rounded border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {clouds.map((entry) => (
          <li key={entry.cloud}>
            <button
              type="button"
              aria-pressed={entry.cloud === selected}
              onClick={() => {
                setSelected(entry.cloud);
                onSelect({ kind: 'cloud', cloud: entry.cloud, state: entry.state });
              }}
              className={`flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm ${entry.cloud === selected ? 'bg-teal-50 dark:bg-teal-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}
            >
              <span aria-hidden="true" className={`h-2 w-2 shrink-0 rounded-full ${STATES[entry.state].dot}`} />
              <bdi className="min-w-0 truncate font-medium" title={entry.cloud}>
                {entry.cloud}
              </bdi>
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{STATES[entry.state].label}</span>
              <span className="ml-auto min-w-0 truncate text-xs text-slate-500 dark:text-slate-400" title={entry.reason}>
                {entry.reason ?? dataAge(entry.ageMs)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
