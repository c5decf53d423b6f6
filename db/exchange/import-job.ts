import type { ImportSummary } from '../../api/views';
import { AppError } from '../app-error';
import { holdAudit, releaseAudit } from '../audit';
import { importInWorker, type ImportJob } from '../backup-thread';
import { forgetHolidays } from '../register/deadline-columns';
import type { Sqlite } from '../store';
import { answeredWhileChecking } from '../store-check';

function importing(): AppError {
  return new AppError('store.importing', 'a bundle is being imported: writing waits until it ends');
}

/**
 * A bundle's import off the backend's thread (docs/decisions.md, "The register beside long work"). The
 * import runs on a worker thread with its own connection (db/backup-worker.ts) and holds the store's write
 * lock until it commits, which takes a minute for a large commune's bundle. Meanwhile the backend's thread
 * goes on answering: reads see the store as it was before the import (WAL), writes are refused at once with
 * `store.importing` (the calls the contract does not mark `readOnly`, and the write path itself), and the
 * audit entries of reads and logins are held in memory and written when the import ends. One import at a
 * time: a second one is refused too.
 */
export class ImportJobs {
  private running = false;

  /** Whether an import is running now. */
  get active(): boolean {
    return this.running;
  }

  /** Refuses, while an import runs, a call that may write (the dispatcher asks before each call). */
  refuseCall(call: string): void {
    if (this.running && !answeredWhileChecking(call)) throw importing();
  }

  /** Refuses any write while an import runs (the write path asks before each one). */
  refuseWrites(): void {
    if (this.running) throw importing();
  }

  /**
   * Runs the import of `job` on the worker, `sql` being the backend's own connection to the same store.
   * Callers queue it with the backups (db/backup-jobs.ts `exclusive`), so no backup, restore or key
   * rotation replaces the file under it.
   */
  async run(sql: Sqlite, job: ImportJob): Promise<ImportSummary> {
    if (this.running) throw importing();
    this.running = true;
    holdAudit(sql);
    // A write that reaches this connection anyway fails at once instead of holding the thread for the
    // busy timeout while the worker holds the lock.
    const busyTimeout = sql.pragma('busy_timeout', { simple: true }) as number;
    sql.pragma('busy_timeout = 0');
    try {
      return await importInWorker(job);
    } finally {
      sql.pragma(`busy_timeout = ${busyTimeout}`);
      this.running = false;
      // The import may have brought holidays (a reference bundle): this connection's days off are read again.
      forgetHolidays(sql);
      releaseAudit(sql);
    }
  }
}
