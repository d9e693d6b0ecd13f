import {
  createImage,
  downloadImageData,
  getImage,
  isOpenStackError,
  listImagesNamed,
  uploadImageData,
  type ImageRecord,
  type ServiceHttp,
} from '../../openstack/index.ts';
import type { StepOutcome, StepProgress } from './execute-plan.ts';
import { BROWSER_COPY_MAX_BYTES, COPY_MARKER_PROPERTY, formatBytes } from './image-replication.ts';
import type { ImageCopyFields, ImageCopyOperation } from './plan.ts';
import { StepRefusedError } from './step-refused.ts';

export interface ImageCopyContext {
  source: ServiceHttp;
  target: ServiceHttp;
  operation: ImageCopyOperation;
  signal: AbortSignal;
  onProgress: (progress: StepProgress) => void;
}

const PROGRESS_INTERVAL_MS = 250;

/** Glance's multihash algorithms that WebCrypto computes; md5 it does not, so md5 is checked by Glance itself on the copy. */
const WEBCRYPTO_ALGORITHMS: Readonly<Record<string, string>> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Checks downloaded data against the source's size and multihash before any of it is uploaded; says what was verified. */
export async function verifyDownload(data: Uint8Array<ArrayBuffer>, operation: ImageCopyOperation): Promise<string> {
  if (data.byteLength !== operation.size) {
    throw new StepRefusedError(`the download has ${data.byteLength} bytes, the source image ${operation.size}: nothing was uploaded`);
  }
  const algorithm = operation.hashAlgo ? WEBCRYPTO_ALGORITHMS[operation.hashAlgo] : undefined;
  if (!algorithm || !operation.hashValue) return 'size';
  const digest = hex(await crypto.subtle.digest(algorithm, data));
  if (digest !== operation.hashValue.toLowerCase()) {
    throw new StepRefusedError(`the download's ${operation.hashAlgo} differs from the source image's: nothing was uploaded`);
  }
  return operation.hashAlgo ?? algorithm;
}

export function where(http: ServiceHttp): string {
  return `${http.cloud}/${http.region}`;
}

/** The target a copy is made at, and what it is made from. */
export interface ImageTargetContext {
  target: ServiceHttp;
  operation: ImageCopyFields;
  signal: AbortSignal;
}

/**
 * A copy one of our runs left unfinished: it carries the marker, in a status
 * the step can carry on from (`queued` for an upload; `importing` too for an
 * import Glance is still running).
 */
function isOurUnfinishedCopy(image: ImageRecord, operation: ImageCopyFields, resumable: readonly string[]): boolean {
  return resumable.includes(image.status) && image[COPY_MARKER_PROPERTY] === operation.properties[COPY_MARKER_PROPERTY];
}

export type TargetLook = { state: 'done' } | { state: 'reuse'; image: ImageRecord } | { state: 'absent' };

/** What the target holds under the name now; refuses when it is someone else's image. */
export async function lookAtTarget(context: ImageTargetContext, resumable: readonly string[] = ['queued']): Promise<TargetLook> {
  const { target, operation, signal } = context;
  const images = await listImagesNamed(target, operation.name, { signal });
  if (images.some((image) => image.status === 'active' && image.checksum === operation.checksum)) return { state: 'done' };
  const foreign = images.find((image) => !isOurUnfinishedCopy(image, operation, resumable));
  if (foreign) {
    throw new StepRefusedError(`another image named ${operation.name} is there now (${foreign.status}, checksum ${foreign.checksum ?? 'none'}); it is not replaced`);
  }
  return images[0] ? { state: 'reuse', image: images[0] } : { state: 'absent' };
}

/** Creates the queued record a copy's data goes into; a lost answer finds the record by its marker rather than making a second. */
export async function createRecord(context: ImageTargetContext, requestIds: string[]): Promise<ImageRecord> {
  const { target, operation, signal } = context;
  try {
    const created = await createImage(
      target,
      {
        name: operation.name,
        diskFormat: operation.diskFormat,
        containerFormat: operation.containerFormat,
        minDisk: operation.minDisk,
        minRam: operation.minRam,
        tags: operation.tags,
        properties: operation.properties,
      },
      { signal },
    );
    if (created.requestId) requestIds.push(created.requestId);
    return created.image;
  } catch (error) {
    // A lost answer to the create: the record is there, queued and marked as ours.
    const look = signal.aborted ? undefined : await lookAtTarget(context).catch(() => undefined);
    if (look?.state === 'reuse') return look.image;
    throw error;
  }
}

/** Glance computed the copy's digests as it stored the data: they must be the source's. */
export async function verifyCopy(context: ImageTargetContext, imageId: string): Promise<void> {
  const { target, operation, signal } = context;
  const copy = await getImage(target, imageId, { signal });
  if (!copy) throw new StepRefusedError(`the copy ${imageId} disappeared from ${where(target)} as its data arrived`);
  const sameHash = !operation.hashValue || !copy.os_hash_value || copy.os_hash_value === operation.hashValue;
  if (copy.checksum !== operation.checksum || !sameHash) {
    throw new StepRefusedError(`Glance computed checksum ${copy.checksum ?? 'none'} for the copy ${imageId}, the source's is ${operation.checksum}`);
  }
}

/**
 * Copies one image through the browser: download from the source with
 * progress, verify its size and multihash, create the record (or reuse the
 * queued one an interrupted run left), upload, then check the checksums
 * Glance computed for the copy. Looks at the target first, so a copy already
 * there is never made twice.
 */
export async function copyImageOnce(context: ImageCopyContext): Promise<StepOutcome> {
  const { source, target, operation, signal, onProgress } = context;
  if (operation.size > BROWSER_COPY_MAX_BYTES) throw new StepRefusedError(`the image is larger than the ${BROWSER_COPY_MAX_BYTES} bytes this browser copies`);
  const look = await lookAtTarget(context);
  if (look.state === 'done') return { result: 'already-done', requestIds: [] };

  const requestIds: string[] = [];
  const totalBytes = operation.size;
  const downloading = `downloading from ${where(source)}`;
  onProgress({ phase: downloading, bytes: 0, totalBytes });
  // Every report is a write to the audit log: a few per second are enough to follow.
  let reportedAt = 0;
  const download = await downloadImageData(source, operation.sourceImageId, {
    maxBytes: BROWSER_COPY_MAX_BYTES,
    signal,
    onBytes: (bytes) => {
      const now = Date.now();
      if (now - reportedAt < PROGRESS_INTERVAL_MS && bytes < totalBytes) return;
      reportedAt = now;
      onProgress({ phase: downloading, bytes, totalBytes });
    },
  });
  if (download.requestId) requestIds.push(download.requestId);
  onProgress({ phase: 'verifying the download', bytes: totalBytes, totalBytes });
  const verified = await verifyDownload(download.data, operation);

  const record = look.state === 'reuse' ? look.image : await createRecord(context, requestIds);
  onProgress({ phase: `uploading to ${where(target)}`, bytes: 0, totalBytes });
  try {
    const uploaded = await uploadImageData(target, record.id, new Blob([download.data], { type: 'application/octet-stream' }), { signal });
    if (uploaded.requestId) requestIds.push(uploaded.requestId);
  } catch (error) {
    // A lost answer to the upload: Glance has the data if the copy went active.
    const copy = signal.aborted ? undefined : await getImage(target, record.id, { signal }).catch(() => undefined);
    if (copy?.status !== 'active') throw error;
    if (isOpenStackError(error) && error.requestId) requestIds.push(error.requestId);
  }
  onProgress({ phase: 'checking the copy', bytes: totalBytes, totalBytes });
  await verifyCopy(context, record.id);
  return { result: 'done', requestIds, note: `copied ${formatBytes(totalBytes)}; ${verified} of the download and Glance's md5 of the copy match the source` };
}
