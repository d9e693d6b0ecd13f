import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpPolicy } from './openstack/index.ts';
import { transportFor } from './fleet/config/runtime-config.ts';
import { createCloudRegistryStore } from './fleet/registry/cloud-registry-store.ts';
import { createFleetConnections } from './fleet/session/fleet-connections.ts';
import { createFleetRuntime, type FleetRuntime } from './fleet/fleet-runtime.ts';
import { setDisplayConfig } from './fleet/wall/display-config.ts';
import { setTopologyRules } from './fleet/topology/configured-rules.ts';
import { createOidcLogin, type OidcLogin } from './fleet/session/oidc-login.ts';
import { browserStorage } from './boot/browser-storage.ts';
import { loadRuntimeConfig } from './boot/load-runtime-config.ts';
import { createOidcUserManager } from './boot/oidc-user-manager.ts';
import { App } from './ui/app/App.tsx';
import { BootFailure } from './ui/app/BootFailure.tsx';
import './index.css';

async function buildRuntime(): Promise<FleetRuntime> {
  const { config, error } = await loadRuntimeConfig(import.meta.env.DEV);
  const readOnly = config.readOnly;
  setDisplayConfig(config);
  const requestedFleet = new URLSearchParams(window.location.search).get('fleet') ?? undefined;
  // The simulator is loaded only when the demo runs, so a production console never ships it to the page otherwise.
  const demo = config.demo ? await (await import('./demo/start-demo-fleet.ts')).startDemoFleet(requestedFleet ?? config.demo.fleet) : undefined;
  setTopologyRules(config.topology ?? demo?.topologyRules);
  const transport = transportFor(config.proxy);
  const registry = createCloudRegistryStore({ fixed: [...(demo?.clouds ?? []), ...config.clouds], transportFor: transport, storage: browserStorage() });
  const oidcLogin = config.oidc
    ? createOidcLogin({ settings: config.oidc, userManager: createOidcUserManager(config.oidc, window.location.origin), registry })
    : undefined;
  if (oidcLogin) await completeOidcSignIn(oidcLogin);
  return createFleetRuntime({
    origin: demo ? { kind: 'demo', fleetSpec: demo.fleetSpec, specProblem: demo.specProblem } : { kind: 'configured' },
    registry,
    connections: createFleetConnections({ policy: createHttpPolicy({ isReadOnly: () => readOnly }) }),
    transportFor: transport,
    readOnly,
    oidcLogin,
    configError: error,
    configProblems: config.problems,
    configWarnings: config.warnings,
  });
}

/**
 * The provider's redirect lands here before the router starts, so the code is
 * exchanged once, and the address bar loses the code and state at once.
 */
async function completeOidcSignIn(oidcLogin: OidcLogin): Promise<void> {
  if (window.location.pathname !== oidcLogin.settings.redirectPath) return;
  const next = await oidcLogin.completeSignIn(window.location.href);
  window.history.replaceState(null, '', next);
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
