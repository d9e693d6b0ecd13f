import type { CloudDefinition } from '../fleet/registry/cloud-definition.ts';
import { DEMO_TOPOLOGY_RULES, type TopologyRules } from '../fleet/topology/topology-rules.ts';
import {
  createSimFleet,
  DEFAULT_FLEET_SPEC,
  demoOriginFor,
  FleetSpecError,
  parseFleetSpec,
  startSimWorker,
  type SimCloudInfo,
} from '../sim/index.ts';

export interface DemoFleet {
  fleetSpec: string;
  /** Why the requested spec was not used, if it was not. */
  specProblem?: string;
  clouds: CloudDefinition[];
  /** Cells and sites of the simulated clouds, used unless the runtime config has its own. */
  topologyRules: TopologyRules;
}

/**
 * Starts the simulated fleet in the browser: a service worker answers only
 * the reserved `*.sim.invalid` origins, so a real cloud added beside the demo
 * is never intercepted.
 */
export async function startDemoFleet(requestedSpec: string | undefined): Promise<DemoFleet> {
  const { specText, spec, specProblem } = chooseSpec(requestedSpec);
  const sim = createSimFleet(spec, { originFor: demoOriginFor });
  await startSimWorker(sim, { quiet: true });
  return { fleetSpec: specText, specProblem, clouds: sim.clouds().map(cloudDefinitionOf), topologyRules: DEMO_TOPOLOGY_RULES };
}

function chooseSpec(requested: string | undefined) {
  if (requested !== undefined && requested.trim() !== '') {
    try {
      return { specText: requested, spec: parseFleetSpec(requested), specProblem: undefined };
    } catch (error) {
      if (!(error instanceof FleetSpecError)) throw error;
      return { specText: DEFAULT_FLEET_SPEC, spec: parseFleetSpec(DEFAULT_FLEET_SPEC), specProblem: error.message };
    }
  }
  return { specText: DEFAULT_FLEET_SPEC, spec: parseFleetSpec(DEFAULT_FLEET_SPEC), specProblem: undefined };
}

function cloudDefinitionOf(cloud: SimCloudInfo): CloudDefinition {
  return {
    name: cloud.name,
    authUrl: cloud.authUrl,
    auth: { type: 'password', username: cloud.username, password: cloud.password, userDomainName: cloud.userDomainName },
    scope: { projectName: cloud.projectName, projectDomainName: cloud.projectDomainName },
    transport: { kind: 'direct' },
    source: 'demo',
    description: describeSimCloud(cloud),
  };
}

function describeSimCloud(cloud: SimCloudInfo): string {
  switch (cloud.kind) {
    case 'regional':
      return `${cloud.regions.length} regions, one shared Keystone`;
    case 'edge':
      return `edge cloud, ${cloud.sites.length} sites`;
    case 'site':
      return 'own Keystone';
  }
}
