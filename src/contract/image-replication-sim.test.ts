import { describe, expect, it } from 'vitest';
import { createCloudStepExecutor } from '../fleet/actions/cloud-steps.ts';
import type { StepProgress } from '../fleet/actions/execute-plan.ts';
import { loadImageReplicationPlan } from '../fleet/actions/image-replication-load.ts';
import type { ImageCopyOperation, PlanStep } from '../fleet/actions/plan.ts';
import {
  createCloudClient,
  createHttpPolicy,
  createImage,
  listImagesNamed,
  uploadImageData,
  type CloudClient,
  type FetchLike,
  type RequestEvent,
} from '../openstack/index.ts';
import { createSimFleet, type SimCloudInfo } from '../sim/index.ts';
import { simFetch, simOriginFor } from './sim-target.ts';

const REGION = 'RegionOne';
const DATA = new TextEncoder().encode('a tiny image, copied through the browser\n'.repeat(50));

/** Image replication's steps against the simulator, through the real client. */
function setup(wrapFetch: (fetch: FetchLike) => FetchLike = (fetch) => fetch) {
  const sim = createSimFleet('sites=3,servers=0,seed=9', { originFor: simOriginFor });
  const events: RequestEvent[] = [];
  const policy = createHttpPolicy({ fetch: wrapFetch(simFetch(sim)), observers: [(event) => events.push(event)], retry: { baseDelayMs: 1 } });
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
  const names = sim.clouds().map((cloud) => cloud.name);
  const clientOf = (cloud: string) => clients.get(cloud) as CloudClient;
  const execute = createCloudStepExecutor({
    service: (target, serviceType, signal) => clientOf(target.cloud).serviceHttp(serviceType, target.region, signal),
    projectId: (target) => clientOf(target.cloud).session()?.project?.id,
  });
  const glance = (cloud: string) => clientOf(cloud).serviceHttp('image', REGION);
  const writes = () => events.filter((event) => event.method !== 'GET' && !event.url.endsWith('/auth/tokens')).map((event) => `${event.cloud} ${event.method} ${event.status ?? 'lost'}`);
  return { names, clientOf, execute, glance, writes };
}

async function seedImage(glance: Promise<Awaited<ReturnType<CloudClient['serviceHttp']>>>, name: string, data: Uint8Array<ArrayBuffer>): Promise<string> {
  const http = await glance;
  const { image } = await createImage(http, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 1, minRam: 64, tags: ['golden'], properties: { os_distro: 'cirros' } });
  await uploadImageData(http, image.id, new Blob([data]));
  return image.id;
}

describe('image replication on the simulator', () => {
  it('copies an image with progress and checksums verified; a second run finds it and sends nothing', async () => {
    const { names, clientOf, execute, glance, writes } = setup();
    const [source = '', ...targets] = names;
    const imageId = await seedImage(glance(source), 'golden', DATA);
    const request = { planId: 'p', now: 0, source: { cloud: source, region: REGION }, imageId, targets: targets.map((cloud) => ({ cloud, region: REGION })) };
    const plan = await loadImageReplicationPlan(clientOf, request);
    expect(plan.steps.map((step) => [step.target.cloud, step.change])).toEqual(targets.map((cloud) => [cloud, 'create']));
    const progress: StepProgress[] = [];
    const outcomes = await Promise.all(plan.steps.map((step) => execute(step, new AbortController().signal, (p) => progress.push(p))));
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['done', 'done']);
    expect(outcomes[0]?.note).toMatch(/sha512 of the download and Glance's md5 of the copy match/);
    expect(progress.some((p) => p.phase.startsWith('downloading') && p.bytes === DATA.byteLength && p.totalBytes === DATA.byteLength)).toBe(true);
    expect(progress.some((p) => p.phase.startsWith('uploading'))).toBe(true);
    for (const cloud of targets) {
      const [copy, ...others] = await listImagesNamed(await glance(cloud), 'golden');
      expect(others).toEqual([]);
      expect(copy).toMatchObject({ status: 'active', size: DATA.byteLength, min_disk: 1, min_ram: 64, tags: ['golden'], os_distro: 'cirros' });
    }
    const written = writes().length;
    const again = await loadImageReplicationPlan(clientOf, request);
    expect(again.steps.map((step) => step.change)).toEqual(['no-change', 'no-change']);
    expect((await execute(plan.steps[0] as PlanStep, new AbortController().signal)).result).toBe('already-done');
    expect(writes()).toHaveLength(written);
  });

  it('plans a conflict for a same-named image with other data, and the step refuses to touch it', async () => {
    const { names, clientOf, execute, glance } = setup();
    const [source = '', target = ''] = names;
    const imageId = await seedImage(glance(source), 'golden', DATA);
    await seedImage(glance(target), 'golden', new TextEncoder().encode('other data'));
    const plan = await loadImageReplicationPlan(clientOf, { planId: 'p', now: 0, source: { cloud: source, region: REGION }, imageId, targets: [{ cloud: target, region: REGION }] });
    expect(plan.steps[0]?.change).toBe('conflict');
    expect(plan.steps[0]?.reason).toContain('not replaced');
    const refused = await execute({ ...(plan.steps[0] as PlanStep), change: 'create' }, new AbortController().signal).catch((error: unknown) => error);
    expect(String(refused)).toContain('another image named golden');
    expect(await listImagesNamed(await glance(target), 'golden')).toHaveLength(1);
  });

  it('makes one copy when the answer to the create is lost: the queued record it made is found and filled', async () => {
    let dropCreates = false;
    const lossy = (fetch: FetchLike): FetchLike => async (input, init) => {
      const response = await fetch(input, init);
      // Glance made the record; the answer never reached the console.
      if (dropCreates && init?.method === 'POST' && String(input).endsWith('/v2/images')) throw new TypeError('connection reset');
      return response;
    };
    const { names, clientOf, execute, glance, writes } = setup(lossy);
    const [source = '', target = ''] = names;
    const imageId = await seedImage(glance(source), 'golden', DATA);
    dropCreates = true;
    const plan = await loadImageReplicationPlan(clientOf, { planId: 'p', now: 0, source: { cloud: source, region: REGION }, imageId, targets: [{ cloud: target, region: REGION }] });
    expect((await execute(plan.steps[0] as PlanStep, new AbortController().signal)).result).toBe('done');
    expect(await listImagesNamed(await glance(target), 'golden')).toMatchObject([{ status: 'active' }]);
    expect(writes().filter((write) => write.startsWith(target))).toEqual([`${target} POST lost`, `${target} PUT 204`]);
  });

  it('fills the queued copy an interrupted run left instead of making a second image', async () => {
    const { names, clientOf, execute, glance } = setup();
    const [source = '', target = ''] = names;
    const imageId = await seedImage(glance(source), 'golden', DATA);
    const request = { planId: 'p', now: 0, source: { cloud: source, region: REGION }, imageId, targets: [{ cloud: target, region: REGION }] };
    const first = await loadImageReplicationPlan(clientOf, request);
    const operation = first.steps[0]?.operation as ImageCopyOperation;
    // What a run cut off between the create and the upload leaves behind.
    const { image: left } = await createImage(await glance(target), { name: 'golden', diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: [], properties: operation.properties });
    const plan = await loadImageReplicationPlan(clientOf, request);
    expect(plan.steps[0]).toMatchObject({ change: 'create', reason: expect.stringContaining('queued copy') as unknown });
    expect((await execute(plan.steps[0] as PlanStep, new AbortController().signal)).result).toBe('done');
    expect(await listImagesNamed(await glance(target), 'golden')).toMatchObject([{ id: left.id, status: 'active' }]);
  });

  it('uploads nothing when the download does not match the source digest', async () => {
    const { names, clientOf, execute, glance } = setup();
    const [source = '', target = ''] = names;
    const imageId = await seedImage(glance(source), 'golden', DATA);
    const plan = await loadImageReplicationPlan(clientOf, { planId: 'p', now: 0, source: { cloud: source, region: REGION }, imageId, targets: [{ cloud: target, region: REGION }] });
    const step = plan.steps[0] as PlanStep;
    const tampered: PlanStep = { ...step, operation: { ...(step.operation as ImageCopyOperation), hashValue: '0'.repeat(128) } };
    const error = await execute(tampered, new AbortController().signal).catch((caught: unknown) => caught);
    expect(String(error)).toContain('sha512 differs');
    expect(await listImagesNamed(await glance(target), 'golden')).toEqual([]);
  });
});
