export type { CloudFault, Fault, FaultKind, FleetSpec } from './fleet-spec.ts';
export { DEFAULT_FLEET_SPEC, FleetSpecError, formatFleetSpec, parseFleetSpec } from './fleet-spec.ts';
export type { SimCloudInfo, SimFleet, SimFleetOptions } from './sim-fleet.ts';
export { createSimFleet } from './sim-fleet.ts';
export { createSimHandlers } from './msw-handlers.ts';
export { demoOriginFor, startSimWorker } from './browser.ts';
