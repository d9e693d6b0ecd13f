import type { EntryProblem } from '../../../fleet/registry/cloud-from-clouds-yaml.ts';
import { FILE } from '../../../fleet/registry/parse-clouds-yaml.ts';

/** Problems as the operator looks for them in their file: which cloud, which key, what is wrong. */
export function ProblemList({ problems }: { problems: readonly EntryProblem[] }) {
  return (
    <ul className="list-disc space-y-0.5 pl-4">
      {problems.map((problem, index) => (
        <li key={`${problem.cloud}:${problem.key}:${index}`}>
          {problem.cloud === FILE ? 'The file' : <strong>{problem.cloud}</strong>}: <code>{problem.key}</code> {problem.message}
        </li>
      ))}
    </ul>
  );
}
