// Bundles the Electron shell with esbuild: electron/main.ts → dist/electron/main.cjs,
// electron/preload.ts → dist/electron/preload.cjs, the backend's worker db/backend-worker.ts →
// dist/electron/backend-worker.cjs and the backup worker db/backup-worker.ts →
// dist/electron/backup-worker.cjs, and the Store's reader db/stores/sqlite-reader.ts →
// dist/electron/sqlite-reader.cjs (a worker thread needs a file of its own; db/backend-thread.ts,
// db/backup-thread.ts and db/stores/sqlite.ts find theirs beside the bundle that starts them: main.cjs
// starts the backend's, backend-worker.cjs the backups' and the readers). All are CommonJS: the package is "type":
// "module", but a sandboxed preload cannot be an ES module, and a CJS main gives the bundle a
// __dirname to find the preload and the renderer from (see electron/app-paths.ts).
//
// The bundles inline api/, db/ and their pure-JS dependencies (zod, kysely); what stays external must
// exist at run time: `electron` (provided by Electron itself) and the native SQLite module, which
// cannot be bundled: `npm start` prepares its Electron build beside the Node one and electron-builder
// rebuilds the packaged copy (build/README.md, "The native module").
// Type checking is not done here: `npm run typecheck` (tsc) does it for the whole project.
//
// `npm run build:electron` runs this file; tests import buildElectron() to bundle into a temp folder.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Modules main.cjs loads at run time instead of inlining. */
export const mainExternals = Object.freeze(['electron', 'better-sqlite3-multiple-ciphers']);

/**
 * @param {{ outDir?: string, logLevel?: import('esbuild').LogLevel }} [options]
 * @returns {Promise<{ main: string, preload: string, backendWorker: string, backupWorker: string }>} the paths of the bundles
 */
export async function buildElectron(options = {}) {
  const outDir = options.outDir ?? path.join(projectRoot, 'dist', 'electron');
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: projectRoot,
    bundle: true,
    format: 'cjs',
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    sourcemap: 'linked',
    // Stack traces in the log keep their names; the bundle is read from local disk either way.
    minify: false,
    legalComments: 'none',
    logLevel: options.logLevel ?? 'info',
  };
  // Start clean so a file removed from the sources cannot linger in the package.
  rmSync(outDir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: {
        main: 'electron/main.ts',
        'backend-worker': 'db/backend-worker.ts',
        'backup-worker': 'db/backup-worker.ts',
        'sqlite-reader': 'db/stores/sqlite-reader.ts',
      },
      // Electron 39's main process runs Node 22.
      target: 'node22',
      external: [...mainExternals],
      // A CommonJS bundle has no import.meta: the modules that locate files beside themselves
      // (db/backend-thread.ts, db/backup-thread.ts) get the bundle's own URL instead.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      entryPoints: { preload: 'electron/preload.ts' },
      // The sandboxed preload runs in the renderer (Chromium 142) with a small `require` that knows
      // only electron and a few built-ins: everything else must be inlined, which `bundle` does.
      target: 'chrome142',
      external: ['electron'],
    }),
  ]);
  return {
    main: path.join(outDir, 'main.cjs'),
    preload: path.join(outDir, 'preload.cjs'),
    backendWorker: path.join(outDir, 'backend-worker.cjs'),
    backupWorker: path.join(outDir, 'backup-worker.cjs'),
    sqliteReader: path.join(outDir, 'sqlite-reader.cjs'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildElectron();
}
