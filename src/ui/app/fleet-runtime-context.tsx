import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FleetRuntime } from '../../fleet/fleet-runtime.ts';
import type { CloudDefinition } from '../../fleet/registry/cloud-definition.ts';
import type { CloudRegistryState } from '../../fleet/registry/cloud-registry-store.ts';

const FleetRuntimeContext = createContext<FleetRuntime | null>(null);

export function FleetRuntimeProvider({ runtime, children }: { runtime: FleetRuntime; children: ReactNode }) {
  return <FleetRuntimeContext.Provider value={runtime}>{children}</FleetRuntimeContext.Provider>;
}

export function useFleetRuntime(): FleetRuntime {
  const runtime = useContext(FleetRuntimeContext);
  if (!runtime) throw new Error('useFleetRuntime must be used inside <FleetRuntimeProvider>.');
  return runtime;
}

/**
 * The clouds of the registry, in the operator's order, with the secrets given
 * in this tab applied. Every view reads the fleet's clouds through this hook;
 * a cloud keeps its identity until its definition or secret changes.
 */
export function useClouds(): readonly CloudDefinition[] {
  return useRegistry((state) => state.clouds);
}

/** A slice of the registry's state or one of its actions (for the views that change the registry). */
export function useRegistry<T>(selector: (state: CloudRegistryState) => T): T {
  return useStore(useFleetRuntime().registry, selector);
}
