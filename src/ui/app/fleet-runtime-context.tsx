import { createContext, useContext, type ReactNode } from 'react';
import type { FleetRuntime } from '../../fleet/fleet-runtime.ts';
import type { CloudDefinition } from '../../fleet/registry/cloud-definition.ts';

const FleetRuntimeContext = createContext<FleetRuntime | null>(null);

export function FleetRuntimeProvider({ runtime, children }: { runtime: FleetRuntime; children: ReactNode }) {
  return <FleetRuntimeContext.Provider value={runtime}>{children}</FleetRuntimeContext.Provider>;
}

export function useFleetRuntime(): FleetRuntime {
  const runtime = useContext(FleetRuntimeContext);
  if (!runtime) throw new Error('useFleetRuntime must be used inside <FleetRuntimeProvider>.');
  return runtime;
}

/** The clouds of the registry, in the operator's order. Every view reads the fleet's clouds through this hook. */
export function useClouds(): readonly CloudDefinition[] {
  return useFleetRuntime().registry.clouds;
}
