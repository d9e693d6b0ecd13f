import { memo, type ReactNode } from 'react';

/** The look of every filter input and select, so the filter bars of all views line up. */
export const FILTER_FIELD = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
export const FILTER_LABEL = 'flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400';

interface SearchFieldProps {
  label: string;
  /** When the visible label is too short to name the field alone ("Filter" → "Filter networks"). */
  ariaLabel?: string;
  value: string;
  /** Called on every keystroke; the views replace the URL entry rather than push one per key. */
  onChange: (value: string) => void;
  placeholder: string;
  className?: string;
  describedBy?: string;
  /** Shown under the field, inside its label. */
  children?: ReactNode;
}

export function SearchField({ label, ariaLabel, value, onChange, placeholder, className = 'w-56', describedBy, children }: SearchFieldProps) {
  return (
    <label className={FILTER_LABEL}>
      {label}
      <input
        type="search"
        aria-label={ariaLabel}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        aria-describedby={describedBy}
        className={`${FILTER_FIELD} ${className}`}
      />
      {children}
    </label>
  );
}

interface OptionSelectProps<Field extends string> {
  field: Field;
  label: string;
  /** The first option, meaning "no filter": "Any status". */
  any: string;
  value: string;
  values: readonly string[];
  onChange: (field: Field, value: string) => void;
  optionLabel?: (value: string) => string;
  className?: string;
}

function OptionSelectField<Field extends string>({ field, label, any, value, values, onChange, optionLabel, className = 'max-w-44' }: OptionSelectProps<Field>) {
  return (
    <label className={FILTER_LABEL}>
      {label}
      <select aria-label={label} value={value} onChange={(event) => onChange(field, event.target.value)} className={`${FILTER_FIELD} ${className}`}>
        <option value="">{any}</option>
        {/* A value from the URL that no loaded row has (yet) stays selectable, so the link keeps its meaning. */}
        {withCurrent(values, value).map((option) => (
          <option key={option} value={option}>
            {optionLabel ? optionLabel(option) : option}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A select of the values the loaded rows have. Memoized (give it a stable onChange): an edge fleet
 * has thousands of sites, and a keystroke in the text filter must not re-render them.
 * memo() drops the type parameter, hence the assertion.
 */
export const OptionSelect = memo(OptionSelectField) as typeof OptionSelectField;

export function withCurrent<Value extends string>(values: readonly Value[], current: Value): readonly Value[] {
  return current === '' || values.includes(current) ? values : [current, ...values];
}

interface GroupBySelectProps<By extends string> {
  value: By | undefined;
  options: readonly By[];
  onChange: (by: By | undefined) => void;
  /** By default the field's name, capitalized. */
  labels?: Readonly<Record<By, string>>;
}

export function GroupBySelect<By extends string>({ value, options, onChange, labels }: GroupBySelectProps<By>) {
  return (
    <label className={FILTER_LABEL}>
      Group by
      <select aria-label="Group by" value={value ?? ''} onChange={(event) => onChange(options.find((option) => option === event.target.value))} className={FILTER_FIELD}>
        <option value="">No grouping</option>
        {options.map((by) => (
          <option key={by} value={by}>
            {labels ? labels[by] : `${by.charAt(0).toUpperCase()}${by.slice(1)}`}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ClearFiltersButton({ onClick, children = 'Clear filters' }: { onClick: () => void; children?: ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="rounded px-2 py-1 text-sm text-teal-700 underline hover:text-teal-900 dark:text-teal-400 dark:hover:text-teal-200">
      {children}
    </button>
  );
}
