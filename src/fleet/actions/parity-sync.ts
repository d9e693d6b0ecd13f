import type { ParityCell, ParityItem, ParityKind, ParitySource, ParityUnknownReason } from '../inventory/parity-model.ts';
import { targetKey, type ActionTarget } from './plan.ts';
import type { PreparedAction } from './prepared-action.ts';

export interface ParitySyncContext {
  /** The matrix's sources, aligned with every item's cells. */
  sources: readonly ParitySource[];
  /** The columns on screen (indexes into the cells): only their drift is targeted, as only theirs is counted. Every column when absent. */
  columns?: readonly number[];
  /** The reference the operator chose, when the matrix could use it. */
  chosenReference?: string;
  /**
   * The project (name) each cloud's own session is scoped to, undefined while
   * unknown: actions act through that session, so a column of another
   * project can be neither copied from nor written to.
   */
  actingProject: (cloud: string) => string | undefined;
}

/**
 * What the parity matrix offers for one item with drift: the action that
 * fixes it, prefilled, with why it copies from where it does and what the
 * plan will say about the sources it cannot simply fill; or why there is
 * nothing to offer.
 */
export type ParitySync =
  | {
      state: 'ready';
      action: PreparedAction;
      /** The label's first word, for a compact control whose accessible name is the label. */
      verb: string;
      /** e.g. `Sync key pair deploy to 3 missing…` */
      label: string;
      /** The source, and why that one. */
      why: string;
      notes: string[];
    }
  | { state: 'blocked'; why: string };

interface KindWords {
  verb: string;
  lead: (name: string) => string;
  /** What tells variants apart, e.g. `key`, and the same after `this`: `this key`, `these rules`. */
  variant: string;
  thisVariant: string;
  differing: (count: number) => string;
}

const UNKNOWN_WORDS: Record<ParityUnknownReason, string> = {
  loading: 'still loading',
  failed: 'did not answer',
  'signin-needed': 'waits for sign-in',
  'no-service': 'no such service there',
};

const have = (count: number) => (count === 1 ? '1 target has' : `${count} targets have`);
const sources = (count: number) => (count === 1 ? '1 source' : `${count} sources`);

const KIND_WORDS: Record<ParityKind, KindWords> = {
  keypair: {
    verb: 'Sync',
    lead: (name) => `Sync key pair ${name} to`,
    variant: 'key',
    thisVariant: 'this key',
    differing: (count) => `${have(count)} another key under this name: the plan shows a conflict there and never replaces a key.`,
  },
  image: {
    verb: 'Replicate',
    lead: (name) => `Replicate image ${name} to`,
    variant: 'data',
    thisVariant: 'this data',
    differing: (count) => `${have(count)} other data under this name: the plan shows a conflict there and never replaces an image.`,
  },
  flavor: {
    verb: 'Create',
    lead: (name) => `Create missing flavors (${name}) on`,
    variant: 'definition',
    thisVariant: 'this definition',
    differing: (count) => `${have(count)} another flavor under this name: the plan adds extra specs it lacks, reports any other difference as a conflict, and never replaces a flavor (servers may use it).`,
  },
  'security-group': {
    verb: 'Sync',
    lead: (name) => `Sync security group ${name} to`,
    variant: 'rules',
    thisVariant: 'these rules',
    differing: (count) => `${have(count)} other rules: the sync adds the rules missing there and leaves the rules only there.`,
  },
};

/** The action that would bring `item` to parity on the columns shown, or undefined when they show no drift. */
export function paritySync(item: ParityItem, context: ParitySyncContext): ParitySync | undefined {
  const columns = context.columns ?? item.cells.map((_, index) => index);
  const shown = columns.flatMap((index) => {
    const cell = item.cells[index];
    const source = context.sources[index];
    return cell && source ? [{ cell, source }] : [];
  });
  const drifting = shown.filter(({ cell }) => cell.verdict === 'missing' || cell.verdict === 'differs');
  if (drifting.length === 0) return undefined;

  const actsThere = (source: ParitySource): source is ParitySource & { region: string } =>
    source.region !== undefined && (source.project === undefined || source.project === context.actingProject(source.cloud));

  const holders = item.cells.flatMap((cell, index) => {
    const source = context.sources[index];
    return cell.verdict === 'present' && source && actsThere(source) ? [{ cell, source }] : [];
  });
  const holder = holders.find(({ source }) => source.key === item.reference.source) ?? holders[0];
  if (!holder) {
    return { state: 'blocked', why: `No source this console acts in holds the reference ${KIND_WORDS[item.kind].variant} of ${item.name}: actions act in the project each cloud signs in to.` };
  }
  const from: ActionTarget = { cloud: holder.source.cloud, region: holder.source.region };

  const to: ActionTarget[] = [];
  const chosen = new Set([targetKey(from)]);
  const otherProjects: string[] = [];
  let missing = 0;
  let differing = 0;
  for (const { cell, source } of drifting) {
    if (!actsThere(source)) {
      otherProjects.push(source.key);
      continue;
    }
    const target = { cloud: source.cloud, region: source.region };
    if (chosen.has(targetKey(target))) continue;
    chosen.add(targetKey(target));
    to.push(target);
    if (cell.verdict === 'missing') missing += 1;
    else differing += 1;
  }
  if (to.length === 0) {
    return { state: 'blocked', why: `The drift is only in projects this console does not act in (${listed(otherProjects)}): actions act in the project each cloud signs in to.` };
  }

  const words = KIND_WORDS[item.kind];
  const counted = [missing > 0 ? `${missing} missing` : '', differing > 0 ? `${differing} differing` : ''].filter(Boolean).join(' and ');
  const unknown = shown.flatMap(({ cell, source }) => (cell.verdict === 'unknown' ? [`${source.key} (${UNKNOWN_WORDS[cell.reason ?? 'failed']})`] : []));
  const notes = [
    differing > 0 ? words.differing(differing) : '',
    item.kind === 'flavor' ? `Flavor parity creates every public flavor of ${targetKey(from)} a target lacks, not only ${item.name}: the preview lists each.` : '',
    unknown.length > 0 ? `Not targeted, as unknown: ${listed(unknown)}.` : '',
    otherProjects.length > 0 ? `Left out, as other projects than the one each cloud signs in to (where actions act): ${listed(otherProjects)}.` : '',
  ].filter(Boolean);

  return {
    state: 'ready',
    action: preparedFor(item, holder.cell, from, to),
    verb: words.verb,
    label: `${words.lead(item.name)} ${counted}…`,
    why: `From ${holder.source.key}: ${whyThisVariant(item, context.chosenReference)}${holder.source.key === item.reference.source ? '' : `; ${item.reference.source} holds it in another project, ${holder.source.key} holds the same ${words.variant}`}.`,
    notes,
  };
}

function preparedFor(item: ParityItem, holding: ParityCell, from: ActionTarget, to: ActionTarget[]): PreparedAction {
  switch (item.kind) {
    case 'keypair':
      return { action: 'keypair-sync', from, key: item.name, to };
    case 'security-group':
      return { action: 'security-group-sync', from, group: item.name, to };
    case 'flavor':
      return { action: 'flavor-parity', from, to };
    case 'image':
      // Names are not unique in Glance: the copy starts from the very image that matched.
      return { action: 'image-replication', from, image: holding.entryId ?? item.reference.entryId, to };
  }
}

/** Why the item's reference variant is the one to copy: the operator's choice, the only one, or the most common. */
function whyThisVariant(item: ParityItem, chosenReference: string | undefined): string {
  const { variant, thisVariant } = KIND_WORDS[item.kind];
  if (chosenReference !== undefined && item.reference.source === chosenReference) return 'the reference you chose';
  const lacking = chosenReference === undefined ? '' : `${chosenReference}, the reference you chose, does not hold it, so `;
  const holding = item.counts.present;
  if (item.counts.differs === 0) return `${lacking}every source that holds it holds the same ${variant}`;
  // Cells that differ from the reference in the same way hold the same other variant.
  const others = new Map<string, number>();
  for (const cell of item.cells) {
    if (cell.verdict !== 'differs') continue;
    const key = JSON.stringify(cell.differences ?? []);
    others.set(key, (others.get(key) ?? 0) + 1);
  }
  const largest = Math.max(...others.values());
  if (holding > largest) return `${lacking}${holding} of the ${holding + item.counts.differs} sources that hold it hold ${thisVariant}, the most common`;
  return `${lacking}${sources(holding)} hold${holding === 1 ? 's' : ''} ${thisVariant}, ${sources(largest)} another ${variant}: the order of the sources settled it; choose a reference to decide`;
}

function listed(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`;
}
