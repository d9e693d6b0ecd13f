import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { EntryProblem } from './cloud-from-clouds-yaml.ts';

/** A clouds.yaml is a few kilobytes; anything near a megabyte is the wrong file (or an attack on the parser). */
export const MAX_CLOUDS_YAML_BYTES = 256 * 1024;

/** What a problem of the whole file (not of one cloud) is filed under. */
export const FILE = '(file)';

/** One `clouds:` entry, still raw: cloudFromCloudsYamlEntry decides whether it is usable. */
export interface CloudsYamlEntry {
  name: string;
  /** 1-based line of the entry's name, to point the operator at it. */
  line: number;
  value: unknown;
}

export interface ParsedCloudsYaml {
  entries: CloudsYamlEntry[];
  /** Problems of the file as a whole; when there are any, entries is empty or partial as described. */
  problems: EntryProblem[];
}

/** Aliases may be used, but a billion-laughs document must not expand. */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads the text of a clouds.yaml. Never throws: whatever the input, the
 * answer is entries and problems. Names that appear twice are reported and
 * neither is kept, since which one the operator meant cannot be known.
 */
export function parseCloudsYaml(text: string): ParsedCloudsYaml {
  const fileProblem = (key: string, message: string): ParsedCloudsYaml => ({ entries: [], problems: [{ cloud: FILE, key, message }] });
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CLOUDS_YAML_BYTES) return fileProblem('(size)', tooLargeMessage(bytes));

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lineCounter.linePos(syntax.pos[0]);
    return fileProblem(`line ${at.line}, column ${at.col}`, `is not valid YAML: ${syntax.message}`);
  }
  if (!isMap(doc.contents)) return fileProblem('clouds', 'is missing: a clouds.yaml is a mapping with a top-level "clouds:" key');
  const clouds = doc.contents.get('clouds', true);
  if (clouds === undefined) return fileProblem('clouds', 'is missing: a clouds.yaml is a mapping with a top-level "clouds:" key');
  if (!isMap(clouds)) return fileProblem('clouds', 'must be a mapping from cloud names to their settings');

  const entries: CloudsYamlEntry[] = [];
  const problems: EntryProblem[] = [];
  for (const pair of clouds.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const line = isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 0;
    if (name === undefined) {
      problems.push({ cloud: FILE, key: `line ${line}`, message: 'a cloud name must be plain text, not a list or a mapping' });
      continue;
    }
    try {
      const value = isNode(pair.value) ? pair.value.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : pair.value;
      entries.push({ name, line, value });
    } catch (error) {
      // toJS throws for unresolved aliases and alias bombs.
      problems.push({ cloud: name, key: '(entry)', message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return dropDuplicates(entries, problems);
}

function dropDuplicates(entries: CloudsYamlEntry[], problems: EntryProblem[]): ParsedCloudsYaml {
  const lines = new Map<string, number[]>();
  for (const entry of entries) lines.set(entry.name, [...(lines.get(entry.name) ?? []), entry.line]);
  for (const [name, at] of lines) {
    if (at.length > 1) problems.push({ cloud: name, key: '(name)', message: `is defined ${at.length} times in the file (lines ${at.join(', ')}); none of them was imported` });
  }
  return { entries: entries.filter((entry) => lines.get(entry.name)?.length === 1), problems };
}

export function tooLargeMessage(bytes: number): string {
  return `is ${formatSize(bytes)}; a clouds.yaml may be at most ${formatSize(MAX_CLOUDS_YAML_BYTES)}`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
