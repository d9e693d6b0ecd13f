import { describeError } from '../../../fleet/health/describe-error.ts';
import { summarizeFleetHealth } from '../../../fleet/health/cloud-health.ts';
import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useNow } from '../../lib/use-now.ts';
import { healthOfOverview, useCloudOverviews } from './api/cloud-overview.ts';
import { CloudRow } from './CloudRow.tsx';
import { ConfigProblems } from './ConfigProblems.tsx';

export function CloudsPage() {
  const runtime = useFleetRuntime();
  const overviews = useCloudOverviews();
  const now = useNow(15_000);
  const rows = overviews.map((state) => ({ ...state, health: healthOfOverview(state.query, now) }));
  const summary = summarizeFleetHealth(rows.map((row) => row.health.status));

  return (
    <>
      <PageHeader
        title="Clouds"
        description={
          runtime.origin.kind === 'demo'
            ? 'The simulated demo fleet: every cloud below answers the same HTTP as a real OpenStack cloud.'
            : 'Every cloud in the registry, its regions, and whether the console can sign in to it.'
        }
      />
      <div className="space-y-4 px-6 py-4">
        <ConfigProblems />
        {rows.length === 0 ? (
          <Notice tone="info" title="No clouds yet">
            Serve an <code>archipelago.config.json</code> beside the app with a <code>clouds</code> section (the format of
            clouds.yaml), or start the demo fleet. See the README.
          </Notice>
        ) : (
          <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">
                Clouds: {summary.total} in all, {summary.reachable} reachable, {summary.counts.failing + summary.counts.unauthorized + summary.counts.forbidden} failing,{' '}
                {summary.counts.pending} connecting
              </caption>
              <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Cloud</th>
                  <th scope="col" className="px-3 py-2 font-medium">Status</th>
                  <th scope="col" className="px-3 py-2 font-medium">Regions</th>
                  <th scope="col" className="px-3 py-2 font-medium">Project</th>
                  <th scope="col" className="px-3 py-2 font-medium">User and roles</th>
                  <th scope="col" className="px-3 py-2 font-medium">Token</th>
                  <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <CloudRow
                    key={row.cloud.name}
                    cloud={row.cloud}
                    overview={row.query.data}
                    health={row.health}
                    error={row.query.error ? describeError(row.query.error) : undefined}
                    isFetching={row.query.isFetching}
                    onRetry={() => void row.query.refetch()}
                    now={now}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
