import {
  PARITY_KINDS,
  type ParityCell,
  type ParityDifference,
  type ParityEntry,
  type ParityItem,
  type ParityKind,
  type ParityMatrix,
  type ParityObservation,
  type ParityUnknownReason,
  type ParityVerdict,
} from './parity-model.ts';

export interface ParityMatrixOptions {
  /**
   * The source (`cloud/region`) whose variants are the reference. An item it
   * lacks, or a reference that did not answer, falls back to the majority.
   */
  reference?: string;
}

/**
 * Compares every item of every kind across the sources. Per item the
 * reference variant is the chosen reference source's, else the one most
 * sources hold (ties go to the earlier source); each source is then present
 * (holds an entry equal to it), differs (holds the name, not the variant),
 * missing (answered without it) or unknown (did not answer: never missing).
 */
export function buildParityMatrix(observations: readonly ParityObservation[], options: ParityMatrixOptions = {}): ParityMatrix {
  const sources = observations.map(({ key, cloud, region, project }) => ({ key, cloud, ...(region === undefined ? {} : { region }), ...(project === undefined ? {} : { project }) }));
  const chosen = observations.find((observation) => observation.key === options.reference);
  const items: ParityItem[] = [];
  for (const kind of PARITY_KINDS) items.push(...kindItems(kind, observations, chosen));
  const referenceUsable = chosen !== undefined && PARITY_KINDS.some((kind) => chosen.listings[kind].state === 'ok');
  return { sources, ...(referenceUsable ? { reference: chosen.key } : {}), items };
}

function kindItems(kind: ParityKind, observations: readonly ParityObservation[], chosen: ParityObservation | undefined): ParityItem[] {
  // Per source: name → the entries of that name (real clouds do hold several images called "cirros").
  const byName = observations.map((observation) => {
    const listing = observation.listings[kind];
    if (listing.state !== 'ok') return undefined;
    const names = new Map<string, ParityEntry[]>();
    for (const entry of listing.entries) names.set(entry.name, [...(names.get(entry.name) ?? []), entry]);
    return names;
  });
  const allNames = new Set<string>();
  for (const names of byName) for (const name of names?.keys() ?? []) allNames.add(name);

  const chosenIndex = chosen === undefined ? -1 : observations.indexOf(chosen);
  return [...allNames].sort(compareNames).map((name) => {
    const reference = referenceFor(name, byName, chosenIndex);
    const referenceSignature = signature(reference.entry);
    const counts: Record<ParityVerdict, number> = { present: 0, missing: 0, differs: 0, unknown: 0 };
    const cells = observations.map((observation, index): ParityCell => {
      const cell = cellFor(observation, kind, byName[index]?.get(name), reference.entry, referenceSignature);
      counts[cell.verdict] += 1;
      return cell;
    });
    const source = observations[reference.index]?.key ?? '';
    return { kind, name, reference: { source, entryId: reference.entry.id }, cells, counts };
  });
}

function referenceFor(
  name: string,
  byName: readonly (Map<string, ParityEntry[]> | undefined)[],
  chosenIndex: number,
): { entry: ParityEntry; index: number } {
  const chosen = byName[chosenIndex]?.get(name)?.[0];
  if (chosen) return { entry: chosen, index: chosenIndex };
  const tally = new Map<string, { entry: ParityEntry; index: number; sources: number }>();
  byName.forEach((names, index) => {
    const seen = new Set<string>();
    for (const entry of names?.get(name) ?? []) {
      const key = signature(entry);
      if (seen.has(key)) continue;
      seen.add(key);
      const current = tally.get(key);
      if (current) current.sources += 1;
      else tally.set(key, { entry, index, sources: 1 });
    }
  });
  let best: { entry: ParityEntry; index: number; sources: number } | undefined;
  for (const candidate of tally.values()) {
    if (!best || candidate.sources > best.sources || (candidate.sources === best.sources && candidate.index < best.index)) best = candidate;
  }
  // allNames only holds names some source listed, so a candidate exists.
  const found = best as { entry: ParityEntry; index: number };
  return { entry: found.entry, index: found.index };
}

function cellFor(
  observation: ParityObservation,
  kind: ParityKind,
  entries: readonly ParityEntry[] | undefined,
  reference: ParityEntry,
  referenceSignature: string,
): ParityCell {
  const source = observation.key;
  const listing = observation.listings[kind];
  if (listing.state !== 'ok') return { source, verdict: 'unknown', reason: listing.reason, ...(listing.error === undefined ? {} : { error: listing.error }) };
  if (!entries || entries.length === 0) return { source, verdict: 'missing' };
  const duplicates = entries.length > 1 ? { duplicates: entries.length } : {};
  const match = entries.find((entry) => signature(entry) === referenceSignature);
  if (match) return { source, verdict: 'present', entryId: match.id, ...duplicates };
  const first = entries[0] as ParityEntry;
  return { source, verdict: 'differs', entryId: first.id, differences: differencesOf(first, reference), ...duplicates };
}

/** What makes two entries of one name the same variant. */
function signature(entry: ParityEntry): string {
  return JSON.stringify([entry.fields.map((field) => [field.id, field.value]), entry.members ?? []]);
}

export function differencesOf(actual: ParityEntry, expected: ParityEntry): ParityDifference[] {
  const differences: ParityDifference[] = [];
  const wanted = new Map(expected.fields.map((field) => [field.id, field]));
  for (const field of actual.fields) {
    const other = wanted.get(field.id);
    if (other && other.value !== field.value) differences.push({ kind: 'field', field: field.id, label: field.label, expected: other.value, actual: field.value });
  }
  if (actual.members !== undefined || expected.members !== undefined) {
    const have = new Set(actual.members ?? []);
    const want = new Set(expected.members ?? []);
    const missing = [...want].filter((member) => !have.has(member));
    const extra = [...have].filter((member) => !want.has(member));
    if (missing.length > 0 || extra.length > 0) differences.push({ kind: 'members', missing, extra });
  }
  return differences;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Words for one cell, for a tooltip and for screen readers: what, where, and how it differs. */
export function describeCell(item: Pick<ParityItem, 'name' | 'reference'>, cell: ParityCell, sourceName: (key: string) => string): string {
  const where = sourceName(cell.source);
  const reference = sourceName(item.reference.source);
  switch (cell.verdict) {
    case 'present':
      return `${item.name} on ${where}: present${cell.source === item.reference.source ? ' (reference)' : `, same as ${reference}`}${duplicateNote(cell)}`;
    case 'missing':
      return `${item.name} on ${where}: missing (present on ${reference})`;
    case 'unknown':
      return `${item.name} on ${where}: unknown, ${UNKNOWN_WORDS[cell.reason ?? 'failed']}`;
    case 'differs':
      return `${item.name} on ${where}: differs from ${reference}: ${(cell.differences ?? []).map(describeDifference).join('; ')}${duplicateNote(cell)}`;
  }
}

const UNKNOWN_WORDS: Record<ParityUnknownReason, string> = {
  loading: 'still loading',
  'signin-needed': 'the cloud waits for sign-in',
  failed: 'the cloud did not answer',
  'no-service': 'the region offers no such service',
};

export function describeDifference(difference: ParityDifference): string {
  if (difference.kind === 'field') return `${difference.label} ${difference.actual} here, ${difference.expected} in the reference`;
  const parts = [];
  if (difference.missing.length > 0) parts.push(`lacks ${difference.missing.map((rule) => `“${rule}”`).join(', ')}`);
  if (difference.extra.length > 0) parts.push(`also has ${difference.extra.map((rule) => `“${rule}”`).join(', ')}`);
  return parts.join('; ');
}

function duplicateNote(cell: ParityCell): string {
  return cell.duplicates === undefined ? '' : ` (${cell.duplicates} with this name)`;
}

/** One line per cell that is not as the reference: what a sync would have to fix, for a planner to start from. */
export interface ParityDrift {
  kind: ParityKind;
  name: string;
  source: string;
  verdict: 'missing' | 'differs';
  /** Where the wanted variant is, and its id there. */
  reference: { source: string; entryId: string };
  /** The target's same-named entry, for 'differs'. */
  entryId?: string;
  differences: readonly ParityDifference[];
}

export function parityDrift(matrix: ParityMatrix): ParityDrift[] {
  const drift: ParityDrift[] = [];
  for (const item of matrix.items) {
    for (const cell of item.cells) {
      if (cell.verdict !== 'missing' && cell.verdict !== 'differs') continue;
      drift.push({
        kind: item.kind,
        name: item.name,
        source: cell.source,
        verdict: cell.verdict,
        reference: item.reference,
        ...(cell.entryId === undefined ? {} : { entryId: cell.entryId }),
        differences: cell.differences ?? [],
      });
    }
  }
  return drift;
}
