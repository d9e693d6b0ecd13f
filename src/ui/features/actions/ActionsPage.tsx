import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { actorsOf, loadFlavorParityPlan, loadKeypairSyncPlan, loadSecurityGroupSyncPlan, loadServerLifecyclePlan } from '../../../fleet/actions/load-plans.ts';
import type { ActionPlan } from '../../../fleet/actions/plan.ts';
import { isOpenStackError } from '../../../openstack/index.ts';
import { describeError, type ErrorDescription } from '../../../fleet/health/describe-error.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { readActionUrl, writeActionUrl, type ActionChoice, type ActionUrlState } from './action-url-state.ts';
import { AuditLogList } from './AuditLogList.tsx';
import { FlavorParityForm } from './FlavorParityForm.tsx';
import { ImageReplicationForm } from './ImageReplicationForm.tsx';
import { loadImageReplicationPlan } from '../../../fleet/actions/image-replication-load.ts';
import { KeypairSyncForm } from './KeypairSyncForm.tsx';
import { FanOutLaunchForm } from './FanOutLaunchForm.tsx';
import { loadFanOutLaunchPlan } from '../../../fleet/actions/launch-load.ts';
import { EMPTY_LAUNCH_FIELDS, launchSpecOf } from './launch-url-state.ts';
import { PlanPreview } from './PlanPreview.tsx';
import { RunPanel } from './RunPanel.tsx';
import { cancelRun, continueRecordedRun, launchRun, loadRuns, newRunId, useRuns } from './run-manager.ts';
import { useActionsAllowed } from './ServerSelection.tsx';
import { SecurityGroupSyncForm } from './SecurityGroupSyncForm.tsx';
import { ServerLifecycleForm } from './ServerLifecycleForm.tsx';
import { useActionClients } from './use-action-clients.ts';
import { useCloudRegions } from './use-cloud-regions.ts';

const CHOICES: { id: ActionChoice; label: string }[] = [
  { id: 'keypair-sync', label: 'Key pair sync' },
  { id: 'security-group-sync', label: 'Security group sync' },
  { id: 'flavor-parity', label: 'Flavor parity' },
  { id: 'image-replication', label: 'Image replication' },
  { id: 'fan-out-launch', label: 'Fan-out launch' },
  { id: 'servers', label: 'Server lifecycle' },
];

function launchSpecOrThrow(fields: ActionUrlState['launch']) {
  const spec = fields ? launchSpecOf(fields) : undefined;
  if (!spec) throw new Error('the launch needs a server name, an image, a flavor and a network');
  return spec;
}

type Planning = { status: 'idle' } | { status: 'loading'; inputs: string } | { status: 'ready'; inputs: string; plan: ActionPlan } | { status: 'failed'; inputs: string; error: ErrorDescription };

export function ActionsPage() {
  if (!useActionsAllowed()) {
    return (
      <>
        <PageHeader title="Actions" />
        <div className="px-6 py-4">
          <Notice tone="info" title="Actions are off: the console is read-only">
            This console is configured read-only (a NOC wall or a reader role): it changes nothing on any cloud, and offers no actions.
          </Notice>
        </div>
      </>
    );
  }
  return <ActionsWorkspace />;
}

function ActionsWorkspace() {
  const clouds = useClouds();
  const regions = useCloudRegions();
  const { clientFor, execute } = useActionClients();
  const [params, setParams] = useSearchParams();
  const url = readActionUrl(params);
  const { records, live, loaded, logError } = useRuns();
  const [planning, setPlanning] = useState<Planning>({ status: 'idle' });
  const queryClient = useQueryClient();
  // What a run changed shows in the inventory and the pickers without waiting for their next refresh.
  const afterRun = () => void queryClient.invalidateQueries({ predicate: (query) => ['inventory', 'actions'].includes(String(query.queryKey[0])) });

  useEffect(() => {
    void loadRuns();
  }, []);

  const inputs = writeActionUrl({ ...url, run: undefined }).toString();
  const update = (change: Partial<ActionUrlState>) => setParams(writeActionUrl({ ...url, ...change }), { replace: true });

  const preview = async () => {
    setPlanning({ status: 'loading', inputs });
    const request = { planId: `plan-${crypto.randomUUID()}`, now: Date.now() };
    try {
      const plan =
        url.action === 'keypair-sync'
          ? await loadKeypairSyncPlan(clientFor, { ...request, source: url.from ?? { cloud: '', region: '' }, name: url.key, targets: url.to })
          : url.action === 'security-group-sync'
            ? await loadSecurityGroupSyncPlan(clientFor, { ...request, source: url.from ?? { cloud: '', region: '' }, name: url.group, targets: url.to })
            : url.action === 'flavor-parity'
            ? await loadFlavorParityPlan(clientFor, { ...request, reference: url.from ?? { cloud: '', region: '' }, targets: url.to })
            : url.action === 'image-replication'
            ? await loadImageReplicationPlan(clientFor, { ...request, source: url.from ?? { cloud: '', region: '' }, imageId: url.image, targets: url.to, stores: url.stores })
            : url.action === 'fan-out-launch'
            ? await loadFanOutLaunchPlan(clientFor, { ...request, spec: launchSpecOrThrow(url.launch), targets: url.to })
            : await loadServerLifecyclePlan(clientFor, { ...request, verb: url.verb, tag: url.tag, serverKeys: url.servers });
      setPlanning({ status: 'ready', inputs, plan });
    } catch (error) {
      // A plain Error is the planner's own refusal (no such key pair at the source), not a cloud's failure.
      const description = isOpenStackError(error) ? describeError(error) : { headline: 'Cannot make the plan', detail: error instanceof Error ? error.message : String(error) };
      setPlanning({ status: 'failed', inputs, error: description });
    }
  };

  const run = (plan: ActionPlan) => {
    const runId = newRunId();
    setPlanning({ status: 'idle' });
    update({ run: runId });
    void launchRun(runId, plan, actorsOf(clientFor, plan), execute).then(afterRun);
  };

  const current = planning.status !== 'idle' && planning.inputs === inputs ? planning : undefined;
  const openRun = url.run ? records.find((record) => record.id === url.run) : undefined;

  return (
    <>
      <PageHeader title="Actions" description="Act on many clouds at once: every action is a plan you preview, a run you can follow, cancel and retry, and an entry in the audit log." />
      <div className="space-y-4 px-6 py-4">
        {logError ? (
          <Notice tone="error" title="The audit log cannot be opened">
            Actions need the browser’s IndexedDB to keep their audit log ({logError}); none is offered until it can be opened.
          </Notice>
        ) : null}
        {clouds.length === 0 ? (
          <Notice tone="info" title="No clouds yet">
            Add clouds on the Clouds page; actions act on them.
          </Notice>
        ) : null}
        {url.run ? (
          openRun ? (
            <RunPanel
              record={openRun}
              live={live.has(openRun.id)}
              onCancel={() => cancelRun(openRun.id)}
              onContinue={() => void continueRecordedRun(openRun, execute).then(afterRun)}
              onClose={() => update({ run: undefined })}
            />
          ) : loaded ? (
            <Notice tone="warning" title="Run not found">
              This browser’s audit log has no run {url.run}: the log is kept per browser.
            </Notice>
          ) : (
            <p role="status" className="text-xs text-slate-500">
              Reading the audit log…
            </p>
          )
        ) : null}
        {clouds.length > 0 && !logError ? (
          <section aria-label="New action" className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
            <div role="tablist" aria-label="Kind of action" className="flex gap-1">
              {CHOICES.map((choice) => (
                <button
                  key={choice.id}
                  type="button"
                  role="tab"
                  aria-selected={url.action === choice.id}
                  onClick={() => update({ action: choice.id })}
                  className={
                    url.action === choice.id
                      ? 'rounded bg-teal-50 px-3 py-1 text-sm font-medium text-teal-900 dark:bg-teal-950 dark:text-teal-100'
                      : 'rounded px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                  }
                >
                  {choice.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" aria-label={CHOICES.find((choice) => choice.id === url.action)?.label}>
              {url.action === 'keypair-sync' ? (
                <KeypairSyncForm
                  clouds={regions}
                  clientFor={clientFor}
                  from={url.from}
                  keyName={url.key}
                  to={url.to}
                  onChange={(change) => update(change)}
                  onPreview={() => void preview()}
                  planning={current?.status === 'loading'}
                />
              ) : url.action === 'security-group-sync' ? (
                <SecurityGroupSyncForm
                  clouds={regions}
                  clientFor={clientFor}
                  from={url.from}
                  group={url.group}
                  to={url.to}
                  onChange={(change) => update(change)}
                  onPreview={() => void preview()}
                  planning={current?.status === 'loading'}
                />
              ) : url.action === 'image-replication' ? (
                <ImageReplicationForm
                  clouds={regions}
                  clientFor={clientFor}
                  from={url.from}
                  image={url.image}
                  to={url.to}
                  stores={url.stores ?? []}
                  onChange={(change) => update(change)}
                  onPreview={() => void preview()}
                  planning={current?.status === 'loading'}
                />
              ) : url.action === 'fan-out-launch' ? (
                <FanOutLaunchForm
                  clouds={regions}
                  fields={url.launch ?? EMPTY_LAUNCH_FIELDS}
                  to={url.to}
                  onChange={(change) => update(change)}
                  onPreview={() => void preview()}
                  planning={current?.status === 'loading'}
                />
              ) : url.action === 'flavor-parity' ? (
                <FlavorParityForm
                  clouds={regions}
                  from={url.from}
                  to={url.to}
                  onChange={(change) => update(change)}
                  onPreview={() => void preview()}
                  planning={current?.status === 'loading'}
                />
              ) : (
                <ServerLifecycleForm
                  servers={url.servers}
                  verb={url.verb}
                  tag={url.tag}
                  onChange={(change) => update(change)}
                  onPreview={() => void preview()}
                  planning={current?.status === 'loading'}
                />
              )}
            </div>
            {current?.status === 'failed' ? <ErrorDetails description={current.error} /> : null}
          </section>
        ) : null}
        {current?.status === 'ready' ? <PlanPreview key={current.plan.id} plan={current.plan} onRun={() => run(current.plan)} onDiscard={() => setPlanning({ status: 'idle' })} /> : null}
        <AuditLogList
          records={records}
          live={live}
          onOpen={(record) => update({ run: record.id })}
          onResume={(record) => {
            update({ run: record.id });
            void continueRecordedRun(record, execute).then(afterRun);
          }}
        />
      </div>
    </>
  );
}
