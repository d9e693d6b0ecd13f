import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpPolicy } from './openstack/index.ts';
import { createCloudRegistry } from './fleet/registry/cloud-registry.ts';
import { createFleetConnections } from './fleet/session/fleet-connections.ts';
import type { FleetRuntime } from './fleet/fleet-runtime.ts';
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
  return {
    origin: demo ? { kind: 'demo', fleetSpec: demo.fleetSpec, specProblem: demo.specProblem } : { kind: 'configured' },
    registry: createCloudRegistry([...(demo?.clouds ?? []), ...config.clouds]),
    connections: createFleetConnections({ policy: createHttpPolicy({ isReadOnly: () => readOnly }) }),
    readOnly,
    configError: error,
    configProblems: config.problems,
    configWarnings: config.warnings,
  };
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
