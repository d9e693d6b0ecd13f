import { useId, useState } from 'react';
import { exportCloudsYaml } from '../../../fleet/registry/export-clouds-yaml.ts';
import { useClouds } from '../../app/fleet-runtime-context.tsx';
import { BUTTON, INPUT, LABEL, PANEL } from './form-styles.ts';

/** The registry as a clouds.yaml without secrets, to copy or download. */
export function ExportPanel({ onClose }: { onClose: () => void }) {
  const clouds = useClouds();
  const text = exportCloudsYaml(clouds);
  const [copied, setCopied] = useState<string>();
  const id = useId();

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'clouds.yaml';
    link.click();
    URL.revokeObjectURL(url);
  }

  function copy() {
    navigator.clipboard.writeText(text).then(
      () => setCopied('Copied to the clipboard.'),
      () => setCopied('The browser refused the clipboard; select the text and copy it instead.'),
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className={PANEL}>
      <h2 id={`${id}-title`} className="font-semibold">
        Export clouds.yaml
      </h2>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">Every cloud except the demo ones, without passwords or secrets.</p>
      <label htmlFor={`${id}-text`} className={`${LABEL} mt-3`}>
        Exported clouds.yaml
      </label>
      <textarea id={`${id}-text`} readOnly value={text} rows={10} spellCheck={false} className={`${INPUT} font-mono text-xs`} />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} onClick={download}>
          Download
        </button>
        <button type="button" className={BUTTON} onClick={copy}>
          Copy
        </button>
        <button type="button" className={BUTTON} onClick={onClose}>
          Close
        </button>
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {copied}
        </span>
      </div>
    </section>
  );
}
