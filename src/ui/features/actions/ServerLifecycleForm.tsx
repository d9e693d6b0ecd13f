import { Link } from 'react-router';
import { parseServerKey } from '../../../fleet/actions/load-plans.ts';
import { LIFECYCLE_VERBS, type LifecycleVerb } from '../../../fleet/actions/server-lifecycle.ts';
import { Notice } from '../../components/Notice.tsx';
import { INPUT, LABEL } from '../clouds/form-styles.ts';
import { ActionForm, PreviewButton } from './ActionForm.tsx';

interface ServerLifecycleFormProps {
  servers: readonly string[];
  verb: LifecycleVerb;
  tag: string;
  onChange: (change: { verb?: LifecycleVerb; tag?: string }) => void;
  onPreview: () => void;
  planning: boolean;
}

/** Bulk server lifecycle on the servers chosen in the inventory (they arrive in the URL). */
export function ServerLifecycleForm({ servers, verb, tag, onChange, onPreview, planning }: ServerLifecycleFormProps) {
  const clouds = new Set(servers.map((key) => parseServerKey(key)?.cloud).filter(Boolean));
  if (servers.length === 0) {
    return (
      <Notice tone="info" title="No servers chosen">
        Choose servers on the <Link to="/servers" className="underline">Servers</Link> page (the checkboxes) and open <em>Actions</em> there.
      </Notice>
    );
  }
  const ready = verb !== 'tag' || tag.trim() !== '';
  return (
    <ActionForm label="Server lifecycle" ready={ready} onPreview={onPreview}>
      <p className="text-sm">
        {servers.length} server{servers.length === 1 ? '' : 's'} in {clouds.size} cloud{clouds.size === 1 ? '' : 's'} chosen on the Servers page.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <label htmlFor="lifecycle-verb" className={LABEL}>
            Server action
          </label>
          <select id="lifecycle-verb" className={INPUT} value={verb} onChange={(event) => onChange({ verb: event.target.value as LifecycleVerb })}>
            {LIFECYCLE_VERBS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        {verb === 'tag' ? (
          <div className="w-48">
            <label htmlFor="lifecycle-tag" className={LABEL}>
              Tag to add
            </label>
            <input id="lifecycle-tag" className={INPUT} value={tag} onChange={(event) => onChange({ tag: event.target.value })} />
          </div>
        ) : null}
        <PreviewButton ready={ready} planning={planning} reading="the servers" />
      </div>
    </ActionForm>
  );
}
