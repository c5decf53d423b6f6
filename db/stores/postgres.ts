import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
} from 'kysely';
import pg from 'pg';
import type { Schema } from '../schema';
import type { Query, RunResult, Store, StoreReads, Transaction } from './store';

/**
 * The Store on PostgreSQL (issue #21; docs/decisions.md, "PostgreSQL: the foundation"): a `pg` Pool
 * runs what Kysely compiles for PostgreSQL.
 *
 * - Reads outside a transaction take any connection of the pool: they see the last committed state and
 *   never wait for the writer.
 * - Writing transactions (and single writes) are queued one at a time per store on the store's own write
 *   connection (kept open, so a transaction costs no connecting), between BEGIN and COMMIT; savepoints
 *   nest (SAVEPOINT / RELEASE / ROLLBACK TO).
 * - Streams are server-side cursors (DECLARE … FETCH n): outside a transaction inside a read-only
 *   transaction of their own (one snapshot for every page), inside one on its connection, so that the
 *   work may write between pages.
 * - Errors are pg's own: PostgreSQL's SQLSTATE stays in `code` ('23505' a unique value taken, …).
 * - A bigint (the schema's integers, `count(*)`) comes back a number, as SQLite gives it; one beyond
 *   2^53 (none in this app: milliseconds, sequences, counts) would stay the text pg gives.
 *
 * PostgreSQL differs from SQLite in one way the domain code must respect: after a failed statement a
 * transaction is aborted until it rolls back, so work that catches a statement's failure and goes on
 * must have run it in `tx.savepoint`. A transaction whose work resolved after such a failure is refused
 * at COMMIT (PostgreSQL would silently roll it back): nothing is acknowledged that was not written.
 */
export interface PostgresStoreOptions {
  /** Where the database is (a connection string or host, port, user, database…). */
  readonly connection: pg.PoolConfig;
  /** Connections at most for reads and streams (default 10), besides the write connection. */
  readonly maxConnections?: number;
}

/** Kysely as a query builder for PostgreSQL only: it compiles, the Store runs. */
export function postgresBuilder<DB>(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** The PostgreSQL the app supports: 15 or newer (normalize(), NFD), a UTF-8 database. */
export const MIN_SERVER_VERSION = 150000;

/**
 * Opens the Store: connects its write connection and checks the server before anything is written
 * (PostgreSQL 15 or newer, a UTF-8 database); refused with the reason otherwise.
 */
export async function openPostgresStore<DB = Schema>(options: PostgresStoreOptions): Promise<PostgresStore<DB>> {
  const store = new PostgresStore<DB>(options);
  try {
    const server = await store.first(
      sql<{ version: string; encoding: string }>`SELECT current_setting('server_version_num') AS version, current_setting('server_encoding') AS encoding`,
    );
    if (Number(server?.version) < MIN_SERVER_VERSION) throw new Error(`PostgreSQL 15 or newer is needed; this server is ${server?.version}`);
    if (server?.encoding !== 'UTF8') throw new Error(`the database must be UTF-8 (created with ENCODING 'UTF8'), not ${server?.encoding}`);
    await store.connectWriter();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

const DEFAULT_PAGE = 500;

const INT8_OID = 20;

function int8(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/** pg's parsers, but bigint as a number (pg gives text, to be safe beyond 2^53). */
const storeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? int8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function compiled(query: Query<unknown>, qb: Kysely<unknown>): CompiledQuery {
  return 'isRawBuilder' in query ? query.compile(qb) : query.compile();
}

function closedError(): Error {
  return new Error('the store is closed');
}

/** COMMIT answered ROLLBACK: a statement had failed and the work went on without a savepoint. */
function abortedError(): Error {
  return Object.assign(
    new Error('the transaction was rolled back: one of its statements had failed (catch a statement only inside tx.savepoint)'),
    { code: '25P02' },
  );
}

/**
 * Whether an error means the connection is gone (not a statement refused): anything but the server's
 * answer, or its answer that it ends the session (FATAL: a terminate, a shutdown; classes 08 and 57).
 */
function connectionLost(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return error.severity === 'FATAL' || error.severity === 'PANIC' || /^(08|57)/.test(error.code ?? '');
}

/** A connection that can run the compiled queries: the pool, or one client in a transaction. */
type Runner = Pick<pg.ClientBase, 'query'>;

async function rowsOf<O>(runner: Runner, query: CompiledQuery): Promise<O[]> {
  const answer = await runner.query<O & pg.QueryResultRow>(query.sql, query.parameters as unknown[]);
  return answer.rows;
}

async function changesOf(runner: Runner, query: CompiledQuery): Promise<RunResult> {
  const answer = await runner.query(query.sql, query.parameters as unknown[]);
  return { changes: answer.rowCount ?? 0 };
}

/** Cursor names are unique per connection while open; a counter for the whole process is simplest. */
let cursors = 0;

/**
 * The rows of `query` in pages through a server-side cursor on `client`, which must be inside a
 * transaction. The cursor is closed when the loop ends or breaks.
 */
async function* pagesOf<O>(client: Runner, query: CompiledQuery, pageSize: number): AsyncGenerator<O[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`a page holds at least one row, not ${pageSize}`);
  cursors += 1;
  const cursor = `store_cursor_${cursors}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${query.sql}`, query.parameters as unknown[]);
  let done = false;
  try {
    while (!done) {
      const page = (await client.query<O & pg.QueryResultRow>(`FETCH FORWARD ${pageSize} FROM ${cursor}`)).rows;
      done = page.length < pageSize;
      if (page.length > 0) yield page;
    }
  } finally {
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

export class PostgresStore<DB = Schema> implements Store<DB> {
  readonly dialect = 'postgres' as const;
  readonly qb: Kysely<DB> = postgresBuilder<DB>();
  private readonly pool: pg.Pool;
  private readonly connection: pg.PoolConfig;
  /** The write connection, made again on the next write when it was lost. */
  private writer: pg.Client | null = null;
  /** The end of the queue of writing transactions: never rejects. */
  private writes: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | null = null;

  constructor(options: PostgresStoreOptions) {
    this.connection = { types: storeTypes, ...options.connection };
    this.pool = new pg.Pool({ max: options.maxConnections ?? 10, ...this.connection });
    // An idle connection dropped by the server (a restart, an administrator) is thrown away by the
    // pool; the next call connects again. Without a listener the process would end.
    this.pool.on('error', () => undefined);
  }

  /** The write connection; connected again when it was lost (the next transaction then runs on it). */
  async connectWriter(): Promise<pg.Client> {
    if (this.writer) return this.writer;
    const client = new pg.Client(this.connection);
    const forget = () => {
      if (this.writer === client) this.writer = null;
    };
    // Lost while idle (a server restart): the next write connects again.
    client.on('error', forget);
    client.on('end', forget);
    await client.connect();
    this.writer = client;
    return client;
  }

  /** Forgets a write connection that failed outside a statement's error (it is ended, not reused). */
  private dropWriter(client: pg.Client): void {
    if (this.writer === client) this.writer = null;
    void client.end().catch(() => undefined);
  }

  private compile(query: Query<unknown>): CompiledQuery {
    return compiled(query, this.qb as Kysely<unknown>);
  }

  private refuseIfClosed(): void {
    if (this.closing) throw closedError();
  }

  async all<O>(query: Query<O>): Promise<O[]> {
    this.refuseIfClosed();
    const compiledQuery = this.compile(query);
    try {
      return await rowsOf<O>(this.pool, compiledQuery);
    } catch (error) {
      // A pooled connection found lost (a server restart): a read changes nothing, so once more.
      if (!connectionLost(error) || this.closing) throw error;
      return rowsOf<O>(this.pool, compiledQuery);
    }
  }

  async first<O>(query: Query<O>): Promise<O | undefined> {
    return (await this.all(query))[0];
  }

  async *stream<O>(query: Query<O>, pageSize = DEFAULT_PAGE): AsyncIterable<O[]> {
    this.refuseIfClosed();
    const compiledQuery = this.compile(query);
    const client = await this.pool.connect();
    let ended = false;
    try {
      // One snapshot for every page, as a single SELECT would see.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      yield* pagesOf<O>(client, compiledQuery, pageSize);
      await client.query('COMMIT');
      ended = true;
    } finally {
      // Broken out of, or failed: end the read-only transaction; a connection that cannot is dropped.
      if (!ended) ended = await client.query('ROLLBACK').then(() => true, () => false);
      client.release(!ended);
    }
  }

  async snapshot<T>(work: (reads: StoreReads<DB>) => Promise<T>): Promise<T> {
    this.refuseIfClosed();
    const client = await this.pool.connect();
    let ended = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const reads = new PostgresTransaction<DB>(client, this.qb);
      try {
        const result = await work(reads);
        await client.query('COMMIT');
        ended = true;
        return result;
      } finally {
        reads.end();
      }
    } finally {
      if (!ended) ended = await client.query('ROLLBACK').then(() => true, () => false);
      client.release(!ended);
    }
  }

  run(query: Query<unknown>): Promise<RunResult> {
    // In a transaction of its own, so that a connection found lost at BEGIN is replaced safely.
    return this.transaction((tx) => tx.run(query));
  }

  /**
   * BEGIN on the write connection. A connection lost while idle (a server restart, an administrator's
   * pg_terminate_backend) may not have said so yet: its BEGIN fails before anything was written, so it
   * is replaced and BEGIN tried once more.
   */
  private async begin(): Promise<pg.Client> {
    const client = await this.connectWriter();
    try {
      await client.query('BEGIN');
      return client;
    } catch (error) {
      if (!connectionLost(error)) throw error;
      this.dropWriter(client);
    }
    const again = await this.connectWriter();
    try {
      await again.query('BEGIN');
    } catch (error) {
      if (connectionLost(error)) this.dropWriter(again);
      throw error;
    }
    return again;
  }

  transaction<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      const client = await this.begin();
      const tx = new PostgresTransaction<DB>(client, this.qb);
      // Whether the write connection may serve the next transaction: not when it failed other than by a
      // statement's error (lost, or ROLLBACK impossible). A COMMIT lost with its connection is in doubt:
      // it is refused, never acknowledged.
      let usable = true;
      try {
        let result: T;
        try {
          result = await work(tx);
        } catch (error) {
          tx.end();
          usable = await client.query('ROLLBACK').then(() => true, () => false);
          throw error;
        }
        tx.end();
        const answer = await client.query('COMMIT').catch((error: unknown) => {
          usable = !connectionLost(error);
          throw error;
        });
        if (answer.command === 'ROLLBACK') throw abortedError();
        return result;
      } finally {
        tx.end();
        if (!usable) this.dropWriter(client);
      }
    });
  }

  /** Runs `job` after every write queued before it; refused once the store closes. */
  private queued<T>(job: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(closedError());
    const result = this.writes.then(job);
    this.writes = result.catch(() => undefined);
    return result;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.writes;
      const writer = this.writer;
      this.writer = null;
      await Promise.all([writer?.end(), this.pool.end()]);
    })();
    return this.closing;
  }
}

/** A writing transaction on its one connection; a savepoint's work gets another of these on the same one. */
class PostgresTransaction<DB> implements Transaction<DB> {
  private state: { ended: boolean; savepoints: number };

  constructor(
    private readonly client: pg.ClientBase,
    readonly qb: Kysely<DB>,
    state?: { ended: boolean; savepoints: number },
  ) {
    this.state = state ?? { ended: false, savepoints: 0 };
  }

  get ended(): boolean {
    return this.state.ended;
  }

  end(): void {
    this.state.ended = true;
  }

  private compile(query: Query<unknown>): CompiledQuery {
    if (this.state.ended) throw new Error('the transaction has ended: its work used it after it returned');
    return compiled(query, this.qb as Kysely<unknown>);
  }

  async all<O>(query: Query<O>): Promise<O[]> {
    return rowsOf<O>(this.client, this.compile(query));
  }

  async first<O>(query: Query<O>): Promise<O | undefined> {
    return (await this.all(query))[0];
  }

  async *stream<O>(query: Query<O>, pageSize = DEFAULT_PAGE): AsyncIterable<O[]> {
    yield* pagesOf<O>(this.client, this.compile(query), pageSize);
  }

  async run(query: Query<unknown>): Promise<RunResult> {
    return changesOf(this.client, this.compile(query));
  }

  async savepoint<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    if (this.state.ended) throw new Error('the transaction has ended: its work used it after it returned');
    this.state.savepoints += 1;
    const name = `store_savepoint_${this.state.savepoints}`;
    await this.client.query(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await work(new PostgresTransaction<DB>(this.client, this.qb, this.state));
    } catch (error) {
      // Undo the work's part; if even that fails the transaction is lost and COMMIT will say so.
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      await this.client.query(`RELEASE SAVEPOINT ${name}`).catch(() => undefined);
      throw error;
    }
    await this.client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  }
}
