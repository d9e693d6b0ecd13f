import { Link } from 'react-router';
import { summarizeInventory } from '../../../fleet/inventory/source-status.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useNow } from '../../lib/use-now.ts';
import { EmptyTable, HEADER_BUTTON, InventoryCounts, MatchCount, NoCloudsNotice, RefreshAllButton } from '../inventory-common/InventoryPageParts.tsx';
import { InventorySources } from '../inventory-common/InventorySources.tsx';
import { useFetchingClouds } from '../inventory-common/use-fetching-clouds.ts';
import { IMAGES_STALE_AFTER_MS, useCloudImages } from './api/cloud-images.ts';
import { ImageFilterBar } from './ImageFilterBar.tsx';
import { imageSources } from './image-sources.ts';
import { ImagesTable } from './ImagesTable.tsx';
import { useImageRows } from './use-image-rows.ts';
import { useImagesView } from './use-images-view.ts';

/** /images: every Glance image of every cloud and region, streaming in as each answers. */
export function ImagesPage() {
  const clouds = useClouds();
  const entries = useCloudImages();
  const [view, update] = useImagesView();
  const now = useNow(15_000);
  const rows = useImageRows(
    entries.map((entry) => entry.data),
    view,
  );
  const sources = imageSources(entries, now, IMAGES_STALE_AFTER_MS);
  // Per project, each source counts the public images it lists: the table holds each image once, and so does the count.
  const summary = { ...summarizeInventory(sources), rows: rows.all.length };
  const fetching = useFetchingClouds(entries);
  const refresh = (cloud: string) => entries.find((entry) => entry.cloud === cloud)?.refetch();

  return (
    <>
      <PageHeader
        title="Images"
        description={<InventoryCounts summary={summary} noun="image" />}
        actions={
          <>
            <Link to="/parity?kind=image" className={HEADER_BUTTON}>
              Image parity
            </Link>
            <RefreshAllButton fetching={fetching.size} clouds={clouds.length} onClick={() => entries.forEach((entry) => entry.refetch())} />
          </>
        }
      />
      <div className="space-y-3 px-6 py-4">
        {clouds.length === 0 ? (
          <NoCloudsNotice noun="images" />
        ) : (
          <>
            <InventorySources sources={sources} onRefresh={refresh} fetching={fetching} noun={['image', 'images']} />
            <ImageFilterBar view={view} update={update} options={rows.options} />
            <MatchCount matching={rows.matching} total={rows.all.length} noun="images" updating={rows.updating} />
            {rows.items.length > 0 ? (
              <ImagesTable items={rows.items} sort={view.sort} onSortChange={(sort) => update((current) => ({ ...current, sort }))} />
            ) : (
              <EmptyTable>
                {rows.all.length > 0 ? 'No image matches these filters.' : summary.pendingClouds > 0 ? 'Waiting for the first cloud to answer…' : 'No images in any cloud that answered.'}
              </EmptyTable>
            )}
          </>
        )}
      </div>
    </>
  );
}
