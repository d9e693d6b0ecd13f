import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ClientFor } from '../../../fleet/actions/load-plans.ts';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import { INPUT, LABEL, PRIMARY_BUTTON } from '../clouds/form-styles.ts';
import { formatTarget } from './action-url-state.ts';

/** An action's form: Enter or its button previews the plan, once the form says what to do. */
export function ActionForm({ label, ready, onPreview, children }: { label: string; ready: boolean; onPreview: () => void; children: ReactNode }) {
  return (
    <form
      aria-label={label}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onPreview();
      }}
    >
      {children}
    </form>
  );
}

export function PreviewButton({ ready, planning, reading = 'the targets' }: { ready: boolean; planning: boolean; reading?: string }) {
  return (
    <button type="submit" className={PRIMARY_BUTTON} disabled={!ready || planning}>
      {planning ? `Reading ${reading}…` : 'Preview plan'}
    </button>
  );
}

interface SourceSelectProps {
  id: string;
  label?: string;
  sources: readonly ActionTarget[];
  from?: ActionTarget;
  to: readonly ActionTarget[];
  /** The new source, and the targets without it: a place is never copied onto itself. */
  onSelect: (from: ActionTarget | undefined, to: ActionTarget[]) => void;
}

/** The cloud/region an action reads its source from. */
export function SourceSelect({ id, label = 'Copy from', sources, from, to, onSelect }: SourceSelectProps) {
  return (
    <div className="w-64">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select
        id={id}
        className={INPUT}
        value={from ? formatTarget(from) : ''}
        onChange={(event) => {
          const source = sources.find((target) => formatTarget(target) === event.target.value);
          onSelect(source, to.filter((target) => !source || formatTarget(target) !== formatTarget(source)));
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
  );
}

interface NameSelectProps {
  id: string;
  label: string;
  value: string;
  /** What the source lists, undefined while it has not answered. */
  names: readonly string[] | undefined;
  loading: boolean;
  disabled: boolean;
  placeholders: { loading: string; choose: string; none?: string };
  onChange: (name: string) => void;
}

/** A resource of the source chosen by name; a name from a shared link is offered even before the listing confirms it. */
export function NameSelect({ id, label, value, names, loading, disabled, placeholders, onChange }: NameSelectProps) {
  const placeholder = loading ? placeholders.loading : names?.length === 0 && placeholders.none ? placeholders.none : placeholders.choose;
  return (
    <div className="w-64">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select id={id} className={INPUT} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        <option value="">{placeholder}</option>
        {[...new Set([...(names ?? []), ...(value ? [value] : [])])].map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the chosen source offers to copy, read once a source is chosen (and again when it changes). */
export function useSourceListing<Item>(kind: string, from: ActionTarget | undefined, clientFor: ClientFor, list: (source: ActionTarget, signal: AbortSignal) => Promise<Item[]>) {
  return useQuery({
    queryKey: ['actions', kind, from?.cloud, from?.region],
    enabled: from !== undefined && clientFor(from.cloud) !== undefined,
    queryFn: ({ signal }) => (from ? list(from, signal) : Promise.resolve([])),
    retry: false,
  });
}
