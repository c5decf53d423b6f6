import { fingerprint, isSealed, type Keyring, type KeyringEntry } from './keyring';
import { prepared } from './query';
import type { Sqlite } from './store';

/**
 * The keyring bound to the store (docs/decisions.md, "Keys that rotate"): the store records the
 * fingerprint of every keyring entry it accepts (table keyring_seals, migration 0015). A login whose
 * entry the store does not know is refused, so a keyring.json edited by hand (one user's key copied
 * under another's id) logs nobody in. Making the store accept a forged entry takes the store key,
 * SQLite tools and a rewrite of the audit chain.
 */

/** The fingerprints of an entry: its seal, and during a rotation the next seal too. */
function fingerprints(entry: KeyringEntry): string[] {
  return isSealed(entry) && entry.nextSeal !== undefined ? [fingerprint(entry), fingerprint(entry, 'nextSeal')] : [fingerprint(entry)];
}

/** Records an entry's fingerprints (inside the caller's transaction, with the keyring written last). */
export function recordEntry(db: Sqlite, entry: KeyringEntry): void {
  for (const print of fingerprints(entry)) {
    prepared(db, 'INSERT OR IGNORE INTO keyring_seals (user_id, fingerprint) VALUES (?, ?)').run(entry.userId, print);
  }
}

/** Puts a user's new entry in the keyring, its fingerprints recorded first and the replaced ones removed. */
export function installEntry(db: Sqlite, keyring: Keyring, username: string, entry: KeyringEntry): void {
  db.transaction(() => {
    recordEntry(db, entry);
    keyring.setEntry(username, entry);
  })();
  pruneEntries(db, keyring);
}

/**
 * Before a rotation's new seals replace the old: the store learns the next seal of each entry whose
 * current seal (so whose public key) it knows. The transaction that recorded them may not have committed
 * (a power cut after the keyring was written, before the commit); an entry the store did not know stays
 * unknown, and is refused at its next login.
 */
export function recordNextSeals(db: Sqlite, keyring: Keyring): void {
  db.transaction(() => {
    for (const entry of Object.values(keyring.users)) {
      if (isSealed(entry) && entry.nextSeal !== undefined && knowsEntry(db, entry, 'seal')) recordEntry(db, entry);
    }
  })();
}

/** Whether the store knows this fingerprint of this user. */
export function knowsEntry(db: Sqlite, entry: KeyringEntry, seal: 'seal' | 'nextSeal'): boolean {
  return prepared(db, 'SELECT 1 FROM keyring_seals WHERE user_id = ? AND fingerprint = ?').get(entry.userId, fingerprint(entry, seal)) !== undefined;
}

/** Removes the fingerprints of entries the keyring no longer holds (replaced, removed, or rotated away). */
export function pruneEntries(db: Sqlite, keyring: Keyring): void {
  const keep = new Set(Object.values(keyring.users).flatMap((entry) => fingerprints(entry).map((print) => `${entry.userId} ${print}`)));
  db.transaction(() => {
    for (const row of readSeals(db)) {
      if (!keep.has(`${row.user_id} ${row.fingerprint}`)) prepared(db, 'DELETE FROM keyring_seals WHERE user_id = ? AND fingerprint = ?').run(row.user_id, row.fingerprint);
    }
  })();
}

export interface SealRow {
  readonly user_id: string;
  readonly fingerprint: string;
}

export function readSeals(db: Sqlite): SealRow[] {
  return prepared(db, 'SELECT user_id, fingerprint FROM keyring_seals').all() as SealRow[];
}

/**
 * A restored store learns the fingerprints the store it replaces had (its own are those of the day of
 * the backup): the keyring that opens it is today's.
 */
export function writeSeals(db: Sqlite, rows: readonly SealRow[]): void {
  db.transaction(() => {
    prepared(db, 'DELETE FROM keyring_seals').run();
    for (const row of rows) prepared(db, 'INSERT OR IGNORE INTO keyring_seals (user_id, fingerprint) VALUES (?, ?)').run(row.user_id, row.fingerprint);
  })();
}

/**
 * The first open after migration 0015 finds the table empty (every later store has at least its
 * administrator's row): the keyring as it is then is recorded. An edit made to the keyring before that
 * first login is not detected (docs/decisions.md, "Keys that rotate").
 */
export function bindOnFirstOpen(db: Sqlite, keyring: Keyring): void {
  if (prepared(db, 'SELECT 1 FROM keyring_seals LIMIT 1').get() !== undefined) return;
  db.transaction(() => {
    for (const entry of Object.values(keyring.users)) recordEntry(db, entry);
  })();
}
