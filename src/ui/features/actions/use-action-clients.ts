import { useMemo } from 'react';
import { createCloudStepExecutor } from '../../../fleet/actions/cloud-steps.ts';
import type { StepExecutor } from '../../../fleet/actions/execute-plan.ts';
import type { ClientFor } from '../../../fleet/actions/load-plans.ts';
import { useClouds, useFleetRuntime } from '../../app/fleet-runtime-context.tsx';

/** The fleet's clients by cloud name, and the step executor that acts through them. */
export function useActionClients(): { clientFor: ClientFor; execute: StepExecutor } {
  const clouds = useClouds();
  const { connections } = useFleetRuntime();
  return useMemo(() => {
    const byName = new Map(clouds.map((cloud) => [cloud.name, cloud]));
    const clientFor: ClientFor = (name) => {
      const cloud = byName.get(name);
      return cloud ? connections.clientFor(cloud) : undefined;
    };
    const execute = createCloudStepExecutor({
      async service(target, serviceType, signal) {
        const client = clientFor(target.cloud);
        if (!client) throw new Error(`cloud ${target.cloud} is no longer in the registry`);
        return client.serviceHttp(serviceType, target.region, signal);
      },
      projectId: (target) => clientFor(target.cloud)?.session()?.project?.id,
    });
    return { clientFor, execute };
  }, [clouds, connections]);
}
