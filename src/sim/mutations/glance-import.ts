import type { JsonObject, SimRegion } from '../fleet-model.ts';
import type { ServiceContext } from '../sim-context.ts';
import { isRecord, jsonResponse, readJson, textResponse } from '../wire-http.ts';
import { simUuid } from './sim-ids.ts';

/**
 * Glance's interoperable import (`POST /v2/images/{id}/import`) for the two
 * methods that copy without the client holding the data: `glance-download`
 * (a queued image pulls an active image from another region's Glance of the
 * same Keystone) and `copy-image` (an active image is added to more stores of
 * its own multi-store Glance). As in Glance, the call answers 202 and a task
 * does the work; here the task advances on the region's Glance reads
 * (IMPORT_READS of them), so a client polling the image sees `importing`,
 * then the outcome, deterministically.
 */
export const IMPORT_READS = 3;

const BASE_METHODS = ['glance-direct', 'web-download', 'copy-image'];
const MIB = 1024 * 1024;

type Fail = (status: number, message: string) => Response;

export interface SimStore {
  id: string;
  description: string;
  isDefault: boolean;
}

/** Regions of a multi-region cloud each have their own Glance behind one Keystone: the deployment glance-download is for. */
export function importMethodsOf(ctx: ServiceContext): string[] {
  const { layout } = ctx.cloud;
  return layout.kind === 'regional' && layout.regions.length > 1 ? [...BASE_METHODS, 'glance-download'] : BASE_METHODS;
}

/** An edge cloud's Glance is multi-store, as in a distributed edge deployment: a central store (the default) and one per site. */
export function storesOf(ctx: ServiceContext): SimStore[] {
  const { layout } = ctx.cloud;
  if (layout.kind !== 'edge') return [];
  return [
    { id: 'central', description: 'Central site', isDefault: true },
    ...layout.sites.map((site) => ({ id: site, description: `Edge site ${site}`, isDefault: false })),
  ];
}

export function defaultStoreOf(ctx: ServiceContext): string | undefined {
  return storesOf(ctx).find((store) => store.isDefault)?.id;
}

function storeList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').filter((store) => store !== '') : [];
}

function isoNow(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

interface PendingImport {
  reads: number;
  /** What the task reports copying, as Glance's "Copied N MiB". */
  totalBytes: number;
  /** Runs the task's work; returns Glance's failure message, if it fails. */
  finish: () => string | undefined;
  task: JsonObject;
  image: JsonObject;
  stores: string[];
  method: string;
}

const pendingByRegion = new WeakMap<SimRegion, PendingImport[]>();
const tasksByImage = new WeakMap<JsonObject, JsonObject[]>();
const storesStamped = new WeakSet<SimRegion>();

/** A multi-store Glance lists the stores holding each active image; the generated images are in the default store. */
export function stampDefaultStore(ctx: ServiceContext): void {
  if (storesStamped.has(ctx.region)) return;
  storesStamped.add(ctx.region);
  const store = defaultStoreOf(ctx);
  if (!store) return;
  for (const image of ctx.region.images) if (image.status === 'active' && image.stores === undefined) image.stores = store;
}

function settle(pending: PendingImport): void {
  const { image, task, stores, method } = pending;
  const failure = pending.finish();
  delete image.os_glance_import_task;
  image.os_glance_importing_to_stores = storeList(image.os_glance_importing_to_stores).filter((store) => !stores.includes(store)).join(',');
  if (failure !== undefined) {
    if (method !== 'copy-image') image.status = 'queued';
    image.os_glance_failed_import = [...new Set([...storeList(image.os_glance_failed_import), ...stores])].sort().join(',');
  }
  image.updated_at = isoNow();
  Object.assign(task, { status: failure === undefined ? 'success' : 'failure', message: failure ?? '', result: failure === undefined ? { image_id: String(image.id) } : null, updated_at: isoNow() });
}

/** One read of the region's Glance: every running import there gets one step nearer its end. */
export function advanceImports(region: SimRegion): void {
  const pending = pendingByRegion.get(region);
  if (!pending) return;
  for (const entry of [...pending]) {
    entry.reads += 1;
    if (entry.reads < IMPORT_READS) {
      entry.task.message = `Copied ${Math.floor((entry.totalBytes * entry.reads) / IMPORT_READS / MIB)} MiB`;
      continue;
    }
    pending.splice(pending.indexOf(entry), 1);
    settle(entry);
  }
}

export function imageTasks(image: JsonObject): Response {
  return jsonResponse(200, { tasks: [...(tasksByImage.get(image) ?? [])].reverse() });
}

export interface ImportContext {
  ctx: ServiceContext;
  projectId: string | null;
  fail: Fail;
  /** The data uploaded to an image of a region, if any. */
  dataOf: (region: SimRegion, image: JsonObject) => Uint8Array | undefined;
  setData: (region: SimRegion, image: JsonObject, data: Uint8Array) => void;
  changed: () => void;
}

function visibleIn(region: SimRegion, projectId: string | null, id: string): JsonObject | undefined {
  return region.images.find((image) => image.id === id && (projectId === null || image.visibility === 'public' || image.owner === projectId));
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Fields of the source a glance-download copies: its data's digests, and the formats Glance's metadata step sets. */
const DOWNLOADED = ['size', 'virtual_size', 'checksum', 'os_hash_algo', 'os_hash_value', 'disk_format', 'container_format'];
/** Glance's default `[glance_download_properties] extra_properties`: the only custom properties it copies from the source. */
const DOWNLOADED_PROPERTY_PREFIXES = ['hw_', 'trait:', 'os_distro', 'os_secure_boot', 'os_type'];

function glanceDownload(context: ImportContext, image: JsonObject, method: Record<string, unknown>): PendingImport | Response {
  const { ctx, fail, projectId } = context;
  const sourceRegion = method['glance_region'];
  const sourceId = method['glance_image_id'];
  if (typeof sourceRegion !== 'string') return fail(400, "'glance_region' needs to be set for glance-download import method");
  if (typeof sourceId !== 'string') return fail(400, "'glance_image_id' needs to be set for glance-download import method");
  if (!UUID.test(sourceId)) return fail(400, `Remote image id does not look like a UUID: ${sourceId}`);
  const interfaceName = typeof method['glance_service_interface'] === 'string' ? method['glance_service_interface'] : 'public';
  const store = defaultStoreOf(ctx);
  // Glance looks the region up in the catalog of the caller's token: only regions of this cloud's Keystone are there.
  const regionName = ctx.cloud.layout.regions.find((name) => name.toLowerCase() === sourceRegion.toLowerCase());
  const region = regionName === undefined ? undefined : ctx.regionOf(regionName);
  const sourceAtStart = region ? visibleIn(region, projectId, sourceId) : undefined;
  return {
    reads: 0,
    totalBytes: typeof sourceAtStart?.size === 'number' ? sourceAtStart.size : 0,
    image,
    stores: store ? [store] : [],
    method: 'glance-download',
    task: {},
    finish: () => {
      if (!region) return `${interfaceName} glance endpoint not found for region ${sourceRegion}`;
      const source = visibleIn(region, projectId, sourceId);
      if (!source) return 'HTTP Error 404: Not Found';
      if (source.status !== 'active') return `Source image status should be active instead of ${String(source.status)}`;
      for (const key of DOWNLOADED) image[key] = source[key] ?? null;
      for (const [key, value] of Object.entries(source)) {
        if (DOWNLOADED_PROPERTY_PREFIXES.some((prefix) => key.startsWith(prefix))) image[key] = value;
      }
      const data = context.dataOf(region, source);
      if (data) context.setData(ctx.region, image, data);
      image.status = 'active';
      if (store) image.stores = store;
      return undefined;
    },
  };
}

function copyImage(context: ImportContext, image: JsonObject, body: Record<string, unknown>): PendingImport | Response {
  const { ctx, fail } = context;
  const known = storesOf(ctx);
  if (known.length === 0) return fail(409, 'Multi backend is not supported at this site.');
  const held = storeList(image.stores);
  const wanted = body['all_stores'] === true ? known.map((store) => store.id).filter((id) => !held.includes(id)) : body['stores'];
  if (!Array.isArray(wanted) || wanted.some((store) => typeof store !== 'string')) return fail(400, "'stores' must be a list of store identifiers");
  const stores = wanted as string[];
  const unknown = stores.find((store) => !known.some((candidate) => candidate.id === store));
  if (unknown !== undefined) return fail(409, `Unknown scheme '${unknown}' found in URI`);
  const present = body['all_stores'] === true ? undefined : stores.find((store) => held.includes(store));
  if (present !== undefined) return fail(400, `Image is already present at store '${present}'`);
  return {
    reads: 0,
    totalBytes: typeof image.size === 'number' ? image.size : 0,
    image,
    stores,
    method: 'copy-image',
    task: {},
    finish: () => {
      image.stores = [...storeList(image.stores), ...stores].join(',');
      return undefined;
    },
  };
}

/** POST /v2/images/{id}/import: the checks Glance makes before it answers 202, then a task that ends on later reads. */
export async function importImage(context: ImportContext, image: JsonObject): Promise<Response> {
  const { ctx, fail } = context;
  const body = await readJson(ctx.request);
  if (!isRecord(body) || !isRecord(body['method'])) return fail(400, "Import request requires a 'method' field.");
  const method = body['method'];
  const name = method['name'];
  if (typeof name !== 'string') return fail(400, "Import request requires a 'name' field.");
  if (!importMethodsOf(ctx).includes(name)) return fail(400, `Unknown import method name '${name}'.`);
  const mustSucceed = body['all_stores_must_succeed'] ?? true;
  if (typeof mustSucceed !== 'boolean') return fail(400, "'all_stores_must_succeed' must be boolean value only");
  if (name !== 'glance-download' && name !== 'copy-image') return fail(501, `The simulator does not run '${name}' imports.`);
  if (image.status === 'active' && name !== 'copy-image') return fail(409, 'Image with status active cannot be target for import');
  if (image.status !== 'active' && name === 'copy-image') return fail(409, 'Only images with status active can be targeted for copying');
  if (image.status !== 'queued' && name === 'glance-download') return fail(409, `Image needs to be in 'queued' state to use '${name}' method`);
  if (!image.container_format) return fail(409, "'container_format' needs to be set before import");
  if (!image.disk_format) return fail(409, "'disk_format' needs to be set before import");
  if (name === 'copy-image' ? context.projectId !== null : context.projectId !== null && image.owner !== context.projectId) {
    return fail(403, name === 'copy-image' ? 'You are not authorized to complete copy_image action.' : `You are not permitted to modify image ${String(image.id)}.`);
  }
  if (typeof image.os_glance_import_task === 'string') {
    return fail(409, `New operation on image '${String(image.id)}' is not permitted as prior operation is still in progress`);
  }
  if (!mustSucceed && storesOf(ctx).length === 0) return fail(400, 'All_stores_must_succeed can only be set with enabled_backends None');
  const pending = name === 'glance-download' ? glanceDownload(context, image, method) : copyImage(context, image, body);
  if (pending instanceof Response) return pending;

  const tasks = tasksByImage.get(image) ?? [];
  const taskId = simUuid(`${ctx.root}/task/${String(image.id)}/${tasks.length}`);
  const now = isoNow();
  pending.task = {
    id: taskId,
    image_id: String(image.id),
    'request-id': ctx.requestId,
    user: '',
    type: 'api_image_import',
    status: 'processing',
    owner: image.owner ?? null,
    expires_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    deleted: false,
    input: { image_id: String(image.id), import_req: body as JsonObject, backend: pending.stores.length > 0 ? pending.stores : [null] },
    result: null,
    message: '',
  };
  tasks.push(pending.task);
  tasksByImage.set(image, tasks);
  image.os_glance_import_task = taskId;
  if (name !== 'copy-image') image.status = 'importing';
  image.os_glance_importing_to_stores = [...new Set([...storeList(image.os_glance_importing_to_stores), ...pending.stores])].sort().join(',');
  image.os_glance_failed_import = storeList(image.os_glance_failed_import).filter((store) => !pending.stores.includes(store)).join(',');
  image.updated_at = now;
  const list = pendingByRegion.get(ctx.region) ?? [];
  list.push(pending);
  pendingByRegion.set(ctx.region, list);
  context.changed();
  return textResponse(202, null);
}

/** GET /v2/info/stores: 404 like Glance without `enabled_backends`. */
export function listStores(ctx: ServiceContext, fail: Fail): Response {
  const stores = storesOf(ctx);
  if (stores.length === 0) return fail(404, 'Multi backend is not supported at this site.');
  return jsonResponse(200, { stores: stores.map((store) => ({ id: store.id, description: store.description, ...(store.isDefault ? { default: 'true' } : {}) })) });
}
