import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from './app-error';
import { backupTo } from './backup';
import { importBundle } from './exchange/import';
import { applyPlannedWrite } from './legacy/apply-plan';
import { WritePath } from './write-path';
import { openSqlite } from './store';
import type { CheckProgress, WorkerOutcome, WorkerData } from './backup-thread';

/**
 * The worker thread of db/backup-thread.ts: its own connection to the store (WAL lets the app keep
 * reading and writing on the main one), then one job: VACUUM INTO the job's target (a backup),
 * quick_check table by table with its progress (the check after a session that did not end), a
 * bundle's import or an old register's write (db/exchange/import-job.ts: the app keeps reading meanwhile). One
 * message with the outcome at the end. It loads the native module build its parent thread loads
 * (db/native-binding.ts).
 */
function run(job: WorkerData): WorkerOutcome {
  try {
    // No quick_check at open: the check job runs it below, and VACUUM INTO reads every page anyway (every
    // page carries a Poly1305 tag, so a damaged page fails the backup).
    const db = openSqlite(job.store, job.keyHex, { quickCheck: false, nativeBinding: job.nativeBinding });
    try {
      // An import (a bundle's, an old register's write) writes as the backend would, through the one write
      // path, on this connection; the backend refuses every other write meanwhile (db/exchange/import-job.ts).
      // Another process may hold the write lock a while (the command line's own import): the import
      // waits for it up to 30 s rather than the app's 5.
      if (job.kind === 'import' || job.kind === 'register') db.pragma('busy_timeout = 30000');
      if (job.kind === 'import') {
        const onProgress = (read: number) => parentPort?.postMessage({ progress: { done: Math.min(99, Math.floor(read * 100)), total: 100 } } satisfies CheckProgress);
        return { ok: true, problems: [], summary: importBundle(db, new WritePath(db), { ...job, onProgress }) };
      }
      if (job.kind === 'register') {
        const onProgress = (done: number, total: number) => parentPort?.postMessage({ progress: { done, total } } satisfies CheckProgress);
        return { ok: true, problems: [], importId: applyPlannedWrite(db, new WritePath(db), job, onProgress) };
      }
      // 8 MiB of page cache instead of the main connection's 64: both jobs read each page once, so a
      // large cache only adds to the host's memory (docs/decisions.md, "Backups and checks off the main thread").
      db.pragma('cache_size = -8192');
      if (job.kind === 'check') return { ok: true, problems: checkTables(db) };
      backupTo(db, job.target);
    } finally {
      db.close();
    }
    return { ok: true, problems: [] };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, code: error.code, error: error.toCallError() };
    const code = (error as { code?: unknown }).code;
    const stack = error instanceof Error ? error.stack : undefined;
    return { ok: false, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : null, ...(stack ? { stack } : {}) };
  }
}

/**
 * quick_check one table (with its indexes) at a time, so that progress can be told; the problems found,
 * none when every table is sound. A page that fails its tag throws: that is a problem too.
 */
function checkTables(db: ReturnType<typeof openSqlite>): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  const problems: string[] = [];
  tables.forEach((table, index) => {
    const progress: CheckProgress = { progress: { done: index, total: tables.length } };
    parentPort?.postMessage(progress);
    try {
      const answer = db.pragma(`quick_check(${JSON.stringify(table)})`, { simple: true });
      if (answer !== 'ok') problems.push(`${table}: ${String(answer)}`);
    } catch (error) {
      problems.push(`${table}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return problems;
}

parentPort?.postMessage(run(workerData as WorkerData));
