import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { neutronList, type NeutronListOptions } from './neutron-list.ts';

export const securityGroupRuleSchema = z.object({
  id: z.string(),
  security_group_id: z.string(),
  direction: z.string(), // 'ingress' | 'egress'
  ethertype: z.string(), // 'IPv4' | 'IPv6'
  // null means any
  protocol: z.string().nullable(),
  port_range_min: z.number().nullable(),
  port_range_max: z.number().nullable(),
  remote_ip_prefix: z.string().nullable(),
  remote_group_id: z.string().nullable(),
  remote_address_group_id: z.string().nullable().optional(),
  // null on the rules Neutron creates itself (a project's `default` group).
  description: z.string().nullable().optional(),
});

export const securityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  project_id: z.string(),
  security_group_rules: z.array(securityGroupRuleSchema),
  stateful: z.boolean().optional(),
  shared: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});

export const listSecurityGroupsResponseSchema = z.object({
  security_groups: z.array(securityGroupSchema),
  security_groups_links: linksSchema.optional(),
});

export type SecurityGroup = z.output<typeof securityGroupSchema>;
export type SecurityGroupRule = z.output<typeof securityGroupRuleSchema>;

/** GET /v2.0/security-groups (with their rules), one array per page. */
export function listSecurityGroups(
  http: ServiceHttp,
  options: NeutronListOptions = {},
): AsyncGenerator<SecurityGroup[], void, undefined> {
  return neutronList(
    http,
    'security-groups',
    listSecurityGroupsResponseSchema,
    (page) => ({ items: page.security_groups, next: nextHref(page.security_groups_links) }),
    options,
  );
}
