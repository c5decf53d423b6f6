import { backupTo, dailyBackupDone, DEFAULT_KEEP, discardBackup, reserveBackup, settleBackup, type BackupPlan, type TakenBackup } from './backup';
import { statSync } from 'node:fs';
import type { BackupProgressView } from '../api/views';
import { backupInWorker } from './backup-thread';
import { readSettings } from './settings';
import type { Sqlite } from './store';

/** Where backups go and how many are kept, from the office's settings. */
export function backupPlan(sql: Sqlite, dir: string): BackupPlan {
  const settings = readSettings(sql);
  return {
    dir,
    keep: { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly, monthly: settings.backupKeepMonthly },
    external: settings.backupExternalDir,
  };
}

/** The open store as the backups see it: its connection and its key (the worker opens its own connection). */
interface StoreForBackup {
  readonly sql: Sqlite;
  readonly key: Buffer;
}

/**
 * What the backups need of their Backend (db/backend.ts), named here so that neither file imports the
 * other: the Backend holds its BackupJobs and hands itself in.
 */
export interface BackupHost {
  readonly paths: { readonly store: string; readonly backups: string };
  readonly store: StoreForBackup | null;
  requireStore(): StoreForBackup;
  now(): number;
  log(message: string, error: unknown): void;
  serially<T>(key: string, task: () => Promise<T>): Promise<T>;
  readonly storeCheck: { status(): { readonly state: string } };
}

/**
 * The backups of one Backend. They run one at a time (with restores, which use `exclusive` too), on a
 * worker thread with its own connection, so neither a login nor any other call waits for one; a caller
 * that must wait (an import) awaits it. Only the backups before a migration and before a restore hold
 * the main thread (takeBlocking).
 */
export class BackupJobs {
  /** The backup the worker is writing now: its reason, its partial file, and the store's size when it began. */
  private running: { readonly reason: string; readonly partial: string; readonly storeBytes: number } | null = null;

  constructor(private readonly backend: BackupHost) {}

  /**
   * The backup being written, for the screen: VACUUM INTO tells nothing of its progress, so the percent
   * is the partial file's size against the store's (the copy leaves out free pages, so it may end
   * before 100: it is capped at 99 until done).
   */
  progress(): BackupProgressView | null {
    const running = this.running;
    if (!running) return null;
    let written = 0;
    try {
      written = statSync(running.partial).size;
    } catch {
      // Not created yet.
    }
    return { reason: running.reason, percent: Math.min(99, Math.floor((written / Math.max(1, running.storeBytes)) * 100)) };
  }

  /** Runs `task` after every backup or restore queued before it, and before any queued after it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.backend.serially('backups', task);
  }

  /** A backup of the open store, queued behind any running one. */
  take(reason: string): Promise<TakenBackup> {
    return this.exclusive(() => this.takeNow(reason));
  }

  /** A backup of the open store on a worker thread, now: only inside `exclusive` (a backup with the work it comes before, Backend.importRegister). */
  async takeNow(reason: string): Promise<TakenBackup> {
    const store = this.backend.requireStore();
    const now = this.backend.now();
    const plan = backupPlan(store.sql, this.backend.paths.backups);
    const pending = reserveBackup(plan.dir, reason, now);
    this.running = { reason, partial: pending.partial, storeBytes: statSync(this.backend.paths.store).size };
    try {
      await backupInWorker({ store: this.backend.paths.store, keyHex: store.key.toString('hex'), target: pending.partial });
    } catch (error) {
      discardBackup(pending);
      throw error;
    } finally {
      this.running = null;
    }
    return settleBackup(pending, plan, now);
  }

  /**
   * A backup on `sql`, the main connection, holding the thread until it is written: only where nothing
   * may happen meanwhile. Before a migration nothing may use the store until it is migrated; before a
   * restore, a write made after the backup's snapshot would be in neither the backup nor the restored
   * store. Inside `exclusive` when the store is open.
   */
  takeBlocking(sql: Sqlite, reason: string, plan: BackupPlan): TakenBackup {
    const now = this.backend.now();
    const pending = reserveBackup(plan.dir, reason, now);
    try {
      backupTo(sql, pending.partial);
    } catch (error) {
      discardBackup(pending);
      throw error;
    }
    return settleBackup(pending, plan, now);
  }

  /**
   * The day's backup, at the first open of each Vietnam day: queued, so the open (and the login that
   * caused it) returns at once. Its failure is logged; the next open tries again.
   */
  daily(): void {
    const store = this.backend.store;
    void this.exclusive(async () => {
      // Queued now (settled() waits for it) but begun after the call that opened the store has
      // answered: the login's own reads and its audit entry do not share the disk with the copy.
      await afterThisCall();
      // Closed or replaced meanwhile (a restore reopens the store and queues its own).
      if (!store || this.backend.store !== store) return;
      // Never a backup of a store the check found damaged: it would rotate a good one out.
      if (this.backend.storeCheck.status().state === 'damaged') return;
      if (dailyBackupDone(this.backend.paths.backups, this.backend.now())) return;
      await this.takeNow('daily');
    }).catch((error: unknown) => this.backend.log('the daily backup failed', error));
  }

  /**
   * Before a migration, on the connection being opened. The settings are those of the old schema; if
   * they cannot be read, the backup goes to the data folder only.
   */
  beforeMigration(sql: Sqlite, fromVersion: number): void {
    let plan: BackupPlan;
    try {
      plan = backupPlan(sql, this.backend.paths.backups);
    } catch {
      plan = { dir: this.backend.paths.backups, keep: DEFAULT_KEEP, external: null };
    }
    this.takeBlocking(sql, `before-migration-v${fromVersion}`, plan);
  }

  /** Resolves once every backup queued so far is done (tests; a host about to stop). */
  settled(): Promise<void> {
    return this.exclusive(async () => undefined);
  }
}

/**
 * Resolves once the current call has answered: a login's work after the open is, but for a rotation to
 * finish or a wrap to upgrade, synchronous or microtasks (the session, the audit entry, the view, the
 * answer turned into JSON and written), which all run before the event loop's next turn.
 */
export function afterThisCall(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
