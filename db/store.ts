import Database from 'better-sqlite3-multiple-ciphers';
import { fold } from '../core/fold';
import { AppError } from './app-error';
import { sqliteBinding } from './native-binding';

export type Sqlite = Database.Database;

const KEY_HEX = /^[0-9a-f]{64}$/;
/** SQLite3 Multiple Ciphers' ChaCha20-Poly1305 scheme: every page encrypted and authenticated. */
const CIPHER = 'chacha20';

export interface OpenOptions {
  /**
   * Run quick_check before use (default). It reads every page, so it grows with the store (docs/decisions.md,
   * "After a power cut": seconds at a province); the backend opens without it and checks on the backup
   * worker instead (db/store-check.ts), so the login does not wait.
   */
  readonly quickCheck?: boolean;
  /** Open an existing file read-only (a backup being inspected): no journal mode is set, nothing is written. */
  readonly readOnly?: boolean;
  /**
   * The native module build to load, as decided by sqliteBinding() in the thread that started this one
   * (a worker thread is handed its parent's answer). Left out: decided here, by sqliteBinding().
   */
  readonly nativeBinding?: string | null;
}

/**
 * Opens (or creates) the encrypted store at `file` with a 256-bit key given as 64 hex digits.
 * Sets the pragmas every connection needs, registers the search fold, and (unless told not to) runs
 * quick_check, so a wrong key, a file that is not ours or a damaged file is refused at open with a
 * clear error. Without quick_check a damaged page still fails where it is read: every page carries a
 * Poly1305 tag.
 */
export function openSqlite(file: string, keyHex: string, options: OpenOptions = {}): Sqlite {
  if (!KEY_HEX.test(keyHex)) throw new Error('the store key must be 64 lower-case hex digits');
  const nativeBinding = (options.nativeBinding === undefined ? sqliteBinding() : options.nativeBinding) ?? undefined;
  const db = new Database(file, options.readOnly ? { readonly: true, fileMustExist: true, nativeBinding } : { nativeBinding });
  try {
    db.pragma(`cipher='${CIPHER}'`);
    // The key was checked above to be plain hex: nothing else can reach this pragma.
    db.pragma(`hexkey='${keyHex}'`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (cause) {
      if (isSqliteCode(cause, 'SQLITE_NOTADB')) {
        throw new AppError('store.wrong_key', 'the store cannot be decrypted with this key, or it is not a Sổ ANTT store');
      }
      throw cause;
    }
    if (!options.readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of decrypted pages: lists and reports over a few hundred thousand rows stay in memory.
    db.pragma('cache_size = -65536');
    db.pragma('trusted_schema = OFF');
    // Temporary tables, sort spills and statement journals stay in memory: nothing decrypted reaches a
    // temporary file, and a write that fires triggers (the summary tables) journals without file I/O,
    // which halves its cost (docs/decisions.md, "Exchange between offices").
    db.pragma('temp_store = MEMORY');
    if (options.quickCheck ?? true) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('store.corrupt', `quick_check failed: ${String(check)}`);
    }
    db.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : null));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function isSqliteCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === code;
}
