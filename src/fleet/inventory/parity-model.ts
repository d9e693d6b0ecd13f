/**
 * The parity matrix (Kingbird's use case): which clouds lack or differ in the
 * key pairs, images, flavors and security groups the others have. Pure data,
 * shaped so an action planner can plan a sync from it: per item, a reference
 * (where the wanted variant lives) and a verdict for every cloud and region.
 */
export const PARITY_KINDS = ['keypair', 'image', 'flavor', 'security-group'] as const;
export type ParityKind = (typeof PARITY_KINDS)[number];

/** One comparable field of a resource, formatted for people (the planner reads the entry id instead). */
export interface ParityField {
  /** Stable id, e.g. 'ram'. */
  id: string;
  label: string;
  value: string;
}

/** One resource of one cloud and region, reduced to what parity compares. */
export interface ParityEntry {
  /** The resource's id where it lives (a key pair's is its name). */
  id: string;
  /** What matches resources across clouds. */
  name: string;
  /** Compared one by one. */
  fields: readonly ParityField[];
  /** Compared as a set (a security group's rules, canonical text). */
  members?: readonly string[];
}

/** Where a listing comes from: a cloud and region, or a whole cloud whose regions are not known (it failed to sign in). */
export interface ParitySource {
  /** `cloud/region`, or `cloud` alone; `cloud/region/project` (or `cloud//project`) when several projects are shown. */
  key: string;
  cloud: string;
  region?: string;
  /** The project's name, when "all projects I can see" compares the cloud per project. */
  project?: string;
}

/** `no-service`: the region's catalog has no such service (a site without Neutron has no groups to compare). */
export type ParityUnknownReason = 'loading' | 'failed' | 'signin-needed' | 'no-service';

/** What a source gave for one kind: everything, or nothing known (never "nothing there"). */
export type ParityListing =
  | { state: 'ok'; entries: readonly ParityEntry[] }
  | { state: 'unknown'; reason: ParityUnknownReason; error?: unknown };

export interface ParityObservation extends ParitySource {
  listings: Readonly<Record<ParityKind, ParityListing>>;
}

export type ParityDifference =
  | { kind: 'field'; field: string; label: string; expected: string; actual: string }
  | { kind: 'members'; missing: readonly string[]; extra: readonly string[] };

export type ParityVerdict = 'present' | 'missing' | 'differs' | 'unknown';

export interface ParityCell {
  source: string;
  verdict: ParityVerdict;
  /** The matching entry's id (present), or the first same-named one (differs). */
  entryId?: string;
  /** How many resources of this name the source holds, when more than one. */
  duplicates?: number;
  /** For 'differs': how the source's entry differs from the reference. */
  differences?: readonly ParityDifference[];
  /** For 'unknown'. */
  reason?: ParityUnknownReason;
  error?: unknown;
}

export interface ParityItem {
  kind: ParityKind;
  name: string;
  /** The source holding the reference variant, and that entry's id: where a sync would copy from. */
  reference: { source: string; entryId: string };
  /** One per source, in the matrix's source order. */
  cells: readonly ParityCell[];
  /** Counts of the verdicts, for sorting and summaries. */
  counts: Readonly<Record<ParityVerdict, number>>;
}

export interface ParityMatrix {
  sources: readonly ParitySource[];
  /** The source the operator chose as reference, when it could serve as one. */
  reference?: string;
  items: readonly ParityItem[];
}
