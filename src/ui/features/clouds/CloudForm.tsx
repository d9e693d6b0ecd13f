import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import type { EntryProblem } from '../../../fleet/registry/cloud-from-clouds-yaml.ts';
import { useFleetRuntime, useRegistry } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { AUTH_TYPES, cloudOfFormValues, formValuesOf, type AuthType, type CloudFormValues } from './cloud-form-values.ts';
import { BUTTON, INPUT, LABEL, PANEL, PRIMARY_BUTTON } from './form-styles.ts';

/** Problems come back keyed like clouds.yaml; the form names its own fields instead. */
const FIELD_LABELS: Record<string, string> = {
  '(name)': 'Name',
  'auth.auth_url': 'Auth URL',
  'auth.username': 'Username',
  'auth.application_credential_id': 'Application credential ID',
  'auth.identity_provider': 'Identity provider',
  'auth.protocol': 'Protocol',
  region_name: 'Regions',
  interface: 'Interface',
};

/** The one secret each method takes here; the browser login's token comes from the sign-in, never from a field. */
const SECRET_LABELS: Record<AuthType, string | undefined> = {
  v3password: 'Password',
  v3applicationcredential: 'Application credential secret',
  v3token: 'Token',
  v3oidcaccesstoken: 'Access token',
  v3oidcbrowser: undefined,
};

/** Adds a cloud, or edits one of the operator's own. Validated exactly like an imported clouds.yaml entry. */
export function CloudForm({ editing, onDone }: { editing?: CloudDefinition; onDone: () => void }) {
  const { registry, transportFor } = useFleetRuntime();
  const addClouds = useRegistry((state) => state.addClouds);
  const replaceCloud = useRegistry((state) => state.replaceCloud);
  const [values, setValues] = useState<CloudFormValues>(() => formValuesOf(editing));
  const [problems, setProblems] = useState<EntryProblem[]>([]);
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const field = (key: keyof CloudFormValues) => ({
    id: `${id}-${key}`,
    value: values[key],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value })),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const taken = registry.getState().clouds.map((cloud) => cloud.name);
    const result = cloudOfFormValues(values, { editing, taken, transportFor });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    if (editing) replaceCloud(editing.name, result.cloud);
    else addClouds([result.cloud]);
    onDone();
  }

  const title = editing ? `Edit ${editing.name}` : 'Add a cloud';
  const secretLabel = SECRET_LABELS[values.authType];
  return (
    <section aria-labelledby={`${id}-title`} className={PANEL}>
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Name" htmlFor={`${id}-name`}>
            <input ref={first} required autoComplete="off" className={INPUT} {...field('name')} />
          </Field>
          <Field label="Auth URL (Keystone)" htmlFor={`${id}-authUrl`}>
            <input type="url" required placeholder="https://keystone.example.net:5000/v3" className={INPUT} {...field('authUrl')} />
          </Field>
          <Field label="Sign-in method" htmlFor={`${id}-authType`}>
            <select className={INPUT} {...field('authType')}>
              {AUTH_TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label} ({type.value})
                </option>
              ))}
            </select>
          </Field>
          {values.authType === 'v3password' ? (
            <>
              <Field label="Username" htmlFor={`${id}-username`}>
                <input autoComplete="username" className={INPUT} {...field('username')} />
              </Field>
              <Field label="User domain" htmlFor={`${id}-userDomainName`}>
                <input className={INPUT} {...field('userDomainName')} />
              </Field>
            </>
          ) : null}
          {values.authType === 'v3applicationcredential' ? (
            <Field label="Application credential ID" htmlFor={`${id}-applicationCredentialId`}>
              <input autoComplete="off" className={INPUT} {...field('applicationCredentialId')} />
            </Field>
          ) : null}
          {values.authType === 'v3oidcaccesstoken' || values.authType === 'v3oidcbrowser' ? (
            <>
              <Field label="Identity provider" htmlFor={`${id}-identityProvider`}>
                <input className={INPUT} {...field('identityProvider')} />
              </Field>
              <Field label="Protocol" htmlFor={`${id}-protocol`}>
                <input className={INPUT} {...field('protocol')} />
              </Field>
            </>
          ) : null}
          {values.authType !== 'v3applicationcredential' ? (
            <>
              <Field label="Project" htmlFor={`${id}-projectName`} hint="empty: the first you may use">
                <input className={INPUT} {...field('projectName')} />
              </Field>
              <Field label="Project domain" htmlFor={`${id}-projectDomainName`}>
                <input className={INPUT} {...field('projectDomainName')} />
              </Field>
            </>
          ) : null}
          <Field label="Regions" htmlFor={`${id}-regions`} hint="comma-separated; empty: all">
            <input className={INPUT} {...field('regions')} />
          </Field>
          <Field label="Interface" htmlFor={`${id}-interface`}>
            <select className={INPUT} {...field('interface')}>
              <option value="">public (default)</option>
              <option value="public">public</option>
              <option value="internal">internal</option>
              <option value="admin">admin</option>
            </select>
          </Field>
          {secretLabel ? (
            <Field label={secretLabel} htmlFor={`${id}-secret`} hint={editing ? 'this tab only; empty: keep' : 'this tab only; empty: ask later'}>
              <input type="password" autoComplete={values.authType === 'v3password' ? 'current-password' : 'off'} className={INPUT} {...field('secret')} />
            </Field>
          ) : null}
        </div>
        {problems.length > 0 ? (
          <Notice tone="error" title="The cloud cannot be saved">
            <ul className="list-disc space-y-0.5 pl-4">
              {problems.map((problem) => (
                <li key={problem.key}>
                  <strong>{FIELD_LABELS[problem.key] ?? problem.key}</strong> {problem.message}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        <div className="flex gap-2">
          <button type="submit" className={PRIMARY_BUTTON}>
            {editing ? 'Save changes' : 'Add cloud'}
          </button>
          <button type="button" className={BUTTON} onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className={LABEL}>
        {label}
        {hint ? <span className="font-normal text-slate-500"> — {hint}</span> : null}
      </label>
      {children}
    </div>
  );
}
