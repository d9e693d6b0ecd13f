import { isPartialServer, type Server } from '../../openstack/index.ts';

/** One address of a server, kept per network for the detail panel. */
export interface ServerAddressRow {
  network: string;
  addr: string;
  version: 4 | 6;
  /** 'fixed' or 'floating' (Nova's OS-EXT-IPS:type). */
  type: string;
}

/**
 * A server as every inventory view sees it: flat, normalized across clouds and
 * microversions, and small. No wire object is kept, so memory per row stays
 * bounded however verbose the API is (DESIGN rule 5).
 */
export interface ServerRow {
  /** Unique across the fleet: a server id is only unique within one cloud and region. */
  key: string;
  id: string;
  /** '' for a partial record: Nova does not say. */
  name: string;
  /** Nova's status, upper case; 'UNKNOWN' for a server in an unreachable cell. */
  status: string;
  /** True for a partial record from a Nova cell the API cannot reach (2.69+). */
  partial: boolean;
  cloud: string;
  region: string;
  /** The availability zone (an edge site, or an AZ); '' when unscheduled or unknown. */
  site: string;
  projectId: string;
  /** The project's name, when the rows were read per project ("all projects I can see"). */
  project?: string;
  /** The flavor's name (2.47+) or, before 2.47, its id; '' when unknown. */
  flavor: string;
  vcpus?: number;
  ramMb?: number;
  diskGb?: number;
  /** '' when the server boots from a volume or the record is partial. */
  imageId: string;
  /** The compute host (admin only); '' when hidden or unscheduled. */
  host: string;
  ipv4: readonly string[];
  ipv6: readonly string[];
  macs: readonly string[];
  addresses: readonly ServerAddressRow[];
  securityGroups: readonly string[];
  keyName: string;
  /** ISO 8601, as Nova sends it: sorts as text. */
  created: string;
  /** undefined before microversion 2.9, which added the field. */
  locked?: boolean;
  faultMessage?: string;
}

export interface RowPlace {
  cloud: string;
  region: string;
  /** The name of the project every server of this listing belongs to, when the listing was scoped to one. */
  project?: string;
}

const EMPTY: readonly string[] = Object.freeze([]);

export function serverRowKey(cloud: string, region: string, id: string): string {
  return `${cloud}/${region}/${id}`;
}

export function toServerRow(server: Server, place: RowPlace): ServerRow {
  const { cloud, region } = place;
  const base = {
    key: serverRowKey(cloud, region, server.id),
    id: server.id,
    status: server.status.toUpperCase(),
    cloud,
    region,
    projectId: server.tenant_id,
    ...(place.project === undefined ? {} : { project: place.project }),
    created: server.created,
    site: server['OS-EXT-AZ:availability_zone'] ?? '',
    imageId: server.image ? server.image.id : '',
    ...flavorFields(server.flavor),
  };
  if (isPartialServer(server)) {
    return {
      ...base,
      name: '',
      partial: true,
      host: '',
      ipv4: EMPTY,
      ipv6: EMPTY,
      macs: EMPTY,
      addresses: [],
      securityGroups: EMPTY,
      keyName: '',
    };
  }
  const addresses: ServerAddressRow[] = [];
  const ipv4: string[] = [];
  const ipv6: string[] = [];
  const macs = new Set<string>();
  for (const [network, list] of Object.entries(server.addresses)) {
    for (const address of list) {
      addresses.push({ network, addr: address.addr, version: address.version, type: address['OS-EXT-IPS:type'] });
      (address.version === 4 ? ipv4 : ipv6).push(address.addr);
      macs.add(address['OS-EXT-IPS-MAC:mac_addr']);
    }
  }
  return {
    ...base,
    name: server.name,
    partial: false,
    host: server['OS-EXT-SRV-ATTR:host'] ?? '',
    ipv4,
    ipv6,
    macs: [...macs],
    addresses,
    // Nova repeats a group once per port; the operator wants each name once.
    securityGroups: [...new Set((server.security_groups ?? []).map((group) => group.name))],
    keyName: server.key_name ?? '',
    locked: server.locked,
    faultMessage: server.fault?.message,
  };
}

function flavorFields(flavor: Server['flavor']): Pick<ServerRow, 'flavor' | 'vcpus' | 'ramMb' | 'diskGb'> {
  if (flavor === undefined) return { flavor: '' };
  if ('original_name' in flavor) return { flavor: flavor.original_name, vcpus: flavor.vcpus, ramMb: flavor.ram, diskGb: flavor.disk };
  return { flavor: flavor.id };
}
