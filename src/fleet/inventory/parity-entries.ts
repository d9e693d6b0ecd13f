import { extraSpecsText, type Flavor, type Keypair, type SecurityGroup, type SecurityGroupRule } from '../../openstack/index.ts';
import { imageDigest, type ImageRow } from './image-row.ts';
import type { ParityEntry } from './parity-model.ts';

/** Key pairs match by name and differ by fingerprint: same name, another key, is the drift that locks people out. */
export function keypairEntry(keypair: Keypair): ParityEntry {
  return { id: keypair.name, name: keypair.name, fields: [{ id: 'fingerprint', label: 'fingerprint', value: keypair.fingerprint }] };
}

/** Flavors match by name and differ by shape, and by extra specs where the listing carries them (2.61+, as policy allows). */
export function flavorEntry(flavor: Flavor): ParityEntry {
  const specs = flavor.extra_specs;
  return {
    id: flavor.id,
    name: flavor.name,
    fields: [
      { id: 'vcpus', label: 'vCPUs', value: String(flavor.vcpus) },
      { id: 'ram', label: 'RAM', value: `${flavor.ram} MB` },
      { id: 'disk', label: 'disk', value: `${flavor.disk} GB` },
      ...(specs === undefined ? [] : [{ id: 'extra-specs', label: 'extra specs', value: extraSpecsText(specs) || 'none' }]),
    ],
  };
}

/**
 * Images a project would use: public and community ones, and its own. An
 * admin's listing also holds every other project's private images, which
 * are not the fleet's to keep alike. Nameless images (still being created)
 * cannot be matched across clouds.
 */
export function imageEntries(rows: readonly ImageRow[], projectId: string | undefined): ParityEntry[] {
  return rows
    .filter((row) => row.name !== '' && (row.visibility === 'public' || row.visibility === 'community' || row.owner === projectId))
    .map((row) => ({ id: row.id, name: row.name, fields: [{ id: 'checksum', label: 'checksum', value: imageDigest(row) || 'none (no data)' }] }));
}

/**
 * Security groups of the scoped project (an admin lists every project's,
 * and each project has its own `default`), matched by name, compared by
 * their rules. A rule naming a remote group is written with that group's
 * name, since ids differ from cloud to cloud.
 */
export function securityGroupEntries(groups: readonly SecurityGroup[], projectId: string | undefined): ParityEntry[] {
  const names = new Map(groups.map((group) => [group.id, group.name]));
  return groups
    .filter((group) => projectId === undefined || group.project_id === projectId)
    .map((group) => ({
      id: group.id,
      name: group.name,
      fields: [],
      members: [...new Set(group.security_group_rules.map((rule) => describeRule(rule, group.id, names)))].sort(),
    }));
}

/** A rule as one line of text, the same for the same rule in any cloud. */
export function describeRule(rule: SecurityGroupRule, groupId: string, groupNames: ReadonlyMap<string, string>): string {
  const protocol = rule.protocol ?? 'any protocol';
  // For ICMP, Neutron keeps the type and code in the port range fields.
  const icmp = protocol.includes('icmp');
  const ports =
    rule.port_range_min === null && rule.port_range_max === null
      ? ''
      : icmp
        ? ` type ${rule.port_range_min ?? 'any'}${rule.port_range_max === null ? '' : ` code ${rule.port_range_max}`}`
      : rule.port_range_min === rule.port_range_max || rule.port_range_max === null
        ? ` port ${rule.port_range_min}`
        : ` ports ${rule.port_range_min ?? 0}-${rule.port_range_max}`;
  const addressGroup = rule.remote_address_group_id ?? null;
  const remote =
    addressGroup !== null
      ? `address group ${addressGroup}`
      : rule.remote_group_id !== null
        ? rule.remote_group_id === groupId
          ? 'this group'
          : `group ${groupNames.get(rule.remote_group_id) ?? rule.remote_group_id}`
        : (rule.remote_ip_prefix ?? 'anywhere');
  return `${rule.direction} ${rule.ethertype} ${protocol}${ports} ${rule.direction === 'egress' ? 'to' : 'from'} ${remote}`;
}
