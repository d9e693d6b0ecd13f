/**
 * Cloud and region names of a fleet. Names depend only on the topology counts
 * (never on the seed) so a fault like `fault.ams=down` keeps naming the same
 * cloud when the seed changes, and the spec parser can check cloud names.
 */
export type CloudKind = 'regional' | 'site' | 'edge';

export interface FleetTopology {
  regional: { clouds: number; regions: number };
  sites: number;
  edge: { clouds: number; sites: number };
}

export interface CloudLayout {
  index: number;
  name: string;
  kind: CloudKind;
  regions: string[];
  /** Edge sites (availability zones); empty for regional and site clouds. */
  sites: string[];
}

const REGION_BASES = [
  'eu-west', 'eu-central', 'us-east', 'eu-north', 'us-west', 'ap-southeast',
  'ap-northeast', 'ca-central', 'sa-east', 'eu-south', 'me-central', 'af-south',
] as const;

const CITIES = [
  'ams', 'fra', 'par', 'lon', 'mad', 'waw', 'vie', 'prg', 'cph', 'sto', 'osl', 'hel',
  'dub', 'lis', 'mil', 'rom', 'ber', 'muc', 'zrh', 'bru', 'bud', 'ath', 'buc', 'sof',
] as const;

const EDGE_KINDS = [
  { cloud: 'edge-retail', site: 'store' },
  { cloud: 'edge-factory', site: 'plant' },
  { cloud: 'edge-telco', site: 'tower' },
] as const;

/** Site clouds are small single-region deployments, which keep Keystone's default region name. */
export const SITE_REGION = 'RegionOne';

function cycled(bases: readonly string[], i: number, join: (base: string, round: number) => string): string {
  const base = bases[i % bases.length] as string;
  return join(base, Math.floor(i / bases.length) + 1);
}

export function regionalCloudName(i: number): string {
  return i === 0 ? 'core' : `core-${i + 1}`;
}

export function regionName(i: number): string {
  return cycled(REGION_BASES, i, (base, round) => `${base}-${round}`);
}

export function siteCloudName(i: number): string {
  return cycled(CITIES, i, (city, round) => (round === 1 ? city : `${city}-${round}`));
}

export function edgeCloudName(i: number): string {
  return cycled(EDGE_KINDS.map((k) => k.cloud), i, (name, round) => (round === 1 ? name : `${name}-${round}`));
}

export function edgeSiteName(cloudIndex: number, siteIndex: number, siteCount: number): string {
  const prefix = (EDGE_KINDS[cloudIndex % EDGE_KINDS.length] as (typeof EDGE_KINDS)[number]).site;
  const width = Math.max(3, String(siteCount).length);
  return `${prefix}-${String(siteIndex + 1).padStart(width, '0')}`;
}

export function edgeRegionName(i: number): string {
  return `eu-edge-${i + 1}`;
}

export function layoutFleet(topology: FleetTopology): CloudLayout[] {
  const clouds: CloudLayout[] = [];
  const add = (name: string, kind: CloudKind, regions: string[], sites: string[]): void => {
    clouds.push({ index: clouds.length, name, kind, regions, sites });
  };
  for (let c = 0; c < topology.regional.clouds; c++) {
    add(regionalCloudName(c), 'regional', Array.from({ length: topology.regional.regions }, (_, r) => regionName(r)), []);
  }
  for (let c = 0; c < topology.sites; c++) add(siteCloudName(c), 'site', [SITE_REGION], []);
  for (let c = 0; c < topology.edge.clouds; c++) {
    const sites = Array.from({ length: topology.edge.sites }, (_, s) => edgeSiteName(c, s, topology.edge.sites));
    add(edgeCloudName(c), 'edge', [edgeRegionName(c)], sites);
  }
  return clouds;
}

/** Names only, without building the per-site arrays (the parser checks fault targets with it). */
export function cloudNameSet(topology: FleetTopology): Set<string> {
  const names = new Set<string>();
  for (let c = 0; c < topology.regional.clouds; c++) names.add(regionalCloudName(c));
  for (let c = 0; c < topology.sites; c++) names.add(siteCloudName(c));
  for (let c = 0; c < topology.edge.clouds; c++) names.add(edgeCloudName(c));
  return names;
}
