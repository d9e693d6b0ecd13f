import type { ReactNode } from 'react';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import { ActionLog, AttachedVolumes, ServerConsole } from './ServerExtras.tsx';
import { ServerStatus } from './ServerStatus.tsx';
import { formatCount } from '../../lib/format-count.ts';

/** Everything the inventory holds about one server; fields the API did not give are said to be missing. */
export function ServerDetails({ row, openKey, onClose }: { row?: ServerRow; openKey: string; onClose: () => void }) {
  return (
    <aside aria-label="Server details" className="w-96 shrink-0 overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950" style={{ maxHeight: 'max(18rem, calc(100vh - 21rem))' }}>
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 className="min-w-0 font-semibold">
          <bdi className="line-clamp-3 break-all" title={row?.name}>
            {row ? (row.partial ? 'Server in an unreachable cell' : row.name || '(no name)') : 'Server not loaded'}
          </bdi>
        </h2>
        <button type="button" onClick={onClose} aria-label="Close details" className="rounded px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100">
          ✕
        </button>
      </header>
      {row ? (
        <RowFields row={row} />
      ) : (
        <p className="px-4 py-3 text-slate-600 dark:text-slate-400">
          <bdi className="font-mono text-xs break-all">{openKey}</bdi> is not among the loaded servers: its cloud may still be loading, failing, or the server is gone.
        </p>
      )}
    </aside>
  );
}

function RowFields({ row }: { row: ServerRow }) {
  const networks = groupBy(row.addresses, (address) => address.network);
  return (
    <div className="space-y-4 px-4 py-3">
      {row.partial ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Nova cannot reach this server’s cell, so it sent only a few fields. The rest will show when the cell answers again.
        </p>
      ) : null}
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        <Field term="Status">
          <ServerStatus status={row.status} partial={row.partial} />
          {row.locked ? <span className="ml-2 text-xs">locked</span> : null}
        </Field>
        <Field term="ID" mono value={row.id} />
        <Field term="Cloud" value={row.cloud} />
        <Field term="Region" value={row.region} />
        <Field term="Site / AZ" value={row.site} />
        <Field term="Host" value={row.host} />
        <Field term="Project" mono value={row.projectId} />
        <Field term="Flavor">
          {row.flavor ? <bdi>{row.flavor}</bdi> : <Missing />}
          {row.vcpus !== undefined ? (
            <span className="ml-2 text-xs text-slate-500">
              {row.vcpus} vCPU · {formatCount((row.ramMb ?? 0) / 1024)} GiB RAM · {row.diskGb} GB disk
            </span>
          ) : null}
        </Field>
        <Field term="Image" mono value={row.imageId} missing={row.partial ? undefined : 'none (boots from a volume)'} />
        <Field term="Key pair" value={row.keyName} />
        <Field term="Created" value={row.created} />
        {row.faultMessage ? <Field term="Fault" value={row.faultMessage} /> : null}
      </dl>
      {!row.partial ? (
        <>
          <section>
            <h3 className="mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">Addresses</h3>
            {networks.size === 0 ? (
              <Missing text="No addresses" />
            ) : (
              <dl className="space-y-1 text-sm">
                {[...networks].map(([network, addresses]) => (
                  <div key={network}>
                    <dt className="font-medium">
                      <bdi>{network}</bdi>
                    </dt>
                    {addresses.map((address) => (
                      <dd key={address.addr} className="pl-3 font-mono text-xs">
                        {address.addr} <span className="font-sans text-slate-500">IPv{address.version} {address.type}</span>
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
            )}
            {row.macs.length > 0 ? <p className="mt-1 text-xs text-slate-500">MAC {row.macs.join(', ')}</p> : null}
          </section>
          <section>
            <h3 className="mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">Security groups</h3>
            {row.securityGroups.length === 0 ? <Missing text="None" /> : <p className="text-sm"><bdi>{row.securityGroups.join(', ')}</bdi></p>}
          </section>
          <AttachedVolumes row={row} />
          <ActionLog row={row} />
          <ServerConsole row={row} />
        </>
      ) : null}
    </div>
  );
}

function Field({ term, value, mono = false, missing, children }: { term: string; value?: string; mono?: boolean; missing?: string; children?: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className={`min-w-0 break-words ${mono ? 'font-mono text-xs leading-5' : ''}`}>
        {children ?? (value ? <bdi>{value}</bdi> : <Missing text={missing} />)}
      </dd>
    </>
  );
}

function Missing({ text = 'not reported' }: { text?: string }) {
  return <span className="text-slate-400 italic dark:text-slate-500">{text}</span>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
