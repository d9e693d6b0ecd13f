import type { JsonObject, SimHypervisor, SimRegion } from './fleet-model.ts';
import { errorResponse } from './service-errors.ts';
import type { ServiceContext } from './sim-context.ts';
import { jsonResponse } from './wire-http.ts';

/** Placement: resource providers (one per compute node, same uuid), inventories and usages. */
const MAX_MINOR = 39;

/** The root document; like every Placement answer it carries the negotiated microversion. */
export function placementVersions(path: string, request: Request, requestId: string): Response | undefined {
  if (path !== '' && path !== '/') return undefined;
  const negotiated = negotiate(request.headers);
  if (typeof negotiated !== 'number') return errorResponse('placement', negotiated.status, negotiated.message, requestId);
  return jsonResponse(
    200,
    { versions: [{ id: 'v1.0', max_version: `1.${MAX_MINOR}`, min_version: '1.0', status: 'CURRENT', links: [{ href: '', rel: 'self' }] }] },
    versionHeaders(negotiated),
  );
}

function versionHeaders(minor: number): Record<string, string> {
  return { 'OpenStack-API-Version': `placement 1.${minor}`, Vary: 'OpenStack-API-Version' };
}

/** GET /resource_providers validates its query string against a schema that allows nothing else (no paging). */
const PROVIDER_LIST_PARAMS = new Set(['name', 'uuid', 'member_of', 'resources', 'in_tree', 'required']);

function negotiate(headers: Headers): number | { status: 400 | 406; message: string } {
  const header = headers.get('OpenStack-API-Version');
  if (header === null) return 0;
  for (const part of header.split(',')) {
    const [service, version] = part.trim().split(/\s+/, 2);
    if (service?.toLowerCase() !== 'placement' || version === undefined) continue;
    if (version === 'latest') return MAX_MINOR;
    const m = /^1\.(\d+)$/.exec(version);
    if (!m) return { status: 400, message: `invalid version string: ${version}` };
    const minor = Number(m[1]);
    if (minor > MAX_MINOR) return { status: 406, message: `Unacceptable version header: ${version}` };
    return minor;
  }
  return 0;
}

function links(uuid: string, minor: number): JsonObject[] {
  const base = `/resource_providers/${uuid}`;
  const out: JsonObject[] = [{ href: base, rel: 'self' }, { href: `${base}/inventories`, rel: 'inventories' }, { href: `${base}/usages`, rel: 'usages' }];
  if (minor >= 1) out.push({ href: `${base}/aggregates`, rel: 'aggregates' });
  if (minor >= 6) out.push({ href: `${base}/traits`, rel: 'traits' });
  if (minor >= 11) out.push({ href: `${base}/allocations`, rel: 'allocations' });
  return out;
}

function provider(h: SimHypervisor, minor: number): JsonObject {
  const v: JsonObject = { generation: h.generation, uuid: h.uuid, links: links(h.uuid, minor), name: h.hostname };
  if (minor >= 14) {
    v.parent_provider_uuid = null;
    v.root_provider_uuid = h.uuid;
  }
  return v;
}

function inventories(h: SimHypervisor): JsonObject {
  const inv = (total: number, ratio: number, reserved: number): JsonObject => ({
    allocation_ratio: ratio, max_unit: total, min_unit: 1, reserved, step_size: 1, total,
  });
  // Zed's initial_{cpu,ram,disk}_allocation_ratio defaults: 4.0, 1.0, 1.0.
  return { DISK_GB: inv(h.localGb, 1.0, 0), MEMORY_MB: inv(h.memoryMb, 1.0, 512), VCPU: inv(h.vcpus, 4.0, 0) };
}

function usages(h: SimHypervisor): JsonObject {
  // memoryMbUsed includes the host's reserved 512 MB, which is not an allocation.
  return { DISK_GB: h.localGbUsed, MEMORY_MB: h.memoryMbUsed - 512, VCPU: h.vcpusUsed };
}

function find(region: SimRegion, uuid: string): SimHypervisor | undefined {
  return region.hypervisors.find((h) => h.uuid === uuid);
}

export function handlePlacement(ctx: ServiceContext): Response {
  const negotiated = negotiate(ctx.request.headers);
  const fail = (status: number, message: string, headers?: Record<string, string>) =>
    errorResponse('placement', status, message, ctx.requestId, headers);
  if (typeof negotiated !== 'number') return fail(negotiated.status, negotiated.message);
  const minor = negotiated;
  const headers = versionHeaders(minor);
  if (!ctx.token.admin) {
    return fail(403, 'Access was denied to this resource.\n\n Policy does not allow placement:resource_providers:list to be performed.  ', headers);
  }
  if (ctx.request.method !== 'GET') return fail(405, 'The simulated cloud only serves reads.', headers);
  const parts = ctx.path.split('/').filter((p) => p !== '');
  const [collection, uuid, sub] = parts;
  if (collection !== 'resource_providers' || parts.length > 3) return fail(404, 'The resource could not be found.', headers);
  if (uuid === undefined) {
    const unexpected = [...ctx.url.searchParams.keys()].find((key) => !PROVIDER_LIST_PARAMS.has(key));
    if (unexpected !== undefined) {
      return fail(400, `Invalid query string parameters: Additional properties are not allowed ('${unexpected}' was unexpected)`, headers);
    }
    const name = ctx.url.searchParams.get('name');
    const wanted = ctx.url.searchParams.get('uuid');
    const list = ctx.region.hypervisors.filter((h) => (name === null || h.hostname === name) && (wanted === null || h.uuid === wanted));
    return jsonResponse(200, { resource_providers: list.map((h) => provider(h, minor)) }, headers);
  }
  const h = find(ctx.region, uuid);
  if (!h) return fail(404, `No resource provider with uuid ${uuid} found`, headers);
  if (sub === undefined) return jsonResponse(200, provider(h, minor), headers);
  if (sub === 'inventories') return jsonResponse(200, { inventories: inventories(h), resource_provider_generation: h.generation }, headers);
  if (sub === 'usages') return jsonResponse(200, { usages: usages(h), resource_provider_generation: h.generation }, headers);
  return fail(404, 'The resource could not be found.', headers);
}
