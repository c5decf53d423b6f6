import type { Compilable, Kysely, RawBuilder } from 'kysely';
import type { Schema } from '../schema';

/**
 * The asynchronous store (issue #20; docs/decisions.md, "The backend's thread"): what domain code uses to
 * read and write, whatever the database under it. Kysely compiles, the adapter runs:
 *
 * - queries are built with the store's own `qb` (it compiles for the store's dialect: `?` for SQLite,
 *   `$1` for PostgreSQL), or with Kysely's `sql` tag (a RawBuilder, compiled by the adapter);
 * - SQL text lives only in the adapters (db/stores/*), the migrations and the dialect modules;
 * - every method answers a promise, so an adapter may run the statement on another thread (SQLite's
 *   readers) or another process (PostgreSQL) while the backend's thread goes on with other calls.
 *
 * Reads outside a transaction see the last committed state and never wait for a writing transaction.
 * Writing transactions run one after another, each whole or not at all; reads inside one see its writes.
 */
export interface Store<DB = Schema> extends StoreReads<DB> {
  readonly dialect: 'sqlite' | 'postgres';
  /** One write outside any transaction: a transaction of its own. */
  run(query: Query<unknown>): Promise<RunResult>;
  /**
   * Runs `work` in a writing transaction: committed when its promise resolves, rolled back when it
   * rejects (the rejection is passed on). Transactions are queued: one runs at a time.
   *
   * `work` awaits only the transaction (its reads, writes and savepoints), never a timer, a read outside
   * it or another call: the SQLite adapter shares its write connection with the backend's synchronous
   * code, and a synchronous write that starts while one of its transactions is open is refused as an
   * internal error (db/stores/sqlite-guard.ts; docs/decisions.md, "The asynchronous Store").
   */
  transaction<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T>;
  /**
   * Runs `work`'s reads in one read transaction: every statement sees the same committed state, so a
   * reading of several statements (a periodic report: the summaries, then the register, then each
   * office) never adds up figures from before and after a write committed between them. It holds one
   * reading connection until `work` settles; `work` awaits only its reads.
   */
  snapshot<T>(work: (reads: StoreReads<DB>) => Promise<T>): Promise<T>;
  /** Ends every connection, once the queued work is done. */
  close(): Promise<void>;
}

/** A writing transaction in progress: its reads see its own writes. */
export interface Transaction<DB = Schema> extends StoreReads<DB> {
  run(query: Query<unknown>): Promise<RunResult>;
  /**
   * Runs `work` inside a savepoint: on rejection only what `work` wrote is undone and the rejection is
   * passed on; the transaction goes on.
   */
  savepoint<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T>;
}

export interface StoreReads<DB> {
  /** Builds queries for this store's dialect (compiling only: the store runs them). */
  readonly qb: Kysely<DB>;
  all<O>(query: Query<O>): Promise<O[]>;
  first<O>(query: Query<O>): Promise<O | undefined>;
  /**
   * The rows in pages of at most `pageSize` (default 500), read as they are consumed, so that a long
   * result (an export, a report over a province) never sits whole in memory. Breaking out of the loop
   * ends the statement.
   */
  stream<O>(query: Query<O>, pageSize?: number): AsyncIterable<O[]>;
}

/** A query from the store's `qb`, or a fragment of Kysely's `sql` tag (values bound as parameters). */
export type Query<O> = Compilable<O> | RawBuilder<O>;

export interface RunResult {
  /** The rows inserted, updated or deleted. */
  readonly changes: number;
}
