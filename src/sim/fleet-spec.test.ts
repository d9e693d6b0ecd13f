import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault, FleetSpec } from './fleet-spec.ts';
import { DEFAULT_FLEET_SPEC, FleetSpecError, formatFleetSpec, parseFleetSpec } from './fleet-spec.ts';
import { cloudNameSet } from './fleet-layout.ts';

function errorOf(text: string): FleetSpecError {
  try {
    parseFleetSpec(text);
  } catch (error) {
    if (error instanceof FleetSpecError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseFleetSpec', () => {
  it('reads the default spec', () => {
    const spec = parseFleetSpec(DEFAULT_FLEET_SPEC);
    expect(spec).toMatchObject({
      regional: { clouds: 1, regions: 3 },
      sites: 6,
      edge: { clouds: 1, sites: 40 },
      servers: 12,
      seed: 7,
      latency: { mean: 0, spread: 0 },
      cells: 1,
      faults: [],
    });
    expect(formatFleetSpec(spec)).toBe(DEFAULT_FLEET_SPEC);
  });

  it('reads a per-item cost in microseconds, and refuses one beyond a second', () => {
    expect(parseFleetSpec('sites=2,itemcost=1000').itemCostUs).toBe(1000);
    expect(parseFleetSpec('sites=2').itemCostUs).toBe(0);
    expect(() => parseFleetSpec('sites=2,itemcost=1000001')).toThrow(FleetSpecError);
    expect(() => parseFleetSpec('sites=2,itemcost=0.5')).toThrow(FleetSpecError);
  });

  it('reads latency, cells and every fault kind', () => {
    const text =
      'regional=1x2,sites=3,servers=5,seed=1,latency=30~10,cells=2,fault.ams=down,fault.fra=latency:200,fault.par=http5xx:0.25,' +
      'fault.core=ratelimit:0.1,fault.core=expire:60,fault.ams=slowpage:500,fault.fra=malformed,fault.core=cellsdown,fault.par=role:member';
    const spec = parseFleetSpec(text);
    expect(spec.latency).toEqual({ mean: 30, spread: 10 });
    expect(spec.cells).toBe(2);
    expect(spec.faults.map((f) => f.fault.kind)).toEqual([
      'down', 'latency', 'http5xx', 'ratelimit', 'expire', 'slowpage', 'malformed', 'cellsdown', 'role',
    ]);
    expect(spec.faults[2]).toEqual({ cloud: 'par', fault: { kind: 'http5xx', rate: 0.25 } });
    expect(formatFleetSpec(spec)).toBe(text);
  });

  it.each([
    ['sites=3,bogus=1', 'bogus', 8],
    ['regional=1y3', '1y3', 9],
    ['sites=3,,seed=1', '', 8],
    ['sites=3,sites=4', 'sites', 8],
    ['sites=2,fault.zzz=down', 'zzz', 14],
    ['sites=2,fault.ams=explode', 'explode', 18],
    ['sites=2,fault.ams=http5xx:2', '2', 26],
    ['servers=-1', '-1', 8],
    ['latency=30~x', '30~x', 8],
    ['sites', 'sites', 0],
  ])('rejects %s naming %s at %i', (text, token, position) => {
    const error = errorOf(text);
    expect(error.token).toBe(token);
    expect(error.position).toBe(position);
    expect(error.message).toContain(`position ${position}`);
  });
});

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.constantFrom<Fault>(
    { kind: 'down' },
    { kind: 'malformed' },
    { kind: 'cellsdown' },
    { kind: 'role', role: 'member' },
    { kind: 'hang' },
    { kind: 'failpage' },
    { kind: 'nocors' },
    { kind: 'wrongtypes' },
    { kind: 'notjson' },
  ),
  fc.record({ kind: fc.constant('pagesize' as const), items: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('huge' as const), megabytes: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constantFrom('latency' as const, 'slowpage' as const), ms: fc.integer({ min: 0, max: 60_000 }) }),
  fc.record({ kind: fc.constantFrom('http5xx' as const, 'ratelimit' as const), rate: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('expire' as const), seconds: fc.integer({ min: 1, max: 86_400 }) }),
);

const specArb: fc.Arbitrary<FleetSpec> = fc
  .record({
    regional: fc.record({ clouds: fc.integer({ min: 0, max: 4 }), regions: fc.integer({ min: 1, max: 50 }) }),
    sites: fc.integer({ min: 0, max: 60 }),
    edge: fc.record({ clouds: fc.integer({ min: 0, max: 4 }), sites: fc.integer({ min: 1, max: 5000 }) }),
    servers: fc.integer({ min: 0, max: 100_000 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    latency: fc.record({ mean: fc.integer({ min: 0, max: 60_000 }), spread: fc.integer({ min: 0, max: 60_000 }) }),
    itemCostUs: fc.integer({ min: 0, max: 1_000_000 }),
    cells: fc.integer({ min: 1, max: 16 }),
    faultSeeds: fc.array(fc.tuple(fc.nat(), faultArb), { maxLength: 6 }),
  })
  .map(({ faultSeeds, ...rest }) => {
    const names = [...cloudNameSet(rest)];
    const faults: FleetSpec['faults'] = [];
    for (const [n, fault] of faultSeeds) {
      const cloud = names[n % Math.max(1, names.length)];
      if (cloud === undefined || faults.some((f) => f.cloud === cloud && f.fault.kind === fault.kind)) continue;
      faults.push({ cloud, fault });
    }
    return { ...rest, faults };
  });

describe('fleet spec properties', () => {
  it('parse ∘ format is the identity on specs, and format is canonical', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const text = formatFleetSpec(spec);
        expect(parseFleetSpec(text)).toEqual(spec);
        expect(formatFleetSpec(parseFleetSpec(text))).toBe(text);
      }),
    );
  });

  it('never throws anything but FleetSpecError on garbage', () => {
    const pieces = fc.constantFrom('regional=', 'sites=', 'edge=', 'seed=', 'fault.ams=', 'latency=', 'x', '1', '~', ',', '=', ':', '.', 'e9', '-');
    const garbage = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(garbage, (text) => {
        try {
          parseFleetSpec(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FleetSpecError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
