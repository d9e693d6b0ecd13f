import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ProblemList } from './ProblemList.tsx';

/** Problems in the runtime config or the demo's fleet spec: shown, never swallowed, while the rest still loads. */
export function ConfigProblems() {
  const { configError, configProblems, configWarnings, origin } = useFleetRuntime();
  return (
    <>
      {configError ? <Notice tone="error" title="The runtime config could not be read">{configError}</Notice> : null}
      {origin.kind === 'demo' && origin.specProblem ? (
        <Notice tone="warning" title="The fleet spec in the URL was not understood; showing the default demo fleet">
          {origin.specProblem}
        </Notice>
      ) : null}
      {configProblems.length > 0 ? (
        <Notice tone="error" title={`${configProblems.length} cloud ${configProblems.length === 1 ? 'entry' : 'entries'} could not be loaded`}>
          <ProblemList problems={configProblems} />
        </Notice>
      ) : null}
      {configWarnings.length > 0 ? (
        <Notice tone="warning" title="Settings that do not apply in a browser">
          <ProblemList problems={configWarnings} />
        </Notice>
      ) : null}
    </>
  );
}
