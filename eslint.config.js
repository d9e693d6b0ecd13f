import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The seams of DESIGN.md: imports only point from ui to fleet to openstack,
 * and the simulator never reaches into the UI. Each entry forbids a layer
 * from importing the folders it must not know about.
 */
const seam = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((folder) => ({
          group: [`**/${folder}`, `**/${folder}/**`],
          message: `This layer must not import from src/${folder} (see DESIGN.md, "The three seams").`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-e2e-*', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  seam(['src/openstack/**'], ['fleet', 'ui', 'sim', 'demo']),
  seam(['src/fleet/**'], ['ui', 'sim', 'demo']),
  seam(['src/sim/**'], ['ui', 'fleet', 'demo']),
  seam(['src/ui/**'], ['sim', 'demo']),
);
