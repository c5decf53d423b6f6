/**
 * Which build of the native SQLite module (better-sqlite3-multiple-ciphers) a connection loads.
 *
 * The module in node_modules is built for Node's ABI: the tests, the browser host and the command-line
 * tools load it. Electron embeds a Node with another ABI, so the app needs a second build of the same
 * module. `npm start` prepares it beside the first (build/prepare-electron.mjs) and the unpackaged
 * shell names it in SO_ANTT_SQLITE_BINDING before it opens anything; the packaged app names nothing,
 * because electron-builder rebuilt the packaged copy of the module for Electron (build/README.md).
 *
 * This is the one place that decides. Every connection goes through openSqlite (db/store.ts), which
 * asks here; a worker thread is handed the main thread's answer in its workerData (db/backend-thread.ts,
 * db/backup-thread.ts), so it never depends on what a worker of Electron's Node reports about itself.
 */

/** Set by the Electron shell only: the absolute path of better_sqlite3.node built for Electron. */
export const SQLITE_BINDING_ENV = 'SO_ANTT_SQLITE_BINDING';

export interface Runtime {
  /** process.versions.electron: set in Electron's main process, absent under Node. */
  readonly electron: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function currentRuntime(): Runtime {
  return { electron: process.versions.electron, env: process.env };
}

/** Set in a worker thread that runs the backend (db/backend-worker.ts): its parent's answer. */
let inherited: { readonly binding: string | null } | null = null;

/**
 * A worker thread that opens stores itself (the backend's, db/backend-worker.ts) takes its parent's
 * answer once, at its start: every connection it opens, and the workers it starts in turn (backups),
 * then load that build, whatever a worker of Electron's Node reports about itself.
 */
export function inheritSqliteBinding(binding: string | null): void {
  inherited = { binding };
}

/**
 * The path of the build to load, or undefined for better-sqlite3's default (its own build/Release,
 * the Node build). Under Node the variable is ignored, so a stray value can never hand the tests a
 * build for another ABI.
 */
export function sqliteBinding(runtime?: Runtime): string | undefined {
  if (runtime === undefined && inherited !== null) return inherited.binding ?? undefined;
  runtime ??= currentRuntime();
  if (!runtime.electron) return undefined;
  const named = runtime.env[SQLITE_BINDING_ENV]?.trim();
  return named ? named : undefined;
}
