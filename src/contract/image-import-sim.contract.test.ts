import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeImageImportContract, type ImportGlance } from './image-import-contract.ts';
import { createSimTarget } from './sim-target.ts';

const target = createSimTarget(DEFAULT_FLEET_SPEC);

/**
 * The simulated fleet's Glances, as src/sim/README.md describes them: each
 * region of a regional cloud has its own Glance behind the one Keystone, and
 * offers glance-download; an edge cloud's Glance is multi-store, `central`
 * (the default) and one store per site.
 */
function glancesOf(cloud: (typeof target.clouds)[number]): ImportGlance[] {
  const info = target.sim.clouds().find((c) => c.name === cloud.name);
  const regions = cloud.regions.map((r) => r.name);
  const base = ['glance-direct', 'web-download', 'copy-image'];
  if (info?.kind === 'regional' && regions.length > 1) {
    return regions.map((region) => ({ name: `${cloud.name}/${region}`, regions: [region], importMethods: [...base, 'glance-download'], stores: [], defaultStore: null }));
  }
  const sites = info?.kind === 'edge' ? info.sites : [];
  return regions.map((region) => ({
    name: `${cloud.name}/${region}`,
    regions: [region],
    importMethods: base,
    stores: sites.length > 0 ? ['central', ...sites] : [],
    defaultStore: sites.length > 0 ? 'central' : null,
  }));
}

describeImageImportContract({ ...target, glances: Object.fromEntries(target.clouds.map((cloud) => [cloud.name, glancesOf(cloud)])) });
