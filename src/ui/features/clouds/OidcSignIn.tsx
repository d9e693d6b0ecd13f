import { useLocation } from 'react-router';
import { useStore } from 'zustand';
import { issuerHost } from '../../../fleet/config/oidc-settings.ts';
import type { OidcLogin } from '../../../fleet/session/oidc-login.ts';
import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { formatTimeLeft } from '../../lib/format-duration.ts';
import { PRIMARY_BUTTON, SMALL_BUTTON } from './form-styles.ts';

/** Leaves for the provider's login page, to come back to this very page. */
export function OidcSignInButton({ login, small = false }: { login: OidcLogin; small?: boolean }) {
  const location = useLocation();
  const redirecting = useStore(login.state, (state) => state.status === 'redirecting');
  return (
    <button
      type="button"
      className={small ? SMALL_BUTTON : PRIMARY_BUTTON}
      disabled={redirecting}
      onClick={() => void login.signIn(`${location.pathname}${location.search}${location.hash}`)}
    >
      {redirecting ? 'Opening the sign-in…' : `Sign in with ${issuerHost(login.settings)}`}
    </button>
  );
}

/** The sign-in of a `v3oidcbrowser` cloud's row: the shared login, or why there is none. */
export function OidcCloudSignIn() {
  const { oidcLogin } = useFleetRuntime();
  if (!oidcLogin) {
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">
        This cloud signs in with the console&apos;s OIDC login, but no provider is configured (<code>oidc</code> in the runtime config).
      </p>
    );
  }
  return <RowButton login={oidcLogin} />;
}

/** While signed in, a cloud that refuses the token has its own problem: signing in again would not help it. */
function RowButton({ login }: { login: OidcLogin }) {
  const signedIn = useStore(login.state, (state) => state.status === 'signed-in');
  return signedIn ? null : <OidcSignInButton login={login} small />;
}

const WAITING_TONE = 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-200';
const EXPIRED_TONE = 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200';

/** One line above the clouds that sign in with the OIDC login: who is signed in, until when, or the button. */
export function OidcSignInPanel({ login, clouds, now }: { login: OidcLogin; clouds: number; now: number }) {
  const state = useStore(login.state);
  const host = issuerHost(login.settings);
  if (state.status === 'signed-in') {
    return (
      <section aria-label="OIDC sign-in" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
        <p>
          Signed in at <span className="font-medium">{host}</span> as <span className="font-medium">{state.userName}</span>
          {state.expiresAt ? <span className="text-slate-500"> · expires {formatTimeLeft(state.expiresAt.getTime() - now)}</span> : null}
          <span className="text-slate-500"> · used by {clouds} {clouds === 1 ? 'cloud' : 'clouds'}</span>
        </p>
        <button type="button" className={SMALL_BUTTON} onClick={() => void login.signOut()}>
          Sign out
        </button>
      </section>
    );
  }
  const waiting = `${clouds} ${clouds === 1 ? 'cloud waits' : 'clouds wait'} for a sign-in at ${host}.`;
  const expired = state.status === 'expired';
  return (
    <>
      {state.status === 'signed-out' && state.error ? (
        <Notice tone="error" title="OIDC sign-in failed">
          {state.error}
        </Notice>
      ) : null}
      <section
        aria-label="OIDC sign-in"
        className={`flex flex-wrap items-center justify-between gap-2 rounded-md border px-4 py-2 text-sm ${expired ? EXPIRED_TONE : WAITING_TONE}`}
      >
        <p>{expired ? `The sign-in of ${state.userName} at ${host} expired; ${clouds === 1 ? 'its cloud waits' : `its ${clouds} clouds wait`} for a new one.` : waiting}</p>
        <OidcSignInButton login={login} />
      </section>
    </>
  );
}
