// ESLint: the layout rules of docs/ARCHITECTURE.md, kept by the linter (npm run lint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

const NODE_BUILTINS = {
  regex: '^node:',
  message: 'Node built-ins belong in electron/ or scripts/, not here.',
};
const DEXIE = [
  { name: 'dexie', message: 'Only renderer/src/data/** and a feature’s data.ts touch Dexie.' },
  { name: 'dexie-react-hooks', message: 'Use the live-query helper of renderer/src/data/live.ts.' },
  { name: 'dexie-export-import', message: 'Only renderer/src/data/** touches Dexie.' },
];
const DB_INSTANCE = {
  regex: '(^|/)data/(db|database)$',
  message: 'Only renderer/src/data/** and a feature’s data.ts touch the database.',
};

const FLUENT_SELECT = {
  name: '@fluentui/react-components',
  importNames: ['Dropdown', 'Combobox'],
  message: 'Use ui/select.tsx: the library’s Dropdown and Combobox carry English accessible names.',
};

const DATA_FILES = ['renderer/src/data/**', 'renderer/src/features/*/data.ts', 'renderer/src/features/*/data/**'];
const FEATURE_FILES = ['renderer/src/features/*/*.{ts,tsx}'];
const DEXIE_RULES = ['dexie'];
/** In features/<name>/<file>: `../<other>/<file>` reaches into another feature. */
const OTHER_FEATURE = {
  regex: '^\\.\\./[^./][^/]*/.+',
  message: 'Import another feature only through its index.ts (../<feature>).',
};

/** One no-restricted-imports block (ESLint replaces, not merges, a rule's options per block). */
function rendererImports(files, ignores, extra) {
  const dexie = extra.includes('dexie');
  return [
    {
      files,
      ignores,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [...(dexie ? DEXIE : []), FLUENT_SELECT],
            patterns: [
              NODE_BUILTINS,
              { group: ['**/electron/**', 'electron'], message: 'The renderer reaches main only through platform/.' },
              ...(dexie ? [DB_INSTANCE] : []),
              ...extra.filter((e) => typeof e === 'object'),
            ],
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Japanese text uses the full-width space (U+3000) on purpose: allowed inside strings, comments and JSX text.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
    },
  },
  // Narrow exceptions, each with its reason (kept here so electron/ and shared/ files stay untouched).
  {
    // Lone surrogates and combining marks are matched on purpose: the regex finds where a diff must not split.
    files: ['shared/drafts/diff.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
  {
    // Control characters are matched on purpose: they are stripped from file names and cell text.
    files: ['electron/services/files.ts', 'electron/services/exports/xlsx-common.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // A sheet list mixes row types; each SheetSpec is typed where it is built.
    files: ['electron/services/exports/xlsx-common.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Prettier's layout of `sides(ops)[side]` across lines; the expression is intended.
    files: ['electron/services/drafts/comparison-docx.ts'],
    rules: { 'no-unexpected-multiline': 'off' },
  },
  {
    // Playwright fixtures must destructure their (unused) fixture argument: `async ({}, use) => …`.
    files: ['test/e2e/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // renderer/: no electron/, no Node; Dexie only in the data modules; features meet through index.ts.
  ...rendererImports(
    ['renderer/src/**/*.{ts,tsx}'],
    [...DATA_FILES, ...FEATURE_FILES, 'renderer/src/ui/select.tsx'],
    [...DEXIE_RULES],
  ),
  ...rendererImports(FEATURE_FILES, DATA_FILES, [...DEXIE_RULES, OTHER_FEATURE]),
  ...rendererImports(DATA_FILES, [], []),
  // shared/: plain logic, runs in main, renderer and tests.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'shared/ holds no UI.' },
            { name: 'react-dom', message: 'shared/ holds no UI.' },
            { name: 'electron', message: 'shared/ never imports electron.' },
          ],
          patterns: [
            NODE_BUILTINS,
            {
              group: ['**/renderer/**', '**/electron/**', '@fluentui/*'],
              message: 'shared/ imports neither the renderer, main, nor UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  // Services never import electron: they are tested under Node.
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services never import electron; main wires them.' }] },
      ],
    },
  },
);
