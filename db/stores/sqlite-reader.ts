import type Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../app-error';
import { openSqlite, type Sqlite } from '../store';

/**
 * A reader of the SQLite Store (db/stores/sqlite.ts): a worker thread with its own connection to the
 * store's file, which answers the reads outside a transaction. WAL lets it read the last committed state
 * while the backend's thread writes on the write connection; a better-sqlite3 call blocks its thread, so
 * a long read here leaves the backend's thread free for other calls (docs/decisions.md, "The asynchronous
 * Store"). It loads the native module build its parent thread loads (db/native-binding.ts).
 */

export interface ReaderData {
  readonly file: string;
  readonly keyHex: string;
  readonly nativeBinding: string | null;
}

/** What the Store asks a reader. A stream holds its reader until it is ended (its connection is busy meanwhile). */
export type ReaderRequest =
  | { readonly id: number; readonly op: 'all' | 'first'; readonly sql: string; readonly parameters: readonly unknown[] }
  | { readonly id: number; readonly op: 'open'; readonly sql: string; readonly parameters: readonly unknown[]; readonly pageSize: number }
  | { readonly id: number; readonly op: 'next' }
  | { readonly id: number; readonly op: 'end' }
  /** A read transaction around the requests that follow (a snapshot), and its end. */
  | { readonly id: number; readonly op: 'begin' | 'commit' }
  /** Closes the connection, then sets `signal[0]` to 1 and wakes the Store's thread, which waits for it. */
  | { readonly id: number; readonly op: 'close'; readonly signal: SharedArrayBuffer };

/** An error as it crosses the thread: an AppError keeps its code as `app`, a SQLite error its code as `code`. */
export interface ReaderError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly app?: string;
}

export type ReaderAnswer =
  | { readonly id: number; readonly ok: true; readonly rows?: unknown[]; readonly row?: unknown; readonly done?: boolean }
  | { readonly id: number; readonly ok: false; readonly error: ReaderError };

function errorOf(error: unknown): ReaderError {
  if (error instanceof AppError) return { name: error.name, message: error.message, app: error.code };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** Blobs cross the thread as Uint8Array: better-sqlite3 binds only Buffers. */
function bindable(parameters: readonly unknown[]): unknown[] {
  return parameters.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value));
}

class Reader {
  private db: Sqlite | null = null;
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();
  private stream: IterableIterator<unknown> | null = null;
  private pageSize = 500;
  /** Why every request is refused: the connection could not be opened. */
  private failure: unknown = null;

  constructor(data: ReaderData) {
    try {
      this.db = openSqlite(data.file, data.keyHex, { quickCheck: false, nativeBinding: data.nativeBinding });
      // Reads only: a statement that would write is refused by SQLite itself.
      this.db.pragma('query_only = ON');
    } catch (error) {
      this.failure = error;
    }
  }

  private statement(sql: string): Database.Statement<unknown[]> {
    if (!this.db) throw this.failure ?? new Error('the reader is closed');
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare<unknown[]>(sql)));
    return statement;
  }

  private page(): { rows: unknown[]; done: boolean } {
    const rows: unknown[] = [];
    const stream = this.stream;
    if (!stream) return { rows, done: true };
    while (rows.length < this.pageSize) {
      const next = stream.next();
      if (next.done) {
        this.stream = null;
        return { rows, done: true };
      }
      rows.push(next.value);
    }
    return { rows, done: false };
  }

  private endStream(): void {
    this.stream?.return?.();
    this.stream = null;
  }

  answer(request: ReaderRequest): ReaderAnswer {
    try {
      switch (request.op) {
        case 'all':
          return { id: request.id, ok: true, rows: this.statement(request.sql).all(...bindable(request.parameters)) };
        case 'first':
          return { id: request.id, ok: true, row: this.statement(request.sql).get(...bindable(request.parameters)) };
        case 'open':
          this.endStream();
          this.pageSize = request.pageSize;
          this.stream = this.statement(request.sql).iterate(...bindable(request.parameters));
          return { id: request.id, ok: true, ...this.page() };
        case 'next':
          return { id: request.id, ok: true, ...this.page() };
        case 'end':
          this.endStream();
          return { id: request.id, ok: true };
        case 'begin':
          this.statement('BEGIN').run();
          return { id: request.id, ok: true };
        case 'commit':
          this.endStream();
          if (this.db?.inTransaction) this.statement('COMMIT').run();
          return { id: request.id, ok: true };
        case 'close':
          this.close();
          return { id: request.id, ok: true };
      }
    } catch (error) {
      if (request.op === 'open' || request.op === 'next') this.endStream();
      return { id: request.id, ok: false, error: errorOf(error) };
    }
  }

  close(): void {
    this.endStream();
    this.db?.close();
    this.db = null;
  }
}

const reader = new Reader(workerData as ReaderData);
parentPort?.on('message', (request: ReaderRequest) => {
  const answer = reader.answer(request);
  parentPort?.postMessage(answer);
  if (request.op === 'close') {
    const signal = new Int32Array(request.signal);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    parentPort?.close();
  }
});
