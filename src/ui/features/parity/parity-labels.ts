import type { ParityKind, ParitySource, ParityVerdict } from '../../../fleet/inventory/parity-model.ts';

export const KIND_LABELS: Record<ParityKind, { title: string; singular: string; basis: string }> = {
  keypair: { title: 'Key pairs', singular: 'Key pair', basis: 'by name and fingerprint' },
  image: { title: 'Images', singular: 'Image', basis: 'by name and checksum' },
  flavor: { title: 'Flavors', singular: 'Flavor', basis: 'by name, shape (vCPUs, RAM, disk) and extra specs' },
  'security-group': { title: 'Security groups', singular: 'Security group', basis: 'by name and rules' },
};

export const VERDICT_LABELS: Record<ParityVerdict, string> = { present: 'present', missing: 'missing', differs: 'differs', unknown: 'unknown' };

export function sourceLabel(source: Pick<ParitySource, 'cloud' | 'region' | 'project'>): string {
  const place = source.region === undefined ? source.cloud : `${source.cloud} / ${source.region}`;
  return source.project === undefined ? place : `${place} · project ${source.project}`;
}

/** `cloud/region` keys as people read them; a key the matrix does not hold is shown as it is. */
export function sourceNamer(sources: readonly ParitySource[]): (key: string) => string {
  const names = new Map(sources.map((source) => [source.key, sourceLabel(source)]));
  return (key) => names.get(key) ?? key;
}

/** What the matrix's columns are, for summaries: per project only when "all projects I can see" made them so. */
export function sourcesNoun(sources: readonly Pick<ParitySource, 'project'>[]): string {
  return sources.some((source) => source.project !== undefined) ? 'clouds, regions and projects' : 'clouds and regions';
}
