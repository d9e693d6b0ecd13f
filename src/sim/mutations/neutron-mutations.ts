import type { JsonObject } from '../fleet-model.ts';
import { errorResponse } from '../service-errors.ts';
import type { ServiceContext } from '../sim-context.ts';
import { isRecord, jsonResponse, readJson } from '../wire-http.ts';
import { simUuid } from './sim-ids.ts';

/**
 * Neutron's security group writes, as Zed answers them: a new group comes
 * with its two egress rules; an identical rule is refused with 409; a rule's
 * remote group must exist, and cannot come with a remote prefix too.
 */
function fail(ctx: ServiceContext, status: number, message: string, type?: string): Response {
  return errorResponse('network', status, message, ctx.requestId, undefined, type);
}

function projectOf(ctx: ServiceContext): string {
  return ctx.cloud.identity.projects[ctx.token.projectIndex ?? -1]?.id ?? '';
}

function stamp(ctx: ServiceContext): JsonObject {
  const projectId = projectOf(ctx);
  const now = new Date(0).toISOString().replace('.000', '');
  return { project_id: projectId, tenant_id: projectId, created_at: now, updated_at: now, revision_number: 0, tags: [] };
}

function insertById(list: JsonObject[], item: JsonObject): void {
  const index = list.findIndex((other) => String(other.id) > String(item.id));
  if (index < 0) list.push(item);
  else list.splice(index, 0, item);
}

const RULE_FIELDS = ['direction', 'ethertype', 'protocol', 'port_range_min', 'port_range_max', 'remote_ip_prefix', 'remote_group_id'] as const;

function ruleRecord(ctx: ServiceContext, groupId: string, fields: Record<string, unknown>, count: number): JsonObject {
  const prefix = typeof fields['remote_ip_prefix'] === 'string' ? fields['remote_ip_prefix'] : null;
  return {
    ...stamp(ctx),
    id: simUuid(`sg-rule/${ctx.region.cloud}/${ctx.region.region}/${groupId}/${count}`),
    security_group_id: groupId,
    direction: String(fields['direction']),
    ethertype: typeof fields['ethertype'] === 'string' ? fields['ethertype'] : 'IPv4',
    protocol: typeof fields['protocol'] === 'string' ? fields['protocol'] : null,
    port_range_min: typeof fields['port_range_min'] === 'number' ? fields['port_range_min'] : null,
    port_range_max: typeof fields['port_range_max'] === 'number' ? fields['port_range_max'] : null,
    remote_ip_prefix: prefix,
    normalized_cidr: prefix,
    remote_group_id: typeof fields['remote_group_id'] === 'string' ? fields['remote_group_id'] : null,
    remote_address_group_id: null,
    belongs_to_default_sg: false,
    description: typeof fields['description'] === 'string' ? fields['description'] : '',
  };
}

function rulesOf(group: JsonObject): JsonObject[] {
  return group.security_group_rules as JsonObject[];
}

async function createGroup(ctx: ServiceContext): Promise<Response> {
  const body = await readJson(ctx.request);
  const group = isRecord(body) && isRecord(body['security_group']) ? body['security_group'] : undefined;
  const name = group?.['name'];
  if (!group || (name !== undefined && typeof name !== 'string')) return fail(ctx, 400, "Invalid input for operation: 'security_group' must be an object with a string 'name'.", 'HTTPBadRequest');
  if (name === 'default') return fail(ctx, 409, 'Default security group already exists.', 'SecurityGroupDefaultAlreadyExists');
  const groups = ctx.region.securityGroups;
  const id = simUuid(`sg/${ctx.region.cloud}/${ctx.region.region}/${name ?? ''}/${groups.length}`);
  const record: JsonObject = {
    ...stamp(ctx),
    id,
    name: name ?? '',
    description: typeof group['description'] === 'string' ? group['description'] : '',
    stateful: group['stateful'] !== false,
    shared: false,
    security_group_rules: [],
  };
  for (const ethertype of ['IPv4', 'IPv6']) rulesOf(record).push(ruleRecord(ctx, id, { direction: 'egress', ethertype }, rulesOf(record).length));
  insertById(groups, record);
  return jsonResponse(201, { security_group: record });
}

async function createRule(ctx: ServiceContext): Promise<Response> {
  const body = await readJson(ctx.request);
  const fields = isRecord(body) && isRecord(body['security_group_rule']) ? body['security_group_rule'] : undefined;
  if (!fields || (fields['direction'] !== 'ingress' && fields['direction'] !== 'egress')) {
    return fail(ctx, 400, "Invalid input for direction. Reason: 'None' is not in ['ingress', 'egress'].", 'HTTPBadRequest');
  }
  const groupId = fields['security_group_id'];
  const group = ctx.region.securityGroups.find((g) => g.id === groupId && (ctx.token.admin || g.project_id === projectOf(ctx)));
  if (!group) return fail(ctx, 404, `Security group ${String(groupId)} does not exist`, 'SecurityGroupNotFound');
  const remoteGroupId = fields['remote_group_id'];
  if (typeof remoteGroupId === 'string') {
    if (typeof fields['remote_ip_prefix'] === 'string') return fail(ctx, 400, 'Only remote_ip_prefix or remote_group_id may be provided.', 'SecurityGroupRemoteGroupAndRemoteIpPrefix');
    // Neutron looks the remote group up as the caller: another project's group is as absent as a made-up id.
    if (!ctx.region.securityGroups.some((g) => g.id === remoteGroupId && (ctx.token.admin || g.project_id === projectOf(ctx)))) {
      return fail(ctx, 404, `Security group ${remoteGroupId} does not exist`, 'SecurityGroupNotFound');
    }
  }
  const rules = rulesOf(group);
  const candidate = ruleRecord(ctx, String(groupId), fields, rules.length);
  const same = rules.find((rule) => RULE_FIELDS.every((field) => rule[field] === candidate[field]));
  if (same) return fail(ctx, 409, `Security group rule already exists. Rule id is ${String(same.id)}.`, 'SecurityGroupRuleExists');
  rules.push(candidate);
  return jsonResponse(201, { security_group_rule: candidate });
}

/** POSTs below `/v2.0`; other writes are not simulated. */
export async function handleNeutronWrite(ctx: ServiceContext, collection: string | undefined, id: string | undefined): Promise<Response> {
  if (ctx.request.method === 'POST' && id === undefined) {
    if (collection === 'security-groups') return createGroup(ctx);
    if (collection === 'security-group-rules') return createRule(ctx);
  }
  if (ctx.request.method === 'DELETE' && collection === 'security-groups' && id !== undefined) return deleteGroup(ctx, id);
  return fail(ctx, 405, 'The simulated cloud does not serve this write.', 'HTTPMethodNotAllowed');
}

function deleteGroup(ctx: ServiceContext, id: string): Response {
  const groups = ctx.region.securityGroups;
  const index = groups.findIndex((g) => g.id === id && (ctx.token.admin || g.project_id === projectOf(ctx)));
  if (index < 0) return fail(ctx, 404, `Security group ${id} does not exist`, 'SecurityGroupNotFound');
  if (groups[index]?.name === 'default') return fail(ctx, 409, 'Removing default security group not allowed.', 'SecurityGroupCannotRemoveDefault');
  groups.splice(index, 1);
  return new Response(null, { status: 204 });
}
