import type { JsonObject, SimRegion } from './fleet-model.ts';
import { pageAfter, parseLimit } from './paging.ts';
import { advanceImports, stampDefaultStore } from './mutations/glance-import.ts';
import { handleGlanceWrite } from './mutations/glance-mutations.ts';
import { errorResponse, webobErrorPage } from './service-errors.ts';
import type { ServiceContext } from './sim-context.ts';
import { jsonResponse } from './wire-http.ts';

/** Glance v2 images: relative `next`/`first` links, default page of 25, newest first. */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;
const CURRENT_MINOR = 16;

/** Glance's root (and `/versions`) answers 300 Multiple Choices with every v2.x it speaks. */
export function glanceVersions(root: string, path: string): Response | undefined {
  if (path !== '' && path !== '/' && path !== '/versions') return undefined;
  const versions = [];
  for (let minor = CURRENT_MINOR; minor >= 0; minor--) {
    versions.push({ id: `v2.${minor}`, status: minor === CURRENT_MINOR ? 'CURRENT' : 'SUPPORTED', links: [{ href: `${root}/v2/`, rel: 'self' }] });
  }
  return jsonResponse(path === '/versions' ? 200 : 300, { versions });
}

const visibleCache = new WeakMap<SimRegion, Map<string, JsonObject[]>>();

/** Images a project sees without a visibility filter: public ones and its own (admins see all). */
function visibleImages(region: SimRegion, projectId: string | null): JsonObject[] {
  if (projectId === null) return region.images;
  let cache = visibleCache.get(region);
  if (!cache) {
    cache = new Map();
    visibleCache.set(region, cache);
  }
  let list = cache.get(projectId);
  if (!list) {
    list = region.images.filter((img) => img.visibility === 'public' || img.owner === projectId);
    cache.set(projectId, list);
  }
  return list;
}

const FILTERS = ['visibility', 'name', 'status', 'owner', 'os_distro', 'disk_format'] as const;

export function handleGlance(ctx: ServiceContext): Response | Promise<Response> {
  const wantsJson = (ctx.request.headers.get('Accept') ?? '').includes('application/json');
  const fail = (status: number, message: string) =>
    wantsJson ? errorResponse('image', status, message, ctx.requestId) : webobErrorPage(status, message);
  const parts = ctx.path.split('/').filter((p) => p !== '');
  const projectId = ctx.token.admin ? null : (ctx.cloud.identity.projects[ctx.token.projectIndex ?? -1]?.id ?? '');
  stampDefaultStore(ctx);
  if (ctx.request.method === 'GET') advanceImports(ctx.region);
  const write = handleGlanceWrite(
    { ctx, projectId, visible: () => visibleImages(ctx.region, projectId), changed: () => visibleCache.delete(ctx.region), fail },
    parts,
  );
  if (write) return write;
  if (ctx.request.method !== 'GET') return fail(405, 'The method is not allowed for this resource.');
  const [version, collection, id] = parts;
  if (version !== 'v2' || collection !== 'images' || parts.length > 3) return fail(404, 'The resource could not be found.');
  let images = visibleImages(ctx.region, projectId);
  if (id !== undefined) {
    const image = images.find((img) => img.id === id);
    return image ? jsonResponse(200, image) : fail(404, `No image found with ID ${id}`);
  }
  const params = ctx.url.searchParams;
  const filters = FILTERS.flatMap((key) => {
    const value = params.get(key);
    return value === null || (key === 'visibility' && value === 'all') ? [] : [[key, value] as const];
  });
  if (filters.length > 0) images = images.filter((img) => filters.every(([key, value]) => String(img[key]) === value));
  const limitParam = parseLimit(params.get('limit'));
  if (limitParam === null) return fail(400, 'limit param must be an integer');
  const limit = Math.min(limitParam ?? DEFAULT_LIMIT, MAX_LIMIT);
  const marker = params.get('marker');
  const page = pageAfter(images, (img) => String(img.id), marker, limit);
  if (!page.markerFound) return fail(400, `Invalid marker. Image ${marker} could not be found.`);
  const query = new URLSearchParams(params);
  query.delete('marker');
  const rest = query.toString();
  const body: JsonObject = { images: page.items, first: rest === '' ? '/v2/images' : `/v2/images?${rest}`, schema: '/v2/schemas/images' };
  const last = page.items[page.items.length - 1];
  // Glance offers a next page whenever the page is full.
  if (last && page.items.length === limit) {
    query.set('marker', String(last.id));
    body.next = `/v2/images?${query.toString()}`;
  }
  return jsonResponse(200, body);
}
