import { cloudNameSet } from './fleet-layout.ts';

/**
 * The fleet spec: a compact, URL-friendly description of a simulated fleet.
 * See README.md in this folder for the grammar.
 */
export type Fault =
  | { kind: 'down' }
  | { kind: 'malformed' }
  | { kind: 'cellsdown' }
  | { kind: 'hang' }
  | { kind: 'failpage' }
  | { kind: 'nocors' }
  | { kind: 'wrongtypes' }
  | { kind: 'notjson' }
  | { kind: 'pagesize'; items: number }
  | { kind: 'huge'; megabytes: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'slowpage'; ms: number }
  | { kind: 'http5xx'; rate: number }
  | { kind: 'ratelimit'; rate: number }
  | { kind: 'expire'; seconds: number }
  | { kind: 'role'; role: 'member' };

export type FaultKind = Fault['kind'];

export interface CloudFault {
  cloud: string;
  fault: Fault;
}

export interface FleetSpec {
  regional: { clouds: number; regions: number };
  sites: number;
  edge: { clouds: number; sites: number };
  servers: number;
  seed: number;
  latency: { mean: number; spread: number };
  /** Server time per item of a listed page, in µs, on top of `latency` (a 1,000-server page is dearer than an empty one, as in Nova). */
  itemCostUs: number;
  cells: number;
  faults: CloudFault[];
}

export const DEFAULT_FLEET_SPEC = 'regional=1x3,sites=6,edge=1x40,servers=12,seed=7';

/** Values used for keys the spec string leaves out. */
export const FLEET_SPEC_DEFAULTS: Readonly<FleetSpec> = Object.freeze({
  regional: { clouds: 0, regions: 1 },
  sites: 0,
  edge: { clouds: 0, sites: 1 },
  servers: 12,
  seed: 7,
  latency: { mean: 0, spread: 0 },
  itemCostUs: 0,
  cells: 1,
  faults: [],
});

/** Upper bounds keep a hostile or mistyped URL from asking for an absurd fleet. */
export const FLEET_SPEC_LIMITS = {
  clouds: 5000,
  regions: 50,
  edgeSites: 5000,
  servers: 100_000,
  cells: 16,
  latencyMs: 60_000,
  itemCostUs: 1_000_000,
  seed: 0xffffffff,
} as const;

export class FleetSpecError extends Error {
  /** The offending item or part of it, verbatim. */
  readonly token: string;
  /** 0-based character offset of `token` in the spec string. */
  readonly position: number;

  constructor(reason: string, token: string, position: number) {
    super(`Invalid fleet spec at position ${position} ("${token}"): ${reason}`);
    this.name = 'FleetSpecError';
    this.token = token;
    this.position = position;
  }
}

const COUNT = /^\d{1,10}$/;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const PAIR = /^(\d{1,10})x(\d{1,10})$/;
const LATENCY = /^(\d{1,10})(?:~(\d{1,10}))?$/;

interface Token {
  text: string;
  position: number;
}

function count(tok: Token, min: number, max: number): number {
  if (!COUNT.test(tok.text)) throw new FleetSpecError('expected a whole number', tok.text, tok.position);
  const n = Number(tok.text);
  if (n < min || n > max) throw new FleetSpecError(`expected a number from ${min} to ${max}`, tok.text, tok.position);
  return n;
}

function decimal(tok: Token, min: number, max: number): number {
  const n = Number(tok.text);
  if (!DECIMAL.test(tok.text) || !Number.isFinite(n)) throw new FleetSpecError('expected a number', tok.text, tok.position);
  if (n < min || n > max) throw new FleetSpecError(`expected a number from ${min} to ${max}`, tok.text, tok.position);
  return n;
}

function pair(tok: Token, maxLeft: number, maxRight: number, what: string): [number, number] {
  const m = PAIR.exec(tok.text);
  if (!m) throw new FleetSpecError(`expected ${what}`, tok.text, tok.position);
  const left = count({ text: m[1] as string, position: tok.position }, 0, maxLeft);
  const right = count({ text: m[2] as string, position: tok.position + (m[1] as string).length + 1 }, 1, maxRight);
  return [left, right];
}

function parseFault(tok: Token): Fault {
  const colon = tok.text.indexOf(':');
  const kind = colon < 0 ? tok.text : tok.text.slice(0, colon);
  const arg: Token | undefined = colon < 0 ? undefined : { text: tok.text.slice(colon + 1), position: tok.position + colon + 1 };
  const needArg = (what: string): Token => {
    if (!arg) throw new FleetSpecError(`fault "${kind}" needs an argument (${what})`, tok.text, tok.position);
    return arg;
  };
  const noArg = (): void => {
    if (arg) throw new FleetSpecError(`fault "${kind}" takes no argument`, arg.text, arg.position);
  };
  switch (kind) {
    case 'down':
    case 'malformed':
    case 'cellsdown':
    case 'hang':
    case 'failpage':
    case 'nocors':
    case 'wrongtypes':
    case 'notjson':
      noArg();
      return { kind };
    case 'pagesize':
      return { kind, items: count(needArg('items per page'), 1, 1000) };
    case 'huge':
      return { kind, megabytes: count(needArg('megabytes'), 1, 200) };
    case 'latency':
    case 'slowpage':
      return { kind, ms: count(needArg('milliseconds'), 0, FLEET_SPEC_LIMITS.latencyMs) };
    case 'http5xx':
    case 'ratelimit':
      return { kind, rate: decimal(needArg('a rate from 0 to 1'), 0, 1) };
    case 'expire':
      return { kind, seconds: count(needArg('seconds'), 1, 86_400 * 365) };
    case 'role': {
      const role = needArg('member');
      if (role.text !== 'member') throw new FleetSpecError('the only role fault is "role:member"', role.text, role.position);
      return { kind, role: 'member' };
    }
    default:
      throw new FleetSpecError(
        'unknown fault kind (down, hang, latency:<ms>, http5xx:<rate>, ratelimit:<rate>, expire:<s>, slowpage:<ms>, pagesize:<n>, failpage, malformed, notjson, wrongtypes, huge:<MB>, nocors, cellsdown, role:member)',
        kind,
        tok.position,
      );
  }
}

function splitItems(text: string): Token[] {
  const items: Token[] = [];
  let start = 0;
  for (const part of text.split(',')) {
    items.push({ text: part, position: start });
    start += part.length + 1;
  }
  return items;
}

export function parseFleetSpec(text: string): FleetSpec {
  const spec: FleetSpec = structuredClone(FLEET_SPEC_DEFAULTS) as FleetSpec;
  if (text === '') return spec;
  const seen = new Set<string>();
  const faultTargets: Token[] = [];
  for (const item of splitItems(text)) {
    if (item.text === '') throw new FleetSpecError('empty item (stray comma?)', item.text, item.position);
    const eq = item.text.indexOf('=');
    if (eq <= 0) throw new FleetSpecError('expected key=value', item.text, item.position);
    const key = item.text.slice(0, eq);
    const value: Token = { text: item.text.slice(eq + 1), position: item.position + eq + 1 };
    if (key.startsWith('fault.')) {
      const cloud = key.slice('fault.'.length);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(cloud)) throw new FleetSpecError('expected fault.<cloud name>', key, item.position);
      const fault = parseFault(value);
      if (spec.faults.some((f) => f.cloud === cloud && f.fault.kind === fault.kind)) {
        throw new FleetSpecError(`duplicate "${fault.kind}" fault for cloud ${cloud}`, item.text, item.position);
      }
      spec.faults.push({ cloud, fault });
      faultTargets.push({ text: cloud, position: item.position + 'fault.'.length });
      continue;
    }
    if (seen.has(key)) throw new FleetSpecError(`duplicate key "${key}"`, key, item.position);
    seen.add(key);
    switch (key) {
      case 'regional': {
        const [clouds, regions] = pair(value, FLEET_SPEC_LIMITS.clouds, FLEET_SPEC_LIMITS.regions, 'CLOUDSxREGIONS, e.g. 1x3');
        spec.regional = { clouds, regions };
        break;
      }
      case 'sites':
        spec.sites = count(value, 0, FLEET_SPEC_LIMITS.clouds);
        break;
      case 'edge': {
        const [clouds, sites] = pair(value, FLEET_SPEC_LIMITS.clouds, FLEET_SPEC_LIMITS.edgeSites, 'CLOUDSxSITES, e.g. 1x40');
        spec.edge = { clouds, sites };
        break;
      }
      case 'servers':
        spec.servers = count(value, 0, FLEET_SPEC_LIMITS.servers);
        break;
      case 'seed':
        spec.seed = count(value, 0, FLEET_SPEC_LIMITS.seed);
        break;
      case 'cells':
        spec.cells = count(value, 1, FLEET_SPEC_LIMITS.cells);
        break;
      case 'latency': {
        const m = LATENCY.exec(value.text);
        if (!m) throw new FleetSpecError('expected MEAN~SPREAD in ms, e.g. 30~10', value.text, value.position);
        const mean = count({ text: m[1] as string, position: value.position }, 0, FLEET_SPEC_LIMITS.latencyMs);
        const spreadText = m[2] ?? '0';
        const spread = count({ text: spreadText, position: value.position + (m[1] as string).length + 1 }, 0, FLEET_SPEC_LIMITS.latencyMs);
        spec.latency = { mean, spread };
        break;
      }
      case 'itemcost':
        spec.itemCostUs = count(value, 0, FLEET_SPEC_LIMITS.itemCostUs);
        break;
      default:
        throw new FleetSpecError(
          'unknown key (regional, sites, edge, servers, seed, latency, itemcost, cells, fault.<cloud>)',
          key,
          item.position,
        );
    }
  }
  const total = spec.regional.clouds + spec.sites + spec.edge.clouds;
  if (total > FLEET_SPEC_LIMITS.clouds) {
    throw new FleetSpecError(`more than ${FLEET_SPEC_LIMITS.clouds} clouds in all`, text, 0);
  }
  if (faultTargets.length > 0) {
    const names = cloudNameSet(spec);
    for (const target of faultTargets) {
      if (!names.has(target.text)) throw new FleetSpecError('no cloud of this name in the fleet', target.text, target.position);
    }
  }
  return spec;
}

function formatFault(f: Fault): string {
  switch (f.kind) {
    case 'down':
    case 'malformed':
    case 'cellsdown':
    case 'hang':
    case 'failpage':
    case 'nocors':
    case 'wrongtypes':
    case 'notjson':
      return f.kind;
    case 'pagesize':
      return `pagesize:${f.items}`;
    case 'huge':
      return `huge:${f.megabytes}`;
    case 'latency':
    case 'slowpage':
      return `${f.kind}:${f.ms}`;
    case 'http5xx':
    case 'ratelimit':
      return `${f.kind}:${f.rate}`;
    case 'expire':
      return `${f.kind}:${f.seconds}`;
    case 'role':
      return `role:${f.role}`;
  }
}

/** Canonical form: keys in a fixed order, defaults left out (except servers and seed, which are always shown). */
export function formatFleetSpec(spec: FleetSpec): string {
  const d = FLEET_SPEC_DEFAULTS;
  const items: string[] = [];
  if (spec.regional.clouds !== d.regional.clouds || spec.regional.regions !== d.regional.regions) {
    items.push(`regional=${spec.regional.clouds}x${spec.regional.regions}`);
  }
  if (spec.sites !== d.sites) items.push(`sites=${spec.sites}`);
  if (spec.edge.clouds !== d.edge.clouds || spec.edge.sites !== d.edge.sites) items.push(`edge=${spec.edge.clouds}x${spec.edge.sites}`);
  items.push(`servers=${spec.servers}`, `seed=${spec.seed}`);
  if (spec.latency.mean !== 0 || spec.latency.spread !== 0) {
    items.push(spec.latency.spread === 0 ? `latency=${spec.latency.mean}` : `latency=${spec.latency.mean}~${spec.latency.spread}`);
  }
  if (spec.itemCostUs !== d.itemCostUs) items.push(`itemcost=${spec.itemCostUs}`);
  if (spec.cells !== d.cells) items.push(`cells=${spec.cells}`);
  for (const { cloud, fault } of spec.faults) items.push(`fault.${cloud}=${formatFault(fault)}`);
  return items.join(',');
}

/** The faults configured for one cloud, by kind. */
export function faultsFor(spec: FleetSpec, cloud: string): Partial<{ [K in FaultKind]: Extract<Fault, { kind: K }> }> {
  const out: Partial<Record<FaultKind, Fault>> = {};
  for (const f of spec.faults) if (f.cloud === cloud) out[f.fault.kind] = f.fault;
  return out as Partial<{ [K in FaultKind]: Extract<Fault, { kind: K }> }>;
}
