import { describe, expect, it } from 'vitest';
import { buildParityMatrix } from '../inventory/parity-matrix.ts';
import { PARITY_KINDS, type ParityEntry, type ParityKind, type ParityListing, type ParityMatrix, type ParityObservation } from '../inventory/parity-model.ts';
import { paritySync, type ParitySync, type ParitySyncContext } from './parity-sync.ts';

const keypair = (name: string, fingerprint: string): ParityEntry => ({ id: name, name, fields: [{ id: 'fingerprint', label: 'fingerprint', value: fingerprint }] });
const image = (id: string, name: string, checksum: string): ParityEntry => ({ id, name, fields: [{ id: 'checksum', label: 'checksum', value: checksum }] });
const flavor = (id: string, ram: number): ParityEntry => ({ id, name: 'm1.large', fields: [{ id: 'ram', label: 'RAM', value: `${ram} MB` }] });
const group = (id: string, rules: string[]): ParityEntry => ({ id, name: 'web', fields: [], members: rules });

const ok = (entries: ParityEntry[]): ParityListing => ({ state: 'ok', entries });
const down: ParityListing = { state: 'unknown', reason: 'failed', error: 'refused' };

/** `cloud/region` or `cloud/region/project` (or `cloud` alone, for a cloud that never said its regions). */
function source(key: string, listings: Partial<Record<ParityKind, ParityListing>>): ParityObservation {
  const [cloud = '', region, project] = key.split('/');
  const all = Object.fromEntries(PARITY_KINDS.map((kind) => [kind, listings[kind] ?? ok([])])) as Record<ParityKind, ParityListing>;
  return { key, cloud, ...(region === undefined ? {} : { region }), ...(project === undefined ? {} : { project }), listings: all };
}

function syncOf(matrix: ParityMatrix, name: string, context: Partial<ParitySyncContext> = {}): ParitySync | undefined {
  const item = matrix.items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`no item ${name}`);
  return paritySync(item, { sources: matrix.sources, chosenReference: matrix.reference, actingProject: () => undefined, ...context });
}

function ready(sync: ParitySync | undefined) {
  if (sync?.state !== 'ready') throw new Error(`expected an action, got ${JSON.stringify(sync)}`);
  return sync;
}

describe('paritySync', () => {
  const fleet = [
    source('ams/One', { keypair: ok([keypair('deploy', 'aa'), keypair('ops', 'oo')]), image: ok([image('i-ams', 'cirros', 'c1')]) }),
    source('fra/One', { keypair: ok([keypair('ops', 'oo')]), image: ok([]) }),
    source('par/One', { keypair: ok([keypair('deploy', 'aa'), keypair('ops', 'oo')]), image: ok([image('i-par-old', 'cirros', 'c0')]) }),
    source('rom/One', { keypair: ok([keypair('deploy', 'zz'), keypair('ops', 'oo')]), image: ok([image('i-rom', 'cirros', 'c1')]) }),
    source('lon', { keypair: down, image: down }),
  ];

  it('copies a key pair from the source holding the most common key to where it is missing, and names the conflict a differing key will be', () => {
    const sync = ready(syncOf(buildParityMatrix(fleet), 'deploy'));
    expect(sync.action).toEqual({
      action: 'keypair-sync',
      from: { cloud: 'ams', region: 'One' },
      key: 'deploy',
      to: [
        { cloud: 'fra', region: 'One' },
        { cloud: 'rom', region: 'One' },
      ],
    });
    expect(sync.label).toBe('Sync key pair deploy to 1 missing and 1 differing…');
    expect(sync.verb).toBe('Sync');
    expect(sync.why).toBe('From ams/One: 2 of the 3 sources that hold it hold this key, the most common.');
    expect(sync.notes).toEqual([
      '1 target has another key under this name: the plan shows a conflict there and never replaces a key.',
      'Not targeted, as unknown: lon (did not answer).',
    ]);
  });

  it('offers nothing for an item in parity, nor for one whose only drift is off screen', () => {
    const matrix = buildParityMatrix(fleet);
    expect(syncOf(matrix, 'ops')).toBeUndefined();
    // Only ams and par shown: deploy is present in both.
    expect(syncOf(matrix, 'deploy', { columns: [0, 2] })).toBeUndefined();
    // ams, fra, lon shown: fra is the only target; the differing rom is not on screen.
    expect(ready(syncOf(matrix, 'deploy', { columns: [0, 1, 4] })).action.to).toEqual([{ cloud: 'fra', region: 'One' }]);
  });

  it('copies from the reference the operator chose, even against the majority', () => {
    const sync = ready(syncOf(buildParityMatrix(fleet, { reference: 'rom/One' }), 'deploy'));
    expect(sync.action).toMatchObject({ from: { cloud: 'rom', region: 'One' }, to: [{ cloud: 'ams', region: 'One' }, { cloud: 'fra', region: 'One' }, { cloud: 'par', region: 'One' }] });
    expect(sync.label).toBe('Sync key pair deploy to 1 missing and 2 differing…');
    expect(sync.why).toBe('From rom/One: the reference you chose.');
  });

  it('says so when the chosen reference lacks the item and the majority decided', () => {
    const sync = ready(syncOf(buildParityMatrix(fleet, { reference: 'fra/One' }), 'deploy'));
    expect(sync.action).toMatchObject({ from: { cloud: 'ams', region: 'One' } });
    expect(sync.why).toBe('From ams/One: fra/One, the reference you chose, does not hold it, so 2 of the 3 sources that hold it hold this key, the most common.');
  });

  it('says a tie was settled by the order of the sources', () => {
    const matrix = buildParityMatrix([
      source('ams/One', { keypair: ok([keypair('deploy', 'aa')]) }),
      source('fra/One', { keypair: ok([keypair('deploy', 'zz')]) }),
      source('par/One', { keypair: ok([]) }),
    ]);
    expect(ready(syncOf(matrix, 'deploy')).why).toBe('From ams/One: 1 source holds this key, 1 source another key: the order of the sources settled it; choose a reference to decide.');
  });

  it('names every unknown source it leaves out, and why it is unknown', () => {
    const loading: ParityListing = { state: 'unknown', reason: 'loading' };
    const matrix = buildParityMatrix([
      source('ams/One', { keypair: ok([keypair('deploy', 'aa')]) }),
      source('fra/One', { keypair: ok([]) }),
      source('s1/One', { keypair: loading }),
      source('s2/One', { keypair: down }),
      source('s3/One', { keypair: { state: 'unknown', reason: 'signin-needed' } }),
      source('s4/One', { keypair: loading }),
    ]);
    expect(ready(syncOf(matrix, 'deploy')).notes).toEqual(['Not targeted, as unknown: s1/One (still loading), s2/One (did not answer), s3/One (waits for sign-in) and 1 more.']);
  });

  it('replicates the very image that matched (names are not unique), never another of that name', () => {
    const sync = ready(syncOf(buildParityMatrix(fleet), 'cirros'));
    expect(sync.action).toEqual({
      action: 'image-replication',
      from: { cloud: 'ams', region: 'One' },
      image: 'i-ams',
      to: [
        { cloud: 'fra', region: 'One' },
        { cloud: 'par', region: 'One' },
      ],
    });
    expect(sync.label).toBe('Replicate image cirros to 1 missing and 1 differing…');
    expect(sync.notes[0]).toBe('1 target has other data under this name: the plan shows a conflict there and never replaces an image.');
  });

  it('creates missing flavors from the reference and says the plan covers all its public flavors', () => {
    const matrix = buildParityMatrix([
      source('ams/One', { flavor: ok([flavor('f1', 8192)]) }),
      source('fra/One', { flavor: ok([]) }),
      source('par/One', { flavor: ok([flavor('f9', 8192)]) }),
      source('rom/One', { flavor: ok([flavor('f4', 12288)]) }),
    ]);
    const sync = ready(syncOf(matrix, 'm1.large'));
    expect(sync.action).toEqual({
      action: 'flavor-parity',
      from: { cloud: 'ams', region: 'One' },
      to: [
        { cloud: 'fra', region: 'One' },
        { cloud: 'rom', region: 'One' },
      ],
    });
    expect(sync.label).toBe('Create missing flavors (m1.large) on 1 missing and 1 differing…');
    expect(sync.verb).toBe('Create');
    expect(sync.why).toBe('From ams/One: 2 of the 3 sources that hold it hold this definition, the most common.');
    expect(sync.notes).toEqual([
      '1 target has another flavor under this name: the plan adds extra specs it lacks, reports any other difference as a conflict, and never replaces a flavor (servers may use it).',
      'Flavor parity creates every public flavor of ams/One a target lacks, not only m1.large: the preview lists each.',
    ]);
  });

  it('syncs a security group by name, and says a differing one gets the missing rules added', () => {
    const matrix = buildParityMatrix([
      source('ams/One', { 'security-group': ok([group('g1', ['in 443', 'in 80'])]) }),
      source('fra/One', { 'security-group': ok([group('g2', ['in 443', 'in 80'])]) }),
      source('par/One', { 'security-group': ok([group('g3', ['in 443'])]) }),
    ]);
    const sync = ready(syncOf(matrix, 'web'));
    expect(sync.action).toEqual({ action: 'security-group-sync', from: { cloud: 'ams', region: 'One' }, group: 'web', to: [{ cloud: 'par', region: 'One' }] });
    expect(sync.label).toBe('Sync security group web to 1 differing…');
    expect(sync.why).toBe('From ams/One: 2 of the 3 sources that hold it hold these rules, the most common.');
    expect(sync.notes).toEqual(['1 target has other rules: the sync adds the rules missing there and leaves the rules only there.']);
  });

  describe('with a column per project', () => {
    const perProject = [
      source('ams/One/ops', { 'security-group': ok([group('g1', ['in 22'])]) }),
      source('ams/One/demo', { 'security-group': ok([]) }),
      source('fra/One/demo', { 'security-group': ok([]) }),
      source('fra/One/ops', { 'security-group': ok([]) }),
      source('par/One/demo', { 'security-group': ok([group('g7', ['in 22'])]) }),
    ];
    const actingDemo = { actingProject: () => 'demo' };

    it('acts only in the project each cloud signs in to: it copies from and writes to that project’s columns, and names the others left out', () => {
      const sync = ready(syncOf(buildParityMatrix(perProject), 'web', actingDemo));
      // ams/One/ops is the reference, but the console acts in demo there: par holds the same rules in demo.
      expect(sync.action).toEqual({
        action: 'security-group-sync',
        from: { cloud: 'par', region: 'One' },
        group: 'web',
        to: [
          { cloud: 'ams', region: 'One' },
          { cloud: 'fra', region: 'One' },
        ],
      });
      expect(sync.why).toBe('From par/One/demo: every source that holds it holds the same rules; ams/One/ops holds it in another project, par/One/demo holds the same rules.');
      expect(sync.notes).toEqual(['Left out, as other projects than the one each cloud signs in to (where actions act): fra/One/ops.']);
    });

    it('acting in another project, targets that project and leaves the first one out', () => {
      const sync = ready(syncOf(buildParityMatrix(perProject), 'web', { actingProject: () => 'ops' }));
      expect(sync.action).toMatchObject({ from: { cloud: 'ams', region: 'One' }, to: [{ cloud: 'fra', region: 'One' }] });
      expect(sync.notes).toEqual(['Left out, as other projects than the one each cloud signs in to (where actions act): ams/One/demo, fra/One/demo.']);
    });

    it('offers nothing it cannot do: no source in an acting project, or drift only in other projects', () => {
      // A project the console does not know it acts in yet (not signed in) is never assumed.
      expect(syncOf(buildParityMatrix(perProject), 'web', { actingProject: () => undefined })).toEqual({
        state: 'blocked',
        why: 'No source this console acts in holds the reference rules of web: actions act in the project each cloud signs in to.',
      });
      const driftElsewhere = buildParityMatrix([
        source('ams/One/ops', { 'security-group': ok([group('g1', ['in 22'])]) }),
        source('fra/One/ops', { 'security-group': ok([group('g2', ['in 22'])]) }),
        source('fra/One/demo', { 'security-group': ok([]) }),
      ]);
      expect(syncOf(driftElsewhere, 'web', { actingProject: () => 'ops' })).toEqual({
        state: 'blocked',
        why: 'The drift is only in projects this console does not act in (fra/One/demo): actions act in the project each cloud signs in to.',
      });
    });
  });
});
