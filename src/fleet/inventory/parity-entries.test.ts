import { describe, expect, it } from 'vitest';
import type { Flavor, SecurityGroup, SecurityGroupRule } from '../../openstack/index.ts';
import { differencesOf } from './parity-matrix.ts';
import { describeRule, flavorEntry, imageEntries, securityGroupEntries } from './parity-entries.ts';
import { fakeImageRow } from './testing/fake-image-row.ts';

const rule = (change: Partial<SecurityGroupRule>): SecurityGroupRule => ({
  id: 'r',
  security_group_id: 'g',
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: null,
  port_range_min: null,
  port_range_max: null,
  remote_ip_prefix: null,
  remote_group_id: null,
  ...change,
});
const group = (id: string, name: string, projectId: string, rules: SecurityGroupRule[]): SecurityGroup => ({
  id,
  name,
  description: '',
  project_id: projectId,
  security_group_rules: rules,
});

describe('describeRule', () => {
  it('writes a rule the same way in every cloud', () => {
    const names = new Map([['other-id', 'web']]);
    expect(describeRule(rule({ protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' }), 'g', names)).toBe(
      'ingress IPv4 tcp port 443 from 0.0.0.0/0',
    );
    expect(describeRule(rule({ protocol: 'udp', port_range_min: 1000, port_range_max: 2000 }), 'g', names)).toBe('ingress IPv4 udp ports 1000-2000 from anywhere');
    expect(describeRule(rule({ direction: 'egress', ethertype: 'IPv6' }), 'g', names)).toBe('egress IPv6 any protocol to anywhere');
    expect(describeRule(rule({ remote_group_id: 'g' }), 'g', names)).toBe('ingress IPv4 any protocol from this group');
    expect(describeRule(rule({ remote_group_id: 'other-id' }), 'g', names)).toBe('ingress IPv4 any protocol from group web');
    // An address group's rule admits its addresses, not anywhere.
    expect(describeRule(rule({ remote_address_group_id: 'ag-1' }), 'g', names)).toBe('ingress IPv4 any protocol from address group ag-1');
    expect(describeRule(rule({ protocol: 'icmp', port_range_min: 8, port_range_max: 0 }), 'g', names)).toBe('ingress IPv4 icmp type 8 code 0 from anywhere');
  });
});

describe('securityGroupEntries', () => {
  it('keeps the scoped project’s groups, rules as a set of lines', () => {
    const groups = [
      group('g1', 'default', 'p-demo', [rule({ remote_group_id: 'g1' }), rule({ remote_group_id: 'g1', id: 'dup' })]),
      group('g2', 'default', 'p-admin', []),
    ];
    const entries = securityGroupEntries(groups, 'p-demo');
    expect(entries).toEqual([{ id: 'g1', name: 'default', fields: [], members: ['ingress IPv4 any protocol from this group'] }]);
  });
});

describe('imageEntries', () => {
  it('compares what the project would use: public, community and its own, by checksum', () => {
    const rows = [
      fakeImageRow({ id: 'pub', name: 'cirros', checksum: 'aa' }),
      fakeImageRow({ id: 'own', name: 'snap', visibility: 'private', owner: 'p-demo' }),
      fakeImageRow({ id: 'other', name: 'theirs', visibility: 'private', owner: 'p-other' }),
      fakeImageRow({ id: 'nameless', name: '' }),
    ];
    const entries = imageEntries(rows, 'p-demo');
    expect(entries.map((entry) => entry.id)).toEqual(['pub', 'own']);
    expect(entries[0]?.fields).toEqual([{ id: 'checksum', label: 'checksum', value: 'aa' }]);
  });
});

describe('flavorEntry', () => {
  const flavor = (extra_specs?: Record<string, string>): Flavor => ({
    id: 'f', name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160, swap: 0, 'OS-FLV-EXT-DATA:ephemeral': 0, 'os-flavor-access:is_public': true, extra_specs,
  });

  it('compares extra specs when the listing carries them, and names the difference', () => {
    const reference = flavorEntry(flavor({ 'hw:mem_page_size': 'large', 'hw:cpu_policy': 'dedicated' }));
    const drifted = flavorEntry(flavor({ 'hw:cpu_policy': 'dedicated' }));
    expect(differencesOf(drifted, reference)).toEqual([
      { kind: 'field', field: 'extra-specs', label: 'extra specs', expected: 'hw:cpu_policy=dedicated, hw:mem_page_size=large', actual: 'hw:cpu_policy=dedicated' },
    ]);
    expect(flavorEntry(flavor({})).fields.at(-1)?.value).toBe('none');
  });

  it('leaves extra specs out when they are not known', () => {
    expect(flavorEntry(flavor()).fields.map((field) => field.id)).toEqual(['vcpus', 'ram', 'disk']);
  });
});
