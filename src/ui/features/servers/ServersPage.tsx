import { useMemo } from 'react';
import { inventorySources, summarizeInventory } from '../../../fleet/inventory/source-status.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useNow } from '../../lib/use-now.ts';
import { SERVERS_STALE_AFTER_MS, useCloudServers } from './api/cloud-servers.ts';
import { InventorySources } from './InventorySources.tsx';
import { ServerDetails } from './ServerDetails.tsx';
import { ServerFilterBar } from './ServerFilterBar.tsx';
import { ServersTable } from './ServersTable.tsx';
import { useServerRows } from './use-server-rows.ts';
import { useServersView } from './use-servers-view.ts';

export function ServersPage() {
  const clouds = useClouds();
  const entries = useCloudServers();
  const [view, update] = useServersView();
  const now = useNow(15_000);
  const rows = useServerRows(
    entries.map((entry) => entry.data),
    view,
  );
  const sources = inventorySources(entries, now, SERVERS_STALE_AFTER_MS);
  const summary = summarizeInventory(sources);
  const fetching = useMemo(() => new Set(entries.filter((entry) => entry.fetching).map((entry) => entry.cloud)), [entries]);
  const refresh = (cloud: string) => entries.find((entry) => entry.cloud === cloud)?.refetch();
  const refreshAll = () => entries.forEach((entry) => entry.refetch());
  const filtered = rows.matching !== rows.all.length;

  return (
    <>
      <PageHeader
        title="Servers"
        description={<Counts summary={summary} />}
        actions={
          <button
            type="button"
            onClick={refreshAll}
            disabled={clouds.length === 0}
            className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {fetching.size > 0 ? `Loading ${fetching.size} of ${clouds.length}…` : 'Refresh all'}
          </button>
        }
      />
      <div className="space-y-3 px-6 py-4">
        {clouds.length === 0 ? (
          <Notice tone="info" title="No clouds yet">
            Add clouds on the Clouds page (or serve a runtime config with a <code>clouds</code> section) and their servers appear here.
          </Notice>
        ) : (
          <>
            <InventorySources sources={sources} onRefresh={refresh} fetching={fetching} />
            <ServerFilterBar view={view} update={update} options={rows.options} />
            <p role="status" aria-label="Matching servers" className="text-xs text-slate-600 dark:text-slate-400">
              {filtered ? `${rows.matching.toLocaleString('en')} of ${rows.all.length.toLocaleString('en')} servers match` : `${rows.all.length.toLocaleString('en')} servers`}
              {rows.updating ? ' · updating…' : ''}
            </p>
            <div className="flex gap-3">
              <div className="min-w-0 flex-1">
                {rows.items.length > 0 ? (
                  <ServersTable
                    items={rows.items}
                    columns={view.columns}
                    sort={view.sort}
                    onSortChange={(sort) => update((current) => ({ ...current, sort }))}
                    openKey={view.open}
                    onOpen={(row) => update((current) => ({ ...current, open: row.key }))}
                    label="Servers"
                  />
                ) : (
                  <EmptyTable loading={summary.pendingClouds > 0} filtered={rows.all.length > 0} />
                )}
              </div>
              {view.open !== undefined ? (
                <ServerDetails row={rows.byKey.get(view.open)} openKey={view.open} onClose={() => update((current) => ({ ...current, open: undefined }))} />
              ) : null}
            </div>
          </>
        )}
      </div>
    </>
  );
}

function Counts({ summary }: { summary: ReturnType<typeof summarizeInventory> }) {
  const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
  return (
    <span aria-label="Inventory summary">
      {plural(summary.rows, 'server')} in {plural(summary.clouds, 'cloud')}
      {summary.failingClouds > 0 ? <span className="text-red-700 dark:text-red-400">; {plural(summary.failingClouds, 'cloud')} failing</span> : null}
      {summary.pendingClouds > 0 ? `; ${summary.pendingClouds.toLocaleString('en')} still loading` : null}
      {summary.signInNeededClouds > 0 ? `; ${plural(summary.signInNeededClouds, 'cloud')} waiting for sign-in` : null}
    </span>
  );
}

function EmptyTable({ loading, filtered }: { loading: boolean; filtered: boolean }) {
  return (
    <div className="flex h-48 items-center justify-center rounded-md border border-dashed border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {filtered ? 'No server matches these filters.' : loading ? 'Waiting for the first cloud to answer…' : 'No servers in any cloud that answered.'}
    </div>
  );
}
