import { useState } from 'react';
import { inventorySources, summarizeInventory } from '../../../fleet/inventory/source-status.ts';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import { useNow } from '../../lib/use-now.ts';
import { SERVERS_STALE_AFTER_MS, useCloudServers } from '../servers/api/cloud-servers.ts';
import { ServersTable } from '../servers/ServersTable.tsx';
import { useServerRows } from '../servers/use-server-rows.ts';
import type { UpdateServersView } from '../servers/use-servers-view.ts';
import type { ServersViewState } from '../../../fleet/inventory/inventory-url-state.ts';
import type { EmbedSelection } from './embed-messages.ts';
import { formatCount } from '../../lib/format-count.ts';

/** The inventory's table alone, filtered by the URL (or the host), selecting a row tells the host. */
export function EmbedServers({ view, update, onSelect }: { view: ServersViewState; update: UpdateServersView; onSelect: (selection: EmbedSelection) => void }) {
  const entries = useCloudServers();
  const now = useNow(15_000);
  const rows = useServerRows(
    entries.map((entry) => entry.data),
    view,
  );
  const summary = summarizeInventory(inventorySources(entries, now, SERVERS_STALE_AFTER_MS));
  const [selected, setSelected] = useState<string | undefined>();
  const select = (row: ServerRow) => {
    setSelected(row.key);
    onSelect({ kind: 'server', cloud: row.cloud, region: row.region, id: row.id, name: row.name, status: row.status });
  };
  const filtered = rows.matching !== rows.total;
  return (
    <>
      <p role="status" aria-label="Matching servers" className="shrink-0 px-1 pb-1.5 text-xs text-slate-600 dark:text-slate-400">
        {filtered ? `${formatCount(rows.matching)} of ${formatCount(rows.total)} servers match` : `${formatCount(rows.total)} servers`}
        {summary.failingClouds > 0 ? <span className="text-red-700 dark:text-red-400"> · {summary.failingClouds} failing {summary.failingClouds === 1 ? 'cloud' : 'clouds'}</span> : null}
        {summary.pendingClouds > 0 ? ` · ${summary.pendingClouds} loading` : null}
      </p>
      <div className="min-h-0 flex-1">
        <ServersTable
          items={rows.items}
          columns={view.columns}
          sort={view.sort}
          onSortChange={(sort) => update((current) => ({ ...current, sort }), { replace: true })}
          openKey={selected}
          onOpen={select}
          label="Servers"
          height="100%"
        />
      </div>
    </>
  );
}
