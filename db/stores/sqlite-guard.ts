import type { Sqlite } from '../store';

/**
 * The rule that lets the asynchronous Store share its write connection with the code not yet moved to it
 * (docs/decisions.md, "The asynchronous Store"): while a transaction of the Store is open on a connection,
 * nothing else writes on it. The rest of the backend writes synchronously on the same connection
 * (WritePath, db/query.ts); a transaction whose work awaited something outside itself (a timer, a reader's
 * answer) would let such a write run inside it, committed or undone with another call's work. That write
 * is refused here, loudly (an internal error), never interleaved.
 */
const open = new Set<Sqlite>();

/** Called by the SQLite Store when its transaction begins and ends on `db`. */
export function asyncTransactionBegins(db: Sqlite): void {
  open.add(db);
}

export function asyncTransactionEnds(db: Sqlite): void {
  open.delete(db);
}

/** Whether a transaction of the Store is open on `db`. */
export function inAsyncTransaction(db: Sqlite): boolean {
  return open.size > 0 && open.has(db);
}

/** Throws when a synchronous write would start on `db` inside a transaction of the Store. */
export function refuseSynchronousWrite(db: Sqlite): void {
  if (inAsyncTransaction(db)) {
    throw new Error(
      'a synchronous write started while a transaction of the asynchronous Store is open on the same connection: ' +
        'the work of a transaction must await only the transaction (docs/decisions.md, "The asynchronous Store")',
    );
  }
}
