import {
  abortableSleep,
  getImage,
  importImage,
  isOpenStackError,
  listImageTasks,
  type ImageImportMethod,
  type ImageRecord,
  type ServiceHttp,
} from '../../openstack/index.ts';
import type { StepOutcome, StepProgress } from './execute-plan.ts';
import { createRecord, lookAtTarget, verifyCopy, where, type ImageTargetContext } from './image-copy-step.ts';
import { ImageImportFailedError } from './image-import-failed.ts';
import { formatBytes } from './image-replication.ts';
import { targetKey, type ImageGlanceDownloadOperation, type ImageStoreCopyOperation } from './plan.ts';
import { StepRefusedError } from './step-refused.ts';

/** How an import step waits for Glance: it polls the image, and gives up (Glance carries on) after maxWaitMs. */
export interface ImportPolling {
  intervalMs: number;
  maxWaitMs: number;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_IMPORT_POLLING: ImportPolling = {
  intervalMs: 2_000,
  // An image of tens of GiB between regions takes a while; past this the step fails and a retry picks the import up where it is.
  maxWaitMs: 60 * 60_000,
  now: () => Date.now(),
  sleep: abortableSleep,
};

interface ImportStepContext {
  target: ServiceHttp;
  signal: AbortSignal;
  onProgress: (progress: StepProgress) => void;
  polling?: Partial<ImportPolling>;
}

export interface GlanceDownloadContext extends ImportStepContext {
  operation: ImageGlanceDownloadOperation;
}

export interface StoreCopyContext extends ImportStepContext {
  operation: ImageStoreCopyOperation;
}

function storeList(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((store) => store !== '');
}

/** Glance holds the import lock (`os_glance_import_task`) from the 202 until its task ends, whatever the image's status. */
function importRunning(image: ImageRecord): boolean {
  const lock = image['os_glance_import_task'];
  return image.status === 'importing' || (typeof lock === 'string' && lock !== '');
}

type Verdict = 'done' | 'running' | 'failed';

/** Glance's own words for the failure: the newest failed import task's message, else the stores it names as failed. */
async function failureReason(http: ServiceHttp, image: ImageRecord, signal: AbortSignal): Promise<string> {
  const tasks = await listImageTasks(http, image.id, { signal }).catch(() => []);
  const failed = tasks.filter((task) => task.status === 'failure' && task.message).sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  if (failed?.message) return failed.message;
  const stores = storeList(image.os_glance_failed_import);
  return stores.length > 0 ? `the import failed for store${stores.length === 1 ? '' : 's'} ${stores.join(', ')}` : 'Glance gave no reason';
}

const MIB = 1024 * 1024;

/** Glance reports a running import's progress only in its task's message ("Copied 15 MiB"); 0 when it has said nothing yet. */
async function copiedBytes(http: ServiceHttp, imageId: string, signal: AbortSignal): Promise<number> {
  const tasks = await listImageTasks(http, imageId, { signal }).catch(() => []);
  const running = tasks.filter((task) => task.status === 'processing').sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  const copied = /Copied (\d+) MiB/.exec(running?.message ?? '');
  return copied ? Number(copied[1]) * MIB : 0;
}

/** Polls the image until the verdict is not `running`, reporting its status, stores and Glance's count of bytes copied. */
async function awaitImport(
  context: ImportStepContext,
  imageId: string,
  label: string,
  totalBytes: number,
  verdictOf: (image: ImageRecord) => Verdict,
): Promise<{ image: ImageRecord; verdict: Exclude<Verdict, 'running'> }> {
  const { target, signal, onProgress } = context;
  const polling = { ...DEFAULT_IMPORT_POLLING, ...context.polling };
  const deadline = polling.now() + polling.maxWaitMs;
  for (;;) {
    const image = await getImage(target, imageId, { signal });
    if (!image) throw new StepRefusedError(`the image ${imageId} disappeared from ${where(target)} while Glance imported it`);
    const verdict = verdictOf(image);
    if (verdict !== 'running') return { image, verdict };
    const stores = storeList(image.os_glance_importing_to_stores);
    const bytes = Math.min(totalBytes, await copiedBytes(target, imageId, signal));
    onProgress({ phase: `${label}: ${image.status}${stores.length > 0 ? `, to ${stores.join(', ')}` : ''}`, bytes, totalBytes });
    if (polling.now() >= deadline) {
      throw new ImageImportFailedError(
        `${label}: Glance is still importing after ${Math.round(polling.maxWaitMs / 60_000)} min; it carries on, and a retry of this step waits for it again`,
      );
    }
    await polling.sleep(polling.intervalMs, signal);
  }
}

/**
 * POST …/import. A failed call may hide an import that started (a lost
 * answer) or one already running (409, the import lock): the image is read
 * again, and the step waits for a running import instead of failing.
 */
async function startImport(context: ImportStepContext, imageId: string, method: ImageImportMethod, started: (image: ImageRecord) => boolean, requestIds: string[]): Promise<void> {
  const { target, signal } = context;
  try {
    const result = await importImage(target, imageId, method, { signal });
    if (result.requestId) requestIds.push(result.requestId);
  } catch (error) {
    const image = signal.aborted ? undefined : await getImage(target, imageId, { signal }).catch(() => undefined);
    if (!image || !started(image)) throw error;
    if (isOpenStackError(error) && error.requestId) requestIds.push(error.requestId);
  }
}

/**
 * glance-download: the target's Glance pulls the data from the source
 * region's Glance with the caller's token; nothing passes through the
 * browser. Looks at the target first: a copy already there is done; our
 * queued copy (an interrupted run) is imported again; our importing copy is
 * waited for. Ends by checking Glance's checksums of the copy against the
 * source's.
 */
export async function glanceDownloadOnce(context: GlanceDownloadContext): Promise<StepOutcome> {
  const { target, operation, signal } = context;
  const targetContext: ImageTargetContext = { target, operation, signal };
  const look = await lookAtTarget(targetContext, ['queued', 'importing']);
  if (look.state === 'done') return { result: 'already-done', requestIds: [] };
  const requestIds: string[] = [];
  const label = `glance-download into ${where(target)} from ${targetKey(operation.source)}`;
  const record = look.state === 'reuse' ? look.image : await createRecord(targetContext, requestIds);
  if (!importRunning(record)) {
    context.onProgress({ phase: `${label}: asking Glance`, bytes: 0, totalBytes: operation.size });
    const method: ImageImportMethod = { name: 'glance-download', glanceImageId: operation.sourceImageId, glanceRegion: operation.source.region };
    await startImport(context, record.id, method, (image) => importRunning(image) || image.status === 'active', requestIds);
  }
  const { image, verdict } = await awaitImport(context, record.id, label, operation.size, (current) =>
    current.status === 'active' ? 'done' : importRunning(current) ? 'running' : 'failed',
  );
  if (verdict === 'failed') {
    const reason = await failureReason(target, image, signal);
    throw new ImageImportFailedError(`${label} failed (the copy ${image.id} is ${image.status}): ${reason}`, requestIds.at(-1));
  }
  context.onProgress({ phase: 'checking the copy', bytes: operation.size, totalBytes: operation.size });
  await verifyCopy(targetContext, record.id);
  return { result: 'done', requestIds, note: `Glance imported ${formatBytes(operation.size)} by glance-download; its md5 and sha512 of the copy match the source` };
}

/**
 * copy-image: Glance copies an active image's data into one more of its
 * stores. The image's `stores` says where the data is; a store still in
 * `os_glance_importing_to_stores` (an interrupted run) is waited for, one in
 * `os_glance_failed_import` is a failure with Glance's reason.
 */
export async function copyToStoreOnce(context: StoreCopyContext): Promise<StepOutcome> {
  const { target, operation, signal } = context;
  const { store } = operation;
  const label = `copy-image of ${operation.name} to store ${store} in ${where(target)}`;
  const readImage = async () => {
    const image = await getImage(target, operation.imageId, { signal });
    if (!image) throw new StepRefusedError(`image ${operation.name} (${operation.imageId}) is no longer in ${where(target)}`);
    if (image.checksum !== operation.checksum) throw new StepRefusedError(`image ${operation.name} now has checksum ${image.checksum ?? 'none'}, not the planned ${operation.checksum}`);
    return image;
  };
  const inStore = (image: ImageRecord) => storeList(image.stores).includes(store);
  const copying = (image: ImageRecord) => storeList(image.os_glance_importing_to_stores).includes(store);
  const before = await readImage();
  if (inStore(before)) return { result: 'already-done', requestIds: [] };
  if (before.status !== 'active') throw new StepRefusedError(`image ${operation.name} is ${before.status}: Glance copies only active images`);
  const requestIds: string[] = [];
  if (!copying(before)) {
    context.onProgress({ phase: `${label}: asking Glance`, bytes: 0, totalBytes: operation.size });
    await startImport(context, operation.imageId, { name: 'copy-image', stores: [store] }, (image) => copying(image) || inStore(image), requestIds);
  }
  const { image, verdict } = await awaitImport(context, operation.imageId, label, operation.size, (current) =>
    inStore(current) ? 'done' : copying(current) || importRunning(current) ? 'running' : 'failed',
  );
  if (verdict === 'failed') {
    throw new ImageImportFailedError(`${label} failed: ${await failureReason(target, image, signal)}`, requestIds.at(-1));
  }
  await readImage();
  return { result: 'done', requestIds, note: `Glance copied ${formatBytes(operation.size)} into store ${store}` };
}
