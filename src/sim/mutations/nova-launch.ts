import type { JsonObject, SimServer } from '../fleet-model.ts';
import type { NovaRequest } from '../nova-api.ts';
import { errorResponse } from '../service-errors.ts';
import { isRecord, jsonResponse, readJson } from '../wire-http.ts';
import { simUuid } from './sim-ids.ts';
import { userKeypairs } from './sim-state.ts';

/**
 * POST /servers as Nova answers it: every reference (image, flavor, network,
 * key pair) checked against this cloud-region before anything is created,
 * 400 with Nova's message when one is unknown, 202 with the new id. The
 * server is ACTIVE at once (real Nova builds it first; the end is the same).
 * One port on the first network requested; its Neutron port is not listed.
 */
function fail(req: NovaRequest, status: number, message: string): Response {
  return errorResponse('compute', status, message, req.ctx.requestId, req.headers);
}

function invalid(req: NovaRequest, field: string, value: unknown, why: string): Response {
  return fail(req, 400, `Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value) ?? 'None'}. ${why}`);
}

function stringMetadata(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return {};
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([key, item]) => typeof item === 'string' && key.length > 0 && key.length <= 255 && item.length <= 255) ? (value as Record<string, string>) : undefined;
}

/** A fixed address in the subnet, past the generated ones (which start low), deterministic in the server count. */
function addressIn(cidr: string, count: number): string {
  const [base = '10.0.0.0'] = cidr.split('/');
  const octets = base.split('.').map(Number);
  return `${octets[0] ?? 10}.${octets[1] ?? 0}.${octets[2] ?? 0}.${200 + (count % 50)}`;
}

function macOf(id: string): string {
  const hex = id.replace(/-/g, '');
  return `fa:16:3e:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
}

export async function createServer(req: NovaRequest, onServersChanged: () => void): Promise<Response> {
  const { ctx, view } = req;
  const body = await readJson(ctx.request);
  const server = isRecord(body) && isRecord(body['server']) ? body['server'] : undefined;
  if (!server) return invalid(req, 'server', undefined, "'server' is a required property");
  const project = ctx.token.projectIndex;
  if (project === null) return fail(req, 403, "Policy doesn't allow os_compute_api:servers:create to be performed.");
  const name = server['name'];
  if (typeof name !== 'string' || name.trim() === '' || name.length > 255) return invalid(req, 'name', name, "'name' is a required property");
  const metadata = stringMetadata(server['metadata']);
  if (!metadata) return invalid(req, 'metadata', server['metadata'], 'Metadata keys and values must be strings of at most 255 characters');

  const imageRef = server['imageRef'];
  const imageIndex = ctx.region.images.findIndex((image) => image['id'] === imageRef);
  const image = ctx.region.images[imageIndex];
  if (typeof imageRef !== 'string' || !image) return fail(req, 400, `Image ${String(imageRef)} could not be found.`);
  if (image['status'] !== 'active') return fail(req, 400, `Image ${imageRef} is not active.`);

  const flavorRef = server['flavorRef'];
  const flavor = ctx.region.flavors.findIndex((f) => f.id === String(flavorRef));
  if (flavor < 0) return fail(req, 400, `Flavor ${String(flavorRef)} could not be found.`);

  const networks = server['networks'];
  if (networks === undefined && view.minor >= 37) return invalid(req, 'server', server, "'networks' is a required property");
  if (networks === 'auto') return fail(req, 400, `Unable to automatically allocate a network for project ${req.projectId}`);
  const requested = Array.isArray(networks) ? networks : [];
  const networkId = isRecord(requested[0]) ? requested[0]['uuid'] : undefined;
  const projectId = req.projectId;
  const network =
    networkId === undefined
      ? undefined
      : ctx.region.networks.find((n) => n['id'] === networkId && (n['project_id'] === projectId || n['shared'] === true || n['router:external'] === true));
  if (requested.length > 0 && !network) return fail(req, 400, `Network ${String(networkId)} could not be found.`);

  const keyName = server['key_name'];
  if (keyName !== undefined && keyName !== null && !userKeypairs(ctx.region, ctx.token.userIndex).some((k) => k.name === keyName)) {
    return fail(req, 400, 'Invalid key_name provided.');
  }

  const hypervisor = Math.max(0, ctx.region.hypervisors.findIndex((h) => h.state === 'up' && h.status === 'enabled'));
  const host = ctx.region.hypervisors[hypervisor];
  const id = simUuid(`server/${ctx.region.cloud}/${ctx.region.region}/${name}/${ctx.region.servers.length}`);
  const subnet = network ? ctx.region.subnets.find((s) => s['network_id'] === network['id'] && s['ip_version'] === 4) : undefined;
  const now = `${new Date().toISOString().slice(0, 19)}Z`;
  const created: SimServer = {
    id,
    name,
    project,
    userId: ctx.cloud.identity.users[ctx.token.userIndex]?.id ?? '',
    status: 'ACTIVE',
    flavor,
    image: imageIndex,
    volumeId: null,
    hypervisor: host ? hypervisor : -1,
    cell: host?.cell ?? 0,
    az: host?.az ?? 'nova',
    created: now,
    updated: now,
    keyName: typeof keyName === 'string' ? keyName : null,
    networkId: network ? String(network['id']) : '',
    networkName: network ? String(network['name']) : '',
    subnetId: subnet ? String(subnet['id']) : '',
    ipv4: subnet ? addressIn(String(subnet['cidr']), ctx.region.servers.length) : '',
    ipv6: null,
    subnet6Id: null,
    mac: macOf(id),
    portId: simUuid(`port/${id}`),
    floatingIp: null,
    hostId: host ? simUuid(`host/${projectId}/${host.hostname}`).replace(/-/g, '') : '',
    securityGroups: ['default'],
    locked: false,
    metadata,
    faultMessage: null,
  };
  ctx.region.servers.push(created);
  onServersChanged();
  const links = [
    { rel: 'self', href: `${view.root}/v2.1/servers/${id}` },
    { rel: 'bookmark', href: `${view.root}/servers/${id}` },
  ];
  const answer: JsonObject = { id, links, 'OS-DCF:diskConfig': 'MANUAL', security_groups: [{ name: 'default' }], adminPass: simUuid(`pass/${id}`).slice(0, 12) };
  return jsonResponse(202, { server: answer }, req.headers);
}
