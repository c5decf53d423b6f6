import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import type { CallError } from '../api/result';
import type { ImportSummary } from '../api/views';
import { AppError } from './app-error';
import type { ImportRequest } from './exchange/import';
import type { PlannedWrite } from './legacy/apply-plan';
import { sqliteBinding } from './native-binding';

/** What the worker is asked: the store file, its key, and the file to write. */
export interface BackupJob {
  readonly store: string;
  readonly keyHex: string;
  readonly target: string;
}

/** The check after a session that did not end: the store file and its key. */
export interface CheckJob {
  readonly store: string;
  readonly keyHex: string;
}

/** A bundle's import or dry run (db/exchange/import-job.ts): the store file and its key, and what importBundle takes. */
export interface ImportJob extends Omit<ImportRequest, 'onProgress'> {
  readonly store: string;
  readonly keyHex: string;
}

/** An old register's write (db/legacy/apply-plan.ts): the store file and its key, and the plan its dry run made. */
export type RegisterWriteJob = PlannedWrite & {
  readonly store: string;
  readonly keyHex: string;
};

/** What the worker receives: the job and the native module build this thread loads (db/native-binding.ts). */
export type WorkerData = (
  | (BackupJob & { readonly kind: 'backup' })
  | (CheckJob & { readonly kind: 'check' })
  | (ImportJob & { readonly kind: 'import' })
  | (RegisterWriteJob & { readonly kind: 'register' })
) & {
  readonly nativeBinding: string | null;
};

/**
 * The worker's last message. `problems` is what the check found (none: the store is sound); `summary`,
 * an import's. A refusal the user can meet (an AppError) crosses as `error`, to be answered as it was.
 */
export type WorkerOutcome =
  | { readonly ok: true; readonly problems: readonly string[]; readonly summary?: ImportSummary; readonly importId?: string }
  | { readonly ok: false; readonly message: string; readonly code: string | null; readonly error?: CallError; readonly stack?: string };

/**
 * Sent by the check before each table: how many of the store's tables are checked so far; by a bundle's
 * import, the percent of its payload read (of 100); by a register's write, the records written of all.
 */
export interface CheckProgress {
  readonly progress: { readonly done: number; readonly total: number };
}

/**
 * Writes a backup of the store on a worker thread (db/backup-worker.ts), so the backend's thread, which
 * answers every call, is not held for the seconds VACUUM INTO takes on a large store.
 *
 * Where the worker is: the Electron shell is one CommonJS bundle (build/build-electron.mjs) with the
 * worker built beside it as backup-worker.cjs (started from backend-worker.cjs, the backend's thread); from the sources (tests, the browser host, the command
 * line, all run through tsx or vitest) the same bundle is made once per thread (workerFromSources).
 */
export async function backupInWorker(job: BackupJob): Promise<void> {
  const outcome = await runWorker({ ...job, kind: 'backup', nativeBinding: sqliteBinding() ?? null }, () => undefined);
  if (!outcome.ok) throw Object.assign(new Error(`the backup failed: ${outcome.message}`), { code: outcome.code });
}

/**
 * quick_check of the whole store on the same worker (table by table, `onProgress` told before each):
 * the problems found, none when the store is sound. A store that cannot be opened at all rejects.
 */
export async function checkInWorker(job: CheckJob, onProgress: (done: number, total: number) => void): Promise<readonly string[]> {
  const outcome = await runWorker({ ...job, kind: 'check', nativeBinding: sqliteBinding() ?? null }, onProgress);
  if (!outcome.ok) return [outcome.message];
  return outcome.problems;
}

/**
 * Runs a bundle's import (or dry run) on the worker, on its own connection: the backend's thread goes on
 * answering reads meanwhile (db/exchange/import-job.ts says what it refuses). A refusal comes back as the
 * AppError it was.
 */
export async function importInWorker(job: ImportJob, onProgress: (percent: number) => void): Promise<ImportSummary> {
  const outcome = succeeded(await runWorker({ ...job, kind: 'import', nativeBinding: sqliteBinding() ?? null }, (done) => onProgress(done)));
  if (!outcome.summary) throw new Error('the import worker answered without a summary');
  return outcome.summary;
}

/**
 * Writes an old register's planned records on the worker, on its own connection, in one transaction
 * (db/legacy/apply-plan.ts): the import's id. `onProgress` hears the records written of all now and then.
 */
export async function registerWriteInWorker(job: RegisterWriteJob, onProgress: (done: number, total: number) => void): Promise<string> {
  const outcome = succeeded(await runWorker({ ...job, kind: 'register', nativeBinding: sqliteBinding() ?? null }, onProgress));
  if (outcome.importId === undefined) throw new Error('the import worker answered without the import');
  return outcome.importId;
}

/** A worker's outcome when it succeeded; a refusal thrown as the AppError it was, any other failure as an Error. */
function succeeded(outcome: WorkerOutcome): Extract<WorkerOutcome, { ok: true }> {
  if (outcome.ok) return outcome;
  if (outcome.error) throw new AppError(outcome.error.code, outcome.error.message, outcome.error);
  const error = Object.assign(new Error(`the import failed: ${outcome.message}`), { code: outcome.code });
  // Where it failed on the worker, for the log (the user is answered that nothing was changed).
  if (outcome.stack) error.stack = `${error.message}\n  on the job worker: ${outcome.stack}`;
  throw error;
}

function runWorker(workerData: WorkerData, onProgress: (done: number, total: number) => void): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(workerData);
    let outcome: WorkerOutcome | null = null;
    worker.on('message', (message: WorkerOutcome | CheckProgress) => {
      if ('progress' in message) onProgress(message.progress.done, message.progress.total);
      else outcome = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (outcome) resolve(outcome);
      else reject(new Error(`the backup worker stopped with code ${code} before it answered`));
    });
  });
}

/**
 * An old register's write makes a few kilobytes of short-lived objects per record through the bulk
 * path; under V8's default young generation (48 MB) they filled the worker's heap to 150 MB between two
 * full collections. With 8 MB the same write peaked at 100 MB, no slower (docs/decisions.md, "An old
 * register's import in less memory"). Only the young generation is bounded: a bound on the old one
 * would end a large plan in an out-of-memory error.
 */
const REGISTER_WRITE_LIMITS = { maxYoungGenerationSizeMb: 8 };

function startWorker(workerData: WorkerData): Worker {
  const here = import.meta.url;
  const options = { workerData, ...(workerData.kind === 'register' ? { resourceLimits: REGISTER_WRITE_LIMITS } : {}) };
  if (here.endsWith('.cjs')) return new Worker(fileURLToPath(new URL('./backup-worker.cjs', here)), options);
  return new Worker(workerFromSources(here), options);
}

/** The worker bundled from the sources by this thread, once (see workerFromSources). */
let bundled: string | null = null;

/**
 * From the sources (tests, the browser host, the command lines, all run through tsx): the worker bundled
 * once per thread with esbuild, as build/build-electron.mjs bundles it for Electron, so that each job's
 * worker loads one file instead of compiling the import's whole tree through tsx again (seconds a job on
 * a busy machine, once every import ran on it). It goes under node_modules/.cache, where its packages
 * resolve as from the sources, and is removed when the thread ends.
 */
function workerFromSources(here: string): string {
  if (bundled !== null && existsSync(bundled)) return bundled;
  // esbuild is a tool of the sources (tsx runs on it), never of the shipped app, which loads the .cjs
  // built beside it: it is required here only, by name, not imported by the layer (eslint.config.js).
  const { buildSync } = createRequire(here)('esbuild') as { buildSync: (options: Record<string, unknown>) => unknown };
  const root = fileURLToPath(new URL('../', here));
  const dir = join(root, 'node_modules', '.cache', 'so-antt');
  removeOrphans(dir);
  const outfile = join(dir, `backup-worker-${process.pid}-${threadId}.cjs`);
  buildSync({
    entryPoints: [fileURLToPath(new URL('./backup-worker.ts', here))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    packages: 'external',
    // The expression spelled apart: the shipped bundle, which holds this function too, must not contain
    // it (tests/unit/electron-bundle.test.ts checks that every use was replaced).
    define: { [['import', 'meta', 'url'].join('.')]: 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  process.once('exit', () => rmSync(outfile, { force: true }));
  bundled = outfile;
  return outfile;
}

/** Bundles left by processes that ended without their exit handler (a test runner's killed fork). */
function removeOrphans(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^backup-worker-(\d+)-\d+\.cjs$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
