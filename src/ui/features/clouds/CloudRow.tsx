import { useEffect, useRef, useState } from 'react';
import type { CloudOverview } from '../../../fleet/clouds/cloud-overview.ts';
import type { CloudHealth } from '../../../fleet/health/cloud-health.ts';
import type { ErrorDescription } from '../../../fleet/health/describe-error.ts';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { secretKindOf } from '../../../fleet/registry/cloud-secrets.ts';
import { useRegistry } from '../../app/fleet-runtime-context.tsx';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatAge, formatTimeLeft } from '../../lib/format-duration.ts';
import { ProjectCell } from '../projects/ProjectCell.tsx';
import { SMALL_BUTTON } from './form-styles.ts';
import { OidcCloudSignIn } from './OidcSignIn.tsx';
import { SignInForm } from './SignInForm.tsx';

interface CloudRowProps {
  cloud: CloudDefinition;
  overview?: CloudOverview;
  health: CloudHealth;
  error?: ErrorDescription;
  isFetching: boolean;
  onRetry: () => void;
  onEdit: () => void;
  now: number;
}

const CELL = 'px-3 py-2 align-top';

export function CloudRow({ cloud, overview, health, error, isFetching, onRetry, onEdit, now }: CloudRowProps) {
  const age = health.ageMs !== undefined && health.status !== 'pending' ? formatAge(health.ageMs) : undefined;
  const signInNeeded = health.status === 'signin-needed';
  // A rejected secret (or a token past its life) is asked for again, beside the error that says why.
  const askSecret = signInNeeded || health.status === 'unauthorized';
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
      {error || askSecret ? (
        <td colSpan={4} className={`${CELL} space-y-2`}>
          {error && !signInNeeded ? <ErrorDetails description={error} /> : null}
          {askSecret && cloud.browserLogin ? <OidcCloudSignIn /> : null}
          {askSecret && !cloud.browserLogin ? <SignInForm cloud={cloud.name} secretKind={secretKindOf(cloud.auth)} /> : null}
        </td>
      ) : (
        <SessionCells cloud={cloud} overview={overview} pending={health.status === 'pending'} now={now} />
      )}
      <td className={`${CELL} text-right`}>
        <div className="flex justify-end gap-1 whitespace-nowrap">
          {signInNeeded ? null : (
            <button type="button" onClick={onRetry} disabled={isFetching} aria-label={`${error ? 'Retry' : 'Refresh'} ${cloud.name}`} className={SMALL_BUTTON}>
              {isFetching ? 'Checking…' : error ? 'Retry' : 'Refresh'}
            </button>
          )}
          {cloud.source === 'user' ? <UserCloudActions cloud={cloud.name} onEdit={onEdit} /> : null}
        </div>
      </td>
    </tr>
  );
}

/** Edit and Remove for the operator's own clouds; removal asks first, and keyboard focus follows. */
function UserCloudActions({ cloud, onEdit }: { cloud: string; onEdit: () => void }) {
  const removeCloud = useRegistry((state) => state.removeCloud);
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) remove.current?.focus();
  }, [confirming]);

  if (confirming) {
    return (
      <div role="group" aria-label={`Confirm removal of ${cloud}`} className="flex items-center gap-1 text-xs">
        <span>Remove {cloud}?</span>
        <button type="button" onClick={() => removeCloud(cloud)} className={`${SMALL_BUTTON} border-red-300 text-red-800 dark:border-red-800 dark:text-red-300`}>
          Yes, remove
        </button>
        <button ref={keep} type="button" onClick={() => setConfirming(false)} className={SMALL_BUTTON}>
          Keep
        </button>
      </div>
    );
  }
  return (
    <>
      <button type="button" onClick={onEdit} aria-label={`Edit ${cloud}`} className={SMALL_BUTTON}>
        Edit
      </button>
      <button
        ref={remove}
        type="button"
        onClick={() => {
          asked.current = true;
          setConfirming(true);
        }}
        aria-label={`Remove ${cloud}`}
        className={SMALL_BUTTON}
      >
        Remove
      </button>
    </>
  );
}

function SessionCells({ cloud, overview, pending, now }: { cloud: CloudDefinition; overview?: CloudOverview; pending: boolean; now: number }) {
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
        <ul aria-label={`Regions of ${cloud.name}`} className="space-y-0.5">
          {overview.regions.map((region) => (
            <li key={region.name}>
              <span className="font-medium whitespace-nowrap">{region.name}</span>{' '}
              <span className="text-xs text-slate-500">{region.services.join(' · ')}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className={CELL}>
        <ProjectCell cloud={cloud} overview={overview} now={now} />
      </td>
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
