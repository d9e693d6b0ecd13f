import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabJson, type LabJson } from '../lab-json.ts';

export const DEFAULT_LAB_DIR = '/tmp/archipelago-lab';

export function labDir(): string {
  return process.env.ARCHIPELAGO_LAB_DIR ?? DEFAULT_LAB_DIR;
}

/** The lab's own description of itself; a lab that is not up fails here, loudly, rather than skipping everything. */
export function readLabJson(dir: string = labDir()): LabJson {
  const file = join(dir, 'lab.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`cannot read ${file}: bring the lab up with scripts/openstack-lab/up.sh (or set ARCHIPELAGO_LAB_DIR)`, { cause });
  }
  return parseLabJson(JSON.parse(text));
}
