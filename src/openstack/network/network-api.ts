import type { ServiceHttp } from '../http/types.ts';
import { listFloatingIps, type FloatingIp } from './list-floating-ips.ts';
import { listNetworks, type Network } from './list-networks.ts';
import { listPorts, type Port } from './list-ports.ts';
import { listRouters, type Router } from './list-routers.ts';
import { listSecurityGroups, type SecurityGroup } from './list-security-groups.ts';
import { listSubnets, type Subnet } from './list-subnets.ts';
import type { NeutronListOptions } from './neutron-list.ts';

/** Neutron for one cloud and region; every listing streams one array per page. */
export interface NetworkApi {
  networks(options?: NeutronListOptions): AsyncIterable<Network[]>;
  subnets(options?: NeutronListOptions): AsyncIterable<Subnet[]>;
  routers(options?: NeutronListOptions): AsyncIterable<Router[]>;
  ports(options?: NeutronListOptions): AsyncIterable<Port[]>;
  floatingIps(options?: NeutronListOptions): AsyncIterable<FloatingIp[]>;
  securityGroups(options?: NeutronListOptions): AsyncIterable<SecurityGroup[]>;
}

export function createNetworkApi(http: ServiceHttp): NetworkApi {
  return {
    networks: (options) => listNetworks(http, options),
    subnets: (options) => listSubnets(http, options),
    routers: (options) => listRouters(http, options),
    ports: (options) => listPorts(http, options),
    floatingIps: (options) => listFloatingIps(http, options),
    securityGroups: (options) => listSecurityGroups(http, options),
  };
}
