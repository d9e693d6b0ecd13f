import { describe, expect, it } from 'vitest';
import { buildTopology } from './build-topology.ts';
import { cloud, region } from './testing/topology-fixtures.ts';
import { parseTopologyRules } from './topology-rules-config.ts';
import { rulesFor } from './topology-rules.ts';

describe('parseTopologyRules', () => {
  it('reads default and per-cloud rules of every kind', () => {
    const { rules, problems } = parseTopologyRules({
      default: { cells: { from: 'host-pattern', pattern: '-(c\\d+)-' } },
      clouds: {
        core: { cells: { from: 'aggregate-metadata', key: 'cell' }, sites: { from: 'aggregate-metadata', key: 'site' } },
        lab: { cells: { from: 'host-map', hosts: { 'cmp-01': 'cell1' } }, sites: { from: 'availability-zone' } },
        'tower-*': { sites: { from: 'whole-cloud' } },
      },
    });
    expect(problems).toEqual([]);
    expect(rulesFor(rules ?? {}, 'core').sites).toEqual({ from: 'aggregate-metadata', key: 'site' });
    expect(rulesFor(rules ?? {}, 'tower-17').sites).toEqual({ from: 'whole-cloud' });
    expect(rulesFor(rules ?? {}, 'ams').cells).toEqual({ from: 'host-pattern', pattern: '-(c\\d+)-' });
  });

  it('names the cloud and the key of a bad rule, and keeps the good ones', () => {
    const { rules, problems } = parseTopologyRules({
      default: { sites: { from: 'zones' } },
      clouds: {
        ams: { cells: { from: 'host-pattern', pattern: '(' } },
        fra: { cells: { from: 'host-pattern', pattern: 'cmp-\\d+' } },
        par: { sites: { from: 'aggregate-metadata' } },
        lon: { cells: { from: 'aggregate-metadata', key: 'cell' } },
      },
    });
    expect(problems).toEqual([
      { cloud: 'default', key: 'topology.default.sites.from', message: expect.stringContaining("'availability-zone' | 'aggregate-metadata' | 'whole-cloud'") },
      { cloud: 'ams', key: 'topology.clouds.ams.cells.pattern', message: expect.stringContaining('capture group') },
      { cloud: 'fra', key: 'topology.clouds.fra.cells.pattern', message: expect.stringContaining('capture group') },
      { cloud: 'par', key: 'topology.clouds.par.sites.key', message: 'is missing' },
    ]);
    expect(rules).toEqual({ clouds: { lon: { cells: { from: 'aggregate-metadata', key: 'cell' } } } });
  });

  it('reports a section of the wrong shape once', () => {
    expect(parseTopologyRules({ clouds: [] }).problems).toEqual([{ cloud: '(all)', key: 'topology.clouds', message: expect.stringContaining('expected record') }]);
    expect(parseTopologyRules(undefined)).toEqual({ problems: [] });
  });

  it('gives a cloud its exact entry before a pattern, and a pattern before the default', () => {
    const rules = {
      default: { sites: { from: 'availability-zone' } },
      clouds: { 'edge-*': { sites: { from: 'whole-cloud' } }, 'edge-lab': { cells: { from: 'aggregate-metadata', key: 'cell' } } },
    } as const;
    expect(rulesFor(rules, 'edge-lab')).toEqual({ cells: { from: 'aggregate-metadata', key: 'cell' } });
    expect(rulesFor(rules, 'edge-7')).toEqual({ sites: { from: 'whole-cloud' } });
    expect(rulesFor(rules, 'edge')).toEqual({ sites: { from: 'availability-zone' } });
    expect(rulesFor({ clouds: { 'a.b*': {} } }, 'axb-1')).toEqual({});
  });

  it('rules from the config decide cells and sites', () => {
    const { rules } = parseTopologyRules({ clouds: { 'tower-*': { sites: { from: 'whole-cloud' } } }, default: { cells: { from: 'host-pattern', pattern: '^(r\\d+)-' } } });
    const hosts = [{ host: 'r1-h1', zone: 'az1' }, { host: 'r2-h2', zone: 'az2' }];
    const graph = buildTopology(
      ['core', 'tower-9'].map((name) => cloud(name, [region('r', { hosts })], { rules: rulesFor(rules ?? {}, name) })),
    );
    expect(graph.byId.get('region:core/r')?.childIds).toEqual(['cell:core/r/r1', 'cell:core/r/r2']);
    expect(graph.nodes.filter((node) => node.level === 'site' && node.place.cloud === 'tower-9').map((node) => node.label)).toEqual(['tower-9']);
    expect(graph.byId.get('region:tower-9/r')?.notes).toContain('cells unknown');
  });
});
