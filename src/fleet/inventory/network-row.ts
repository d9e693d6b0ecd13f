import type { FloatingIp, Network, Port, Router, SecurityGroup, Subnet } from '../../openstack/index.ts';

/** The Neutron resources the networks view lists; ids appear in URLs, so they never change meaning. */
export const NETWORK_KINDS = ['networks', 'subnets', 'routers', 'ports', 'floating-ips', 'security-groups'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export function isNetworkKind(value: string): value is NetworkKind {
  return (NETWORK_KINDS as readonly string[]).includes(value);
}

/**
 * Any Neutron resource as the networks view sees it: flat, the same shape for
 * every kind so one table sorts, filters and groups them, and small (no wire
 * object is kept).
 */
export interface NetworkRow {
  /** Unique across the fleet: ids are only unique within one Neutron. */
  key: string;
  kind: NetworkKind;
  id: string;
  name: string;
  /** Neutron's status, upper case; '' for kinds without one (subnets, security groups). */
  status: string;
  cloud: string;
  region: string;
  /** The availability zone(s) (an edge site, or an AZ); '' when Neutron does not say. */
  site: string;
  /** '' for resources Neutron owns itself, such as router gateway ports. */
  projectId: string;
  /** The owning project's name when it is one the user may use; '' when only its id is known. */
  project: string;
  /** The network it belongs to (its own id for a network; the external network for routers and floating IPs). */
  networkId: string;
  /** Address blocks: a subnet's CIDR; a network's are joined in from its subnets (see withSubnetCidrs). */
  cidrs: readonly string[];
  /** Addresses: a port's fixed IPs, a floating IP and its fixed IP, a router's external IPs, a subnet's gateway. */
  addresses: readonly string[];
  macs: readonly string[];
  /** What uses it: a port's device, a floating IP's port's device (a server id for compute ports). */
  deviceId: string;
  /** A short, kind-specific description (device owner, external/shared, gateway, rule count…). */
  summary: string;
}

export interface NetworkPlace {
  cloud: string;
  region: string;
  /** Project names by id, as far as the user's projects tell: Neutron rows carry only the owner's id. */
  projectNames?: ReadonlyMap<string, string>;
}

const EMPTY: readonly string[] = Object.freeze([]);

export function networkRowKey(place: NetworkPlace, kind: NetworkKind, id: string): string {
  return `${place.cloud}/${place.region}/${kind}/${id}`;
}

function base(place: NetworkPlace, kind: NetworkKind, id: string, projectId: string) {
  return { key: networkRowKey(place, kind, id), kind, id, cloud: place.cloud, region: place.region, projectId, project: place.projectNames?.get(projectId) ?? '' };
}

export function networkToRow(network: Network, place: NetworkPlace): NetworkRow {
  const traits = [
    network['router:external'] ? 'external' : '',
    network.shared ? 'shared' : '',
    network['provider:network_type'] ?? '',
    network.admin_state_up ? '' : 'admin down',
  ].filter((trait) => trait !== '');
  return {
    ...base(place, 'networks', network.id, network.project_id),
    name: network.name,
    status: network.status.toUpperCase(),
    site: (network.availability_zones ?? []).join(', '),
    networkId: network.id,
    cidrs: EMPTY,
    addresses: EMPTY,
    macs: EMPTY,
    deviceId: '',
    summary: traits.join(', '),
  };
}

export function subnetToRow(subnet: Subnet, place: NetworkPlace): NetworkRow {
  const traits = [`IPv${subnet.ip_version}`, subnet.enable_dhcp ? 'DHCP' : 'no DHCP', subnet.gateway_ip === null ? 'no gateway' : ''];
  return {
    ...base(place, 'subnets', subnet.id, subnet.project_id),
    name: subnet.name,
    status: '',
    site: '',
    networkId: subnet.network_id,
    cidrs: [subnet.cidr],
    addresses: subnet.gateway_ip === null ? EMPTY : [subnet.gateway_ip],
    macs: EMPTY,
    deviceId: '',
    summary: traits.filter((trait) => trait !== '').join(', '),
  };
}

export function routerToRow(router: Router, place: NetworkPlace): NetworkRow {
  const gateway = router.external_gateway_info;
  const traits = [gateway ? (gateway.enable_snat === false ? 'gateway, no SNAT' : 'gateway') : 'no gateway', router.ha ? 'HA' : '', router.distributed ? 'distributed' : ''];
  return {
    ...base(place, 'routers', router.id, router.project_id),
    name: router.name,
    status: router.status.toUpperCase(),
    site: (router.availability_zones ?? []).join(', '),
    networkId: gateway?.network_id ?? '',
    cidrs: EMPTY,
    addresses: (gateway?.external_fixed_ips ?? []).map((ip) => ip.ip_address),
    macs: EMPTY,
    deviceId: '',
    summary: traits.filter((trait) => trait !== '').join(', '),
  };
}

export function portToRow(port: Port, place: NetworkPlace): NetworkRow {
  return {
    ...base(place, 'ports', port.id, port.project_id),
    name: port.name,
    status: port.status.toUpperCase(),
    // Nova names compute ports' owner after the server's zone: "compute:<az>".
    site: port.device_owner.startsWith('compute:') ? port.device_owner.slice('compute:'.length) : '',
    networkId: port.network_id,
    cidrs: EMPTY,
    addresses: port.fixed_ips.map((ip) => ip.ip_address),
    macs: [port.mac_address],
    deviceId: port.device_id,
    summary: port.device_owner,
  };
}

export function floatingIpToRow(floatingIp: FloatingIp, place: NetworkPlace): NetworkRow {
  const fixed = floatingIp.fixed_ip_address;
  return {
    ...base(place, 'floating-ips', floatingIp.id, floatingIp.project_id),
    name: floatingIp.floating_ip_address,
    status: floatingIp.status.toUpperCase(),
    site: '',
    networkId: floatingIp.floating_network_id,
    cidrs: EMPTY,
    addresses: fixed === null ? [floatingIp.floating_ip_address] : [floatingIp.floating_ip_address, fixed],
    macs: EMPTY,
    deviceId: floatingIp.port_details?.device_id ?? '',
    summary: fixed === null ? 'not associated' : `→ ${fixed}`,
  };
}

export function securityGroupToRow(group: SecurityGroup, place: NetworkPlace): NetworkRow {
  const rules = group.security_group_rules;
  const prefixes = [...new Set(rules.flatMap((rule) => (rule.remote_ip_prefix === null ? [] : [rule.remote_ip_prefix])))];
  const ingress = rules.filter((rule) => rule.direction === 'ingress').length;
  return {
    ...base(place, 'security-groups', group.id, group.project_id),
    name: group.name,
    status: '',
    site: '',
    networkId: '',
    cidrs: prefixes,
    addresses: EMPTY,
    macs: EMPTY,
    deviceId: '',
    summary: `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} (${ingress} ingress)`,
  };
}

/**
 * Networks carry the CIDRs of their subnets, so the table shows them side by
 * side; a network whose subnets have not arrived yet shows none.
 */
export function withSubnetCidrs(rows: readonly NetworkRow[]): NetworkRow[] {
  const cidrsByNetwork = new Map<string, string[]>();
  for (const row of rows) {
    if (row.kind !== 'subnets') continue;
    const key = networkRowKey(row, 'networks', row.networkId);
    cidrsByNetwork.set(key, [...(cidrsByNetwork.get(key) ?? []), ...row.cidrs]);
  }
  return rows.map((row) => {
    if (row.kind !== 'networks') return row;
    const cidrs = cidrsByNetwork.get(row.key);
    return cidrs ? { ...row, cidrs } : row;
  });
}
