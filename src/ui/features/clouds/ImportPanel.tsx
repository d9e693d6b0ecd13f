import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { EntryProblem } from '../../../fleet/registry/cloud-from-clouds-yaml.ts';
import { importCloudsYaml, type ImportResult } from '../../../fleet/registry/merge-import.ts';
import { FILE, MAX_CLOUDS_YAML_BYTES, tooLargeMessage } from '../../../fleet/registry/parse-clouds-yaml.ts';
import { useFleetRuntime, useRegistry } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { BUTTON, INPUT, LABEL, PANEL, PRIMARY_BUTTON } from './form-styles.ts';
import { ProblemList } from './ProblemList.tsx';

type Outcome = { names: string[]; problems: EntryProblem[]; warnings: EntryProblem[] };

/**
 * Import by pasting or choosing a file. The text is cleared once clouds are
 * imported, so secrets do not linger on screen; they live on only in memory.
 */
export function ImportPanel() {
  const { transportFor, registry } = useFleetRuntime();
  const addClouds = useRegistry((state) => state.addClouds);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const id = useId();

  function onImport(event: FormEvent) {
    event.preventDefault();
    // The registry as it is at the moment of import, not as of the last render.
    const result: ImportResult = importCloudsYaml(text, registry.getState().clouds, transportFor);
    addClouds(result.added);
    if (result.added.length > 0) setText('');
    setOutcome({ names: result.added.map((cloud) => cloud.name), problems: result.problems, warnings: result.warnings });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_CLOUDS_YAML_BYTES) {
      setOutcome({ names: [], problems: [{ cloud: FILE, key: file.name, message: tooLargeMessage(file.size) }], warnings: [] });
      return;
    }
    setText(await file.text());
    setOutcome(undefined);
  }

  return (
    <section aria-labelledby={`${id}-title`} className={PANEL}>
      <h2 id={`${id}-title`} className="font-semibold">
        Import clouds.yaml
      </h2>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
        The <code>clouds:</code> mapping of an openstacksdk file. Passwords and secrets it carries are used to sign in and kept in this tab
        only: they are never saved, and asked for again after a reload.
      </p>
      <form onSubmit={onImport} className="mt-3 space-y-2">
        <label htmlFor={`${id}-text`} className={LABEL}>
          Paste clouds.yaml
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={8}
          spellCheck={false}
          autoComplete="off"
          placeholder={'clouds:\n  mycloud:\n    auth:\n      auth_url: https://keystone.example.net:5000/v3\n      username: ops'}
          className={`${INPUT} font-mono text-xs`}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={PRIMARY_BUTTON} disabled={text.trim() === ''}>
            Import
          </button>
          <label className={`${BUTTON} cursor-pointer focus-within:outline-2 focus-within:outline-teal-600`}>
            Choose a clouds.yaml file…
            <input type="file" accept=".yaml,.yml,text/yaml,application/yaml" onChange={(event) => void onFile(event)} className="sr-only" />
          </label>
        </div>
      </form>
      {outcome ? <ImportOutcome outcome={outcome} /> : null}
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { names, problems, warnings } = outcome;
  return (
    <div className="mt-3 space-y-2">
      {names.length > 0 ? (
        <Notice tone="info" title={`Imported ${names.length} ${names.length === 1 ? 'cloud' : 'clouds'}`}>
          {names.join(', ')}
        </Notice>
      ) : null}
      {problems.length > 0 ? (
        <Notice
          tone="error"
          title={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${names.length > 0 ? 'those entries were not imported' : 'nothing was imported'}`}
        >
          <ProblemList problems={problems} />
        </Notice>
      ) : null}
      {warnings.length > 0 ? (
        <Notice tone="warning" title="Settings that do not apply in a browser">
          <ProblemList problems={warnings} />
        </Notice>
      ) : null}
      {names.length === 0 && problems.length === 0 ? <Notice tone="warning" title="The file holds no clouds" /> : null}
    </div>
  );
}
