import { useId, useState, type FormEvent } from 'react';
import type { SecretKind } from '../../../fleet/registry/cloud-secrets.ts';
import { useRegistry } from '../../app/fleet-runtime-context.tsx';
import { INPUT, PRIMARY_BUTTON } from './form-styles.ts';

/** Asks for the one secret a cloud lacks; it goes to memory only, and the cloud signs in with it at once. */
export function SignInForm({ cloud, secretKind }: { cloud: string; secretKind: SecretKind }) {
  const setSecret = useRegistry((state) => state.setSecret);
  const [secret, setValue] = useState('');
  const id = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (secret === '') return;
    setSecret(cloud, secret);
    setValue('');
  }

  return (
    <form onSubmit={onSubmit} aria-label={`Sign in to ${cloud}`} className="flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <label htmlFor={id} className="block text-xs text-slate-600 dark:text-slate-400">
          {secretKind.charAt(0).toUpperCase() + secretKind.slice(1)} for {cloud} <span className="text-slate-500">(kept in this tab only)</span>
        </label>
        <input
          id={id}
          type="password"
          value={secret}
          onChange={(event) => setValue(event.target.value)}
          autoComplete={secretKind === 'password' ? 'current-password' : 'off'}
          required
          className={INPUT}
        />
      </div>
      <button type="submit" className={PRIMARY_BUTTON} disabled={secret === ''}>
        Sign in
      </button>
    </form>
  );
}
