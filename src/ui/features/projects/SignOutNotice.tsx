import { describeError } from '../../../fleet/health/describe-error.ts';
import { useRegistry } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useSignOutStore } from './sign-out-store.ts';

const BUTTON =
  'mt-2 rounded border border-current/30 px-2 py-0.5 text-xs font-medium hover:bg-white/40 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-black/20';

/** After sign-out: what was revoked, what could not be (by cloud, with why), and the way back in. */
export function SignOutNotice() {
  const signedOut = useRegistry((state) => state.signedOut);
  const resumeSignIn = useRegistry((state) => state.resumeSignIn);
  const report = useSignOutStore((state) => state.report);
  const setReport = useSignOutStore((state) => state.setReport);
  if (!signedOut) return null;
  const failures = report?.failures ?? [];
  return (
    <Notice tone={failures.length > 0 ? 'warning' : 'info'} title="Signed out">
      <p>
        {report ? `${report.revoked} ${report.revoked === 1 ? 'token' : 'tokens'} revoked at Keystone. ` : ''}
        Every password, secret and token of this tab is forgotten; clouds ask for their secret again.
      </p>
      {report?.oidc ? (
        <p>{report.oidc.providerRevoked ? 'The OIDC access token was revoked at the provider.' : report.oidc.problem}</p>
      ) : null}
      {failures.length > 0 ? (
        <ul aria-label="Tokens not revoked" className="mt-1 list-disc pl-5">
          {failures.map((failure, index) => (
            <li key={`${failure.cloud}-${failure.project ?? ''}-${index}`}>
              {failure.cloud}
              {failure.project ? ` (${failure.project})` : ''}: {describeError(failure.error).headline} — the token stays valid until it expires.
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className={BUTTON}
        onClick={() => {
          setReport(undefined);
          resumeSignIn();
        }}
      >
        Sign in again with the configured clouds
      </button>
    </Notice>
  );
}
