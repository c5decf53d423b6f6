import type { ImportProgressView, ImportSummary } from '../../api/views';
import { importRunning, type AppError } from '../app-error';
import { holdAudit, releaseAudit } from '../audit';
import { importInWorker, type ImportJob } from '../backup-thread';
import { forgetHolidays } from '../register/deadline-columns';
import { isSqliteCode, type Sqlite } from '../store';
import { answeredWhileChecking } from '../store-check';

/**
 * Tests of the interface (tests/e2e/exchange.test.ts, legacy-import.test.ts) hold each import's write this
 * long (SO_ANTT_TEST_IMPORT_PAUSE_MS), so that a small file's import lasts as long as a province's and its
 * bar can be seen; never set outside tests.
 */
export async function importTestPause(): Promise<void> {
  const pause = Number(process.env.SO_ANTT_TEST_IMPORT_PAUSE_MS ?? 0);
  if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
}

/** What runs the import: the worker (db/backup-thread.ts); tests hand in their own to look inside the window. */
export type ImportWork = (job: ImportJob, onProgress: (percent: number) => void) => Promise<ImportSummary>;

/**
 * An import off the backend's thread, a bundle's or an old register's write (docs/decisions.md, "The
 * register beside long work"). The import runs on a worker thread with its own connection
 * (db/backup-worker.ts) and holds the store's write lock until it commits, which takes a minute for a
 * large commune's bundle. Meanwhile the backend's thread goes on answering: reads see the store as it
 * was before the import (WAL); writes are refused at once with `store.importing`: the calls the
 * contract does not mark `readOnly` by the dispatcher, the write path itself, and any other statement
 * that would write on this connection by SQLite (`query_only`, its SQLITE_READONLY answered
 * `store.importing`, for a call that began before the import and writes after an await). The audit
 * entries of reads and logins are held in memory and written when the import ends (db/audit.ts). One
 * import at a time.
 */
export class ImportJobs {
  private running = false;
  private view: ImportProgressView | null = null;

  constructor(private readonly log: (message: string, error: unknown) => void) {}

  /** Whether an import is running now. */
  get active(): boolean {
    return this.running;
  }

  /** The import running now, for the screen of every user (writing waits meanwhile), or null. */
  progress(): ImportProgressView | null {
    return this.view;
  }

  /** Refuses, while an import runs, a call that may write (the dispatcher asks before each call). */
  refuseCall(call: string): void {
    if (this.running && !answeredWhileChecking(call)) throw importRunning();
  }

  /** Refuses any write while an import runs (the write path asks before each one). */
  refuseWrites(): void {
    if (this.running) throw importRunning();
  }

  /** A write SQLite refused on this connection because an import runs: the user's refusal, not a fault. */
  explain(error: unknown): AppError | null {
    return this.running && isSqliteCode(error, 'SQLITE_READONLY') ? importRunning() : null;
  }

  /**
   * Runs the import of `job` on the worker, `sql` being the backend's own connection to the same store.
   * Callers queue it with the backups (db/backup-jobs.ts `exclusive`), so no backup, restore or key
   * rotation replaces the file under it. Whatever happens, the connection is given back as it was and the
   * held entries are written; a failure to write them is logged, and they go with the next entry.
   */
  async run(sql: Sqlite, job: ImportJob, work: ImportWork = importInWorker): Promise<ImportSummary> {
    return this.hold(sql, { source: 'bundle', dryRun: !job.apply }, async (progress) => {
      if (job.apply) await importTestPause();
      return work(job, progress);
    });
  }

  /**
   * The window of any import (a bundle's, an old register's write): from here until `work` settles, the
   * backend's thread only reads, as `run` says, and every user's screen shows `view` with the percent
   * `work` reports. One at a time: a second is refused with `store.importing`.
   */
  async hold<T>(sql: Sqlite, view: Omit<ImportProgressView, 'percent'>, work: (progress: (percent: number) => void) => Promise<T>): Promise<T> {
    if (this.running) throw importRunning();
    this.running = true;
    this.view = { ...view, percent: 0 };
    try {
      holdAudit(sql);
      sql.pragma('query_only = ON');
      return await work((percent) => (this.view = { ...view, percent }));
    } finally {
      this.end(sql);
    }
  }

  private end(sql: Sqlite): void {
    this.running = false;
    this.view = null;
    try {
      sql.pragma('query_only = OFF');
      // The import may have brought holidays (a reference bundle): this connection's days off are read again.
      forgetHolidays(sql);
      releaseAudit(sql);
    } catch (error) {
      this.log('the audit entries held during an import could not be written yet', error);
    }
  }
}
