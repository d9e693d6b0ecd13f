import type { Json, JsonObject, SimQuota, SimRegion, SimServer } from './fleet-model.ts';
import { microversionHeaders, negotiateMicroversion, NOVA_MAX_VERSION } from './nova-microversion.ts';
import type { ViewContext } from './nova-views.ts';
import { flavorDetail, hypervisorDetail, instanceActionsView, serverDetail, serverSummary, serverUnknown, serviceView, volumeAttachmentsView } from './nova-views.ts';
import { linkWith, pageAfter, parseLimit } from './paging.ts';
import { errorResponse } from './service-errors.ts';
import type { ServiceContext } from './sim-context.ts';
import { handleNovaWrite, showKeypair } from './mutations/nova-mutations.ts';
import { isDeleted, userKeypairs } from './mutations/sim-state.ts';
import { jsonResponse, textResponse } from './wire-http.ts';

/** Nova v2.1: the read side a console needs. */
const MAX_LIMIT = 1000;

function versionEntry(root: string): JsonObject {
  return {
    id: 'v2.1',
    status: 'CURRENT',
    version: NOVA_MAX_VERSION,
    min_version: '2.1',
    updated: '2013-07-23T11:33:21Z',
    links: [
      { href: `${root}/v2.1/`, rel: 'self' },
      { href: 'http://docs.openstack.org/', rel: 'describedby', type: 'text/html' },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
  };
}

/** The legacy v2.0 API, still listed by Zed: its empty `version` says it has no microversions. */
function legacyEntry(root: string): JsonObject {
  return { id: 'v2.0', status: 'SUPPORTED', version: '', min_version: '', updated: '2011-01-21T11:33:21Z', links: [{ rel: 'self', href: `${root}/v2/` }] };
}

/**
 * The unauthenticated version documents at `/compute` and `/compute/v2.1`.
 * The second is a v2.1 request like any other: it negotiates the microversion.
 */
export function novaVersions(root: string, path: string, request: Request, requestId: string): Response | undefined {
  if (path === '' || path === '/') {
    // The root's entries carry only their self link.
    const { 'media-types': _, ...entry } = versionEntry(root);
    return jsonResponse(200, { versions: [legacyEntry(root), { ...entry, links: [{ href: `${root}/v2.1/`, rel: 'self' }] }] });
  }
  if (path !== '/v2.1' && path !== '/v2.1/') return undefined;
  const mv = negotiateMicroversion(request.headers);
  const headers = { 'X-Compute-Request-Id': requestId, ...(mv.ok ? microversionHeaders(mv.minor) : mv.headers) };
  if (!mv.ok) return errorResponse('compute', mv.status, mv.message, requestId, headers);
  return jsonResponse(200, { version: versionEntry(root) }, headers);
}

export interface NovaRequest {
  ctx: ServiceContext;
  view: ViewContext;
  headers: Record<string, string>;
  projectId: string;
}

function fail(req: NovaRequest, status: number, message: string): Response {
  return errorResponse('compute', status, message, req.ctx.requestId, req.headers);
}

function forbidden(req: NovaRequest, rule: string): Response {
  return fail(req, 403, `Policy doesn't allow ${rule} to be performed.`);
}

type Paged<T> = { items: T[]; next: string | null } | Response;

/** Nova paging: a next link whenever a page is full, even if nothing follows (as real Nova does). */
function novaPage<T>(req: NovaRequest, all: readonly T[], idOf: (item: T) => string): Paged<T> {
  const { url } = req.ctx;
  const limit = parseLimit(url.searchParams.get('limit'));
  if (limit === null) return fail(req, 400, "Invalid input for query parameters limit. Value: " + url.searchParams.get('limit') + ". 'limit' does not match '^[0-9]*$'");
  const effective = Math.min(limit ?? MAX_LIMIT, MAX_LIMIT);
  const marker = url.searchParams.get('marker');
  const page = pageAfter(all, idOf, marker, effective);
  if (!page.markerFound) return fail(req, 400, `marker [${marker}] not found`);
  req.ctx.servedItems(page.items.length);
  const last = page.items[page.items.length - 1];
  const next = effective > 0 && page.items.length === effective && last !== undefined ? linkWith(url, { limit: String(effective), marker: idOf(last) }) : null;
  return { items: page.items, next };
}

function withLinks(key: string, items: Json[], next: string | null): JsonObject {
  const body: JsonObject = { [key]: items };
  if (next !== null) body[`${key}_links`] = [{ href: next, rel: 'next' }];
  return body;
}

const serverLists = new WeakMap<SimRegion, Map<string, SimServer[]>>();

/** Server arrays per visibility, cached so paging markers index a stable array. */
function visibleServers(region: SimRegion, project: number | null, dropCell: number | null): SimServer[] {
  let cache = serverLists.get(region);
  if (!cache) {
    cache = new Map();
    serverLists.set(region, cache);
  }
  const key = `${project ?? '*'}|${dropCell ?? '-'}`;
  let list = cache.get(key);
  if (!list) {
    list = region.servers.filter((s) => (project === null || s.project === project) && s.cell !== dropCell && !isDeleted(region, s));
    cache.set(key, list);
  }
  return list;
}

function listServers(req: NovaRequest, detail: boolean): Response {
  const { ctx, view } = req;
  const params = ctx.url.searchParams;
  const allTenants = ['1', 'true', 'True', ''].includes(params.get('all_tenants') ?? 'no');
  if (allTenants && !view.admin) return forbidden(req, `os_compute_api:servers:${detail ? 'detail' : 'index'}:get_all_tenants`);
  let project: number | null = ctx.token.projectIndex;
  if (allTenants) {
    const wanted = params.get('project_id') ?? params.get('tenant_id');
    project = wanted === null ? null : ctx.cloud.identity.projects.findIndex((p) => p.id === wanted);
  }
  const downCell = ctx.cloud.downCell;
  const partial = downCell !== null && view.minor >= 69;
  let servers = visibleServers(ctx.region, project, partial ? null : downCell);
  const status = params.get('status');
  const name = params.get('name');
  const host = view.admin ? params.get('host') : null;
  if (status !== null || name !== null || host !== null) {
    servers = servers.filter(
      (s) =>
        (status === null || s.status === status.toUpperCase()) &&
        (name === null || s.name.includes(name)) &&
        (host === null || ctx.region.hypervisors[s.hypervisor]?.hostname === host),
    );
  }
  const page = novaPage(req, servers, (s) => s.id);
  if (page instanceof Response) return page;
  const items = page.items.map((s) =>
    partial && s.cell === downCell ? serverUnknown(view, s) : detail ? serverDetail(view, s) : serverSummary(view, s),
  );
  const text = JSON.stringify(withLinks('servers', items, page.next));
  if (detail && ctx.cloud.malformed) {
    // A proxy cut the body short: the status is fine, the JSON is not.
    return textResponse(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), req.headers);
  }
  return textResponse(200, text, req.headers);
}

function showServer(req: NovaRequest, id: string): Response {
  const { ctx, view } = req;
  const s = ctx.region.servers.find((x) => x.id === id && (view.admin || x.project === ctx.token.projectIndex) && !isDeleted(ctx.region, x));
  if (!s) return fail(req, 404, `Instance ${id} could not be found.`);
  if (s.cell === ctx.cloud.downCell) {
    if (view.minor >= 69) return jsonResponse(200, { server: serverUnknown(view, s) }, req.headers);
    return fail(req, 503, 'NovaException: Cell is not responding and cannot be targeted.');
  }
  return jsonResponse(200, { server: serverDetail(view, s) }, req.headers);
}

function listFlavors(req: NovaRequest, detail: boolean): Response {
  const { ctx, view } = req;
  const isPublic = (ctx.url.searchParams.get('is_public') ?? 'true').toLowerCase();
  const flavors = ctx.region.flavors.filter((f) => (view.admin && isPublic === 'none') || f.isPublic === (isPublic !== 'false'));
  const page = novaPage(req, flavors, (f) => f.id);
  if (page instanceof Response) return page;
  const items = page.items.map((f) =>
    detail ? flavorDetail(view, f) : { id: f.id, name: f.name, links: flavorDetail(view, f).links ?? [], ...(view.minor >= 55 ? { description: f.description } : {}) },
  );
  return jsonResponse(200, withLinks('flavors', items, page.next), req.headers);
}

function listKeypairs(req: NovaRequest): Response {
  const { ctx, view } = req;
  // Keypairs belong to users; the generated keypairs belong to the admin user.
  const mine = userKeypairs(ctx.region, ctx.token.userIndex);
  const wrap = (k: (typeof mine)[number]): JsonObject => ({
    keypair: { name: k.name, public_key: k.publicKey, fingerprint: k.fingerprint, ...(view.minor >= 2 ? { type: k.type } : {}) },
  });
  if (view.minor < 35) return jsonResponse(200, { keypairs: mine.map(wrap) }, req.headers);
  const page = novaPage(req, mine, (k) => k.name);
  if (page instanceof Response) return page;
  return jsonResponse(200, withLinks('keypairs', page.items.map(wrap), page.next), req.headers);
}

function availabilityZones(req: NovaRequest, detail: boolean): Response {
  const { ctx, view } = req;
  if (detail && !view.admin) return forbidden(req, 'os_compute_api:os-availability-zone:detail');
  const region = ctx.region;
  const computeAzs = region.azs.filter((az) => region.services.some((s) => s.binary === 'nova-compute' && s.zone === az));
  const zoneAvailable = (az: string) => region.services.some((s) => s.zone === az && s.binary === 'nova-compute' && s.state === 'up' && s.status === 'enabled');
  if (!detail) {
    return jsonResponse(200, { availabilityZoneInfo: computeAzs.map((az) => ({ zoneName: az, zoneState: { available: zoneAvailable(az) }, hosts: null })) }, req.headers);
  }
  const hostsIn = (zone: string): JsonObject => {
    const hosts: JsonObject = {};
    for (const s of region.services) {
      if (s.zone !== zone || s.cell === ctx.cloud.downCell) continue;
      const entry = (hosts[s.host] ?? {}) as JsonObject;
      entry[s.binary] = { available: s.state === 'up', active: s.status === 'enabled', updated_at: s.updatedAt.replace('Z', '.000000') };
      hosts[s.host] = entry;
    }
    return hosts;
  };
  const zones = [
    { zoneName: 'internal', zoneState: { available: true }, hosts: hostsIn('internal') },
    ...computeAzs.map((az) => ({ zoneName: az, zoneState: { available: zoneAvailable(az) }, hosts: hostsIn(az) })),
  ];
  return jsonResponse(200, { availabilityZoneInfo: zones }, req.headers);
}

function listAggregates(req: NovaRequest): Response {
  const { ctx, view } = req;
  if (!view.admin) return forbidden(req, 'os_compute_api:os-aggregates:index');
  const aggregates = ctx.region.aggregates.map((a) => ({
    availability_zone: a.az,
    created_at: a.createdAt.replace('Z', '.000000'),
    deleted: false,
    deleted_at: null,
    hosts: a.hosts,
    id: a.id,
    metadata: a.metadata,
    name: a.name,
    updated_at: null,
    ...(view.minor >= 41 ? { uuid: a.uuid } : {}),
  }));
  return jsonResponse(200, { aggregates }, req.headers);
}

function listHypervisors(req: NovaRequest, detail: boolean): Response {
  const { ctx, view } = req;
  if (!view.admin) return forbidden(req, `os_compute_api:os-hypervisors:${detail ? 'list-detail' : 'list'}`);
  const hypervisors = ctx.region.hypervisors.filter((h) => h.cell !== ctx.cloud.downCell);
  const render = (h: (typeof hypervisors)[number]): JsonObject => {
    if (detail) return hypervisorDetail(view, h);
    return { id: view.minor >= 53 ? h.uuid : h.id, hypervisor_hostname: h.hostname, state: h.state, status: h.status };
  };
  if (view.minor < 33) return jsonResponse(200, { hypervisors: hypervisors.map(render) }, req.headers);
  const page = novaPage(req, hypervisors, (h) => (view.minor >= 53 ? h.uuid : String(h.id)));
  if (page instanceof Response) return page;
  return jsonResponse(200, withLinks('hypervisors', page.items.map(render), page.next), req.headers);
}

function listServices(req: NovaRequest): Response {
  const { ctx, view } = req;
  if (!view.admin) return forbidden(req, 'os_compute_api:os-services:list');
  const host = ctx.url.searchParams.get('host');
  const binary = ctx.url.searchParams.get('binary');
  const services: JsonObject[] = [];
  for (const s of ctx.region.services) {
    if ((host !== null && s.host !== host) || (binary !== null && s.binary !== binary)) continue;
    if (s.cell === ctx.cloud.downCell && s.cell !== 0) {
      if (view.minor >= 69) services.push({ binary: s.binary, host: s.host, status: 'UNKNOWN' });
      continue;
    }
    services.push(serviceView(view, s));
  }
  return jsonResponse(200, { services }, req.headers);
}

function quotaFor(req: NovaRequest, projectId: string): SimQuota | undefined {
  const index = req.ctx.cloud.identity.projects.findIndex((p) => p.id === projectId);
  return req.ctx.region.quotas[index];
}

function limits(req: NovaRequest): Response {
  const { view } = req;
  const q = quotaFor(req, req.projectId);
  const absolute: JsonObject = {
    maxServerMeta: 128,
    maxTotalCores: q?.cores ?? 20,
    maxTotalInstances: q?.instances ?? 10,
    maxTotalKeypairs: q?.keyPairs ?? 100,
    maxTotalRAMSize: q?.ram ?? 51200,
    maxServerGroups: 10,
    maxServerGroupMembers: 10,
    totalCoresUsed: q?.used.cores ?? 0,
    totalInstancesUsed: q?.used.instances ?? 0,
    totalRAMUsed: q?.used.ram ?? 0,
    totalServerGroupsUsed: 0,
  };
  if (view.minor < 39) absolute.maxImageMeta = 128;
  if (view.minor < 57) Object.assign(absolute, { maxPersonality: 5, maxPersonalitySize: 10240 });
  if (view.minor < 36) {
    Object.assign(absolute, { maxSecurityGroupRules: -1, maxSecurityGroups: -1, maxTotalFloatingIps: -1, totalSecurityGroupsUsed: 0, totalFloatingIpsUsed: 0 });
  }
  return jsonResponse(200, { limits: { absolute, rate: [] } }, req.headers);
}

function quotaSet(req: NovaRequest, projectId: string, detail: boolean): Response {
  const { view, ctx } = req;
  if (!view.admin && projectId !== req.projectId) return forbidden(req, 'os_compute_api:os-quota-sets:show');
  // Nova does not check the project exists: unknown ids get the defaults.
  const q = quotaFor(req, projectId);
  const keyPairsUsed = ctx.token.userIndex === 0 ? ctx.region.keypairs.length : 0;
  const values: [string, number, number][] = [
    ['cores', q?.cores ?? 20, q?.used.cores ?? 0],
    ['instances', q?.instances ?? 10, q?.used.instances ?? 0],
    ['key_pairs', q?.keyPairs ?? 100, keyPairsUsed],
    ['metadata_items', 128, 0],
    ['ram', q?.ram ?? 51200, q?.used.ram ?? 0],
    ['server_groups', 10, 0],
    ['server_group_members', 10, 0],
  ];
  if (view.minor < 57) values.push(['injected_file_content_bytes', 10240, 0], ['injected_file_path_bytes', 255, 0], ['injected_files', 5, 0]);
  if (view.minor < 36) values.push(['fixed_ips', -1, 0], ['floating_ips', -1, 0], ['security_group_rules', -1, 0], ['security_groups', -1, 0]);
  const set: JsonObject = { id: projectId };
  for (const [key, limit, used] of values) set[key] = detail ? { in_use: used, limit, reserved: 0 } : limit;
  return jsonResponse(200, { quota_set: set }, req.headers);
}

/** The server a sub-resource request names, as show finds it; a 404 like Nova's otherwise. */
function serverFor(req: NovaRequest, id: string): SimServer | Response {
  const { ctx, view } = req;
  const s = ctx.region.servers.find((x) => x.id === id && (view.admin || x.project === ctx.token.projectIndex) && !isDeleted(ctx.region, x));
  return s ?? fail(req, 404, `Instance ${id} could not be found.`);
}

function serverVolumeAttachments(req: NovaRequest, id: string): Response {
  const s = serverFor(req, id);
  if (s instanceof Response) return s;
  return jsonResponse(200, { volumeAttachments: volumeAttachmentsView(req.view.minor, s) }, req.headers);
}

/** Paged by request id from 2.58, with a `links` list (not `instanceActions_links`). */
function serverInstanceActions(req: NovaRequest, id: string): Response {
  const s = serverFor(req, id);
  if (s instanceof Response) return s;
  const actions = instanceActionsView(req.view, s);
  if (req.view.minor < 58) return jsonResponse(200, { instanceActions: actions }, req.headers);
  const page = novaPage(req, actions, (action) => String(action.request_id));
  if (page instanceof Response) return page;
  const body: JsonObject = { instanceActions: page.items };
  if (page.next !== null) body.links = [{ href: page.next, rel: 'next' }];
  return jsonResponse(200, body, req.headers);
}

/**
 * POST /servers/{id}/remote-consoles (2.6+): a noVNC URL with a fresh token,
 * as Nova gives for a running server; the simulated fleet has no VNC proxy
 * behind it, so opening the URL shows nothing.
 */
async function createRemoteConsole(req: NovaRequest, id: string): Promise<Response> {
  if (req.view.minor < 6) return fail(req, 404, 'The resource could not be found.');
  const s = serverFor(req, id);
  if (s instanceof Response) return s;
  const body = (await req.ctx.request.json().catch(() => null)) as { remote_console?: { protocol?: unknown; type?: unknown } } | null;
  const wanted = body?.remote_console;
  if (wanted?.protocol !== 'vnc' || wanted.type !== 'novnc') return fail(req, 400, 'Unavailable console type: only vnc/novnc is enabled in this cloud.');
  if (s.status !== 'ACTIVE') return fail(req, 409, `Instance ${id} is not ready.`);
  const token = crypto.randomUUID();
  const url = `${new URL(req.view.root).origin}/vnc/vnc_auto.html?path=%3Ftoken%3D${token}`;
  return jsonResponse(200, { remote_console: { protocol: 'vnc', type: 'novnc', url } }, req.headers);
}

function route(req: NovaRequest, path: string): Response {
  const parts = path.split('/').filter((p) => p !== '');
  const [a, b, c] = parts;
  if (parts.length > 3) return fail(req, 404, 'The resource could not be found.');
  switch (a) {
    case 'servers':
      if (b === undefined) return listServers(req, false);
      if (b === 'detail' && c === undefined) return listServers(req, true);
      if (c === undefined) return showServer(req, b);
      if (c === 'os-volume_attachments') return serverVolumeAttachments(req, b);
      if (c === 'os-instance-actions') return serverInstanceActions(req, b);
      break;
    case 'flavors':
      if (b === undefined) return listFlavors(req, false);
      if (b === 'detail' && c === undefined) return listFlavors(req, true);
      if (c === undefined) {
        const f = req.ctx.region.flavors.find((x) => x.id === b);
        return f ? jsonResponse(200, { flavor: flavorDetail(req.view, f) }, req.headers) : fail(req, 404, `Flavor ${b} could not be found.`);
      }
      if (c === 'os-extra_specs') {
        const f = req.ctx.region.flavors.find((x) => x.id === b);
        return f ? jsonResponse(200, { extra_specs: f.extraSpecs }, req.headers) : fail(req, 404, `Flavor ${b} could not be found.`);
      }
      break;
    case 'os-keypairs':
      if (b === undefined) return listKeypairs(req);
      if (c === undefined) return showKeypair(req, decodeURIComponent(b));
      break;
    case 'os-availability-zone':
      if (b === undefined) return availabilityZones(req, false);
      if (b === 'detail' && c === undefined) return availabilityZones(req, true);
      break;
    case 'os-aggregates':
      if (b === undefined) return listAggregates(req);
      break;
    case 'os-hypervisors':
      if (b === undefined) return listHypervisors(req, false);
      if (b === 'detail' && c === undefined) return listHypervisors(req, true);
      break;
    case 'os-services':
      if (b === undefined) return listServices(req);
      break;
    case 'limits':
      if (b === undefined) return limits(req);
      break;
    case 'os-quota-sets':
      if (b !== undefined && c === undefined) return quotaSet(req, b, false);
      if (b !== undefined && c === 'detail') return quotaSet(req, b, true);
      break;
  }
  return fail(req, 404, 'The resource could not be found.');
}

/** Authenticated Nova requests below `/v2.1`. */
export function handleNova(ctx: ServiceContext): Response | Promise<Response> {
  const mv = negotiateMicroversion(ctx.request.headers);
  const requestHeaders: Record<string, string> = { 'X-Compute-Request-Id': ctx.requestId };
  if (!mv.ok) return errorResponse('compute', mv.status, mv.message, ctx.requestId, { ...requestHeaders, ...mv.headers });
  const headers = { ...requestHeaders, ...microversionHeaders(mv.minor) };
  const projectIds = ctx.cloud.identity.projects.map((p) => p.id);
  const req: NovaRequest = {
    ctx,
    headers,
    projectId: projectIds[ctx.token.projectIndex ?? -1] ?? '',
    view: { root: ctx.root, minor: mv.minor, admin: ctx.token.admin, region: ctx.region, projectIds },
  };
  if (!ctx.path.startsWith('/v2.1/')) return fail(req, 404, 'The resource could not be found.');
  const consoleOf = /^\/v2\.1\/servers\/([^/]+)\/remote-consoles$/.exec(ctx.path);
  if (consoleOf && ctx.request.method === 'POST') return createRemoteConsole(req, decodeURIComponent(consoleOf[1] ?? ''));
  if (ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD') {
    return handleNovaWrite(req, ctx.path.slice('/v2.1'.length), () => serverLists.delete(ctx.region));
  }
  return route(req, ctx.path.slice('/v2.1'.length));
}
