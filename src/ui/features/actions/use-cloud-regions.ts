import { useQueries } from '@tanstack/react-query';
import type { ActionTarget } from '../../../fleet/actions/plan.ts';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../fleet/registry/definition-revision.ts';
import { describeError, type ErrorDescription } from '../../../fleet/health/describe-error.ts';
import { useClouds, useFleetRuntime } from '../../app/fleet-runtime-context.tsx';

export interface CloudRegions {
  cloud: string;
  state: 'loading' | 'ok' | 'failed' | 'signin-needed';
  regions: string[];
  error?: ErrorDescription;
}

/** Every cloud's regions (after sign-in): the places an action can target. */
export function useCloudRegions(): CloudRegions[] {
  const clouds = useClouds();
  const { connections } = useFleetRuntime();
  const results = useQueries({
    queries: clouds.map((cloud: CloudDefinition) => ({
      queryKey: ['actions', 'regions', cloud.name, definitionRevision(cloud)] as const,
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const client = connections.clientFor(cloud);
        if (!client.session()) await client.signIn(signal);
        return client.regions();
      },
      enabled: missingSecret(cloud) === undefined,
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  return clouds.map((cloud, index): CloudRegions => {
    const result = results[index];
    if (missingSecret(cloud) !== undefined) return { cloud: cloud.name, state: 'signin-needed', regions: [] };
    if (!result || result.isPending) return { cloud: cloud.name, state: 'loading', regions: [] };
    if (result.isError) return { cloud: cloud.name, state: 'failed', regions: [], error: describeError(result.error) };
    return { cloud: cloud.name, state: 'ok', regions: result.data };
  });
}

export function allTargets(clouds: readonly CloudRegions[]): ActionTarget[] {
  return clouds.flatMap((entry) => entry.regions.map((region) => ({ cloud: entry.cloud, region })));
}
