import { useMemo } from 'react';
import { KIND_COLUMNS } from '../../../fleet/inventory/network-columns.ts';
import { NETWORK_KINDS, type NetworkKind } from '../../../fleet/inventory/network-row.ts';
import { networkSources, type NetworkSourceStatus } from '../../../fleet/inventory/network-sources.ts';
import { DEFAULT_NETWORK_SORT, type NetworksViewState } from '../../../fleet/inventory/network-url-state.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useNow } from '../../lib/use-now.ts';
import { EmptyTable, MatchCount, NoCloudsNotice, RefreshAllButton } from '../inventory-common/InventoryPageParts.tsx';
import { InventorySources } from '../inventory-common/InventorySources.tsx';
import { useFetchingClouds } from '../inventory-common/use-fetching-clouds.ts';
import { NETWORKS_STALE_AFTER_MS, useCloudNetworks } from './api/cloud-networks.ts';
import { KIND_LABELS } from './network-columns.tsx';
import { NetworkFilterBar } from './NetworkFilterBar.tsx';
import { NetworksTable } from './NetworksTable.tsx';
import { useNetworkRows } from './use-network-rows.ts';
import { useNetworksView } from './use-networks-view.ts';
import { formatCount } from '../../lib/format-count.ts';

export function NetworksPage() {
  const clouds = useClouds();
  const entries = useCloudNetworks();
  const [view, update] = useNetworksView();
  const now = useNow(15_000);
  const rows = useNetworkRows(
    entries.map((entry) => entry.data),
    view,
  );
  const sources = networkSources(entries, now, NETWORKS_STALE_AFTER_MS);
  const fetching = useFetchingClouds(entries);
  const refresh = (cloud: string) => entries.find((entry) => entry.cloud === cloud)?.refetch();
  const refreshAll = () => entries.forEach((entry) => entry.refetch());
  const context = useMemo(() => ({ overlaps: rows.overlaps, byKey: rows.byKey }), [rows.overlaps, rows.byKey]);
  const label = KIND_LABELS[view.kind];
  const noun = label.toLowerCase();
  const showsOverlap = view.kind === 'networks' || view.kind === 'subnets';

  return (
    <>
      <PageHeader
        title="Networks"
        description={<Summary sources={sources} counts={rows.counts} />}
        actions={
          <RefreshAllButton fetching={fetching.size} clouds={clouds.length} onClick={refreshAll} />
        }
      />
      <div className="space-y-3 px-6 py-4">
        {clouds.length === 0 ? (
          <NoCloudsNotice noun="networks" />
        ) : (
          <>
            <InventorySources
              sources={sources}
              onRefresh={refresh}
              fetching={fetching}
              noun={['row', 'rows']}
              title={sources.some((source) => source.project !== undefined) ? 'Every cloud, region and project' : 'Every cloud and region'}
              renderExtra={(source) => <NeedsAdmin kinds={source.needsAdmin} />}
            />
            <KindTabs kind={view.kind} counts={rows.counts} onChange={(kind) => update((current) => switchKind(current, kind))} />
            {showsOverlap && rows.overlapping > 0 && !view.filters.overlapping ? (
              <Notice tone="warning" title={`${formatCount(rows.overlapping)} ${noun} overlap another cloud’s address space`}>
                Their CIDRs share addresses with a subnet of another cloud or region: joining these networks across clouds (Tricircle-style) would collide.{' '}
                <button type="button" className="underline" onClick={() => update((current) => ({ ...current, filters: { ...current.filters, overlapping: true } }))}>
                  Show only these
                </button>
              </Notice>
            ) : null}
            <NetworkFilterBar view={view} update={update} options={rows.options} />
            <MatchCount matching={rows.matching} total={rows.all.length} noun={noun} updating={rows.updating} />
            <div role="tabpanel" id="networks-panel" aria-label={label}>
              {rows.items.length > 0 ? (
                <NetworksTable
                  items={rows.items}
                  columns={KIND_COLUMNS[view.kind]}
                  sort={view.sort}
                  onSortChange={(sort) => update((current) => ({ ...current, sort }))}
                  context={context}
                  label={label}
                />
              ) : (
                <EmptyTable>
                  {rows.all.length > 0
                    ? `No ${noun} match these filters.`
                    : sources.some((source) => source.loading)
                      ? 'Waiting for the clouds to answer…'
                      : `No ${noun} in any cloud that answered.`}
                </EmptyTable>
              )}
            </div>
          </>
        )}
      </div>
    </>
  );
}

/** Another resource keeps the filters it understands: a sort or status filter on a column it lacks would only empty the table. */
function switchKind(view: NetworksViewState, kind: NetworkKind): NetworksViewState {
  const columns = KIND_COLUMNS[kind];
  return {
    ...view,
    kind,
    sort: columns.includes(view.sort.column) ? view.sort : DEFAULT_NETWORK_SORT,
    filters: columns.includes('status') ? view.filters : { ...view.filters, status: '' },
  };
}

/** Tabs in the WAI-ARIA pattern: arrows move between kinds, the kind is in the URL. */
function KindTabs({ kind, counts, onChange }: { kind: NetworkKind; counts: Readonly<Record<NetworkKind, number>>; onChange: (kind: NetworkKind) => void }) {
  const move = (step: number) => {
    const next = NETWORK_KINDS[(NETWORK_KINDS.indexOf(kind) + step + NETWORK_KINDS.length) % NETWORK_KINDS.length] as NetworkKind;
    onChange(next);
    requestAnimationFrame(() => document.getElementById(`networks-tab-${next}`)?.focus());
  };
  return (
    <div role="tablist" aria-label="Resource" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
      {NETWORK_KINDS.map((each) => {
        const selected = each === kind;
        return (
          <button
            key={each}
            id={`networks-tab-${each}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="networks-panel"
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(each)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                event.preventDefault();
                move(event.key === 'ArrowRight' ? 1 : -1);
              }
            }}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${
              selected ? 'border-teal-600 font-medium text-teal-900 dark:border-teal-400 dark:text-teal-100' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            {KIND_LABELS[each]} <span className="text-xs text-slate-500 tabular-nums">{formatCount(counts[each])}</span>
          </button>
        );
      })}
    </div>
  );
}

function Summary({ sources, counts }: { sources: readonly NetworkSourceStatus[]; counts: Readonly<Record<NetworkKind, number>> }) {
  const clouds = new Set(sources.map((source) => source.cloud));
  const failing = new Set(sources.filter((source) => source.error !== undefined).map((source) => source.cloud));
  const pending = new Set(sources.filter((source) => source.health.status === 'pending').map((source) => source.cloud));
  const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
  return (
    <span aria-label="Networks summary">
      {plural(counts.networks, 'network')}, {plural(counts.subnets, 'subnet')} and {plural(counts.ports, 'port')} in {plural(clouds.size, 'cloud')}
      {failing.size > 0 ? <span className="text-red-700 dark:text-red-400">; {plural(failing.size, 'cloud')} failing</span> : null}
      {pending.size > 0 ? `; ${formatCount(pending.size)} still loading` : null}
    </span>
  );
}

/** A listing the role may not read (HTTP 403): a limit of the role, not a fault, so beside an otherwise healthy badge. */
function NeedsAdmin({ kinds }: { kinds: readonly NetworkKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <span className="rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300" title="The role may not list these (HTTP 403)">
      {kinds.map((kind) => KIND_LABELS[kind].toLowerCase()).join(', ')}: needs admin
    </span>
  );
}
