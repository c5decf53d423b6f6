import { createHash } from 'node:crypto';
import { importRunning } from './app-error';
import { prepared } from './query';
import type { AuditLogTable } from './schema';
import type { Sqlite } from './store';

/** Who did what, when, to which record, with the record before and after. */
export interface AuditEntry {
  readonly at: number;
  readonly userId: string | null;
  readonly call: string;
  readonly action: string;
  readonly table?: string | null;
  readonly recordId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Entries held for a connection while another connection writes (db/exchange/import-job.ts). */
const held = new WeakMap<Sqlite, AuditEntry[]>();
/** Held entries whose writing failed at the release: written before the connection's next entry. */
const unwritten = new WeakMap<Sqlite, AuditEntry[]>();

/**
 * The entries held while an import runs: those of calls that only read (a read, a reveal of secret
 * reporters, a login and its refusals, a logout). Every other call is refused meanwhile, and so is its
 * entry: it would belong to a change, whose entry must commit with it.
 */
const HELD_ACTIONS: ReadonlySet<string> = new Set(['read', 'reveal', 'login', 'login_failed', 'login_refused', 'logout']);

/**
 * From now on the entries appended on `db` are held in memory, not written: an import is writing on its
 * own connection and holds the store's write lock, so an entry written here would wait for it (for the
 * whole import, the backend's thread blocked).
 */
export function holdAudit(db: Sqlite): void {
  if (!held.has(db)) held.set(db, []);
}

/**
 * Stops holding, and writes the entries held, in their order, in one transaction. If that fails they
 * are kept and written with the connection's next entry, and the error is passed on.
 */
export function releaseAudit(db: Sqlite): void {
  const entries = [...(unwritten.get(db) ?? []), ...(held.get(db) ?? [])];
  held.delete(db);
  unwritten.delete(db);
  if (entries.length === 0) return;
  try {
    db.transaction(() => entries.forEach((entry) => writeEntry(db, entry)))();
  } catch (error) {
    unwritten.set(db, entries);
    throw error;
  }
}

/**
 * Appends an entry whose hash covers the previous entry's hash, so editing or removing any entry
 * breaks the chain from there on. Call it inside the transaction that makes the change.
 */
export function appendAudit(db: Sqlite, entry: AuditEntry): void {
  const holding = held.get(db);
  if (holding) {
    if (!HELD_ACTIONS.has(entry.action)) throw importRunning();
    holding.push(entry);
    return;
  }
  const late = unwritten.get(db);
  if (!late) return writeEntry(db, entry);
  unwritten.delete(db);
  try {
    late.forEach((earlier) => writeEntry(db, earlier));
    writeEntry(db, entry);
  } catch (error) {
    unwritten.set(db, late);
    throw error;
  }
}

function writeEntry(db: Sqlite, entry: AuditEntry): void {
  const last = prepared(db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const row = {
    at: entry.at,
    user_id: entry.userId,
    call: entry.call,
    table_name: entry.table ?? null,
    record_id: entry.recordId ?? null,
    action: entry.action,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  prepared(
    db,
    `INSERT INTO audit_log (at, user_id, call, table_name, record_id, action, before, after, prev_hash, hash)
     VALUES (@at, @user_id, @call, @table_name, @record_id, @action, @before, @after, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
}

type StoredEntry = AuditLogTable;

function entryHash(prevHash: string, row: Omit<StoredEntry, 'id' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([row.at, row.user_id, row.call, row.table_name, row.record_id, row.action, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainCheck = { readonly ok: true; readonly entries: number } | { readonly ok: false; readonly entries: number; readonly brokenAt: number };

/** Walks the whole chain; names the first entry whose link or content does not match. */
export function verifyAuditChain(db: Sqlite): ChainCheck {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<StoredEntry>) {
    entries += 1;
    if (row.prev_hash !== prevHash || entryHash(prevHash, row) !== row.hash) return { ok: false, entries, brokenAt: row.id };
    prevHash = row.hash;
  }
  return { ok: true, entries };
}
