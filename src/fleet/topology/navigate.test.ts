import { describe, expect, it } from 'vitest';
import { buildTopology, FLEET_ID } from './build-topology.ts';
import { collapse } from './collapse.ts';
import { navigate } from './navigate.ts';
import { cloud, region } from './testing/topology-fixtures.ts';

const graph = buildTopology(['a', 'b', 'c'].map((name) => cloud(name, [region('r', { hosts: [{ host: 'h', zone: 'z' }] })], { identity: 'https://k/v3' })));
const domain = graph.byId.get(FLEET_ID)?.childIds[0] as string;
const visible = (expanded: string[]) => collapse(graph, new Set(expanded));

describe('navigate', () => {
  it('Right opens a closed node, then goes to its first child', () => {
    expect(navigate(visible([FLEET_ID]), domain, 'ArrowRight')).toEqual({ expand: domain });
    expect(navigate(visible([FLEET_ID, domain]), domain, 'ArrowRight')).toEqual({ focus: 'cloud:a' });
  });

  it('Left closes an open node, then goes to its parent', () => {
    expect(navigate(visible([FLEET_ID, domain]), domain, 'ArrowLeft')).toEqual({ collapse: domain });
    expect(navigate(visible([FLEET_ID, domain]), 'cloud:b', 'ArrowLeft')).toEqual({ focus: domain });
  });

  it('Up and Down go along the siblings and stop at the ends; Home goes to the fleet', () => {
    const view = visible([FLEET_ID, domain]);
    expect(navigate(view, 'cloud:a', 'ArrowDown')).toEqual({ focus: 'cloud:b' });
    expect(navigate(view, 'cloud:b', 'ArrowUp')).toEqual({ focus: 'cloud:a' });
    expect(navigate(view, 'cloud:c', 'ArrowDown')).toBeUndefined();
    expect(navigate(view, FLEET_ID, 'ArrowUp')).toBeUndefined();
    expect(navigate(view, 'cloud:c', 'Home')).toEqual({ focus: FLEET_ID });
  });

  it('a leaf does not open, and a node not in view goes nowhere', () => {
    const view = visible([FLEET_ID, domain, 'cloud:a', 'region:a/r', 'site:a/r//z']);
    expect(navigate(view, 'host:a/r/h', 'ArrowRight')).toBeUndefined();
    expect(navigate(view, 'host:b/r/h', 'ArrowLeft')).toBeUndefined();
  });
});
