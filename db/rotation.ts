import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from './app-error';
import { rekeyAttachments } from './attachments';
import { appendAudit } from './audit';
import type { Backend } from './backend';
import { listBackups } from './backup';
import { flushFile, removeSqliteFile, renameDurably } from './durable';
import { pruneEntries, recordEntry, recordNextSeals } from './key-binding';
import { isSealed, sameKey, sealTo, type KeyringEntry, type RotationStep, type SealedEntry } from './keyring';
import { openSqlite, type Sqlite } from './store';

/**
 * Rotation of the store key (docs/decisions.md, "Keys that rotate"). Deactivating a user or an
 * administrator's reset of a password gives the store a new random key, so a copy of the old keyring
 * and the old password no longer open it. One resumable sequence, its step kept in the keyring:
 *
 *  1. sealed: the new key is sealed to every remaining user's public key beside the current seal
 *     (nextSeal), both fingerprinted in the store, in the transaction of the change itself.
 *  2. store: the live file is never re-keyed in place (SQLite3MC's rekey rewrites every page, and a cut
 *     in that write left a file neither key opened: the crash suite found it). The WAL is checkpointed
 *     into the file, the file copied, the copy re-keyed and flushed, then the store closed, the copy
 *     renamed over it (the rename flushed) and the store opened again with the new key. A cut leaves
 *     the old file under the old key or the new one under the new key, whole; a copy left over is
 *     removed by the next attempt.
 *  3. attachments: every file encrypted again under keys derived from the new key.
 *  4. backups: every backup in the app's folder re-keyed (a copy re-keyed, then renamed over).
 *  Then the new seals replace the old ones; fingerprints of the old seals are removed.
 *
 * A power cut at any moment leaves the keyring's old seals (until the last write) and its new ones: the
 * next login opens both, opens the store with whichever key it has, and finishes the sequence. Every
 * step skips what is already done (a file under the new key, a store already re-keyed).
 *
 * A user without a key pair yet (a version 1 keyring entry, not logged in since the upgrade) cannot be
 * sealed to: the rotation drops their entry, and an administrator resets their password (which makes
 * a key pair). Copies made elsewhere before the rotation (a backup on a USB drive) stay readable with
 * the old key.
 */

export interface RotationKeys {
  readonly old: Buffer;
  readonly next: Buffer;
}

/** What the rotation changes in the keyring besides the seals. */
export interface KeyChange {
  /** A user whose entry goes (deactivated). */
  readonly remove?: string;
  /** A user's new entry (a password reset), sealed to the current key. */
  readonly put?: readonly [string, SealedEntry];
}

/** Points where a rotation may be cut short; a test's hook throws there, as a power cut would stop it. */
export type RotationPoint = RotationStep | 'copied' | 'rekeyed' | 'attachment' | 'backup' | 'promoted';

const hooks = new WeakMap<Backend, (point: RotationPoint) => void>();

/** For tests: `hook` runs at each point of the sequence (after the point is reached and written). */
export function onRotationPoint(backend: Backend, hook: ((point: RotationPoint) => void) | null): void {
  if (hook) hooks.set(backend, hook);
  else hooks.delete(backend);
}

function reach(backend: Backend, point: RotationPoint): void {
  hooks.get(backend)?.(point);
}

/**
 * Makes `change` (the keyring) and `inTransaction` (the store) together, and rotates the store key.
 * Runs in the backups' queue: no backup's connection is open while the store is re-keyed.
 */
export function rotateStoreKey<T>(backend: Backend, change: KeyChange, inTransaction: () => T, by: { readonly userId: string | null; readonly call: string }): Promise<T> {
  return backend.backups.exclusive(async () => {
    const store = backend.requireStore();
    const keyring = backend.keyring();
    if (keyring.rotation) throw new Error('a key rotation is unfinished: it is finished at the next login');
    // Before anything changes: the rotation copies the store (and then each backup) beside itself.
    requireSpace(backend);
    const keys: RotationKeys = { old: store.key, next: randomBytes(32) };
    const users: Record<string, KeyringEntry> = {};
    for (const [name, entry] of Object.entries(keyring.users)) {
      if (entry.userId === change.remove || entry.userId === change.put?.[1].userId) continue;
      users[name] = isSealed(entry) ? withNextSeal(entry, keys.next) : entry;
    }
    if (change.put) users[change.put[0]] = withNextSeal(change.put[1], keys.next);
    const result = store.sql.transaction(() => {
      const out = inTransaction();
      for (const entry of Object.values(users)) recordEntry(store.sql, entry);
      appendAudit(store.sql, { at: backend.now(), userId: by.userId, call: by.call, action: 'rekey_start' });
      // Last: if the keyring cannot be written, the change is rolled back.
      keyring.replace(users, { step: 'sealed', startedAt: backend.now() });
      return out;
    })();
    finishSoon(backend, keys, by);
    return result;
  });
}

/**
 * The sequence after the change committed. A failure here (the disk full after all, another process
 * holding the store) does not undo the change, which stands: it is logged, and the next login finishes
 * the sequence (each step skips what is done).
 */
function finishSoon(backend: Backend, keys: RotationKeys, by: { readonly userId: string | null; readonly call: string }): void {
  try {
    finishRotation(backend, keys, by);
  } catch (error) {
    backend.log('the key rotation stopped before its end: the next login finishes it', error);
  }
}

/** Free space beside each file, with a margin: a copy re-keyed through its rollback journal needs twice its size. */
const MARGIN = 64 * 1024 * 1024;

/**
 * Refuses a rotation the disk cannot hold, before anything changed: the store copied and re-keyed
 * beside itself (twice its size, with the WAL checkpointed into it), then each backup in turn (twice
 * the largest).
 */
function requireSpace(backend: Backend): void {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  const store = size(backend.paths.store) + size(`${backend.paths.store}-wal`);
  const largestBackup = Math.max(0, ...listBackups(backend.paths.backups).map((file) => size(join(backend.paths.backups, file.name))));
  const needed = 2 * Math.max(store, largestBackup) + MARGIN;
  const free = (() => {
    try {
      const stats = statfsSync(dirname(backend.paths.store));
      return stats.bavail * stats.bsize;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  })();
  if (free < needed) {
    throw new AppError('store.no_space', `the key rotation needs ${needed} bytes free beside the store, ${free} are`, { params: { mb: Math.ceil(needed / 1048576) } });
  }
}

function withNextSeal(entry: SealedEntry, next: Buffer): SealedEntry {
  return { ...entry, nextSeal: sealTo(entry.userId, entry.publicKey, next) };
}

/** After a login that found a rotation under way: finishes it, in the backups' queue (the login goes on if it cannot yet). */
export function resumeRotation(backend: Backend, keys: RotationKeys, by: { readonly userId: string | null; readonly call: string }): Promise<void> {
  return backend.backups.exclusive(async () => {
    if (backend.keyring().rotation) finishSoon(backend, keys, by);
  });
}

const ORDER: readonly RotationStep[] = ['sealed', 'store', 'attachments', 'backups'];

/** Steps from the keyring's current one to the end. The open store is under `keys.old` or `keys.next`. */
function finishRotation(backend: Backend, keys: RotationKeys, by: { readonly userId: string | null; readonly call: string }): void {
  const keyring = backend.keyring();
  const startedAt = keyring.rotation?.startedAt ?? backend.now();
  const done = (step: RotationStep) => {
    keyring.replace(keyring.users, { step, startedAt });
    reach(backend, step);
  };
  const at = () => ORDER.indexOf(keyring.rotation!.step);
  reach(backend, 'sealed');
  if (at() < ORDER.indexOf('store')) {
    rekeyStore(backend, keys);
    reach(backend, 'rekeyed');
    done('store');
  }
  if (at() < ORDER.indexOf('attachments')) {
    rekeyAttachments(backend.paths.attachments, keys.old, keys.next, () => reach(backend, 'attachment'));
    done('attachments');
  }
  if (at() < ORDER.indexOf('backups')) {
    rekeyBackups(backend, keys);
    done('backups');
  }
  // The new seals become the seals; entries that had none (no key pair yet) go.
  recordNextSeals(backend.requireStore().sql, keyring);
  const users: Record<string, KeyringEntry> = {};
  for (const [name, entry] of Object.entries(keyring.users)) {
    if (!isSealed(entry) || entry.nextSeal === undefined) continue;
    const { nextSeal, ...rest } = entry;
    users[name] = { ...rest, seal: nextSeal };
  }
  keyring.replace(users, undefined);
  reach(backend, 'promoted');
  const sql = backend.requireStore().sql;
  pruneEntries(sql, keyring);
  appendAudit(sql, { at: backend.now(), userId: by.userId, call: by.call, action: 'rekey', after: { users: Object.keys(users).length } });
}

/**
 * The store under the new key, by a re-keyed copy renamed over it (step 2 above). Skipped when the
 * store is already under the new key (a rotation resumed after the rename).
 */
function rekeyStore(backend: Backend, keys: RotationKeys): void {
  const store = backend.requireStore();
  if (sameKey(store.key, keys.next)) return;
  const file = backend.paths.store;
  const copy = `${file}.rekeying`;
  // A copy cut off earlier goes with its journal: left there, the journal would be rolled back into
  // the next copy when it is opened (the review of the first version found it).
  removeSqliteFile(copy);
  // No other connection of this process: the Store's readers end first (no backup or check runs: rotation
  // runs in the backups' queue).
  store.data.endReaders();
  const sql = store.sql;
  const [checkpoint] = sql.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (checkpoint?.busy !== 0) throw new Error('the store could not be checkpointed before its key rotation');
  // Nor of another process (a command line on the same folder): SQLite leaves WAL mode only for a
  // connection alone on the file. Then a read transaction holds a shared lock to the swap, so nothing
  // writes to the file being copied.
  setJournal(sql, 'delete');
  let swapped = false;
  try {
    sql.prepare('BEGIN').run();
    const head = storeHead(sql);
    copyFileSync(file, copy);
    rekeyFile(copy, keys, head);
    reach(backend, 'copied');
    sql.prepare('COMMIT').run();
    backend.swapStoreFile(copy, keys.next);
    swapped = true;
  } finally {
    if (!swapped) {
      removeSqliteFile(copy);
      if (sql.open) {
        if (sql.inTransaction) sql.prepare('ROLLBACK').run();
        setJournal(sql, 'wal');
      }
    }
  }
}

/** What a whole copy of a store must show: its size in pages, its schema version and its audit chain's head. */
function storeHead(db: Sqlite): string {
  const audit = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return JSON.stringify([db.pragma('page_count', { simple: true }), db.pragma('user_version', { simple: true }), audit?.id ?? null, audit?.hash ?? null]);
}

/**
 * A closed SQLite file under the old key re-keyed in place and flushed: used only on copies, never on
 * the store. The copy must then open with the new key and show `head`, the source's (when given).
 */
function rekeyFile(path: string, keys: RotationKeys, head?: string): void {
  const db = openSqlite(path, keys.old.toString('hex'), { quickCheck: false });
  try {
    // PRAGMA rekey refuses WAL mode; the app's next open of the file sets it again.
    setJournal(db, 'delete');
    db.pragma(`hexrekey='${keys.next.toString('hex')}'`);
  } finally {
    db.close();
  }
  flushFile(path);
  const check = openSqlite(path, keys.next.toString('hex'), { quickCheck: false, readOnly: true });
  try {
    if (head !== undefined && storeHead(check) !== head) throw new Error('the re-keyed copy of the store is not the store as it is');
  } finally {
    check.close();
  }
}

function setJournal(sql: Sqlite, mode: 'delete' | 'wal'): void {
  const now = String(sql.pragma(`journal_mode = ${mode.toUpperCase()}`, { simple: true }));
  if (now !== mode) throw new Error(`the store's journal stays ${now}, not ${mode}: another connection holds it`);
}

/**
 * Every backup in the app's backups folder under the new key: a copy is re-keyed, made durable and
 * renamed over the backup, so a cut leaves the backup under one key or the other, whole. A backup
 * neither key opens is left as it was (it was unreadable before).
 */
function rekeyBackups(backend: Backend, keys: RotationKeys): void {
  const dir = backend.paths.backups;
  for (const file of listBackups(dir)) {
    const path = join(dir, file.name);
    if (opensWith(path, keys.next) || !opensWith(path, keys.old)) continue;
    const temp = `${path}.rekeying`;
    removeSqliteFile(temp);
    copyFileSync(path, temp);
    try {
      rekeyFile(temp, keys);
      renameDurably(temp, path);
    } catch (error) {
      removeSqliteFile(temp);
      throw error;
    }
    reach(backend, 'backup');
  }
}

function opensWith(path: string, key: Buffer): boolean {
  try {
    openSqlite(path, key.toString('hex'), { quickCheck: false, readOnly: true }).close();
    return true;
  } catch {
    return false;
  }
}
