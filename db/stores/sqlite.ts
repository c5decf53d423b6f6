import type Database from 'better-sqlite3-multiple-ciphers';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery } from 'kysely';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error';
import { sqliteBinding } from '../native-binding';
import type { Schema } from '../schema';
import type { Sqlite } from '../store';
import type { ErrorCode } from '../../api/result';
import { asyncTransactionBegins, asyncTransactionEnds } from './sqlite-guard';
import type { ReaderAnswer, ReaderData, ReaderError, ReaderRequest } from './sqlite-reader';
import type { Query, RunResult, Store, StoreReads, Transaction } from './store';

/**
 * The Store (db/stores/store.ts) on SQLite (docs/decisions.md, "The asynchronous Store"):
 *
 * - writes (`run`, `transaction`) go to the write connection, the one the rest of the backend writes on
 *   synchronously (WritePath), queued one after another. Inside a transaction every statement runs at
 *   once on that connection (its promise is already settled), so a transaction whose work awaits only
 *   the transaction ends within the turn of the event loop it began in. **The work of a transaction
 *   awaits only the transaction**: were it to await a timer or a reader, a synchronous write of another
 *   call could run inside it; such a write is refused as an internal error (db/stores/sqlite-guard.ts).
 * - reads outside a transaction (`all`, `first`, `stream`) go to reader threads (db/stores/sqlite-reader.ts),
 *   each with its own connection to the file: WAL lets them read the last committed state while the
 *   backend's thread goes on. The readers start when first needed, two at most by default; a stream holds
 *   its reader until it ends.
 */
export interface SqliteStoreOptions {
  /** The store's file and key (64 hex digits): the readers open their own connections with them. */
  readonly file: string;
  readonly keyHex: string;
  /** How many reader threads at most (default 2). */
  readonly readers?: number;
  /** The native module build the readers load (default: this thread's, db/native-binding.ts). */
  readonly nativeBinding?: string | null;
  /** Whether close() also closes the write connection (default false: the Backend owns it). */
  readonly ownsWriter?: boolean;
  /** How long closing waits for a reader busy with a statement before it stops the thread (default 10 s). */
  readonly closeTimeoutMs?: number;
}

/** Kysely as a query builder for SQLite only: it compiles, the Store runs. */
export function sqliteBuilder<DB>(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export function openSqliteStore<DB = Schema>(writer: Sqlite, options: SqliteStoreOptions): SqliteStore<DB> {
  return new SqliteStore<DB>(writer, options);
}

const DEFAULT_PAGE = 500;

function compiled(query: Query<unknown>, qb: Kysely<unknown>): CompiledQuery {
  return 'isRawBuilder' in query ? query.compile(qb) : query.compile();
}

/** Rows crossed the thread: their blobs came as Uint8Array, made Buffers again as the write connection gives them. */
function withBuffers<O>(row: O): O {
  if (row === null || typeof row !== 'object') return row;
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) (row as Record<string, unknown>)[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return row;
}

/** A reader's error on this thread: an AppError again, or an Error with SQLite's code kept. */
function errorFrom(error: ReaderError): Error {
  if (error.app) return new AppError(error.app as ErrorCode, error.message);
  const made = new Error(error.message);
  made.name = error.name;
  if (error.code) Object.assign(made, { code: error.code });
  return made;
}

function closedError(): Error {
  return new Error('the store is closed');
}

type Unsent = ReaderRequest extends infer R ? (R extends ReaderRequest ? Omit<R, 'id'> : never) : never;
type Answered = Extract<ReaderAnswer, { ok: true }>;

/** One reader thread, seen from the Store's thread. */
class ReaderThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (answer: Answered) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /** Why it answers nothing more: it stopped or was closed. */
  gone: Error | null = null;

  constructor(data: ReaderData, onGone: (reader: ReaderThread) => void) {
    this.worker = startReader(data);
    // An idle reader never keeps a process alive; one with a question waiting does.
    this.worker.unref();
    this.worker.on('message', (answer: ReaderAnswer) => this.receive(answer));
    this.worker.on('error', (error) => this.stop(error instanceof Error ? error : new Error(String(error))));
    this.worker.once('exit', (code) => {
      this.stop(new Error(`the store's reader stopped (exit code ${code})`));
      onGone(this);
    });
  }

  ask(request: Unsent): Promise<Answered> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<Answered>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as ReaderRequest);
    });
  }

  private receive(answer: ReaderAnswer): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (answer.ok) waiting.resolve(answer);
    else waiting.reject(errorFrom(answer.error));
  }

  private stop(reason: Error): void {
    this.gone ??= reason;
    for (const waiting of this.waiting.values()) waiting.reject(reason);
    this.waiting.clear();
  }

  /**
   * Closes its connection before this returns (the store's file is about to be replaced or re-keyed,
   * which no other connection may hold): the reader finishes the statement it runs, closes, and wakes this
   * thread, which waits for it. The answers it sent before still arrive; then the thread ends by itself.
   */
  closeNow(timeoutMs: number): void {
    if (this.gone) return;
    const signal = new SharedArrayBuffer(4);
    this.worker.postMessage({ id: 0, op: 'close', signal } satisfies ReaderRequest);
    const outcome = Atomics.wait(new Int32Array(signal), 0, 0, timeoutMs);
    this.gone = closedError();
    if (outcome === 'timed-out') void this.worker.terminate();
  }
}

function startReader(workerData: ReaderData): Worker {
  const here = import.meta.url;
  // In the Electron bundle this module is inside backend-worker.cjs, with sqlite-reader.cjs beside it
  // (build/build-electron.mjs); from the sources, the TypeScript file through tsx's require hook.
  if (here.endsWith('.cjs')) return new Worker(fileURLToPath(new URL('./sqlite-reader.cjs', here)), { workerData });
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./sqlite-reader.ts', here));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
}

/** The reader threads: started when needed up to `max`, each lent to one read (or one stream) at a time. */
class Readers {
  private readonly threads = new Set<ReaderThread>();
  private readonly idle: ReaderThread[] = [];
  private readonly queue: { readonly resolve: (reader: ReaderThread) => void; readonly reject: (error: Error) => void }[] = [];
  private data: ReaderData;
  /** Closed for good (the Store closed): no reader starts again, and reads waiting for one are refused. */
  private shut = false;

  constructor(
    data: ReaderData,
    private readonly max: number,
    private readonly closeTimeoutMs: number,
  ) {
    this.data = data;
  }

  acquire(): Promise<ReaderThread> {
    if (this.shut) return Promise.reject(closedError());
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.threads.size < this.max) return Promise.resolve(this.start());
    return new Promise((resolve, reject) => this.queue.push({ resolve, reject }));
  }

  release(reader: ReaderThread): void {
    if (reader.gone) {
      this.threads.delete(reader);
      if (this.queue.length > 0 && this.threads.size < this.max) this.queue.shift()!.resolve(this.start());
      return;
    }
    const next = this.queue.shift();
    if (next) next.resolve(reader);
    else this.idle.push(reader);
  }

  private start(): ReaderThread {
    const reader = new ReaderThread(this.data, (gone) => {
      this.threads.delete(gone);
      const at = this.idle.indexOf(gone);
      if (at >= 0) this.idle.splice(at, 1);
    });
    this.threads.add(reader);
    return reader;
  }

  /** Every reader's connection closed before this returns; later reads start new readers (with `keyHex` when given). */
  closeNow(keyHex?: string, options: { readonly forGood?: boolean } = {}): void {
    if (options.forGood) {
      this.shut = true;
      for (const waiting of this.queue.splice(0)) waiting.reject(closedError());
    }
    for (const reader of this.threads) reader.closeNow(this.closeTimeoutMs);
    this.threads.clear();
    this.idle.length = 0;
    if (keyHex !== undefined) this.data = { ...this.data, keyHex };
  }
}

/** The reads of one reader thread, for whoever borrowed it (one read, a stream, a snapshot). */
class ReaderReads<DB> implements StoreReads<DB> {
  constructor(
    readonly qb: Kysely<DB>,
    private readonly reader: ReaderThread,
    private readonly compile: (query: Query<unknown>) => CompiledQuery,
  ) {}

  async all<O>(query: Query<O>): Promise<O[]> {
    const { sql, parameters } = this.compile(query);
    const answer = await this.reader.ask({ op: 'all', sql, parameters });
    return (answer.rows as O[]).map(withBuffers);
  }

  async first<O>(query: Query<O>): Promise<O | undefined> {
    const { sql, parameters } = this.compile(query);
    const answer = await this.reader.ask({ op: 'first', sql, parameters });
    return withBuffers(answer.row as O | undefined);
  }

  async *stream<O>(query: Query<O>, pageSize = DEFAULT_PAGE): AsyncIterable<O[]> {
    const { sql, parameters } = this.compile(query);
    let done = false;
    try {
      let answer = await this.reader.ask({ op: 'open', sql, parameters, pageSize });
      for (;;) {
        done = answer.done === true;
        const rows = (answer.rows ?? []) as O[];
        if (rows.length > 0) yield rows.map(withBuffers);
        if (done) return;
        answer = await this.reader.ask({ op: 'next' });
      }
    } finally {
      // A loop that broke out: the reader's statement is ended before the reader serves another read.
      if (!done) await this.reader.ask({ op: 'end' }).catch(() => undefined);
    }
  }
}

export class SqliteStore<DB = Schema> implements Store<DB> {
  readonly dialect = 'sqlite' as const;
  readonly qb: Kysely<DB> = sqliteBuilder<DB>();
  private readonly readers: Readers;
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();
  private tail: Promise<unknown> = Promise.resolve();
  private state: 'open' | 'closing' | 'closed' = 'open';
  private closing: Promise<void> | null = null;
  private savepoints = 0;

  constructor(
    private readonly writer: Sqlite,
    private readonly options: SqliteStoreOptions,
  ) {
    const nativeBinding = options.nativeBinding === undefined ? (sqliteBinding() ?? null) : options.nativeBinding;
    this.readers = new Readers({ file: options.file, keyHex: options.keyHex, nativeBinding }, options.readers ?? 2, options.closeTimeoutMs ?? 10_000);
  }

  // Reads outside a transaction: on a reader.

  all<O>(query: Query<O>): Promise<O[]> {
    return this.onReader((reader) => this.readsOn(reader).all(query));
  }

  first<O>(query: Query<O>): Promise<O | undefined> {
    return this.onReader((reader) => this.readsOn(reader).first(query));
  }

  async *stream<O>(query: Query<O>, pageSize = DEFAULT_PAGE): AsyncIterable<O[]> {
    this.compile(query);
    this.refuseIfClosed();
    const reader = await this.readers.acquire();
    try {
      yield* this.readsOn(reader).stream<O>(query, pageSize);
    } finally {
      this.readers.release(reader);
    }
  }

  snapshot<T>(work: (reads: StoreReads<DB>) => Promise<T>): Promise<T> {
    return this.onReader(async (reader) => {
      // Deferred: the read transaction's snapshot is taken by its first statement and kept to COMMIT.
      await reader.ask({ op: 'begin' });
      try {
        return await work(this.readsOn(reader));
      } finally {
        // A reader whose transaction cannot end is not lent again with it open: it is stopped.
        await reader.ask({ op: 'commit' }).catch(() => reader.closeNow(this.options.closeTimeoutMs ?? 10_000));
      }
    });
  }

  private readsOn(reader: ReaderThread): ReaderReads<DB> {
    return new ReaderReads<DB>(this.qb, reader, (query) => this.compile(query));
  }

  private async onReader<T>(ask: (reader: ReaderThread) => Promise<T>): Promise<T> {
    this.refuseIfClosed();
    const reader = await this.readers.acquire();
    try {
      return await ask(reader);
    } finally {
      this.readers.release(reader);
    }
  }

  // Writes: on the write connection, one after another.

  run(query: Query<unknown>): Promise<RunResult> {
    const { sql, parameters } = this.compile(query);
    return this.enqueue(async () => {
      this.refuseSynchronousTransaction();
      return { changes: this.statement(sql).run(...parameters).changes };
    });
  }

  transaction<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.refuseSynchronousTransaction();
      const db = this.writer;
      this.statement('BEGIN IMMEDIATE').run();
      this.savepoints = 0;
      const tx = new SqliteTransaction<DB>(this);
      asyncTransactionBegins(db);
      try {
        const result = await work(tx);
        tx.end();
        this.statement('COMMIT').run();
        return result;
      } catch (error) {
        tx.end();
        if (db.inTransaction) this.statement('ROLLBACK').run();
        throw error;
      } finally {
        asyncTransactionEnds(db);
      }
    });
  }

  /** Runs on the write connection now (inside a transaction): its statements, and its savepoints' names. */
  execute(sql: string, parameters: readonly unknown[], how: 'all' | 'first' | 'run'): unknown {
    const statement = this.statement(sql);
    if (how === 'all') return statement.all(...parameters);
    if (how === 'first') return statement.get(...parameters);
    return { changes: statement.run(...parameters).changes };
  }

  nextSavepoint(): string {
    this.savepoints += 1;
    return `s${this.savepoints}`;
  }

  inTransaction(): boolean {
    return this.writer.inTransaction;
  }

  compile(query: Query<unknown>): CompiledQuery {
    return compiled(query, this.qb as Kysely<unknown>);
  }

  private statement(sql: string): Database.Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.writer.prepare<unknown[]>(sql)));
    return statement;
  }

  /**
   * A synchronous transaction (better-sqlite3's) cannot be open between two turns of the event loop;
   * one open here means this was called from inside one, which would nest the Store's work in it.
   */
  private refuseSynchronousTransaction(): void {
    this.refuseIfClosed();
    if (this.writer.inTransaction) throw new Error('the Store was asked to write from inside a synchronous transaction on its write connection');
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.state !== 'open') return Promise.reject(closedError());
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private refuseIfClosed(): void {
    if (this.state === 'closed') throw closedError();
  }

  // The connections' life.

  /** Ends the readers once the queued writes are done; the write connection too when the Store owns it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.state === 'open') this.state = 'closing';
      await this.tail;
      this.closeNow();
    })();
    return this.closing;
  }

  /**
   * Closes the readers' connections before it returns, and refuses every call from now on: the Backend
   * closes its write connection right after (a close, a restore about to replace the file).
   */
  closeNow(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.readers.closeNow(undefined, { forGood: true });
    if (this.options.ownsWriter) this.writer.close();
  }

  /**
   * Closes the readers' connections before it returns; the next read starts readers with `keyHex`. For a
   * change of the store's key (db/rotation.ts): SQLite re-keys only a file no other connection holds.
   */
  endReaders(keyHex?: string): void {
    this.readers.closeNow(keyHex);
  }
}

/** A transaction in progress: every statement on the write connection at once, its promise already settled. */
class SqliteTransaction<DB> implements Transaction<DB> {
  readonly qb: Kysely<DB>;
  private ended = false;

  constructor(private readonly store: SqliteStore<DB>) {
    this.qb = store.qb;
  }

  end(): void {
    this.ended = true;
  }

  private now<T>(query: Query<unknown>, how: 'all' | 'first' | 'run'): Promise<T> {
    try {
      if (this.ended) throw new Error('the transaction has ended: its work went on after it');
      const { sql, parameters } = this.store.compile(query);
      return Promise.resolve(this.store.execute(sql, parameters, how) as T);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  all<O>(query: Query<O>): Promise<O[]> {
    return this.now<O[]>(query, 'all');
  }

  first<O>(query: Query<O>): Promise<O | undefined> {
    return this.now<O | undefined>(query, 'first');
  }

  run(query: Query<unknown>): Promise<RunResult> {
    return this.now<RunResult>(query, 'run');
  }

  /** Inside a transaction the rows are read at once (a statement left open would keep the connection busy), then handed out in pages. */
  async *stream<O>(query: Query<O>, pageSize = DEFAULT_PAGE): AsyncIterable<O[]> {
    const rows = await this.all(query);
    for (let at = 0; at < rows.length; at += pageSize) yield rows.slice(at, at + pageSize);
  }

  async savepoint<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    if (this.ended) throw new Error('the transaction has ended: its work went on after it');
    const name = this.store.nextSavepoint();
    this.store.execute(`SAVEPOINT ${name}`, [], 'run');
    try {
      const result = await work(this);
      this.store.execute(`RELEASE ${name}`, [], 'run');
      return result;
    } catch (error) {
      // SQLite may have undone the whole transaction itself (a full disk): then there is nothing to roll back to.
      if (!this.ended && this.store.inTransaction()) {
        this.store.execute(`ROLLBACK TO ${name}`, [], 'run');
        this.store.execute(`RELEASE ${name}`, [], 'run');
      }
      throw error;
    }
  }
}
