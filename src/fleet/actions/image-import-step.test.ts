import { describe, expect, it } from 'vitest';
import { OpenStackError, type ServiceRequest } from '../../openstack/index.ts';
import { fakeServiceHttp } from '../../openstack/testing/fake-service-http.ts';
import type { StepProgress } from './execute-plan.ts';
import { ImageImportFailedError } from './image-import-failed.ts';
import { copyToStoreOnce, glanceDownloadOnce, type ImportPolling } from './image-import-step.ts';
import { COPY_MARKER_PROPERTY } from './image-replication.ts';
import type { ImageGlanceDownloadOperation, ImageStoreCopyOperation } from './plan.ts';
import { StepRefusedError } from './step-refused.ts';

const MARKER = 'sha512:ff00';
const SOURCE_ID = '6f1c9a0e-8f0b-4c53-9d4e-1b2a3c4d5e6f';

const OPERATION: ImageGlanceDownloadOperation = {
  kind: 'glance-download-image',
  source: { cloud: 'core', region: 'eu-west-1' },
  sourceImageId: SOURCE_ID,
  name: 'golden',
  size: 3 * 1024 * 1024,
  checksum: 'aa11',
  hashAlgo: 'sha512',
  hashValue: 'ff00',
  diskFormat: 'raw',
  containerFormat: 'bare',
  minDisk: 0,
  minRam: 0,
  tags: [],
  properties: { [COPY_MARKER_PROPERTY]: MARKER },
};

type Image = Record<string, unknown> & { id: string; status: string };

function imageRecord(id: string, fields: Partial<Image> = {}): Image {
  return {
    id,
    name: 'golden',
    status: 'queued',
    visibility: 'shared',
    protected: false,
    tags: [],
    min_disk: 0,
    min_ram: 0,
    checksum: null,
    disk_format: 'raw',
    container_format: 'bare',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    [COPY_MARKER_PROPERTY]: MARKER,
    ...fields,
  };
}

interface FakeGlanceOptions {
  /** Reads of the image an import takes before it ends. */
  importReads?: number;
  /** Glance's reason when the import fails; it succeeds without one. */
  failWith?: string;
  /** The POST …/import starts the import, then its answer is lost. */
  loseImportAnswer?: boolean;
}

/** A Glance of one region running imports as tasks that end after a few reads of the image, as Glance's do. */
function fakeGlance(initial: Image[] = [], options: FakeGlanceOptions = {}) {
  const images = new Map(initial.map((image) => [image.id, image]));
  const tasks: Record<string, unknown>[] = [];
  const counts = { creates: 0, imports: 0 };
  let running: { image: Image; reads: number; store?: string; task: Record<string, unknown> } | undefined;
  const advance = () => {
    if (!running) return;
    running.reads += 1;
    running.task['message'] = `Copied ${running.reads} MiB`;
    if (running.reads < (options.importReads ?? 2)) return;
    const { image, store, task } = running;
    running = undefined;
    delete image['os_glance_import_task'];
    image['os_glance_importing_to_stores'] = '';
    if (options.failWith) {
      if (!store) image.status = 'queued';
      image['os_glance_failed_import'] = store ?? '';
      Object.assign(task, { status: 'failure', message: options.failWith });
      return;
    }
    if (store) image['stores'] = `${String(image['stores'])},${store}`;
    else Object.assign(image, { status: 'active', checksum: 'aa11', os_hash_algo: 'sha512', os_hash_value: 'ff00', size: OPERATION.size });
    Object.assign(task, { status: 'success', message: '' });
  };
  const notFound = () => new OpenStackError('not found', { kind: 'not-found', cloud: 'core', status: 404 });
  const http = fakeServiceHttp(
    (request: ServiceRequest) => {
      const [, id, leaf] = request.url.split('/');
      if (request.method === 'POST' && request.url === 'images') {
        counts.creates += 1;
        const body = request.body as Record<string, unknown>;
        const created = imageRecord(`copy-${counts.creates}`, { [COPY_MARKER_PROPERTY]: body[COPY_MARKER_PROPERTY] });
        images.set(created.id, created);
        return { status: 201, body: created };
      }
      if (request.method === 'POST' && leaf === 'import') {
        const image = images.get(id ?? '');
        if (!image) throw notFound();
        if (image['os_glance_import_task']) throw new OpenStackError('conflict', { kind: 'http', cloud: 'core', status: 409, apiMessage: 'prior operation is still in progress' });
        counts.imports += 1;
        const method = request.body as { method: { name: string }; stores?: string[] };
        const store = method.method.name === 'copy-image' ? method.stores?.[0] : undefined;
        const task = { id: `task-${counts.imports}`, type: 'api_image_import', status: 'processing', message: '', created_at: `2026-01-01T00:00:0${counts.imports}Z` };
        tasks.push(task);
        image['os_glance_import_task'] = task.id;
        if (store) image['os_glance_importing_to_stores'] = store;
        else image.status = 'importing';
        running = { image, reads: 0, store, task };
        if (options.loseImportAnswer) throw new OpenStackError('POST import: network error', { kind: 'network', cloud: 'core' });
        return { status: 202, body: undefined };
      }
      if (leaf === 'tasks') return { body: { tasks } };
      if (request.url === 'images') return { body: { images: [...images.values()].filter((image) => image['name'] === request.query?.['name']) } };
      const image = images.get(id ?? '');
      if (!image) throw notFound();
      advance();
      return { body: image };
    },
    { service: 'image' },
  );
  return { http, images, counts };
}

const instantPolling = (limit = 50): Partial<ImportPolling> => {
  let clock = 0;
  return { intervalMs: 1, maxWaitMs: limit, now: () => clock, sleep: async () => void (clock += 1) };
};

function run(glance: ReturnType<typeof fakeGlance>, polling = instantPolling()) {
  const progress: StepProgress[] = [];
  const outcome = glanceDownloadOnce({ target: glance.http, operation: OPERATION, signal: new AbortController().signal, onProgress: (p) => progress.push(p), polling });
  return { outcome, progress };
}

describe('glance-download steps', () => {
  it('creates the record, asks for the import, follows it with Glance’s own progress, and checks the copy’s checksums', async () => {
    const glance = fakeGlance([], { importReads: 3 });
    const { outcome, progress } = run(glance);
    expect(await outcome).toMatchObject({ result: 'done', requestIds: ['req-2', 'req-3'] });
    expect(glance.counts).toEqual({ creates: 1, imports: 1 });
    expect(glance.images.get('copy-1')).toMatchObject({ status: 'active', checksum: 'aa11' });
    const importing = progress.filter((p) => p.phase.endsWith(': importing'));
    expect(importing.length).toBeGreaterThan(0);
    expect(importing[0]?.phase).toBe('glance-download into test-cloud/RegionOne from core/eu-west-1: importing');
    expect(importing.map((p) => p.bytes)).toContain(1024 * 1024);
    const sent = glance.http.requests.find((request) => request.url === 'images/copy-1/import');
    expect(sent?.body).toEqual({ method: { name: 'glance-download', glance_image_id: SOURCE_ID, glance_region: 'eu-west-1', glance_service_interface: 'public' } });
  });

  it('finds a copy already there and sends nothing', async () => {
    const glance = fakeGlance([imageRecord('done', { status: 'active', checksum: 'aa11' })]);
    expect(await run(glance).outcome).toEqual({ result: 'already-done', requestIds: [] });
    expect(glance.counts).toEqual({ creates: 0, imports: 0 });
  });

  it('after a reload mid-import, waits for the running import: no second record, no second import', async () => {
    const glance = fakeGlance([imageRecord('left', { status: 'importing', os_glance_import_task: 'task-0' })]);
    const left = glance.images.get('left') as Image;
    // The import the previous page started ends on the second read, as Glance's task would.
    let reads = 0;
    const { outcome } = run({
      ...glance,
      http: {
        ...glance.http,
        request: async (request) => {
          const response = await glance.http.request(request);
          if (request.url === 'images/left' && ++reads === 2) Object.assign(left, { status: 'active', checksum: 'aa11', os_hash_value: 'ff00', os_glance_import_task: undefined });
          return response;
        },
      },
    });
    expect(await outcome).toMatchObject({ result: 'done' });
    expect(glance.http.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('imports again into the queued copy an interrupted run left, rather than making another', async () => {
    const glance = fakeGlance([imageRecord('left', { os_glance_failed_import: '' })]);
    expect(await run(glance).outcome).toMatchObject({ result: 'done' });
    expect(glance.counts).toEqual({ creates: 0, imports: 1 });
    expect([...glance.images.keys()]).toEqual(['left']);
  });

  it('when the answer to the import is lost but Glance started it, waits for it instead of asking twice', async () => {
    const glance = fakeGlance([], { loseImportAnswer: true });
    expect(await run(glance).outcome).toMatchObject({ result: 'done' });
    expect(glance.counts).toEqual({ creates: 1, imports: 1 });
  });

  it('fails with Glance’s reason, naming where, and leaves the queued copy for a retry', async () => {
    const glance = fakeGlance([], { failWith: 'Source image status should be active instead of deactivated' });
    const error: unknown = await run(glance).outcome.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageImportFailedError);
    expect((error as Error).message).toBe(
      'glance-download into test-cloud/RegionOne from core/eu-west-1 failed (the copy copy-1 is queued): Source image status should be active instead of deactivated',
    );
    expect(glance.images.get('copy-1')?.status).toBe('queued');
  });

  it('gives up waiting after its bound, saying Glance carries on', async () => {
    const glance = fakeGlance([], { importReads: 1000 });
    const error: unknown = await run(glance, instantPolling(5)).outcome.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageImportFailedError);
    expect((error as Error).message).toContain('Glance is still importing after 0 min; it carries on');
  });

  it('never touches another image of the same name', async () => {
    const glance = fakeGlance([imageRecord('theirs', { status: 'importing', [COPY_MARKER_PROPERTY]: undefined })]);
    await expect(run(glance).outcome).rejects.toBeInstanceOf(StepRefusedError);
    expect(glance.counts).toEqual({ creates: 0, imports: 0 });
  });
});

describe('copy-image steps', () => {
  const STORE_COPY: ImageStoreCopyOperation = { kind: 'copy-image-to-store', imageId: 'img', name: 'golden', store: 'site-1', size: 1024, checksum: 'aa11' };
  const active = (fields: Partial<Image> = {}) => imageRecord('img', { status: 'active', checksum: 'aa11', stores: 'central', ...fields });
  const copy = (glance: ReturnType<typeof fakeGlance>) =>
    copyToStoreOnce({ target: glance.http, operation: STORE_COPY, signal: new AbortController().signal, onProgress: () => undefined, polling: instantPolling() });

  it('asks Glance to copy into the store and waits until the image lists it', async () => {
    const glance = fakeGlance([active()]);
    expect(await copy(glance)).toMatchObject({ result: 'done', note: 'Glance copied 1.0 KiB into store site-1' });
    expect(glance.images.get('img')?.['stores']).toBe('central,site-1');
    expect(glance.http.requests.find((request) => request.method === 'POST')?.body).toEqual({ method: { name: 'copy-image' }, stores: ['site-1'], all_stores: false, all_stores_must_succeed: false });
  });

  it('is done already where the image lists the store, and waits for a copy still running from an interrupted run', async () => {
    expect(await copy(fakeGlance([active({ stores: 'central,site-1' })]))).toEqual({ result: 'already-done', requestIds: [] });
    const glance = fakeGlance([active({ os_glance_importing_to_stores: 'site-1', os_glance_import_task: 'task-0' })]);
    let reads = 0;
    const image = glance.images.get('img') as Image;
    const outcome = await copyToStoreOnce({
      target: {
        ...glance.http,
        request: async (request) => {
          const response = await glance.http.request(request);
          if (request.url === 'images/img' && ++reads === 2) Object.assign(image, { stores: 'central,site-1', os_glance_importing_to_stores: '', os_glance_import_task: undefined });
          return response;
        },
      },
      operation: STORE_COPY,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      polling: instantPolling(),
    });
    expect(outcome.result).toBe('done');
    expect(glance.http.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('fails with Glance’s reason when the store could not take the data', async () => {
    const glance = fakeGlance([active()], { failWith: 'Store site-1 is unreachable' });
    await expect(copy(glance)).rejects.toThrow('copy-image of golden to store site-1 in test-cloud/RegionOne failed: Store site-1 is unreachable');
  });

  it('refuses when the image changed since the plan', async () => {
    await expect(copy(fakeGlance([active({ checksum: 'bb22' })]))).rejects.toBeInstanceOf(StepRefusedError);
  });
});
