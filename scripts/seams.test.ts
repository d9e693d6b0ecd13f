import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function seamViolations(fromFile: string, importPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${importPath}';\nexport const y = x;\n`, { filePath: fromFile });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the seams of DESIGN.md are enforced by lint', () => {
  it.each([
    ['src/openstack/probe.ts', '../fleet/registry/cloud-registry.ts'],
    ['src/openstack/compute/probe.ts', '../../ui/app/App.tsx'],
    ['src/openstack/probe.ts', '../sim/index.ts'],
    ['src/fleet/health/probe.ts', '../../ui/lib/use-now.ts'],
    ['src/fleet/probe.ts', '../sim/index.ts'],
    ['src/sim/probe.ts', '../ui/app/App.tsx'],
    ['src/sim/probe.ts', '../fleet/fleet-runtime.ts'],
    ['src/ui/features/probe.ts', '../../sim/index.ts'],
  ])('%s may not import %s', async (fromFile, importPath) => {
    expect(await seamViolations(fromFile, importPath)).toEqual([expect.stringMatching(/must not import from src\//)]);
  });

  it.each([
    ['src/fleet/probe.ts', '../openstack/index.ts'],
    ['src/ui/features/probe.ts', '../../fleet/fleet-runtime.ts'],
    ['src/demo/probe.ts', '../sim/index.ts'],
  ])('%s may import %s', async (fromFile, importPath) => {
    expect(await seamViolations(fromFile, importPath)).toEqual([]);
  });
});
