import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  listFloatingIpsResponseSchema,
  listNetworksResponseSchema,
  listPortsResponseSchema,
  listRoutersResponseSchema,
  listSecurityGroupsResponseSchema,
  listSubnetsResponseSchema,
} from '../../openstack/index.ts';
import { floatingIpToRow, networkToRow, portToRow, routerToRow, securityGroupToRow, subnetToRow } from './network-row.ts';

/** An upstream API reference sample (see shared/openstack-api-samples/README.md). */
function sample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/neutron/v2/samples/${path}`, import.meta.url), 'utf8'));
}

const place = { cloud: 'ams', region: 'RegionOne' };

describe('Neutron resources as rows, from the upstream samples', () => {
  it('networks: external/shared traits, zones as site, a fleet-unique key', () => {
    const [network] = listNetworksResponseSchema.parse(sample('networks/networks-list-response.json')).networks;
    if (!network) throw new Error('empty sample');
    const row = networkToRow(network, place);
    expect(row).toMatchObject({ kind: 'networks', id: network.id, name: network.name, cloud: 'ams', region: 'RegionOne', networkId: network.id });
    expect(row.key).toBe(`ams/RegionOne/networks/${network.id}`);
    expect(row.status).toBe(network.status.toUpperCase());
  });

  it('subnets: the CIDR and gateway', () => {
    const subnets = listSubnetsResponseSchema.parse(sample('subnets/subnets-list-response.json')).subnets;
    const rows = subnets.map((subnet) => subnetToRow(subnet, place));
    expect(rows.map((row) => row.cidrs)).toEqual(subnets.map((subnet) => [subnet.cidr]));
    expect(rows[0]?.summary).toMatch(/^IPv[46], /);
  });

  it('ports: fixed IPs, MAC, device, and the zone of a compute port as its site', () => {
    const [port] = listPortsResponseSchema.parse(sample('ports/ports-list-response.json')).ports;
    if (!port) throw new Error('empty sample');
    const row = portToRow({ ...port, device_owner: 'compute:edge-7' }, place);
    expect(row).toMatchObject({ addresses: port.fixed_ips.map((ip) => ip.ip_address), macs: [port.mac_address], deviceId: port.device_id, site: 'edge-7' });
    expect(portToRow({ ...port, device_owner: 'network:dhcp' }, place).site).toBe('');
  });

  it('routers, floating IPs and security groups', () => {
    const [router] = listRoutersResponseSchema.parse(sample('routers/routers-list-response.json')).routers;
    const [floatingIp] = listFloatingIpsResponseSchema.parse(sample('floatingips/floating-ips-list-response.json')).floatingips;
    const [group] = listSecurityGroupsResponseSchema.parse(sample('security-groups/security-groups-list-response.json')).security_groups;
    if (!router || !floatingIp || !group) throw new Error('empty sample');
    expect(routerToRow(router, place).addresses).toEqual((router.external_gateway_info?.external_fixed_ips ?? []).map((ip) => ip.ip_address));
    expect(routerToRow({ ...router, external_gateway_info: null }, place).summary).toMatch(/^no gateway/);
    const fip = floatingIpToRow(floatingIp, place);
    expect(fip.name).toBe(floatingIp.floating_ip_address);
    expect(fip.addresses[0]).toBe(floatingIp.floating_ip_address);
    expect(floatingIpToRow({ ...floatingIp, fixed_ip_address: null, port_id: null, port_details: null }, place)).toMatchObject({ summary: 'not associated', deviceId: '' });
    expect(securityGroupToRow(group, place).summary).toMatch(new RegExp(`^${group.security_group_rules.length} rules?`));
  });
});
