import { contract, type CallName } from '../api/contract';
import type { StoreCheckView } from '../api/views';
import { AppError } from './app-error';
import { listBackups } from './backup';
import { checkInWorker } from './backup-thread';

/** Answered once damage was found too: restoring a backup is the way out (db/restore.ts). */
const WHILE_DAMAGED: ReadonlySet<string> = new Set(['backups.restore']);

/**
 * The calls answered while the store is checked or found damaged: those the contract marks `readOnly`.
 * A call added later without the mark is refused until it is given one: deny by default.
 */
export function answeredWhileChecking(call: string): boolean {
  return Object.hasOwn(contract, call) && contract[call as CallName].readOnly === true;
}

/**
 * The check of the whole store after a session that did not end (a power cut): quick_check on the
 * backup worker thread, so the login answers at once and reading works meanwhile; writing waits until it
 * passes (docs/decisions.md, "After a power cut").
 */
export class StoreCheck {
  private view: StoreCheckView = { state: 'none', done: 0, total: 0, lastBackup: null, lastBackupAt: null };
  private ended: Promise<void> = Promise.resolve();
  private end: () => void = () => undefined;

  /** What the screen shows: none (no check at this open), checking with progress, passed, or damaged. */
  status(): StoreCheckView {
    return this.view;
  }

  /** A store opened after a clean close: nothing to check. */
  reset(): void {
    this.view = { state: 'none', done: 0, total: 0, lastBackup: null, lastBackupAt: null };
    this.end();
  }

  /** Resolves when the check of this open has ended (at once when there is none): a command line waits for it. */
  finished(): Promise<void> {
    return this.ended;
  }

  /** From the open on, before the check's turn comes: writes are refused from the first call. */
  begin(): void {
    this.view = { state: 'checking', done: 0, total: 0, lastBackup: null, lastBackupAt: null };
    this.ended = new Promise((resolve) => (this.end = resolve));
  }

  /**
   * Runs the check (after begin) (the caller queues it with the backups, so the day's backup is not taken of a store
   * not yet known to be sound); resolves when it is done, never rejects.
   */
  async run(job: { readonly store: string; readonly keyHex: string; readonly backups: string }, log: (message: string, error: unknown) => void): Promise<void> {
    // Tests of the interface (tests/e2e/unclean-start.test.ts) hold the check this long, so that a
    // small store's check lasts as long as a province's; never set outside tests.
    const pause = Number(process.env.SO_ANTT_TEST_CHECK_PAUSE_MS ?? 0);
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    try {
      await this.check(job, log);
    } finally {
      this.end();
    }
  }

  private async check(job: { readonly store: string; readonly keyHex: string; readonly backups: string }, log: (message: string, error: unknown) => void): Promise<void> {
    let problems: readonly string[];
    try {
      problems = await checkInWorker(job, (done, total) => {
        if (this.view.state === 'checking') this.view = { ...this.view, done, total };
      });
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (this.view.state !== 'checking') return;
    if (problems.length === 0) {
      this.view = { state: 'passed', done: this.view.total, total: this.view.total, lastBackup: null, lastBackupAt: null };
      return;
    }
    log('the store check found damage', new Error(problems.join('; ')));
    const last = listBackups(job.backups)[0] ?? null;
    this.view = { state: 'damaged', done: this.view.total, total: this.view.total, lastBackup: last?.name ?? null, lastBackupAt: last?.at ?? null };
  }

  /** Refuses a call that may write while the check runs or after it found damage. */
  refuseCall(call: string): void {
    if (answeredWhileChecking(call)) return;
    if (this.view.state === 'damaged' && WHILE_DAMAGED.has(call)) return;
    this.refuseWrites();
  }

  /** Refuses any write (the write path asks before each one). */
  refuseWrites(): void {
    if (this.view.state === 'checking') {
      throw new AppError('store.checking', 'the store is being checked after a session that did not end: writing waits until the check passes');
    }
    if (this.view.state === 'damaged') {
      throw new AppError('store.corrupt', 'the check found the store damaged: restore the last good backup', {
        ...(this.view.lastBackup ? { params: { backup: this.view.lastBackup } } : {}),
      });
    }
  }
}
