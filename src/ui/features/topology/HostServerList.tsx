import { Link } from 'react-router';
import { describeError } from '../../../fleet/health/describe-error.ts';
import { serverRowKey } from '../../../fleet/inventory/server-row.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { useHostServers } from './api/host-servers.ts';

/** The deepest level of the topology: the servers on a host, each a link to its details in the inventory. */
export function HostServerList({ cloud, region, host }: { cloud: string; region: string; host: string }) {
  const query = useHostServers({ cloud, region, host });
  return (
    <div role="group" aria-label="Servers on this host" className="space-y-1 border-t border-slate-200 pt-2 dark:border-slate-800">
      <p className="text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">Servers on this host</p>
      {query.isPending ? (
        <p role="status" className="text-slate-500 dark:text-slate-400">
          Reading the servers on {host}…
        </p>
      ) : query.isError ? (
        <ErrorDetails description={describeError(query.error)} />
      ) : query.data.servers.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">No server runs here (or this role may not see which do).</p>
      ) : (
        <>
          <ul className="max-h-64 space-y-0.5 overflow-y-auto">
            {query.data.servers.map((server) => (
              <li key={server.id} className="flex items-baseline justify-between gap-2">
                <Link to={`/servers?${new URLSearchParams({ open: serverRowKey(cloud, region, server.id) }).toString()}`} className="truncate text-teal-800 underline dark:text-teal-300">
                  {server.name}
                </Link>
                <span className={server.status === 'ERROR' ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}>{server.status}</span>
              </li>
            ))}
          </ul>
          {query.data.truncated ? <p className="text-slate-500 dark:text-slate-400">One page of servers is shown; the inventory lists them all.</p> : null}
        </>
      )}
    </div>
  );
}
