import { z } from 'zod';
import { mutationResult, type MutationResult } from '../compute/mutation-result.ts';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { parseBody } from '../parse-body.ts';
import { securityGroupRuleSchema, securityGroupSchema, type SecurityGroup, type SecurityGroupRule } from './list-security-groups.ts';

export const createSecurityGroupResponseSchema = z.object({ security_group: securityGroupSchema });
export const createSecurityGroupRuleResponseSchema = z.object({ security_group_rule: securityGroupRuleSchema });

export interface CreateSecurityGroupOptions {
  signal?: AbortSignal;
}

/** POST /v2.0/security-groups: 201, in the token's project, with Neutron's two default egress rules already in it. */
export async function createSecurityGroup(
  http: ServiceHttp,
  group: { name: string; description: string },
  options: CreateSecurityGroupOptions = {},
): Promise<{ securityGroup: SecurityGroup } & MutationResult> {
  const response = await http.request({ method: 'POST', url: 'security-groups', body: { security_group: group }, signal: options.signal });
  return { securityGroup: parseBody(createSecurityGroupResponseSchema, response.body, bodyContext(http, response)).security_group, ...mutationResult(response) };
}

/** What a rule says, without where it lives: the part a sync copies. */
export interface SecurityGroupRuleSpec {
  direction: string;
  ethertype: string;
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  /** The rule admits the group's own members (remote_group_id = the group itself). */
  remoteSelf: boolean;
  /** The rule admits the members of another group, named: its id differs from cloud to cloud. */
  remoteGroupName?: string;
  /**
   * A remote no name can carry to another cloud: an address group
   * (remote_address_group_id), or a group the caller cannot see. Such a rule
   * is never copied, and never equal to a rule that is.
   */
  remoteOpaque?: string;
  description?: string | null;
}

export interface CreateSecurityGroupRuleOptions extends CreateSecurityGroupOptions {
  /** The id, in this cloud, of the group a rule's `remoteGroupName` names. */
  remoteGroupId?: string;
}

/** POST /v2.0/security-group-rules: 201; an identical rule is refused with 409 (SecurityGroupRuleExists). */
export async function createSecurityGroupRule(
  http: ServiceHttp,
  securityGroupId: string,
  rule: SecurityGroupRuleSpec,
  options: CreateSecurityGroupRuleOptions = {},
): Promise<{ rule: SecurityGroupRule } & MutationResult> {
  if (rule.remoteOpaque !== undefined) throw new Error(`a rule whose remote is ${rule.remoteOpaque} cannot be created elsewhere`);
  if (rule.remoteGroupName !== undefined && options.remoteGroupId === undefined) throw new Error(`the id of remote group ${rule.remoteGroupName} is needed`);
  const body: Record<string, unknown> = {
    security_group_id: securityGroupId,
    direction: rule.direction,
    ethertype: rule.ethertype,
    protocol: rule.protocol,
    port_range_min: rule.port_range_min,
    port_range_max: rule.port_range_max,
    remote_ip_prefix: rule.remote_ip_prefix,
    remote_group_id: rule.remoteSelf ? securityGroupId : rule.remoteGroupName !== undefined ? options.remoteGroupId : null,
  };
  if (rule.description) body['description'] = rule.description;
  const response = await http.request({ method: 'POST', url: 'security-group-rules', body: { security_group_rule: body }, signal: options.signal });
  return { rule: parseBody(createSecurityGroupRuleResponseSchema, response.body, bodyContext(http, response)).security_group_rule, ...mutationResult(response) };
}

/**
 * What a rule says, with a remote group written as its name. `groupNames`
 * maps the ids of the groups the caller can see to their names; a remote
 * group not in it, and an address group, become `remoteOpaque`.
 */
export function ruleSpecOf(rule: SecurityGroupRule, groupNames: ReadonlyMap<string, string> = new Map()): SecurityGroupRuleSpec {
  const spec: SecurityGroupRuleSpec = {
    direction: rule.direction,
    ethertype: rule.ethertype,
    protocol: rule.protocol,
    port_range_min: rule.port_range_min,
    port_range_max: rule.port_range_max,
    remote_ip_prefix: rule.remote_ip_prefix,
    remoteSelf: rule.remote_group_id !== null && rule.remote_group_id === rule.security_group_id,
    description: rule.description,
  };
  const addressGroup = rule.remote_address_group_id ?? null;
  if (addressGroup !== null) spec.remoteOpaque = `address group ${addressGroup}`;
  else if (rule.remote_group_id !== null && !spec.remoteSelf) {
    const name = groupNames.get(rule.remote_group_id);
    if (name === undefined) spec.remoteOpaque = `group ${rule.remote_group_id}`;
    else spec.remoteGroupName = name;
  }
  return spec;
}

function remoteOf(rule: SecurityGroupRuleSpec): string {
  if (rule.remoteSelf) return 'self';
  if (rule.remoteGroupName !== undefined) return `group:${rule.remoteGroupName}`;
  if (rule.remoteOpaque !== undefined) return `opaque:${rule.remoteOpaque}`;
  return '-';
}

/** Two rules admit the same traffic; the description does not count, and a remote group counts by name. */
export function ruleKey(rule: SecurityGroupRuleSpec): string {
  return [rule.direction, rule.ethertype, rule.protocol ?? 'any', rule.port_range_min ?? '*', rule.port_range_max ?? '*', rule.remote_ip_prefix ?? '-', remoteOf(rule)].join('|');
}

/** DELETE /v2.0/security-groups/{id}: 204; Neutron refuses (409) while a port uses the group. */
export async function deleteSecurityGroup(http: ServiceHttp, securityGroupId: string, options: CreateSecurityGroupOptions = {}): Promise<MutationResult> {
  const response = await http.request({ method: 'DELETE', url: `security-groups/${encodeURIComponent(securityGroupId)}`, signal: options.signal });
  return mutationResult(response);
}
