/**
 * How a cloud's hosts map to cells and sites. Nova's REST API exposes
 * neither cells nor "sites", so each cloud says where to read them from.
 * Plain data (JSON-able) so the rules can come from configuration.
 */
export type CellRule =
  /** The first capture group of this regular expression over the host name, e.g. `-(c\d+)-`. */
  | { from: 'host-pattern'; pattern: string }
  /** The value of this metadata key on a host aggregate holding the host, e.g. `cell`. */
  | { from: 'aggregate-metadata'; key: string }
  /** An explicit host → cell table. */
  | { from: 'host-map'; hosts: Readonly<Record<string, string>> };

export type SiteRule =
  /** The availability zone of the host's nova-compute service (the default). */
  | { from: 'availability-zone' }
  /** The value of this metadata key on a host aggregate holding the host, e.g. `site`. */
  | { from: 'aggregate-metadata'; key: string }
  /** The whole cloud is one site, named after the cloud (a small edge cloud). */
  | { from: 'whole-cloud' };

export interface CloudRules {
  /** No rule: the cloud's cells are shown as unknown. */
  cells?: CellRule;
  /** No rule: sites by availability zone. */
  sites?: SiteRule;
}

export interface TopologyRules {
  /** For every cloud without its own entry. */
  default?: CloudRules;
  /** By cloud name, or by a pattern where `*` stands for any characters (`edge-*`). */
  clouds?: Readonly<Record<string, CloudRules>>;
}

/** Without configuration: sites by availability zone, cells unknown. */
export const DEFAULT_TOPOLOGY_RULES: TopologyRules = { default: { sites: { from: 'availability-zone' } } };

/**
 * The simulated demo fleet names its compute hosts `cmp-<region>-c<N>-<NNN>`,
 * a common convention in real deployments too; its edge hosts carry no cell.
 */
export const DEMO_TOPOLOGY_RULES: TopologyRules = {
  default: { cells: { from: 'host-pattern', pattern: '-(c\\d+)-' }, sites: { from: 'availability-zone' } },
};

/** The cloud's own entry, else the first pattern (in the file's order) that matches its name, else the default. */
/** One object for every cloud without rules, so an unchanged cloud's input stays the same object (see keep-unchanged.ts). */
const NO_RULES: CloudRules = Object.freeze({});

export function rulesFor(rules: TopologyRules, cloud: string): CloudRules {
  const clouds = rules.clouds ?? {};
  if (Object.hasOwn(clouds, cloud)) return clouds[cloud] as CloudRules;
  const pattern = Object.keys(clouds).find((key) => key.includes('*') && globMatches(key, cloud));
  return (pattern === undefined ? undefined : clouds[pattern]) ?? rules.default ?? NO_RULES;
}

function globMatches(glob: string, name: string): boolean {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}
