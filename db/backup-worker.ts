import { parentPort, workerData } from 'node:worker_threads';
import { backupTo } from './backup';
import { openSqlite } from './store';
import type { BackupOutcome, BackupWorkerData } from './backup-thread';

/**
 * The worker thread of db/backup-thread.ts: its own connection to the store (WAL lets the app keep
 * reading and writing on the main one), VACUUM INTO the job's target, and one message back. It loads the
 * native module build its parent thread loads (db/native-binding.ts).
 */
function run(job: BackupWorkerData): BackupOutcome {
  try {
    // No quick_check: it would read every page a second time; VACUUM INTO reads them all, and every page
    // carries a Poly1305 tag, so a damaged page fails the backup.
    const db = openSqlite(job.store, job.keyHex, { quickCheck: false, nativeBinding: job.nativeBinding });
    try {
      backupTo(db, job.target);
    } finally {
      db.close();
    }
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : null };
  }
}

parentPort?.postMessage(run(workerData as BackupWorkerData));
