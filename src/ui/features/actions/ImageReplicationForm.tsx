import { useQuery } from '@tanstack/react-query';
import { BROWSER_COPY_MAX_BYTES, formatBytes } from '../../../fleet/actions/image-replication.ts';
import { listCopiableImages } from '../../../fleet/actions/image-replication-load.ts';
import type { ClientFor } from '../../../fleet/actions/load-plans.ts';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { INPUT, LABEL, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { formatTarget } from './action-url-state.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { allTargets, type CloudRegions } from './use-cloud-regions.ts';

interface ImageReplicationFormProps {
  clouds: readonly CloudRegions[];
  clientFor: ClientFor;
  from?: ActionTarget;
  image: string;
  to: readonly ActionTarget[];
  onChange: (change: { from?: ActionTarget; image?: string; to?: ActionTarget[] }) => void;
  onPreview: () => void;
  planning: boolean;
}

/** Image replication: one active image of one cloud/region, copied by name and checksum to the chosen clouds/regions. */
export function ImageReplicationForm({ clouds, clientFor, from, image, to, onChange, onPreview, planning }: ImageReplicationFormProps) {
  const sources = allTargets(clouds);
  const images = useQuery({
    queryKey: ['actions', 'images', from?.cloud, from?.region],
    enabled: from !== undefined && clientFor(from.cloud) !== undefined,
    queryFn: ({ signal }) => (from ? listCopiableImages(clientFor, from, signal) : Promise.resolve([])),
    retry: false,
  });
  const ready = from !== undefined && image !== '' && to.length > 0;
  const choices = images.data ?? [];
  return (
    <form
      aria-label="Image replication"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onPreview();
      }}
    >
      <div className="flex flex-wrap gap-3">
        <div className="w-64">
          <label htmlFor="image-source" className={LABEL}>
            Copy from
          </label>
          <select
            id="image-source"
            className={INPUT}
            value={from ? formatTarget(from) : ''}
            onChange={(event) => {
              const source = sources.find((target) => formatTarget(target) === event.target.value);
              onChange({ from: source, image: '', to: to.filter((target) => !source || formatTarget(target) !== formatTarget(source)) });
            }}
          >
            <option value="">Choose a cloud/region…</option>
            {sources.map((target) => (
              <option key={formatTarget(target)} value={formatTarget(target)}>
                {formatTarget(target)}
              </option>
            ))}
          </select>
        </div>
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
        The data passes through this browser: downloaded, checked against the source’s sha512, uploaded, and Glance’s md5 of the copy compared with the source’s. Images over {formatBytes(BROWSER_COPY_MAX_BYTES)} are not copied this way.
      </p>
      {images.isError ? <ErrorDetails description={describeError(images.error)} /> : null}
      <TargetPicker clouds={clouds} exclude={from} chosen={to} onChange={(targets) => onChange({ to: targets })} />
      <button type="submit" className={PRIMARY_BUTTON} disabled={!ready || planning}>
        {planning ? 'Reading the targets…' : 'Preview plan'}
      </button>
    </form>
  );
}
