import type { Transport } from '../../openstack/index.ts';
import type { CloudDefinition, CloudSource } from './cloud-definition.ts';
import { cloudFromCloudsYamlEntry, type EntryProblem } from './cloud-from-clouds-yaml.ts';
import { parseCloudsYaml, type ParsedCloudsYaml } from './parse-clouds-yaml.ts';

export interface ImportResult {
  /** New user clouds, secrets included when the file carried them (the caller keeps those in memory only). */
  added: CloudDefinition[];
  problems: EntryProblem[];
  warnings: EntryProblem[];
}

/** Decides the transport of a cloud by name: the deployment's runtime config may route it through the proxy. */
export type TransportFor = (cloudName: string) => Transport;

const ORIGIN_WORDS: Record<CloudSource, string> = {
  demo: 'a demo cloud',
  'runtime-config': 'a cloud of the runtime config',
  user: 'a cloud imported earlier',
};

/**
 * Turns the entries of a parsed file into new user clouds. A name already in
 * the registry is a problem for that entry alone: nothing in the registry is
 * replaced by an import, and the file's other clouds still come in.
 */
export function mergeImport(parsed: ParsedCloudsYaml, existing: readonly CloudDefinition[], transportFor: TransportFor): ImportResult {
  const known = new Map(existing.map((cloud) => [cloud.name, cloud]));
  const added: CloudDefinition[] = [];
  const problems = [...parsed.problems];
  const warnings: EntryProblem[] = [];
  for (const entry of parsed.entries) {
    const clash = known.get(entry.name);
    if (clash) {
      problems.push({ cloud: entry.name, key: '(name)', message: `is already in the registry (${ORIGIN_WORDS[clash.source]}); rename it in the file or remove the existing cloud first` });
      continue;
    }
    const result = cloudFromCloudsYamlEntry(entry.name, entry.value, 'user');
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    warnings.push(...result.warnings);
    added.push({ ...result.cloud, transport: transportFor(entry.name) });
  }
  return { added, problems, warnings };
}

export function importCloudsYaml(text: string, existing: readonly CloudDefinition[], transportFor: TransportFor): ImportResult {
  return mergeImport(parseCloudsYaml(text), existing, transportFor);
}
