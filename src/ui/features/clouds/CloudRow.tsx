import type { CloudOverview } from '../../../fleet/clouds/cloud-overview.ts';
import type { CloudHealth } from '../../../fleet/health/cloud-health.ts';
import type { ErrorDescription } from '../../../fleet/health/describe-error.ts';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatAge, formatTimeLeft } from '../../lib/format-duration.ts';

interface CloudRowProps {
  cloud: CloudDefinition;
  overview?: CloudOverview;
  health: CloudHealth;
  error?: ErrorDescription;
  isFetching: boolean;
  onRetry: () => void;
  now: number;
}

const CELL = 'px-3 py-2 align-top';

export function CloudRow({ cloud, overview, health, error, isFetching, onRetry, now }: CloudRowProps) {
  const age = health.ageMs !== undefined && health.status !== 'pending' ? formatAge(health.ageMs) : undefined;
  return (
    <tr aria-label={cloud.name} className="border-t border-slate-200 dark:border-slate-800">
      <th scope="row" className={`${CELL} font-medium`}>
        <div>{cloud.name}</div>
        <div className="max-w-[16rem] truncate font-mono text-xs font-normal text-slate-500" title={cloud.authUrl}>
          {cloud.authUrl}
        </div>
        {cloud.description ? <div className="text-xs font-normal text-slate-500">{cloud.description}</div> : null}
      </th>
      <td className={CELL}>
        <StatusBadge status={health.status} detail={age} />
      </td>
      {error ? (
        <td colSpan={4} className={CELL}>
          <ErrorDetails description={error} />
        </td>
      ) : (
        <SessionCells cloud={cloud.name} overview={overview} pending={health.status === 'pending'} now={now} />
      )}
      <td className={`${CELL} text-right`}>
        <button
          type="button"
          onClick={onRetry}
          disabled={isFetching}
          aria-label={`${error ? 'Retry' : 'Refresh'} ${cloud.name}`}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {isFetching ? 'Checking…' : error ? 'Retry' : 'Refresh'}
        </button>
      </td>
    </tr>
  );
}

function SessionCells({ cloud, overview, pending, now }: { cloud: string; overview?: CloudOverview; pending: boolean; now: number }) {
  if (!overview) {
    return (
      <>
        {[0, 1, 2, 3].map((column) => (
          <td key={column} className={CELL}>
            <Placeholder pending={pending} />
          </td>
        ))}
      </>
    );
  }
  return (
    <>
      <td className={CELL}>
        <ul aria-label={`Regions of ${cloud}`} className="space-y-0.5">
          {overview.regions.map((region) => (
            <li key={region.name}>
              <span className="font-medium whitespace-nowrap">{region.name}</span>{' '}
              <span className="text-xs text-slate-500">{region.services.join(' · ')}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className={CELL}>{overview.project ?? <span className="text-slate-500">unscoped</span>}</td>
      <td className={CELL}>
        <div>{overview.user}</div>
        <div className="text-xs text-slate-500">{overview.roles.join(', ') || 'no roles'}</div>
      </td>
      <td className={`${CELL} whitespace-nowrap`}>expires {formatTimeLeft(overview.tokenExpiresAt.getTime() - now)}</td>
    </>
  );
}

function Placeholder({ pending }: { pending: boolean }) {
  return pending ? (
    <span aria-hidden="true" className="inline-block h-3 w-24 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
  ) : (
    <span className="text-slate-400">—</span>
  );
}
