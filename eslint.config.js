import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Besides the usual rules, this keeps the layers apart (docs/architecture.md, "Layers"): dependencies point
 * renderer → api ← db ← electron, web. api/ and renderer/ run in the browser: no Node, no Electron,
 * no db/. db/ never imports electron or the renderer. Nothing imports the renderer.
 */
const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib', 'buffer'];
const pattern = (group, message) => ({ group, message });

const browserOnly = [
  pattern(nodeModules, 'This layer runs in the browser: no Node modules.'),
  pattern(['electron', 'electron/*'], 'Only electron/ may import Electron.'),
  pattern(['better-sqlite3*'], 'Only db/ talks to SQLite.'),
  { regex: '(^|/)db(/.*)?$', message: 'Go through the contract (api/) instead of importing db/.' },
  pattern(['**/web/**', '**/electron/**'], 'Hosts are not importable from here.'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...browserOnly, pattern(['**/renderer/**', 'react', 'react-dom'], 'api/ imports nothing of the project and no UI.')] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', { patterns: browserOnly }],
      // The two classic hook rules; the React Compiler's rules of the plugin's "recommended" set are not taken.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A promise nobody awaits loses its error. Typed lint costs a TypeScript program: scoped to the
    // folders where a floating promise hides best (event handlers, the shell's lifecycle).
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', 'electron/*'], 'db/ runs in tests and the browser host: never import Electron.'),
            pattern(['**/renderer/**', '**/electron/**', '**/web/**'], 'db/ is below the hosts and the interface.'),
          ],
        },
      ],
    },
  },
  {
    // Shared by every layer: it imports nothing outside itself.
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'core/ runs everywhere: it imports nothing outside itself.' }] }] },
  },
  {
    files: ['electron/**/*.ts', 'web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pattern(['**/renderer/**'], 'Nothing imports the renderer; it is served as built files.')] }] },
  },
);
