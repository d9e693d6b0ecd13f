export { createNetworkApi, type NetworkApi } from './network-api.ts';
export { DEFAULT_NEUTRON_PAGE_SIZE, type NeutronListOptions } from './neutron-list.ts';
export * from './create-security-group.ts';
export * from './list-floating-ips.ts';
export * from './list-networks.ts';
export * from './list-ports.ts';
export * from './list-routers.ts';
export * from './list-security-groups.ts';
export * from './list-subnets.ts';
