import type { JsonObject, SimRegion } from '../fleet-model.ts';
import type { ServiceContext } from '../sim-context.ts';
import { isRecord, jsonResponse, readJson, textResponse } from '../wire-http.ts';
import { defaultStoreOf, imageTasks, importImage, importMethodsOf, listStores } from './glance-import.ts';
import { md5Hex } from './md5.ts';
import { simUuid } from './sim-ids.ts';

/**
 * Glance's image writes, as Zed answers them: create a record (queued),
 * upload its data (Glance computes size, md5 `checksum` and the sha512
 * multihash), download it, delete, and the import methods it offers. The
 * simulator keeps uploaded data in memory; generated images have none, and
 * their download answers 204 like a record without data. Imports are in
 * glance-import.ts.
 */
const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'];
const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'];
const READ_ONLY = ['id', 'status', 'checksum', 'size', 'virtual_size', 'os_hash_algo', 'os_hash_value', 'owner', 'created_at', 'updated_at', 'self', 'file', 'schema', 'locations', 'direct_url'];

export type GlanceFail = (status: number, message: string) => Response;

interface RegionImageData {
  data: WeakMap<JsonObject, Uint8Array>;
  created: number;
}

const byRegion = new WeakMap<SimRegion, RegionImageData>();

function stateOf(region: SimRegion): RegionImageData {
  let state = byRegion.get(region);
  if (!state) {
    state = { data: new WeakMap(), created: 0 };
    byRegion.set(region, state);
  }
  return state;
}

function isoNow(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

async function sha512Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-512', data))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface GlanceWriteContext {
  ctx: ServiceContext;
  /** The caller's project id, or null for an admin (who sees every image). */
  projectId: string | null;
  visible: () => JsonObject[];
  /** Called after the image list changed, so cached listings are rebuilt. */
  changed: () => void;
  fail: GlanceFail;
}

async function createImage(write: GlanceWriteContext): Promise<Response> {
  const { ctx, fail } = write;
  const body = await readJson(ctx.request);
  if (!isRecord(body)) return fail(400, 'Body expected in request.');
  const readOnly = READ_ONLY.find((key) => key in body && key !== 'id');
  if (readOnly) return fail(403, `Attribute '${readOnly}' is read-only.`);
  const name = body['name'];
  if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > 255)) return fail(400, "Invalid value for 'name': must be a string of at most 255 characters");
  const disk = body['disk_format'];
  if (disk !== undefined && disk !== null && !DISK_FORMATS.includes(String(disk))) return fail(400, `Invalid value '${String(disk)}' for 'disk_format'`);
  const container = body['container_format'];
  if (container !== undefined && container !== null && !CONTAINER_FORMATS.includes(String(container))) return fail(400, `Invalid value '${String(container)}' for 'container_format'`);
  const tags = body['tags'] ?? [];
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) return fail(400, "Invalid value for 'tags'");
  const properties: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (['name', 'disk_format', 'container_format', 'tags', 'min_disk', 'min_ram', 'visibility', 'protected', 'id'].includes(key)) continue;
    if (typeof value !== 'string') return fail(400, `Invalid value for '${key}': additional properties must be strings`);
    properties[key] = value;
  }
  const state = stateOf(ctx.region);
  state.created += 1;
  const id = typeof body['id'] === 'string' ? body['id'] : simUuid(`${ctx.root}/image/${state.created}/${String(name)}`);
  if (ctx.region.images.some((image) => image.id === id)) return fail(409, `Image with identifier ${id} already exists!`);
  const now = isoNow();
  const image: JsonObject = {
    ...properties,
    name: typeof name === 'string' ? name : null,
    disk_format: typeof disk === 'string' ? disk : null,
    container_format: typeof container === 'string' ? container : null,
    visibility: typeof body['visibility'] === 'string' ? body['visibility'] : 'shared',
    size: null,
    virtual_size: null,
    status: 'queued',
    checksum: null,
    protected: body['protected'] === true,
    min_ram: typeof body['min_ram'] === 'number' ? body['min_ram'] : 0,
    min_disk: typeof body['min_disk'] === 'number' ? body['min_disk'] : 0,
    owner: write.projectId ?? ctx.cloud.identity.projects[0]?.id ?? '',
    os_hidden: false,
    os_hash_algo: null,
    os_hash_value: null,
    id,
    created_at: now,
    updated_at: now,
    tags: tags as string[],
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
  };
  // Newest first, as Glance lists them.
  ctx.region.images.unshift(image);
  write.changed();
  return jsonResponse(201, image, { Location: `${ctx.root}/v2/images/${id}`, 'OpenStack-image-import-methods': importMethodsOf(ctx).join(',') });
}

async function uploadData(write: GlanceWriteContext, image: JsonObject): Promise<Response> {
  const { ctx, fail } = write;
  if (image.status !== 'queued') return fail(409, `Image status transition from ${String(image.status)} to saving is not allowed`);
  if (image.disk_format === null || image.container_format === null) {
    return fail(400, 'Properties disk_format, container_format must be set prior to saving data.');
  }
  const data = new Uint8Array(await ctx.request.arrayBuffer());
  stateOf(ctx.region).data.set(image, data);
  Object.assign(image, {
    size: data.byteLength,
    virtual_size: data.byteLength,
    checksum: md5Hex(data),
    os_hash_algo: 'sha512',
    os_hash_value: await sha512Hex(data),
    status: 'active',
    stores: defaultStoreOf(ctx) ?? 'fs',
    updated_at: isoNow(),
  });
  write.changed();
  return textResponse(204, null);
}

function downloadData(write: GlanceWriteContext, image: JsonObject): Response {
  const data = stateOf(write.ctx.region).data.get(image);
  if (!data) return textResponse(204, null);
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.byteLength), 'Content-MD5': String(image.checksum) },
  });
}

function deleteImage(write: GlanceWriteContext, image: JsonObject): Response {
  const { ctx, fail } = write;
  if (image.protected === true) return fail(403, `Image ${String(image.id)} is protected and cannot be deleted.`);
  if (write.projectId !== null && image.owner !== write.projectId) return fail(403, `You are not permitted to delete image ${String(image.id)}.`);
  const index = ctx.region.images.indexOf(image);
  if (index >= 0) ctx.region.images.splice(index, 1);
  write.changed();
  return textResponse(204, null);
}

/**
 * Glance requests other than the image listings and show: undefined when
 * the request is one of those (the read handler answers it).
 */
export function handleGlanceWrite(write: GlanceWriteContext, parts: readonly string[]): Response | Promise<Response> | undefined {
  const method = write.ctx.request.method;
  const [version, collection, id, leaf] = parts;
  if (version !== 'v2') return undefined;
  if (collection === 'info' && id === 'import' && parts.length === 3 && method === 'GET') {
    return jsonResponse(200, { 'import-methods': { description: 'Import methods available.', type: 'array', value: importMethodsOf(write.ctx) } });
  }
  if (collection === 'info' && id === 'stores' && parts.length === 3 && method === 'GET') return listStores(write.ctx, write.fail);
  if (collection !== 'images') return undefined;
  if (parts.length === 2 && method === 'POST') return createImage(write);
  if (id === undefined) return undefined;
  const isFile = leaf === 'file' && parts.length === 4;
  const isImport = leaf === 'import' && parts.length === 4 && method === 'POST';
  const isTasks = leaf === 'tasks' && parts.length === 4 && method === 'GET';
  if (!isFile && !isImport && !isTasks && (parts.length !== 3 || method !== 'DELETE')) return undefined;
  const image = write.visible().find((candidate) => candidate.id === id);
  if (!image) return write.fail(404, `No image found with ID ${id}`);
  if (isImport) return importImage({ ...write, dataOf: (region, of) => stateOf(region).data.get(of), setData: (region, of, data) => stateOf(region).data.set(of, data) }, image);
  if (isTasks) return imageTasks(image);
  if (!isFile) return deleteImage(write, image);
  if (method === 'PUT') return uploadData(write, image);
  if (method === 'GET') return downloadData(write, image);
  return write.fail(405, 'The method is not allowed for this resource.');
}
