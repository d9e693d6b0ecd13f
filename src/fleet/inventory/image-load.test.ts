import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageSchema, OpenStackError, type CloudSession, type Image, type ListImagesOptions } from '../../openstack/index.ts';
import { imageRowsOf, loadCloudImages, loadProjectsImages, mergeImagesRefresh, type CloudImages, type ImagesSource } from './image-load.ts';

const sample = JSON.parse(
  readFileSync(new URL('../../../../shared/openstack-api-samples/glance/v2/samples/images-list-response.json', import.meta.url), 'utf8'),
) as { images: unknown[] };
const image = (id: string): Image => ({ ...imageSchema.parse(sample.images[0]), id, name: `img-${id}` });

/** A cloud whose regions give the scripted pages, or throw where the script has an error. */
function fakeSource(script: Record<string, Array<Image[] | Error>>): ImagesSource & { asked: ListImagesOptions[] } {
  const asked: ListImagesOptions[] = [];
  const session = { roles: ['admin'], project: { id: 'p-demo', name: 'demo' } } as CloudSession;
  return {
    cloud: 'ams',
    asked,
    session: () => undefined,
    signIn: async () => session,
    regions: () => Object.keys(script),
    async image(region) {
      return {
        async *images(options) {
          asked.push(options ?? {});
          for (const step of script[region] ?? []) {
            await Promise.resolve();
            if (step instanceof Error) throw step;
            yield step;
          }
        },
      };
    },
  };
}

const ids = (cloud: CloudImages, region: string) => cloud.regions.find((r) => r.region === region)?.rows.map((row) => row.id);

describe('loadCloudImages', () => {
  it('reads every page of every region, community images included, and knows the scoped project', async () => {
    const source = fakeSource({ one: [[image('a'), image('b')], [image('c')]], two: [[image('d')]] });
    const result = await loadCloudImages(source, { now: () => 7 });
    expect(ids(result, 'one')).toEqual(['a', 'b', 'c']);
    expect(ids(result, 'two')).toEqual(['d']);
    expect(result.projectId).toBe('p-demo');
    expect(result.regions.every((region) => region.state === 'ok' && region.complete && region.loadedAt === 7)).toBe(true);
    expect(source.asked.every((options) => options.visibility === 'all')).toBe(true);
    expect(imageRowsOf(result).map((row) => row.key)).toEqual(['ams/one/a', 'ams/one/b', 'ams/one/c', 'ams/two/d']);
  });

  it('keeps a failing region’s rows and error without costing the other region anything', async () => {
    const failure = new OpenStackError('boom', { kind: 'http', cloud: 'ams', region: 'two', status: 503 });
    const snapshots: CloudImages[] = [];
    const result = await loadCloudImages(fakeSource({ one: [[image('a')]], two: [[image('b')], failure] }), { onProgress: (s) => snapshots.push(s) });
    const two = result.regions.find((r) => r.region === 'two');
    expect(two).toMatchObject({ state: 'failed', complete: false, error: failure });
    expect(ids(result, 'two')).toEqual(['b']);
    expect(result.regions.find((r) => r.region === 'one')?.state).toBe('ok');
    expect(snapshots.length).toBeGreaterThan(2);
  });

  it('a refresh shows the previous complete rows until the region answers again', () => {
    const previous: CloudImages = { cloud: 'ams', regions: [{ region: 'one', state: 'ok', rows: [], complete: true, loadedAt: 1 }] };
    const loading: CloudImages = { cloud: 'ams', regions: [{ region: 'one', state: 'loading', rows: [], complete: false }] };
    expect(mergeImagesRefresh(previous, loading).regions[0]).toMatchObject({ state: 'loading', complete: true, loadedAt: 1 });
    const failed: CloudImages = { cloud: 'ams', regions: [{ region: 'one', state: 'failed', rows: [], complete: false, error: 'x' }] };
    expect(mergeImagesRefresh(previous, failed).regions[0]).toMatchObject({ state: 'failed', complete: true, error: 'x' });
  });
});

describe('loadProjectsImages', () => {
  it('lists each project\'s images through its own token, a public image once, each owner named when it is one of the user\'s projects', async () => {
    const owned = (id: string, owner: string): Image => ({ ...image(id), owner });
    const result = await loadProjectsImages([
      { project: { id: 'p-demo', name: 'demo' }, client: fakeSource({ one: [[owned('pub', 'p-admin'), owned('d', 'p-demo')]] }) },
      { project: { id: 'p-ops', name: 'ops' }, client: fakeSource({ one: [[owned('pub', 'p-admin'), owned('o', 'p-ops')]] }) },
    ]);
    expect(result.regions.map((region) => region.project?.name)).toEqual(['demo', 'ops']);
    expect(imageRowsOf(result).map((row) => `${row.id}:${row.ownerName}`)).toEqual(['pub:', 'd:demo', 'o:ops']);
  });
});
