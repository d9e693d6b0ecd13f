import { BROWSER_COPY_MAX_BYTES, formatBytes } from '../../../fleet/actions/image-replication.ts';
import { listCopiableImages, listImageStores } from '../../../fleet/actions/image-replication-load.ts';
import type { ClientFor } from '../../../fleet/actions/load-plans.ts';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { INPUT, LABEL, SMALL_BUTTON } from '../clouds/form-styles.ts';
import { ActionForm, PreviewButton, SourceSelect, useSourceListing } from './ActionForm.tsx';
import { formatTarget } from './action-url-state.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { allTargets, type CloudRegions } from './use-cloud-regions.ts';

interface ImageReplicationFormProps {
  clouds: readonly CloudRegions[];
  clientFor: ClientFor;
  from?: ActionTarget;
  image: string;
  to: readonly ActionTarget[];
  stores: readonly string[];
  onChange: (change: { from?: ActionTarget; image?: string; to?: ActionTarget[]; stores?: string[] }) => void;
  onPreview: () => void;
  planning: boolean;
}

/**
 * Image replication: one active image of one cloud/region, copied by name
 * and checksum to the chosen clouds/regions and, where the source's Glance
 * is multi-store, to more of its stores.
 */
export function ImageReplicationForm({ clouds, clientFor, from, image, to, stores, onChange, onPreview, planning }: ImageReplicationFormProps) {
  const images = useSourceListing('images', from, clientFor, (source, signal) => listCopiableImages(clientFor, source, signal));
  const storeList = useSourceListing('image-stores', from, clientFor, (source, signal) => listImageStores(clientFor, source, signal));
  const ready = from !== undefined && image !== '' && (to.length > 0 || stores.length > 0);
  const choices = images.data ?? [];
  const holding = new Set(choices.find((choice) => choice.id === image)?.stores ?? []);
  return (
    <ActionForm label="Image replication" ready={ready} onPreview={onPreview}>
      <div className="flex flex-wrap gap-3">
        <SourceSelect id="image-source" sources={allTargets(clouds)} from={from} to={to} onSelect={(source, targets) => onChange({ from: source, image: '', stores: [], to: targets })} />
        <div className="w-80">
          <label htmlFor="image-name" className={LABEL}>
            Image
          </label>
          <select id="image-name" className={INPUT} value={image} disabled={!from || images.isPending} onChange={(event) => onChange({ image: event.target.value })}>
            <option value="">{from && images.isPending ? 'Loading images…' : images.data?.length === 0 ? 'No active images there' : 'Choose an image…'}</option>
            {/* An image named in a shared link is offered even before the listing confirms it. */}
            {image && !choices.some((choice) => choice.id === image) ? <option value={image}>{image}</option> : null}
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name} ({formatBytes(choice.size)}
                {choice.size > BROWSER_COPY_MAX_BYTES ? ', too large for the browser' : ''})
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        A region of the same cloud whose Glance offers glance-download fetches the image from the source’s Glance itself. Other targets get the data through this browser: downloaded, checked against the source’s sha512,
        uploaded, and Glance’s md5 of the copy compared with the source’s; images over {formatBytes(BROWSER_COPY_MAX_BYTES)} are not copied that way. The preview says which way each target takes.
      </p>
      {images.isError ? <ErrorDetails description={describeError(images.error)} /> : null}
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      {from && storeList.isError ? <ErrorDetails description={describeError(storeList.error)} /> : null}
      {from && storeList.data && storeList.data.length > 0 ? (
        <StorePicker
          place={formatTarget(from)}
          stores={storeList.data}
          holding={holding}
          chosen={stores}
          onChange={(next) => onChange({ stores: next })}
        />
      ) : null}
      <PreviewButton ready={ready} planning={planning} />
    </ActionForm>
  );
}

interface StorePickerProps {
  place: string;
  stores: readonly { id: string; description?: string; isDefault: boolean; readOnly: boolean }[];
  /** Stores that already hold the chosen image's data. */
  holding: ReadonlySet<string>;
  chosen: readonly string[];
  onChange: (stores: string[]) => void;
}

/** The stores of a multi-store Glance: Glance's copy-image puts the image into the ticked ones. */
function StorePicker({ place, stores, holding, chosen, onChange }: StorePickerProps) {
  const chosenSet = new Set(chosen);
  const open = stores.filter((store) => !store.readOnly && !holding.has(store.id)).map((store) => store.id);
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen.filter((store) => store !== id), id] : chosen.filter((store) => store !== id));
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Stores of {place}’s Glance{' '}
        <span className="font-normal text-slate-500">
          ({chosen.length} chosen; copied by Glance’s copy-image, the data never leaves the cloud)
        </span>
      </legend>
      <div className="flex gap-2">
        <button type="button" className={SMALL_BUTTON} onClick={() => onChange(open)} disabled={open.length === 0}>
          Choose all stores
        </button>
        <button type="button" className={SMALL_BUTTON} onClick={() => onChange([])} disabled={chosen.length === 0}>
          Clear stores
        </button>
      </div>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-4 gap-y-1">
        {stores.map((store) => {
          const held = holding.has(store.id);
          const note = held ? 'holds the image' : store.readOnly ? 'read-only' : store.isDefault ? 'default' : undefined;
          return (
            <li key={store.id}>
              <label className="flex items-center gap-1.5 text-xs" title={store.description}>
                <input
                  type="checkbox"
                  checked={held || chosenSet.has(store.id)}
                  disabled={held || store.readOnly}
                  onChange={(event) => toggle(store.id, event.target.checked)}
                />
                {store.id}
                {note ? <span className="text-slate-500 dark:text-slate-400">({note})</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
