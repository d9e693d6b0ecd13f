import { useCallback, useEffect, useMemo, useRef } from 'react';
import { inventorySources, summarizeInventory } from '../../../fleet/inventory/source-status.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerActionsLink, useActionsAllowed, useServerSelection } from '../actions/ServerSelection.tsx';
import { useNow } from '../../lib/use-now.ts';
import { EmptyTable, InventoryCounts, MatchCount, NoCloudsNotice, RefreshAllButton } from '../inventory-common/InventoryPageParts.tsx';
import { InventorySources } from '../inventory-common/InventorySources.tsx';
import { useFetchingClouds } from '../inventory-common/use-fetching-clouds.ts';
import { SERVERS_STALE_AFTER_MS, useCloudServers, type CloudServersEntry } from './api/cloud-servers.ts';
import { ServerDetails } from './ServerDetails.tsx';
import { ServerFilterBar } from './ServerFilterBar.tsx';
import { ServersTable } from './ServersTable.tsx';
import { useServerRows } from './use-server-rows.ts';
import { useServersView } from './use-servers-view.ts';

export function ServersPage() {
  const clouds = useClouds();
  const entries = useStableEntries(useCloudServers());
  const [view, update] = useServersView();
  const now = useNow(15_000);
  const rows = useServerRows(
    entries.map((entry) => entry.data),
    view,
  );
  // Memoized so a keystroke in the filter does not re-render hundreds of source badges.
  const sources = useMemo(() => inventorySources(entries, now, SERVERS_STALE_AFTER_MS), [entries, now]);
  const summary = summarizeInventory(sources);
  const fetching = useFetchingClouds(entries);
  const latest = useRef(entries);
  useEffect(() => {
    latest.current = entries;
  });
  const refresh = useCallback((cloud: string) => latest.current.find((entry) => entry.cloud === cloud)?.refetch(), []);
  const refreshAll = () => entries.forEach((entry) => entry.refetch());
  const actionsAllowed = useActionsAllowed();
  const selection = useServerSelection();

  return (
    <>
      <PageHeader
        title="Servers"
        description={<InventoryCounts summary={summary} noun="server" />}
        actions={
          <>
            {actionsAllowed ? <ServerActionsLink selected={selection.selected} onClear={selection.clear} /> : null}
            <RefreshAllButton fetching={fetching.size} clouds={clouds.length} onClick={refreshAll} />
          </>
        }
      />
      <div className="space-y-3 px-6 py-4">
        {clouds.length === 0 ? (
          <NoCloudsNotice noun="servers" />
        ) : (
          <>
            <InventorySources sources={sources} onRefresh={refresh} fetching={fetching} noun={['server', 'servers']} />
            <ServerFilterBar view={view} update={update} options={rows.options} />
            <MatchCount matching={rows.matching} total={rows.total} noun="servers" updating={rows.updating} />
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
                    selected={actionsAllowed ? selection.selected : undefined}
                    onToggleSelected={actionsAllowed ? selection.toggle : undefined}
                  />
                ) : (
                  <EmptyTable>
                    {rows.total > 0 ? 'No server matches these filters.' : summary.pendingClouds > 0 ? 'Waiting for the first cloud to answer…' : 'No servers in any cloud that answered.'}
                  </EmptyTable>
                )}
              </div>
              {view.open !== undefined ? (
                <ServerDetails row={rows.find(view.open)} openKey={view.open} onClose={() => update((current) => ({ ...current, open: undefined }))} />
              ) : null}
            </div>
          </>
        )}
      </div>
    </>
  );
}

/** The previous list while no cloud's state changed: every render gets new entry objects, most of them equal. */
function useStableEntries(entries: CloudServersEntry[]): CloudServersEntry[] {
  const ref = useRef(entries);
  const previous = ref.current;
  const same =
    previous.length === entries.length &&
    previous.every((before, index) => {
      const after = entries[index] as CloudServersEntry;
      return (
        before.cloud === after.cloud &&
        before.data === after.data &&
        before.error === after.error &&
        before.dataUpdatedAt === after.dataUpdatedAt &&
        before.fetching === after.fetching &&
        before.signInNeeded === after.signInNeeded
      );
    });
  if (!same) ref.current = entries;
  return ref.current;
}
