import { useState } from 'react';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { summarizeFleetHealth } from '../../../fleet/health/cloud-health.ts';
import { useFleetRuntime, useRegistry } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useNow } from '../../lib/use-now.ts';
import { healthOfOverview, useCloudOverviews } from './api/cloud-overview.ts';
import { CloudForm } from './CloudForm.tsx';
import { CloudRow } from './CloudRow.tsx';
import { ConfigProblems } from './ConfigProblems.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { BUTTON } from './form-styles.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { OidcSignInPanel } from './OidcSignIn.tsx';
import { SignOutNotice } from '../projects/SignOutNotice.tsx';

/** Which panel is open above the table: one at a time, so the page never grows into a wall of forms. */
type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; cloud: string } | { kind: 'export' };

export function CloudsPage() {
  const runtime = useFleetRuntime();
  const storageNotice = useRegistry((state) => state.storageNotice);
  const overviews = useCloudOverviews();
  const now = useNow(15_000);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const rows = overviews.map((state) => ({ ...state, health: healthOfOverview(state, now) }));
  const summary = summarizeFleetHealth(rows.map((row) => row.health.status));
  const editing = panel.kind === 'edit' ? rows.find((row) => row.cloud.name === panel.cloud)?.cloud : undefined;
  const close = () => setPanel({ kind: 'none' });
  const browserLoginClouds = rows.filter((row) => row.cloud.browserLogin).length;

  return (
    <>
      <PageHeader
        title="Clouds"
        description={
          runtime.origin.kind === 'demo'
            ? 'The simulated demo fleet: every cloud below answers the same HTTP as a real OpenStack cloud.'
            : 'Every cloud in the registry, its regions, and whether the console can sign in to it.'
        }
        actions={
          <>
            <button type="button" className={BUTTON} aria-expanded={panel.kind === 'add'} onClick={() => setPanel(panel.kind === 'add' ? { kind: 'none' } : { kind: 'add' })}>
              Add cloud
            </button>
            <button type="button" className={BUTTON} aria-expanded={panel.kind === 'export'} onClick={() => setPanel(panel.kind === 'export' ? { kind: 'none' } : { kind: 'export' })}>
              Export clouds.yaml
            </button>
          </>
        }
      />
      <div className="space-y-4 px-6 py-4">
        <SignOutNotice />
        <ConfigProblems />
        {storageNotice ? <Notice tone="warning" title="Saved clouds">{storageNotice}</Notice> : null}
        {runtime.oidcLogin && browserLoginClouds > 0 ? <OidcSignInPanel login={runtime.oidcLogin} clouds={browserLoginClouds} now={now} /> : null}
        {panel.kind === 'add' ? <CloudForm onDone={close} /> : null}
        {editing ? <CloudForm key={editing.name} editing={editing} onDone={close} /> : null}
        {panel.kind === 'export' ? <ExportPanel onClose={close} /> : null}
        {rows.length === 0 ? (
          <Notice tone="info" title="No clouds yet">
            Import a clouds.yaml below, add a cloud, or serve an <code>archipelago.config.json</code> beside the app with a{' '}
            <code>clouds</code> section (the format of clouds.yaml). See the README.
          </Notice>
        ) : (
          <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">
                Clouds: {summary.total} in all, {summary.reachable} reachable, {summary.counts.failing + summary.counts.unauthorized + summary.counts.forbidden} failing,{' '}
                {summary.counts.pending} connecting, {summary.counts['signin-needed']} waiting for sign-in
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
                    onEdit={() => setPanel({ kind: 'edit', cloud: row.cloud.name })}
                    now={now}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ImportPanel />
      </div>
    </>
  );
}
