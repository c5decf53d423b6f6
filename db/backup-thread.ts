import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CallError } from '../api/result';
import type { ImportSummary } from '../api/views';
import { AppError } from './app-error';
import type { ImportRequest } from './exchange/import';
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
export interface ImportJob extends ImportRequest {
  readonly store: string;
  readonly keyHex: string;
}

/** What the worker receives: the job and the native module build this thread loads (db/native-binding.ts). */
export type WorkerData = ((BackupJob & { readonly kind: 'backup' }) | (CheckJob & { readonly kind: 'check' }) | (ImportJob & { readonly kind: 'import' })) & {
  readonly nativeBinding: string | null;
};

/**
 * The worker's last message. `problems` is what the check found (none: the store is sound); `summary`,
 * an import's. A refusal the user can meet (an AppError) crosses as `error`, to be answered as it was.
 */
export type WorkerOutcome =
  | { readonly ok: true; readonly problems: readonly string[]; readonly summary?: ImportSummary }
  | { readonly ok: false; readonly message: string; readonly code: string | null; readonly error?: CallError };

/** Sent by the check before each table: how many of the store's tables are checked so far. */
export interface CheckProgress {
  readonly progress: { readonly done: number; readonly total: number };
}

/**
 * Writes a backup of the store on a worker thread (db/backup-worker.ts), so the backend's thread, which
 * answers every call, is not held for the seconds VACUUM INTO takes on a large store.
 *
 * Where the worker is: the Electron shell is one CommonJS bundle (build/build-electron.mjs) with the
 * worker built beside it as backup-worker.cjs (started from backend-worker.cjs, the backend's thread); from the sources (tests, the browser host, the command
 * line, all run through tsx or vitest) the worker is the TypeScript file, loaded with tsx's require hook.
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
export async function importInWorker(job: ImportJob): Promise<ImportSummary> {
  const outcome = await runWorker({ ...job, kind: 'import', nativeBinding: sqliteBinding() ?? null }, () => undefined);
  if (!outcome.ok) {
    if (outcome.error) throw new AppError(outcome.error.code, outcome.error.message, outcome.error);
    throw Object.assign(new Error(`the import failed: ${outcome.message}`), { code: outcome.code });
  }
  if (!outcome.summary) throw new Error('the import worker answered without a summary');
  return outcome.summary;
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

function startWorker(workerData: WorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new Worker(fileURLToPath(new URL('./backup-worker.cjs', here)), { workerData });
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./backup-worker.ts', here));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
