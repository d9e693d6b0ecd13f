import type { ReactNode } from 'react';
import type { CapacitySourceStatus } from '../../../fleet/inventory/capacity-sources.ts';
import { capacitySources } from '../../../fleet/inventory/capacity-sources.ts';
import { summarizeInventory } from '../../../fleet/inventory/source-status.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useNow } from '../../lib/use-now.ts';
import { EmptyTable, MatchCount, NoCloudsNotice, RefreshAllButton } from '../inventory-common/InventoryPageParts.tsx';
import { InventorySources } from '../inventory-common/InventorySources.tsx';
import { useFetchingClouds } from '../inventory-common/use-fetching-clouds.ts';
import { CAPACITY_STALE_AFTER_MS, useCloudCapacity } from './api/cloud-capacity.ts';
import { CapacityFilterBar } from './CapacityFilterBar.tsx';
import { HostCapacityTable } from './HostCapacityTable.tsx';
import { QuotaTable } from './QuotaTable.tsx';
import { useCapacityRows } from './use-capacity-rows.ts';
import { useCapacityView } from './use-capacity-view.ts';
import { formatCount } from '../../lib/format-count.ts';

/** /capacity: Nova quota usage per cloud, region and project, and Placement's hosts where the role may read them. */
export function CapacityPage() {
  const clouds = useClouds();
  const entries = useCloudCapacity();
  const [view, update] = useCapacityView();
  const now = useNow(15_000);
  const rows = useCapacityRows(
    entries.map((entry) => entry.data),
    view,
  );
  const sources = capacitySources(entries, now, CAPACITY_STALE_AFTER_MS);
  const summary = summarizeInventory(sources);
  const fetching = useFetchingClouds(entries);
  const refresh = (cloud: string) => entries.find((entry) => entry.cloud === cloud)?.refetch();
  const answered = sources.filter((source) => source.region !== undefined && !source.loading);
  const placementDenied = answered.filter((source) => source.needsAdmin.includes('placement'));
  const filtered = view.minPressure > 0 || view.cloud !== '';

  return (
    <>
      <PageHeader
        title="Capacity"
        description={
          <span aria-label="Capacity summary">
            {plural(rows.quotas.all.length, 'quota set')} and {plural(rows.hosts.all.length, 'host')} in {plural(summary.clouds, 'cloud')}
            {summary.failingClouds > 0 ? <span className="text-red-700 dark:text-red-400">; {plural(summary.failingClouds, 'cloud')} failing</span> : null}
            {summary.pendingClouds > 0 ? `; ${formatCount(summary.pendingClouds)} still loading` : null}
            {summary.signInNeededClouds > 0 ? `; ${plural(summary.signInNeededClouds, 'cloud')} waiting for sign-in` : null}
          </span>
        }
        actions={<RefreshAllButton fetching={fetching.size} clouds={clouds.length} onClick={() => entries.forEach((entry) => entry.refetch())} />}
      />
      <div className="space-y-3 px-6 py-4">
        {clouds.length === 0 ? (
          <NoCloudsNotice noun="quotas and capacity" />
        ) : (
          <>
            <InventorySources sources={sources} onRefresh={refresh} fetching={fetching} noun={['row', 'rows']} renderExtra={(source) => <NeedsAdmin source={source} />} />
            <CapacityFilterBar view={view} update={update} clouds={rows.clouds} />
            <Section title="Quota usage">
              <MatchCount matching={rows.quotas.shown.length} total={rows.quotas.all.length} noun="quota sets" updating={false} />
              {rows.quotas.shown.length > 0 ? (
                <QuotaTable rows={rows.quotas.shown} sort={view.quotaSort} onSortChange={(quotaSort) => update((current) => ({ ...current, quotaSort }))} />
              ) : (
                <EmptyTable>{emptyText(rows.quotas.all.length, filtered, summary.pendingClouds, 'No quota set under this pressure.', 'No quota usage from any cloud that answered.')}</EmptyTable>
              )}
            </Section>
            <Section title="Placement capacity">
              {placementDenied.length > 0 ? (
                <Notice tone="info" title="Placement needs admin">
                  The role may not read Placement (HTTP 403) in {placementDenied.length === answered.length ? 'any region that answered' : `${plural(placementDenied.length, 'source')}: ${placementDenied.map(sourceLabel).join(', ')}`}. Quota usage above does not need it.
                </Notice>
              ) : null}
              <MatchCount matching={rows.hosts.shown.length} total={rows.hosts.all.length} noun="hosts" updating={false} />
              {rows.hosts.shown.length > 0 ? (
                <HostCapacityTable rows={rows.hosts.shown} sort={view.hostSort} onSortChange={(hostSort) => update((current) => ({ ...current, hostSort }))} />
              ) : (
                <EmptyTable>{emptyText(rows.hosts.all.length, filtered, summary.pendingClouds, 'No host under this pressure.', placementDenied.length > 0 ? 'No host the role may see.' : 'No resource providers in any cloud that answered.')}</EmptyTable>
              )}
            </Section>
          </>
        )}
      </div>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2 pt-2">
      <h2 className="text-sm font-semibold text-slate-800 dark:text-slate-200">{title}</h2>
      {children}
    </section>
  );
}

function emptyText(total: number, filtered: boolean, pendingClouds: number, filteredText: string, noneText: string): string {
  if (total > 0 && filtered) return filteredText;
  return pendingClouds > 0 ? 'Waiting for the first cloud to answer…' : noneText;
}

/** A part the role may not read (HTTP 403): a limit of the role, not a fault, so beside an otherwise healthy badge. */
function NeedsAdmin({ source }: { source: CapacitySourceStatus }) {
  if (source.needsAdmin.length === 0) return null;
  return (
    <span className="rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300" title="The role may not read these (HTTP 403)">
      {source.needsAdmin.join(', ')}: needs admin
    </span>
  );
}

function sourceLabel(source: CapacitySourceStatus): string {
  return [source.cloud, source.region].filter(Boolean).join(' / ');
}

function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}
