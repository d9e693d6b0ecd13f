import { describe, expect, it, vi } from 'vitest';
import { describeImageImportContract, type ImportGlance } from './image-import-contract.ts';
import type { LabJson } from './lab-json.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

// Each import is a Glance task that the test polls, on a 2-core machine shared with the rest of the lab.
vi.setConfig({ testTimeout: 120_000 });

const lab = readLabJson();

/** Each cloud's Glances as lab.json records them (seed.py asked each one what it offers). */
function glancesOf(json: LabJson): Record<string, ImportGlance[]> {
  return Object.fromEntries(
    Object.entries(json.clouds).map(([name, cloud]) => [
      name,
      Object.entries(cloud.glances).map(([glance, g]): ImportGlance => ({
        name: glance,
        regions: g.regions,
        importMethods: g.import_methods,
        stores: g.stores,
        defaultStore: g.default_store,
      })),
    ]),
  );
}

const glances = glancesOf(lab);

/**
 * What the lab exists to prove (scripts/openstack-lab/README.md): without
 * these, the import tests below would not be registered and the suite would
 * pass having proven nothing.
 */
describe('the lab offers both interoperable copy methods', () => {
  it('a cloud with two Glances behind one Keystone, both offering glance-download', () => {
    const joined = Object.entries(glances).filter(([, list]) => list.filter((g) => g.importMethods.includes('glance-download')).length >= 2);
    expect(joined.map(([cloud]) => cloud), 'lab.json: no cloud has two Glances offering glance-download').not.toEqual([]);
  });

  it('a Glance with several stores offering copy-image', () => {
    const multiStore = Object.values(glances)
      .flat()
      .filter((g) => g.importMethods.includes('copy-image') && g.stores.length >= 2 && g.defaultStore !== null);
    expect(multiStore.map((g) => g.name), 'lab.json: no Glance has two stores and copy-image').not.toEqual([]);
  });
});

describeImageImportContract({ ...createLabTarget(lab, globalThis.fetch.bind(globalThis)), glances });
