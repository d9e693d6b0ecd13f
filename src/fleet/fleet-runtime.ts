import type { EntryProblem } from './registry/cloud-from-clouds-yaml.ts';
import type { CloudRegistryStore } from './registry/cloud-registry-store.ts';
import type { TransportFor } from './registry/merge-import.ts';
import type { FleetConnections } from './session/fleet-connections.ts';
import type { OidcLogin } from './session/oidc-login.ts';

/** Where the clouds came from, shown to the operator so a demo is never mistaken for production. */
export type FleetOrigin =
  | { kind: 'demo'; fleetSpec: string; specProblem?: string }
  | { kind: 'configured' };

/** Everything the UI needs about the fleet, assembled once at start-up. */
export interface FleetRuntime {
  origin: FleetOrigin;
  /** The clouds, changing at runtime as the operator imports, edits and signs in. */
  registry: CloudRegistryStore;
  connections: FleetConnections;
  /** How a cloud the operator adds is reached (the runtime config may name the proxy for it). */
  transportFor: TransportFor;
  readOnly: boolean;
  /** The browser's OIDC sign-in, when the runtime config names a provider. */
  oidcLogin?: OidcLogin;
  /** Problems of the runtime config: a broken file, or cloud entries that could not be used. */
  configError?: string;
  configProblems: EntryProblem[];
  configWarnings: EntryProblem[];
}

/** Assembles the runtime, so a cloud removed or redefined in the registry also loses its client and session. */
export function createFleetRuntime(runtime: FleetRuntime): FleetRuntime {
  runtime.registry.subscribe((state, previous) => {
    if (state.clouds !== previous.clouds) runtime.connections.retain(state.clouds);
  });
  return runtime;
}
