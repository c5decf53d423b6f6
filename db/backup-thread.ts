import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sqliteBinding } from './native-binding';

/** What the worker is asked: the store file, its key, and the file to write. */
export interface BackupJob {
  readonly store: string;
  readonly keyHex: string;
  readonly target: string;
}

/** What the worker receives: the job and the native module build this thread loads (db/native-binding.ts). */
export interface BackupWorkerData extends BackupJob {
  readonly nativeBinding: string | null;
}

export type BackupOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly code: string | null };

/**
 * Writes a backup of the store on a worker thread (db/backup-worker.ts), so the main thread, which
 * answers every call, is not held for the seconds VACUUM INTO takes on a large store.
 *
 * Where the worker is: the Electron shell is one CommonJS bundle (build/build-electron.mjs) with the
 * worker built beside it as backup-worker.cjs; from the sources (tests, the browser host, the command
 * line, all run through tsx or vitest) the worker is the TypeScript file, loaded with tsx's require hook.
 */
export function backupInWorker(job: BackupJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let outcome: BackupOutcome | null = null;
    worker.once('message', (message: BackupOutcome) => (outcome = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (outcome?.ok) resolve();
      else if (outcome) reject(Object.assign(new Error(`the backup failed: ${outcome.message}`), { code: outcome.code }));
      else reject(new Error(`the backup worker stopped with code ${code} before it answered`));
    });
  });
}

function startWorker(job: BackupJob): Worker {
  const workerData: BackupWorkerData = { ...job, nativeBinding: sqliteBinding() ?? null };
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new Worker(fileURLToPath(new URL('./backup-worker.cjs', here)), { workerData });
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./backup-worker.ts', here));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
