import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Besides the usual rules, this keeps the layers apart (docs/architecture.md, "Layers") the way VS Code
 * does: each layer names the folders of the project and the packages it may import, and anything else is
 * refused. Adding an edge is a deliberate change to this table, never an accident of a relative path.
 *
 *   core/      pure rules, Vietnam time, the search fold: imports nothing outside itself
 *   api/       the contract: core/ and zod (it runs in the browser too)
 *   db/        the backend: core/, api/, Node, SQLite, Kysely
 *   host/      what both hosts share (CSP, MIME types, path checks): core/ and Node
 *   electron/  the desktop host: db/ and below, host/, Electron
 *   web/       the browser host and the command-line tools: db/ and below, host/
 *   renderer/  the interface, in the browser: core/ and api/ only, no Node, no Electron, no SQLite
 *   tests/     anything
 */
const layers = {
  core: { folders: [], packages: [] },
  api: { folders: ['core'], packages: ['zod', '@zxcvbn-ts/*'] },
  // The version shown and written into bundles is package.json's.
  // exceljs: the import of an office's old registers reads .xlsx files (db/legacy/read-file.ts).
  // pg: the provincial office's PostgreSQL (db/stores/postgres.ts, issue #21).
  db: { folders: ['core', 'api'], files: ['package.json'], packages: ['node:*', 'zod', 'kysely', 'better-sqlite3-multiple-ciphers', 'exceljs', 'pg'] },
  host: { folders: ['core'], packages: ['node:*'] },
  // Where npm start put Electron's build of the SQLite module: one file of build/, shared with the build.
  electron: { folders: ['core', 'api', 'db', 'host'], files: ['build/electron-sqlite-path.mjs'], packages: ['node:*', 'electron'] },
  web: { folders: ['core', 'api', 'db', 'host'], packages: ['node:*', 'zod'] },
  renderer: { folders: ['core', 'api'], packages: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zod', 'exceljs', 'recharts', 'cytoscape', 'qrcode'] },
};
const allFolders = ['core', 'api', 'db', 'host', 'electron', 'web', 'renderer', 'tests', 'build'];

/** A relative import that leaves the allowed folders (resolved by import-x, so `../../` cannot hide one). */
function folderZone(layer, { folders, files = [] }) {
  const allowed = [layer, ...folders];
  const message = `${layer}/ may import only ${allowed.map((f) => `${f}/`).join(', ')} (eslint.config.js, docs/architecture.md "Layers").`;
  return { target: `./${layer}`, from: '.', except: [...allowed.map((f) => `./${f}`), ...files.map((f) => `./${f}`), './node_modules'], message };
}

/** A package import outside the layer's list: a regex on the specifier, relative paths left to the zones. */
function packagePattern(layer, { packages }) {
  const escape = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('/*', '/.+').replace(':*', ':.+');
  const allowed = packages.map(escape);
  const relative = '\\.\\.?(?:/|$)';
  const regex = allowed.length === 0 ? `^(?!${relative})` : `^(?!${relative}|(?:${allowed.join('|')})$)`;
  const list = packages.length === 0 ? 'no package' : packages.join(', ');
  return { regex, message: `${layer}/ may import ${list} (eslint.config.js lists each layer's packages).` };
}

const tsFiles = ['**/*.{ts,tsx}'];
// Build and test configuration files run in Node at build time, outside the layers.
const configFiles = ['renderer/vite.config.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', '.data/**', 'release/**'] },
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
    // No import cycles (a type-only import does not count: it leaves no trace at run time). import-x resolves
    // the project's extensionless TypeScript imports itself; packages are not followed.
    files: tsFiles,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // The files it reads to follow imports, and with what (without these it follows .js files only).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...Object.entries(layers).map(([layer, rule]) => ({
    files: [`${layer}/**/*.{ts,tsx}`],
    ignores: configFiles,
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [folderZone(layer, rule)] }],
      'no-restricted-imports': ['error', { patterns: [packagePattern(layer, rule)] }],
    },
  })),
  {
    // Domain files wholly moved to the asynchronous Store (docs/decisions.md, "The asynchronous Store"):
    // their reads are readings (db/reading.ts) of `qb` queries, run by the Store or on a connection by the
    // driver; no statement run here, no connection touched. The list grows as files move; once every
    // handler has, the rule covers the domain and SQL text stays in the adapters and migrations.
    files: ['db/register/sorted-pages.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/\\/query$/] ImportSpecifier[imported.name!=/^(qb|sqlList)$/]",
          message: 'A file moved to the asynchronous Store builds queries with qb and reads them through db/reading.ts, never runs them on a connection.',
        },
        { selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma|transaction)$/]", message: 'No statement runs on a connection here: yield a reading (db/reading.ts).' },
      ],
    },
  },
  {
    // Tests may import every layer (they test each); the zone only keeps them inside the project.
    files: ['tests/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [{ target: './tests', from: '.', except: [...allFolders.map((f) => `./${f}`), './node_modules', './package.json'] }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: configFiles,
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules; the React Compiler's rules of the plugin's "recommended" set are not taken.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A promise nobody awaits loses its error. Typed lint costs a TypeScript program (one, shared by the
    // files): it covers the code that ships, where a floating promise hides in event handlers, the shell's
    // lifecycle, the servers and the backend's queues.
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'web/**/*.ts', 'db/**/*.ts', 'host/**/*.ts'],
    ignores: configFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
);
