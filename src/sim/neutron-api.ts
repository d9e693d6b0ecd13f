import type { JsonObject, SimRegion, SimServer } from './fleet-model.ts';
import { linkWith, pageAfter, parseLimit } from './paging.ts';
import { errorResponse } from './service-errors.ts';
import type { ServiceContext } from './sim-context.ts';
import { handleNeutronWrite } from './mutations/neutron-mutations.ts';
import { jsonResponse } from './wire-http.ts';

/** Neutron v2.0 collections, paged the Neutron way (`<plural>_links`, next only when more exist). */
export function neutronVersions(root: string, path: string): Response | undefined {
  if (path !== '' && path !== '/') return undefined;
  return jsonResponse(200, { versions: [{ status: 'CURRENT', id: 'v2.0', links: [{ href: `${root}/v2.0/`, rel: 'self' }] }] });
}

type Collection = { key: string; singular: string; items: (region: SimRegion) => readonly JsonObject[] | readonly number[] };

const COLLECTIONS: Record<string, Collection> = {
  networks: { key: 'networks', singular: 'Network', items: (r) => r.networks },
  subnets: { key: 'subnets', singular: 'Subnet', items: (r) => r.subnets },
  routers: { key: 'routers', singular: 'Router', items: (r) => r.routers },
  ports: { key: 'ports', singular: 'Port', items: (r) => r.portOrder },
  floatingips: { key: 'floatingips', singular: 'Floating IP', items: (r) => r.floatingIps },
  'security-groups': { key: 'security_groups', singular: 'Security group', items: (r) => r.securityGroups },
};

/** Query parameters that steer listing rather than filter on a field. */
const CONTROL_PARAMS = new Set(['limit', 'marker', 'page_reverse', 'fields', 'sort_key', 'sort_dir']);

function serverPort(ctx: ServiceContext, s: SimServer): JsonObject {
  const projectId = ctx.cloud.identity.projects[s.project]?.id ?? '';
  const fixed: JsonObject[] = [{ subnet_id: s.subnetId, ip_address: s.ipv4 }];
  if (s.ipv6 !== null && s.subnet6Id !== null) fixed.push({ subnet_id: s.subnet6Id, ip_address: s.ipv6 });
  const host = ctx.region.hypervisors[s.hypervisor]?.hostname ?? '';
  return {
    id: s.portId,
    name: '',
    network_id: s.networkId,
    project_id: projectId,
    tenant_id: projectId,
    mac_address: s.mac,
    admin_state_up: true,
    status: s.status === 'ACTIVE' ? 'ACTIVE' : 'DOWN',
    device_id: s.id,
    device_owner: `compute:${s.az}`,
    fixed_ips: fixed,
    allowed_address_pairs: [],
    extra_dhcp_opts: [],
    security_groups: [],
    description: '',
    'binding:vnic_type': 'normal',
    'binding:host_id': host,
    'binding:profile': {},
    'binding:vif_type': host === '' ? 'unbound' : 'ovs',
    'binding:vif_details': host === '' ? {} : { port_filter: true, connectivity: 'l2', bridge_name: 'br-int', datapath_type: 'system' },
    port_security_enabled: true,
    dns_name: '',
    dns_assignment: [{ hostname: `host-${s.ipv4.replace(/\./g, '-')}`, ip_address: s.ipv4, fqdn: `host-${s.ipv4.replace(/\./g, '-')}.openstacklocal.` }],
    dns_domain: '',
    ip_allocation: 'immediate',
    data_plane_status: null,
    propagate_uplink_status: false,
    qos_policy_id: null,
    qos_network_policy_id: null,
    binding_vnic_type: 'normal',
    tags: [],
    created_at: s.created,
    updated_at: s.updated,
    revision_number: 4,
  };
}

function portAt(ctx: ServiceContext, ref: number): JsonObject {
  if (ref >= 0) return serverPort(ctx, ctx.region.servers[ref] as SimServer);
  return ctx.region.infraPorts[-1 - ref] as JsonObject;
}

function visible(ctx: ServiceContext, item: JsonObject): boolean {
  if (ctx.token.admin) return true;
  const projectId = ctx.cloud.identity.projects[ctx.token.projectIndex ?? -1]?.id;
  return item.project_id === projectId || item.shared === true || item['router:external'] === true;
}

function matches(item: JsonObject, filters: [string, string][]): boolean {
  return filters.every(([key, value]) => {
    const v = item[key];
    return v !== undefined && (typeof v === 'object' && v !== null ? false : String(v) === value);
  });
}

function fail(ctx: ServiceContext, status: number, message: string, type?: string): Response {
  return errorResponse('network', status, message, ctx.requestId, undefined, type);
}

export function handleNeutron(ctx: ServiceContext): Response | Promise<Response> {
  const parts = ctx.path.split('/').filter((p) => p !== '');
  const [version, name, id] = parts;
  if (ctx.request.method !== 'GET') {
    return version === 'v2.0' && parts.length <= 3 ? handleNeutronWrite(ctx, name, id) : fail(ctx, 404, 'The resource could not be found.');
  }
  const collection = name === undefined ? undefined : COLLECTIONS[name.replace(/\.json$/, '')];
  if (version !== 'v2.0' || !collection || parts.length > 3) {
    return fail(ctx, 404, 'The resource could not be found.');
  }
  const raw = collection.items(ctx.region);
  const isPorts = collection.key === 'ports';
  if (id !== undefined) {
    for (const entry of raw) {
      const item = isPorts ? portAt(ctx, entry as number) : (entry as JsonObject);
      if (item.id === id && visible(ctx, item)) return jsonResponse(200, { [collection.key.replace(/s$/, '')]: item });
    }
    const singular = collection.singular;
    return fail(ctx, 404, `${singular} ${id} could not be found.`, `${singular.replace(/\s/g, '')}NotFound`);
  }
  const params = ctx.url.searchParams;
  const filters: [string, string][] = [];
  params.forEach((value, key) => {
    if (!CONTROL_PARAMS.has(key)) filters.push([key, value]);
  });
  const limit = parseLimit(params.get('limit'));
  if (limit === null) return fail(ctx, 400, `Bad limit request: Limit must be an integer 0 or greater and not '${params.get('limit')}'.`);
  // Neutron filters before paging; without filters and as admin the stored array is paged directly.
  const direct = filters.length === 0 && ctx.token.admin;
  let all: readonly (JsonObject | number)[] = raw;
  if (!direct) {
    all = raw.filter((entry) => {
      const item = isPorts ? portAt(ctx, entry as number) : (entry as JsonObject);
      return visible(ctx, item) && matches(item, filters);
    });
  }
  const idOf = (entry: JsonObject | number): string => {
    if (typeof entry !== 'number') return String(entry.id);
    return entry >= 0 ? (ctx.region.servers[entry]?.portId ?? '') : String(ctx.region.infraPorts[-1 - entry]?.id);
  };
  const paged = limit !== undefined && limit > 0;
  const marker = params.get('marker');
  const page = pageAfter(all, idOf, paged ? marker : null, paged ? limit : all.length);
  if (!page.markerFound) return fail(ctx, 404, `${collection.singular} ${marker} could not be found.`, `${collection.singular.replace(/\s/g, '')}NotFound`);
  const items = page.items.map((entry) => (typeof entry === 'number' ? portAt(ctx, entry) : entry));
  const body: JsonObject = { [collection.key]: items };
  if (paged) {
    const links: JsonObject[] = [];
    const last = items[items.length - 1];
    const first = items[0];
    if (page.more && last) links.push({ href: linkWith(ctx.url, { limit: String(limit), marker: String(last.id) }), rel: 'next' });
    if (marker !== null && first) {
      links.push({ href: linkWith(ctx.url, { limit: String(limit), marker: String(first.id), page_reverse: 'True' }), rel: 'previous' });
    }
    if (links.length > 0) body[`${collection.key}_links`] = links;
  }
  return jsonResponse(200, body);
}
