import type { EntryProblem } from './registry/cloud-from-clouds-yaml.ts';
import type { CloudRegistry } from './registry/cloud-registry.ts';
import type { FleetConnections } from './session/fleet-connections.ts';

/** Where the clouds came from, shown to the operator so a demo is never mistaken for production. */
export type FleetOrigin =
  | { kind: 'demo'; fleetSpec: string; specProblem?: string }
  | { kind: 'configured' };

/** Everything the UI needs about the fleet, assembled once at start-up. */
export interface FleetRuntime {
  origin: FleetOrigin;
  registry: CloudRegistry;
  connections: FleetConnections;
  readOnly: boolean;
  /** Problems of the runtime config: a broken file, or cloud entries that could not be used. */
  configError?: string;
  configProblems: EntryProblem[];
  configWarnings: EntryProblem[];
}
