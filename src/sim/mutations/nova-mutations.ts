import type { JsonObject, SimKeypair, SimServer } from '../fleet-model.ts';
import type { NovaRequest } from '../nova-api.ts';
import { flavorDetail } from '../nova-views.ts';
import { errorResponse } from '../service-errors.ts';
import { isRecord, jsonResponse, readJson, textResponse } from '../wire-http.ts';
import { isValidSshPublicKey, keyFingerprint } from './key-fingerprint.ts';
import { createServer } from './nova-launch.ts';
import { simUuid } from './sim-ids.ts';
import { isDeleted, markDeleted, serverTags, setServerTags, userKeypairs } from './sim-state.ts';

/**
 * Nova's writes, as Zed answers them: key pairs (import, delete), server
 * lifecycle actions, server delete and tags. State changes at once (real Nova
 * gets there asynchronously; what a client sees at the end is the same).
 */
const KEYPAIR_NAME = /^(?! )[a-zA-Z0-9. _@-]+(?<! )$/;
const MAX_TAGS = 50;

function fail(req: NovaRequest, status: number, message: string): Response {
  return errorResponse('compute', status, message, req.ctx.requestId, req.headers);
}

function empty(req: NovaRequest, status: number): Response {
  return textResponse(status, null, req.headers);
}

function userId(req: NovaRequest): string {
  return req.ctx.cloud.identity.users[req.ctx.token.userIndex]?.id ?? '';
}

function keypairView(req: NovaRequest, k: SimKeypair, extra: JsonObject = {}): JsonObject {
  return { name: k.name, public_key: k.publicKey, fingerprint: k.fingerprint, user_id: userId(req), ...(req.view.minor >= 2 ? { type: k.type } : {}), ...extra };
}

async function createKeypair(req: NovaRequest): Promise<Response> {
  const body = await readJson(req.ctx.request);
  const keypair = isRecord(body) && isRecord(body['keypair']) ? body['keypair'] : undefined;
  if (!keypair) return fail(req, 400, "Invalid input for field/attribute keypair. Value: None. 'keypair' is a required property");
  const name = keypair['name'];
  const publicKey = keypair['public_key'];
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    return fail(req, 400, "Invalid input for field/attribute name. Value: None. 'name' is a required property");
  }
  if (!KEYPAIR_NAME.test(name)) return fail(req, 400, 'Keypair data is invalid: Keypair name contains unsafe characters');
  if (typeof publicKey !== 'string' || publicKey.trim() === '') {
    // Below 2.92 Nova would generate a key pair; the simulator only imports.
    return fail(req, 400, "Invalid input for field/attribute keypair. Value: {}. 'public_key' is a required property");
  }
  const type = keypair['type'] === 'x509' ? 'x509' : 'ssh';
  if (type === 'ssh' && !isValidSshPublicKey(publicKey)) {
    return fail(req, 400, 'Keypair data is invalid: failed to generate fingerprint');
  }
  const mine = userKeypairs(req.ctx.region, req.ctx.token.userIndex);
  if (mine.some((k) => k.name === name)) return fail(req, 409, `Key pair '${name}' already exists.`);
  const created: SimKeypair = { name, publicKey, fingerprint: keyFingerprint(publicKey), type: type as SimKeypair['type'] };
  mine.push(created);
  mine.sort((a, b) => a.name.localeCompare(b.name));
  return jsonResponse(req.view.minor >= 2 ? 201 : 200, { keypair: keypairView(req, created) }, req.headers);
}

export function showKeypair(req: NovaRequest, name: string): Response {
  const found = userKeypairs(req.ctx.region, req.ctx.token.userIndex).find((k) => k.name === name);
  if (!found) return fail(req, 404, `Keypair ${name} not found for user ${userId(req)}`);
  const extra: JsonObject = { created_at: '2026-01-01T00:00:00.000000', deleted: false, deleted_at: null, updated_at: null, id: 1 };
  return jsonResponse(200, { keypair: keypairView(req, found, extra) }, req.headers);
}

function deleteKeypair(req: NovaRequest, name: string): Response {
  const mine = userKeypairs(req.ctx.region, req.ctx.token.userIndex);
  const index = mine.findIndex((k) => k.name === name);
  if (index < 0) return fail(req, 404, `Keypair ${name} not found for user ${userId(req)}`);
  mine.splice(index, 1);
  return empty(req, req.view.minor >= 2 ? 204 : 202);
}

/** The server as this token may see it; deleted servers are gone. */
export function visibleServer(req: NovaRequest, id: string): SimServer | undefined {
  const { ctx, view } = req;
  const server = ctx.region.servers.find((s) => s.id === id && (view.admin || s.project === ctx.token.projectIndex));
  return server && !isDeleted(ctx.region, server) ? server : undefined;
}

function vmState(server: SimServer): string {
  return server.status === 'SHUTOFF' ? 'stopped' : server.status === 'ACTIVE' ? 'active' : server.status.toLowerCase();
}

function conflictState(req: NovaRequest, action: string, server: SimServer): Response {
  return fail(req, 409, `Cannot '${action}' instance ${server.id} while it is in vm_state ${vmState(server)}`);
}

async function serverAction(req: NovaRequest, server: SimServer): Promise<Response> {
  const body = await readJson(req.ctx.request);
  const keys = isRecord(body) ? Object.keys(body) : [];
  const action = keys.length === 1 ? keys[0] : undefined;
  if (server.cell === req.ctx.cloud.downCell) return fail(req, 503, 'NovaException: Cell is not responding and cannot be targeted.');
  const lockedOut = server.locked && !req.view.admin && action !== 'unlock' && action !== 'lock';
  if (lockedOut) return fail(req, 409, `Instance ${server.id} is locked`);
  switch (action) {
    case 'os-stop':
      if (server.status !== 'ACTIVE' && server.status !== 'ERROR') return conflictState(req, 'stop', server);
      server.status = 'SHUTOFF';
      return empty(req, 202);
    case 'os-start':
      if (server.status !== 'SHUTOFF') return conflictState(req, 'start', server);
      server.status = 'ACTIVE';
      return empty(req, 202);
    case 'reboot': {
      const reboot = isRecord(body) && isRecord(body['reboot']) ? body['reboot'] : undefined;
      const type = reboot?.['type'];
      if (type !== 'SOFT' && type !== 'HARD') {
        return fail(req, 400, `Invalid input for field/attribute type. Value: ${String(type)}. '${String(type)}' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']`);
      }
      if (type === 'SOFT' && server.status !== 'ACTIVE') return conflictState(req, 'reboot', server);
      server.status = 'ACTIVE';
      return empty(req, 202);
    }
    case 'lock':
      server.locked = true;
      return empty(req, 202);
    case 'unlock':
      server.locked = false;
      return empty(req, 202);
    default:
      return fail(req, 400, 'There is no such action: ' + (action ?? 'None'));
  }
}

function deleteServer(req: NovaRequest, server: SimServer, onDeleted: () => void): Response {
  if (server.locked && !req.view.admin) return fail(req, 409, `Instance ${server.id} is locked`);
  markDeleted(req.ctx.region, server);
  onDeleted();
  return empty(req, 204);
}

async function replaceTags(req: NovaRequest, server: SimServer): Promise<Response> {
  if (req.view.minor < 26) return fail(req, 404, 'The resource could not be found.');
  const body = await readJson(req.ctx.request);
  const tags = isRecord(body) ? body['tags'] : undefined;
  if (!Array.isArray(tags) || !tags.every((tag): tag is string => typeof tag === 'string' && tag !== '' && tag.length <= 60 && !/[/,]/.test(tag))) {
    return fail(req, 400, "Invalid input for field/attribute tags. Value: None. 'tags' is a required property");
  }
  if (tags.length > MAX_TAGS) return fail(req, 400, `The number of tags exceeded the per-server limit ${MAX_TAGS}`);
  const unique = [...new Set(tags)];
  setServerTags(req.ctx.region, server, unique);
  return jsonResponse(200, { tags: unique }, req.headers);
}

export function tagsOf(req: NovaRequest, server: SimServer): string[] {
  return serverTags(req.ctx.region, server);
}

/**
 * Routes a write below `/v2.1`; `onServerDeleted` (also called on a create)
 * lets the read side drop cached listings. Unknown writes get Nova's 404 (unknown path) or 405.
 */
export async function handleNovaWrite(req: NovaRequest, path: string, onServerDeleted: () => void): Promise<Response> {
  const method = req.ctx.request.method;
  const [a, b, c, d] = path.split('/').filter((part) => part !== '');
  if (a === 'os-keypairs') {
    if (b === undefined && method === 'POST') return createKeypair(req);
    if (b !== undefined && c === undefined && method === 'DELETE') return deleteKeypair(req, decodeURIComponent(b));
    return fail(req, 405, 'The method specified is not allowed for this resource.');
  }
  if (a === 'flavors' && b !== undefined && c === 'os-extra_specs' && d === undefined) {
    return method === 'POST' ? setFlavorExtraSpecs(req, b) : fail(req, 405, 'The method specified is not allowed for this resource.');
  }
  if (a === 'flavors' && b === undefined) {
    return method === 'POST' ? createFlavor(req) : fail(req, 405, 'The method specified is not allowed for this resource.');
  }
  if (a === 'servers' && b === undefined && method === 'POST') return createServer(req, onServerDeleted);
  if (a === 'servers' && b !== undefined && d === undefined) {
    const server = visibleServer(req, b);
    if (!server) return fail(req, 404, `Instance ${b} could not be found.`);
    if (c === undefined && method === 'DELETE') return deleteServer(req, server, onServerDeleted);
    if (c === 'action' && method === 'POST') return serverAction(req, server);
    if (c === 'tags' && method === 'PUT') return replaceTags(req, server);
    return fail(req, 405, 'The method specified is not allowed for this resource.');
  }
  return fail(req, 404, 'The resource could not be found.');
}

function flavorNumber(value: unknown, min: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : undefined;
}

/** POST /flavors (admin): Nova answers 200 with the new flavor, whose id it makes up when none is given. */
export async function createFlavor(req: NovaRequest): Promise<Response> {
  if (!req.view.admin) return fail(req, 403, "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.");
  const body = await readJson(req.ctx.request);
  const flavor = isRecord(body) && isRecord(body['flavor']) ? body['flavor'] : undefined;
  const name = flavor?.['name'];
  if (!flavor || typeof name !== 'string' || name.trim() === '' || name.length > 255) {
    return fail(req, 400, "Invalid input for field/attribute name. Value: None. 'name' is a required property");
  }
  const vcpus = flavorNumber(flavor['vcpus'], 1);
  const ram = flavorNumber(flavor['ram'], 1);
  const disk = flavorNumber(flavor['disk'], 0);
  const ephemeral = flavorNumber(flavor['OS-FLV-EXT-DATA:ephemeral'] ?? 0, 0);
  const swap = flavorNumber(flavor['swap'] ?? 0, 0);
  if (vcpus === undefined || ram === undefined || disk === undefined || ephemeral === undefined || swap === undefined) {
    return fail(req, 400, 'Invalid input for field/attribute flavor: vcpus, ram and disk must be whole numbers (vcpus and ram at least 1).');
  }
  const flavors = req.ctx.region.flavors;
  if (flavors.some((f) => f.name === name)) return fail(req, 409, `Flavor with name ${name} already exists.`);
  const id = typeof flavor['id'] === 'string' && flavor['id'] !== '' ? flavor['id'] : simUuid(`flavor/${req.ctx.region.cloud}/${req.ctx.region.region}/${name}/${flavors.length}`);
  if (flavors.some((f) => f.id === id)) return fail(req, 409, `Flavor with ID ${id} already exists.`);
  const description = typeof flavor['description'] === 'string' ? flavor['description'] : null;
  const created = { id, name, vcpus, ram, disk, ephemeral, swap, isPublic: flavor['os-flavor-access:is_public'] !== false, description, extraSpecs: {} };
  flavors.push(created);
  return jsonResponse(200, { flavor: flavorDetail(req.view, created) }, req.headers);
}

const EXTRA_SPEC_KEY = /^[a-zA-Z0-9-_:. /]{1,255}$/;
const CPU_POLICIES = ['dedicated', 'shared', 'mixed'];

/**
 * POST /flavors/{id}/os-extra_specs (admin): merges the keys into the
 * flavor's extra specs and answers 200 with them, numbers and booleans
 * turned into strings as Nova stores them. From 2.86 Nova validates known
 * keys; the simulator checks `hw:cpu_policy`'s value as an example of it.
 */
async function setFlavorExtraSpecs(req: NovaRequest, flavorId: string): Promise<Response> {
  if (!req.view.admin) return fail(req, 403, "Policy doesn't allow os_compute_api:os-flavor-extra-specs:create to be performed.");
  const flavor = req.ctx.region.flavors.find((f) => f.id === flavorId);
  if (!flavor) return fail(req, 404, `Flavor ${flavorId} could not be found.`);
  const body = await readJson(req.ctx.request);
  const specs = isRecord(body) && isRecord(body['extra_specs']) ? body['extra_specs'] : undefined;
  if (!specs) return fail(req, 400, "Invalid input for field/attribute extra_specs. Value: None. 'extra_specs' is a required property");
  const stored: Record<string, string> = {};
  for (const [key, value] of Object.entries(specs)) {
    if (!EXTRA_SPEC_KEY.test(key)) return fail(req, 400, `Invalid input for field/attribute extra_specs. Value: ${key}. '${key}' does not match any of the regexes`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return fail(req, 400, `Invalid input for field/attribute ${key}. Value: ${JSON.stringify(value)}.`);
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    if (text.length > 255) return fail(req, 400, `Invalid input for field/attribute ${key}. Value: ${text}. '${text}' is too long`);
    if (req.view.minor >= 86 && key === 'hw:cpu_policy' && !CPU_POLICIES.includes(text)) {
      return fail(req, 400, `Validation failed; '${text}' is not one of ${JSON.stringify(CPU_POLICIES)} for extra spec 'hw:cpu_policy'.`);
    }
    stored[key] = text;
  }
  flavor.extraSpecs = { ...flavor.extraSpecs, ...stored };
  return jsonResponse(200, { extra_specs: stored }, req.headers);
}
