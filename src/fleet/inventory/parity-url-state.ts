import { PARITY_KINDS, type ParityItem, type ParityKind, type ParityMatrix, type ParitySource } from './parity-model.ts';

/** What makes a parity view what it is; all of it lives in the URL. Parsing never throws. */
export interface ParityViewState {
  /** One kind, or every kind when undefined. */
  kind?: ParityKind;
  /** Only this cloud's columns ('' for every cloud). */
  cloud: string;
  /** Items whose name contains this text, case-insensitive. */
  text: string;
  /** Only items some source lacks or differs in. */
  driftOnly: boolean;
  /** The reference source (`cloud/region`); '' lets the majority decide. */
  reference: string;
}

export const DEFAULT_PARITY_VIEW: Readonly<ParityViewState> = Object.freeze({ cloud: '', text: '', driftOnly: false, reference: '' });

const MAX_VALUE_LENGTH = 512;
const PARAMS = ['kind', 'cloud', 'q', 'drift', 'ref'] as const;

export function parseParityView(params: URLSearchParams): ParityViewState {
  const value = (name: string) => (params.get(name) ?? '').slice(0, MAX_VALUE_LENGTH);
  const kind = params.get('kind');
  return {
    ...(kind !== null && (PARITY_KINDS as readonly string[]).includes(kind) ? { kind: kind as ParityKind } : {}),
    cloud: value('cloud'),
    text: value('q'),
    driftOnly: params.get('drift') === '1',
    reference: value('ref'),
  };
}

export function formatParityView(state: ParityViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of PARAMS) params.delete(name);
  if (state.kind !== undefined) params.set('kind', state.kind);
  if (state.cloud !== '') params.set('cloud', state.cloud);
  if (state.text !== '') params.set('q', state.text);
  if (state.driftOnly) params.set('drift', '1');
  if (state.reference !== '') params.set('ref', state.reference);
  return params;
}

/** The matrix as the view shows it: the chosen kind, the chosen cloud's columns, the matching items. */
export interface VisibleParity {
  sources: readonly ParitySource[];
  /** Indexes into each item's cells, aligned with `sources`. */
  columns: readonly number[];
  items: readonly ParityItem[];
}

export function visibleParity(matrix: ParityMatrix, view: ParityViewState): VisibleParity {
  const columns = matrix.sources.flatMap((source, index) => (view.cloud === '' || source.cloud === view.cloud ? [index] : []));
  const text = view.text.trim().toLowerCase();
  const items = matrix.items.filter((item) => {
    if (view.kind !== undefined && item.kind !== view.kind) return false;
    if (text !== '' && !item.name.toLowerCase().includes(text)) return false;
    if (!view.driftOnly) return true;
    return columns.some((index) => {
      const verdict = item.cells[index]?.verdict;
      return verdict === 'missing' || verdict === 'differs';
    });
  });
  return { sources: columns.map((index) => matrix.sources[index] as ParitySource), columns, items };
}
