import { useMutation, useQuery } from '@tanstack/react-query';
import { loadActionLog, loadAttachedVolumes, requestConsoleUrl } from '../../../../fleet/inventory/server-extras.ts';
import type { ServerRow } from '../../../../fleet/inventory/server-row.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import { useClouds, useFleetRuntime } from '../../../app/fleet-runtime-context.tsx';

/** Volumes and actions change rarely; a minute old is fresh enough for a panel the operator can refresh by reopening. */
const EXTRAS_STALE_MS = 60_000;

/** The signed-in client of the row's cloud, or undefined while it cannot be asked (unknown cloud, secret missing). */
function useRowClient(row: ServerRow) {
  const { connections } = useFleetRuntime();
  const cloud = useClouds().find((candidate) => candidate.name === row.cloud);
  const usable = cloud !== undefined && missingSecret(cloud) === undefined;
  return { cloud, client: usable ? connections.clientFor(cloud) : undefined };
}

/** Queries run only when the client exists (`enabled`); this keeps that promise visible to the type checker. */
function required<T>(client: T | undefined, row: ServerRow): T {
  if (client === undefined) throw new Error(`cloud ${row.cloud} cannot be asked yet`);
  return client;
}

function extrasKey(kind: string, row: ServerRow, revision: number | undefined) {
  return ['inventory', kind, row.cloud, revision, row.region, row.id] as const;
}

export function useAttachedVolumes(row: ServerRow) {
  const { cloud, client } = useRowClient(row);
  return useQuery({
    queryKey: extrasKey('server-volumes', row, cloud && definitionRevision(cloud)),
    queryFn: ({ signal }) => loadAttachedVolumes(required(client, row), row, signal),
    enabled: client !== undefined && !row.partial,
    staleTime: EXTRAS_STALE_MS,
    retry: false,
  });
}

export function useActionLog(row: ServerRow) {
  const { cloud, client } = useRowClient(row);
  return useQuery({
    queryKey: extrasKey('server-actions', row, cloud && definitionRevision(cloud)),
    queryFn: ({ signal }) => loadActionLog(required(client, row), row, signal),
    enabled: client !== undefined && !row.partial,
    staleTime: EXTRAS_STALE_MS,
    retry: false,
  });
}

/** A console URL minted on request: a POST, never sent on its own, and never cached (its token is single-use). */
export function useConsoleRequest(row: ServerRow) {
  const { client } = useRowClient(row);
  const { readOnly } = useFleetRuntime();
  const mutation = useMutation({
    mutationKey: ['server-console', row.key],
    mutationFn: () => requestConsoleUrl(required(client, row), row),
  });
  return { ...mutation, available: client !== undefined && !readOnly && !row.partial };
}
