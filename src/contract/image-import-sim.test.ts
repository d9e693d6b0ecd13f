import { describe, expect, it } from 'vitest';
import { ImageImportFailedError } from '../fleet/actions/image-import-failed.ts';
import { copyToStoreOnce, glanceDownloadOnce, type ImportPolling } from '../fleet/actions/image-import-step.ts';
import { loadImageReplicationPlan } from '../fleet/actions/image-replication-load.ts';
import type { ImageGlanceDownloadOperation, ImageStoreCopyOperation, PlanStep } from '../fleet/actions/plan.ts';
import {
  createCloudClient,
  createHttpPolicy,
  createImage,
  downloadImageData,
  getImage,
  listImagesNamed,
  uploadImageData,
  type CloudClient,
  type RequestEvent,
  type ServiceHttp,
} from '../openstack/index.ts';
import { createSimFleet, type SimCloudInfo } from '../sim/index.ts';
import { simFetch, simOriginFor } from './sim-target.ts';

const DATA = new TextEncoder().encode('an image Glance copies between its regions\n'.repeat(40));
const FAST: Partial<ImportPolling> = { intervalMs: 0 };

/** Glance's interoperable import on the simulator, through the real client: the planner's choice and the import steps. */
function setup() {
  const sim = createSimFleet('regional=1x3,sites=1,edge=1x3,servers=0,seed=9', { originFor: simOriginFor });
  const events: RequestEvent[] = [];
  const policy = createHttpPolicy({ fetch: simFetch(sim), observers: [(event) => events.push(event)], retry: { baseDelayMs: 1 } });
  const clients = new Map<string, CloudClient>(
    sim.clouds().map((cloud: SimCloudInfo) => [
      cloud.name,
      createCloudClient({
        cloud: cloud.name,
        authUrl: cloud.authUrl,
        auth: { type: 'password', username: cloud.username, password: cloud.password, userDomainName: cloud.userDomainName },
        scope: { projectName: cloud.projectName, projectDomainName: cloud.projectDomainName },
        policy,
      }),
    ]),
  );
  const clientFor = (cloud: string) => clients.get(cloud);
  const glance = (cloud: string, region: string) => (clients.get(cloud) as CloudClient).serviceHttp('image', region);
  const writes = () => events.filter((event) => event.method !== 'GET' && !event.url.endsWith('/auth/tokens')).map((event) => `${event.cloud}/${event.region ?? ''} ${event.method} ${event.status ?? 'lost'}`);
  return { clientFor, glance, writes };
}

async function seedImage(http: ServiceHttp, name: string): Promise<string> {
  const { image } = await createImage(http, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 1, minRam: 64, tags: [], properties: { os_distro: 'cirros' } });
  await uploadImageData(http, image.id, new Blob([DATA]));
  return image.id;
}

const west = { cloud: 'core', region: 'eu-west-1' };
const central = { cloud: 'core', region: 'eu-central-1' };

describe('image replication by Glance import, on the simulator', () => {
  it('plans glance-download between regions of one Keystone and the browser path to another cloud', async () => {
    const { clientFor, glance } = setup();
    const imageId = await seedImage(await glance('core', 'eu-west-1'), 'golden');
    const plan = await loadImageReplicationPlan(clientFor, { planId: 'p', now: 0, source: west, imageId, targets: [central, { cloud: 'ams', region: 'RegionOne' }] });
    expect(plan.steps.map((step) => [step.target.cloud, step.change, step.operation.kind, step.method?.name])).toEqual([
      ['core', 'create', 'glance-download-image', 'glance-download'],
      ['ams', 'create', 'copy-image', 'through the browser'],
    ]);
  });

  it('copies by glance-download: the data arrives with the source’s checksums, a second run sends nothing', async () => {
    const { clientFor, glance, writes } = setup();
    const imageId = await seedImage(await glance('core', 'eu-west-1'), 'golden');
    const plan = await loadImageReplicationPlan(clientFor, { planId: 'p', now: 0, source: west, imageId, targets: [central] });
    const step = plan.steps[0] as PlanStep & { operation: ImageGlanceDownloadOperation };
    const target = await glance('core', 'eu-central-1');
    const phases: string[] = [];
    const before = writes().length;
    const outcome = await glanceDownloadOnce({ target, operation: step.operation, signal: new AbortController().signal, onProgress: (p) => phases.push(p.phase), polling: FAST });
    expect(outcome.result).toBe('done');
    expect(writes().slice(before)).toEqual(['core/eu-central-1 POST 201', 'core/eu-central-1 POST 202']);
    expect(phases.some((phase) => phase.endsWith(': importing'))).toBe(true);
    const [copy] = await listImagesNamed(target, 'golden');
    const source = await getImage(await glance('core', 'eu-west-1'), imageId);
    expect(copy).toMatchObject({ status: 'active', size: DATA.byteLength, checksum: source?.checksum, os_hash_value: source?.os_hash_value, os_distro: 'cirros' });
    expect((await downloadImageData(target, copy?.id ?? '', { maxBytes: 1 << 20 })).data).toEqual(DATA);

    const again = await loadImageReplicationPlan(clientFor, { planId: 'p2', now: 0, source: west, imageId, targets: [central] });
    expect(again.steps.map((s) => s.change)).toEqual(['no-change']);
    const rerun = await glanceDownloadOnce({ target, operation: step.operation, signal: new AbortController().signal, onProgress: () => undefined, polling: FAST });
    expect(rerun.result).toBe('already-done');
  });

  it('fails with Glance’s reason when the source is not active, and a retry reuses the queued copy', async () => {
    const { glance } = setup();
    const source = await glance('core', 'eu-west-1');
    const { image: empty } = await createImage(source, { name: 'hollow', diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: [], properties: {} });
    const operation: ImageGlanceDownloadOperation = {
      kind: 'glance-download-image',
      source: west,
      sourceImageId: empty.id,
      name: 'hollow',
      size: 0,
      checksum: 'none',
      diskFormat: 'raw',
      containerFormat: 'bare',
      minDisk: 0,
      minRam: 0,
      tags: [],
      properties: { archipelago_copy_of: 'md5:none' },
    };
    const target = await glance('core', 'eu-central-1');
    const attempt = () => glanceDownloadOnce({ target, operation, signal: new AbortController().signal, onProgress: () => undefined, polling: FAST });
    const error: unknown = await attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageImportFailedError);
    expect((error as Error).message).toMatch(/^glance-download into core\/eu-central-1 from core\/eu-west-1 failed \(the copy [0-9a-f-]+ is queued\): Source image status should be active instead of queued$/);
    await expect(attempt()).rejects.toBeInstanceOf(ImageImportFailedError);
    expect((await listImagesNamed(target, 'hollow')).map((image) => image.status)).toEqual(['queued']);
  });

  it('copies into another store of a multi-store Glance; the plan then finds it there', async () => {
    const { clientFor, glance } = setup();
    const edge = { cloud: 'edge-retail', region: 'eu-edge-1' };
    const http = await glance(edge.cloud, edge.region);
    const imageId = await seedImage(http, 'golden');
    expect((await getImage(http, imageId))?.stores).toBe('central');
    const plan = await loadImageReplicationPlan(clientFor, { planId: 'p', now: 0, source: edge, imageId, targets: [], stores: ['store-002', 'central', 'nowhere'] });
    expect(plan.steps.map((step) => [step.resource, step.change])).toEqual([
      ['image golden in store store-002', 'create'],
      ['image golden in store central', 'no-change'],
      ['image golden in store nowhere', 'conflict'],
    ]);
    const step = plan.steps[0] as PlanStep & { operation: ImageStoreCopyOperation };
    const outcome = await copyToStoreOnce({ target: http, operation: step.operation, signal: new AbortController().signal, onProgress: () => undefined, polling: FAST });
    expect(outcome.result).toBe('done');
    expect((await getImage(http, imageId))?.stores).toBe('central,store-002');
    const again = await loadImageReplicationPlan(clientFor, { planId: 'p2', now: 0, source: edge, imageId, targets: [], stores: ['store-002'] });
    expect(again.steps.map((s) => s.change)).toEqual(['no-change']);
  });
});
