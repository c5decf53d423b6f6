import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE, privateDir, privateTree } from './file-modes';
import { join } from 'node:path';
import { AppError } from './app-error';
import { replaceStoreFile } from './durable';
import { afterThisCall, BackupJobs } from './backup-jobs';
import type { ImportSummary } from '../api/views';
import { ownOfficeId } from './exchange/identity';
import type { ImportRequest } from './exchange/import';
import { ImportJobs, importTestPause } from './exchange/import-job';
import type { PlannedWrite } from './legacy/apply-plan';
import { registerWriteInWorker } from './backup-thread';
import { DEFAULT_KDF, Keyring, type KdfParams } from './keyring';
import { migrate } from './migrations/runner';
import { migrations } from './migrations/registry';
import { Sessions } from './sessions';
import { StoreCheck } from './store-check';
import { openSqlite, type Sqlite } from './store';
import { openSqliteStore, type SqliteStore } from './stores/sqlite';
import { WritePath } from './write-path';

/** Where an office's data lives inside its data folder. */
export function dataPaths(dataDir: string) {
  return Object.freeze({
    store: join(dataDir, 'so-antt.sqlite'),
    keyring: join(dataDir, 'keyring.json'),
    /** Present while a session has the store open; left behind by a session that did not close. */
    openMarker: join(dataDir, 'so-antt.sqlite.open'),
    backups: join(dataDir, 'backups'),
    attachments: join(dataDir, 'attachments'),
  });
}

/** The open store: the connection, its write path, and the office that owns this installation. */
export interface OpenStore {
  readonly sql: Sqlite;
  /**
   * The same store behind the asynchronous interface (db/stores/store.ts): its reads run on reader
   * threads, its writes on `sql`, queued. The calls moved to it so far are read-only (docs/decisions.md,
   * "The asynchronous Store"); everything else still uses `sql`.
   */
  readonly data: SqliteStore;
  readonly writes: WritePath;
  readonly officeId: string;
  /** The store key, kept to check that another user's key unwraps to the same store. */
  readonly key: Buffer;
  /** Whether this open checks the store in the background (after a session that did not end cleanly). */
  readonly checked?: boolean;
}

export interface BackendOptions {
  readonly dataDir: string;
  readonly now?: () => number;
  /** Logs unexpected errors (never shown to the user). */
  readonly log?: (message: string, error: unknown) => void;
  /** The scrypt cost of the password wraps made from now on (DEFAULT_KDF; tests lower it to save time). */
  readonly kdf?: KdfParams;
}

/**
 * Everything below the contract for one data folder: the keyring, the store once a login opened it,
 * and the sessions. Both transports (IPC, HTTP) hold one Backend and call `dispatch` on it.
 */
export class Backend {
  readonly dataDir: string;
  readonly paths: ReturnType<typeof dataPaths>;
  readonly sessions = new Sessions();
  readonly now: () => number;
  readonly log: (message: string, error: unknown) => void;
  readonly kdf: KdfParams;
  /** The backups: automatic (daily, before an import or a migration), by hand, and restores. */
  readonly backups: BackupJobs = new BackupJobs(this);
  /** The check after a session that did not end: writes wait for it (db/store-check.ts). */
  readonly storeCheck = new StoreCheck();
  /** A bundle's import on a worker thread: other writes are refused meanwhile (db/exchange/import-job.ts). */
  readonly imports: ImportJobs;
  private opened: OpenStore | null = null;
  private keyringCache: Keyring | null = null;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(options: BackendOptions) {
    this.dataDir = options.dataDir;
    this.paths = dataPaths(options.dataDir);
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message, error) => console.error(message, error));
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.imports = new ImportJobs(this.log);
    privateDir(this.dataDir);
  }

  /**
   * Runs tasks with the same key one after another: password checks of one account are serialised, so
   * guesses sent at once cannot all be tried before the lockout counts them.
   */
  serially<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return result;
  }

  isSetUp(): boolean {
    return Keyring.exists(this.paths.keyring) && existsSync(this.paths.store);
  }

  keyring(): Keyring {
    if (!this.keyringCache) {
      if (!Keyring.exists(this.paths.keyring)) throw new AppError('setup.required', 'this office has not been set up');
      this.keyringCache = Keyring.load(this.paths.keyring);
    }
    return this.keyringCache;
  }

  /** Used by setup, which writes the keyring first. */
  adoptKeyring(keyring: Keyring): void {
    this.keyringCache = keyring;
  }

  /** Whether the next open checks the whole store first: closed, with the marker of a session that did not end. */
  checksOnOpen(): boolean {
    return this.opened === null && existsSync(this.paths.openMarker);
  }

  get store(): OpenStore | null {
    return this.opened;
  }

  requireStore(): OpenStore {
    if (!this.opened) throw new AppError('store.locked', 'the store is not open: log in first');
    return this.opened;
  }

  /**
   * Opens the store with its key, brings its schema up to date (with a backup first when a migration
   * is pending on an existing store), and reads which office it belongs to. The day's backup is queued
   * unless `dailyBackup` is false (a restore reopening the store: that is no start of the day).
   * `swapped`: the marker found is this session's own, kept through a swap of the file (no check).
   */
  open(key: Buffer, options: { readonly dailyBackup?: boolean; readonly swapped?: boolean } = {}): OpenStore {
    if (this.opened) return this.opened;
    // A session that did not end cleanly (a power cut, a killed process) leaves its marker behind:
    // then the whole file is checked, on the worker thread after the open, while reads go on and writes
    // wait (db/store-check.ts). A clean close removes the marker, so a daily open checks nothing.
    const unclean = !options.swapped && this.checksOnOpen();
    const sql = openSqlite(this.paths.store, key.toString('hex'), { quickCheck: false });
    try {
      // Files from before the rule, or copied in by hand, are made private again (db/file-modes.ts).
      privateTree(this.dataDir);
      migrate(sql, migrations, { backup: (from) => this.backups.beforeMigration(sql, from) });
      // The office this installation serves: a higher office's store holds many offices' records.
      const officeId = ownOfficeId(sql);
      if (!officeId) throw new AppError('setup.required', 'the store has no office');
      const data = openSqliteStore(sql, { file: this.paths.store, keyHex: key.toString('hex') });
      this.opened = { sql, data, writes: new WritePath(sql, () => this.refuseWrites()), officeId, key, checked: unclean };
      // The marker stays until a clean close: a check cut short by another power cut runs again.
      writeFileSync(this.paths.openMarker, String(process.pid), { mode: PRIVATE_FILE_MODE });
      if (unclean) this.checkInBackground(key);
      else this.storeCheck.reset();
      // The first open of each day (Vietnam time) takes the day's backup, on a worker thread: the login
      // does not wait for it.
      if (options.dailyBackup ?? true) this.backups.daily();
      return this.opened;
    } catch (error) {
      sql.close();
      throw error;
    }
  }

  /** Refuses a call that may write while the store is checked or an import runs (the dispatcher asks before each call). */
  refuseCall(call: string): void {
    this.storeCheck.refuseCall(call);
    this.imports.refuseCall(call);
  }

  /** Refuses any write while the store is checked or an import runs (the write path asks before each one). */
  private refuseWrites(): void {
    this.storeCheck.refuseWrites();
    this.imports.refuseWrites();
  }

  /**
   * Imports a bundle (or runs its dry run) on a worker thread, queued with the backups so that none of
   * them, no restore and no key rotation replaces the file meanwhile (db/exchange/import-job.ts).
   */
  importBundle(request: ImportRequest): Promise<ImportSummary> {
    return this.backups.exclusive(() => {
      const store = this.requireStore();
      return this.imports.run(store.sql, { ...request, store: this.paths.store, keyHex: store.key.toString('hex') });
    });
  }

  /**
   * Backs the store up, then writes an old register's plan on the worker thread in the window of an
   * import (db/exchange/import-job.ts), both in one turn of the backups' queue: no other backup, restore,
   * rotation or import comes between them. `prepare`, given the backup's name, runs first inside the
   * window, writing already refused: it returns the plan to write (made again if the store changed
   * during the backup), or null when nothing is left to write, and nothing is written.
   */
  importRegister(prepare: (backup: string) => Promise<PlannedWrite | null>, onProgress: (done: number, total: number) => void): Promise<{ importId: string | null; backup: string }> {
    return this.backups.exclusive(async () => {
      const backup = (await this.backups.takeNow('before-import')).view.name;
      const store = this.requireStore();
      const importId = await this.imports.hold(store.sql, { source: 'register', dryRun: false }, async (progress) => {
        const job = await prepare(backup);
        if (job === null) return null;
        await importTestPause();
        return registerWriteInWorker({ ...job, store: this.paths.store, keyHex: store.key.toString('hex') }, (done, total) => {
          progress(Math.min(99, Math.floor((done / Math.max(1, total)) * 100)));
          onProgress(done, total);
        });
      });
      return { importId, backup };
    });
  }

  /**
   * Queued with the backups (db/backup-jobs.ts), before the day's backup: that one is then taken of a
   * store known to be sound, and never of a damaged one that would rotate a good backup out.
   */
  private checkInBackground(key: Buffer): void {
    const job = { store: this.paths.store, keyHex: key.toString('hex'), backups: this.paths.backups };
    this.storeCheck.begin();
    // Begun once the login that opened the store has answered, as the day's backup (db/backup-jobs.ts).
    void this.backups.exclusive(async () => {
      await afterThisCall();
      return this.storeCheck.run(job, this.log);
    });
  }

  /**
   * Puts `file` (a whole store under `key`, flushed) in place of the store's file and opens it (the key
   * rotation, db/rotation.ts). The OpenStore stays the same object, now on the new connection: a call
   * that took it before an await goes on with it. If the file cannot be put in place, the store as it
   * was is opened again and the error passed on.
   */
  swapStoreFile(file: string, key: Buffer): void {
    const current = this.requireStore();
    this.close({ keepMarker: true });
    try {
      replaceStoreFile(file, this.paths.store);
    } catch (error) {
      this.adopt(current, this.open(current.key, { dailyBackup: false, swapped: true }));
      throw error;
    }
    this.adopt(current, this.open(key, { dailyBackup: false, swapped: true }));
  }

  private adopt(store: OpenStore, opened: OpenStore): void {
    Object.assign(store as { -readonly [K in keyof OpenStore]: OpenStore[K] }, opened);
    this.opened = store;
  }

  /** Used by setup: a store it just created and initialised. */
  adoptStore(store: OpenStore): void {
    this.opened = store;
    writeFileSync(this.paths.openMarker, String(process.pid), { mode: PRIVATE_FILE_MODE });
    privateTree(this.dataDir);
    this.storeCheck.reset();
    // The first day has its backup too, not only the days after a login opens the store.
    this.backups.daily();
  }

  /** Closes once the backups queued so far are written (a process about to exit would cut them off). */
  async closeWhenIdle(): Promise<void> {
    await this.backups.settled();
    this.close();
  }

  /**
   * Closes now. The open marker stays while the check after an unclean session has not passed (the next
   * open checks again), and with `keepMarker` (a swap of the file: a power cut before the reopen is not
   * a clean end).
   */
  close(options: { readonly keepMarker?: boolean } = {}): void {
    const unchecked = ['checking', 'damaged'].includes(this.storeCheck.status().state);
    if (this.opened && !unchecked && !options.keepMarker) rmSync(this.paths.openMarker, { force: true });
    // The readers' connections first (closed before this returns): a restore replaces the file next.
    this.opened?.data.closeNow();
    this.opened?.sql.close();
    this.opened = null;
  }
}
