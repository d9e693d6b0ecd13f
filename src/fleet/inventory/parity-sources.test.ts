import { describe, expect, it } from 'vitest';
import type { CloudImages } from './image-load.ts';
import type { CloudParity } from './parity-load.ts';
import { parityObservations, parityProblems } from './parity-sources.ts';
import { fakeImageRow } from './testing/fake-image-row.ts';

const parity: CloudParity = {
  cloud: 'ams',
  regions: [
    {
      region: 'One',
      listings: {
        keypair: { state: 'ok', entries: [] },
        flavor: { state: 'ok', entries: [] },
        'security-group': { state: 'unknown', reason: 'failed', error: 'neutron down' },
      },
    },
  ],
};

describe('parityObservations', () => {
  it('one observation per region, images from the images query', () => {
    const images: CloudImages = { cloud: 'ams', projectId: 'p', regions: [{ region: 'One', state: 'ok', complete: true, rows: [fakeImageRow({ id: 'i', name: 'cirros' })] }] };
    const [observation] = parityObservations([{ cloud: 'ams', parity: { data: parity }, images: { data: images } }]);
    expect(observation?.key).toBe('ams/One');
    expect(observation?.listings.image).toMatchObject({ state: 'ok', entries: [{ id: 'i', name: 'cirros' }] });
    expect(observation?.listings['security-group']).toMatchObject({ state: 'unknown', reason: 'failed' });
  });

  it('an image listing still paging is unknown, not a list of what is missing', () => {
    const images: CloudImages = { cloud: 'ams', regions: [{ region: 'One', state: 'loading', complete: false, rows: [fakeImageRow({ id: 'i' })] }] };
    const [observation] = parityObservations([{ cloud: 'ams', parity: { data: parity }, images: { data: images } }]);
    expect(observation?.listings.image).toEqual({ state: 'unknown', reason: 'loading' });
  });

  it('a cloud without regions yet is one source: loading, failed to sign in, or waiting for its secret', () => {
    const observations = parityObservations([
      { cloud: 'a', parity: {}, images: {} },
      { cloud: 'b', parity: { error: 'rejected' }, images: { error: 'rejected' } },
      { cloud: 'c', signInNeeded: true, parity: {}, images: {} },
    ]);
    expect(observations.map((o) => [o.key, o.listings.flavor])).toEqual([
      ['a', { state: 'unknown', reason: 'loading' }],
      ['b', { state: 'unknown', reason: 'failed', error: 'rejected' }],
      ['c', { state: 'unknown', reason: 'signin-needed' }],
    ]);
    expect(parityProblems(observations)).toEqual([{ source: 'b', kinds: ['keypair', 'image', 'flavor', 'security-group'], error: 'rejected' }]);
  });

  it('with several projects, one observation per region and project, each judging images by its own project, and one per project that could not sign in', () => {
    const demo = { id: 'p-demo', name: 'demo' };
    const ops = { id: 'p-ops', name: 'ops' };
    const region = parity.regions[0];
    if (!region) throw new Error('the fixture has a region');
    const perProject: CloudParity = { cloud: 'ams', regions: [{ ...region, project: demo }, { ...region, project: ops }] };
    const privateTo = (owner: string) => fakeImageRow({ id: `i-${owner}`, name: `app-${owner}`, visibility: 'private', owner });
    const rows = [privateTo('p-demo'), privateTo('p-ops')];
    const images: CloudImages = {
      cloud: 'ams',
      regions: [
        { region: 'One', project: demo, state: 'ok', complete: true, rows },
        { region: 'One', project: ops, state: 'ok', complete: true, rows },
      ],
      failedProjects: [{ project: { id: 'p-ci', name: 'ci' }, error: 'no role' }],
    };
    const observations = parityObservations([{ cloud: 'ams', parity: { data: perProject }, images: { data: images } }]);
    expect(observations.map((o) => [o.key, o.project])).toEqual([
      ['ams//ci', 'ci'],
      ['ams/One/demo', 'demo'],
      ['ams/One/ops', 'ops'],
    ]);
    const names = (listing: (typeof observations)[number]['listings']['image'] | undefined) => (listing?.state === 'ok' ? listing.entries.map((entry) => entry.name) : []);
    expect(names(observations[1]?.listings.image)).toEqual(['app-p-demo']);
    expect(names(observations[2]?.listings.image)).toEqual(['app-p-ops']);
    expect(observations[0]?.listings.flavor).toEqual({ state: 'unknown', reason: 'failed', error: 'no role' });
  });
});
