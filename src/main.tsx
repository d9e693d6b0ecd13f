import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpPolicy } from './openstack/index.ts';
import { transportFor } from './fleet/config/runtime-config.ts';
import { createCloudRegistryStore } from './fleet/registry/cloud-registry-store.ts';
import { createFleetConnections } from './fleet/session/fleet-connections.ts';
import { createFleetRuntime, type FleetRuntime } from './fleet/fleet-runtime.ts';
import { browserStorage } from './boot/browser-storage.ts';
import { loadRuntimeConfig } from './boot/load-runtime-config.ts';
import { App } from './ui/app/App.tsx';
import { BootFailure } from './ui/app/BootFailure.tsx';
import './index.css';

async function buildRuntime(): Promise<FleetRuntime> {
  const { config, error } = await loadRuntimeConfig(import.meta.env.DEV);
  const readOnly = config.readOnly;
  const requestedFleet = new URLSearchParams(window.location.search).get('fleet') ?? undefined;
  // The simulator is loaded only when the demo runs, so a production console never ships it to the page otherwise.
  const demo = config.demo ? await (await import('./demo/start-demo-fleet.ts')).startDemoFleet(requestedFleet ?? config.demo.fleet) : undefined;
  const transport = transportFor(config.proxy);
  return createFleetRuntime({
    origin: demo ? { kind: 'demo', fleetSpec: demo.fleetSpec, specProblem: demo.specProblem } : { kind: 'configured' },
    registry: createCloudRegistryStore({ fixed: [...(demo?.clouds ?? []), ...config.clouds], transportFor: transport, storage: browserStorage() }),
    connections: createFleetConnections({ policy: createHttpPolicy({ isReadOnly: () => readOnly }) }),
    transportFor: transport,
    readOnly,
    configError: error,
    configProblems: config.problems,
    configWarnings: config.warnings,
  });
}

const root = createRoot(document.getElementById('root') as HTMLElement);
buildRuntime().then(
  (runtime) =>
    root.render(
      <StrictMode>
        <App runtime={runtime} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<BootFailure error={error} />),
);
