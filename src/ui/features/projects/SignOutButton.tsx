import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { signOutEverywhere } from '../../../fleet/session/sign-out.ts';
import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { useSignOutStore } from './sign-out-store.ts';

const BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/** Revokes every token, forgets every secret and every cached answer, then shows /clouds with what happened. */
export function SignOutButton() {
  const runtime = useFleetRuntime();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const setReport = useSignOutStore((state) => state.setReport);
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      const report = await signOutEverywhere({ connections: runtime.connections, registry: runtime.registry, oidcLogin: runtime.oidcLogin });
      // Cached answers were read with the revoked tokens: nothing of them stays on screen or in memory.
      queryClient.clear();
      setReport(report);
      await navigate('/clouds');
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" className={BUTTON} disabled={busy} onClick={() => void signOut()}>
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
