import { CompiledQuery, type Compilable, type RawBuilder } from 'kysely';
import { prepared, qb } from './query';
import type { Schema } from './schema';
import type { Sqlite } from './store';
import type { StoreReads } from './stores/store';

/**
 * A read written once and run two ways (docs/decisions.md, "The asynchronous Store"): synchronously on a
 * connection (inside a synchronous transaction, the benches, the tests that look at a store directly), or
 * on the asynchronous Store, whose readers run each statement on their own thread while the backend's
 * thread answers other calls. A reading is a generator: it yields each statement it needs (`yield*` one of
 * the asks below) and receives its rows.
 */
export interface Ask {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** The rows as objects, as arrays of the columns' values in order, the first row, or the first column. */
  readonly shape: 'objects' | 'arrays' | 'first' | 'column';
}

export type Reading<T> = Generator<Ask, T, unknown>;

function compiled(query: Compilable<unknown> | RawBuilder<unknown>): { sql: string; parameters: readonly unknown[] } {
  return 'isRawBuilder' in query ? query.compile(qb) : query.compile();
}

/** The rows of a query of `qb` (or of the `sql` tag). */
export function* rowsOf<O>(query: Compilable<O> | RawBuilder<O>): Reading<O[]> {
  return (yield { ...compiled(query), shape: 'objects' }) as O[];
}

/** The first row of a query of `qb` (or of the `sql` tag). */
export function* firstOf<O>(query: Compilable<O> | RawBuilder<O>): Reading<O | undefined> {
  return (yield { ...compiled(query), shape: 'first' }) as O | undefined;
}

/** The rows of a constant statement as arrays (no column may be named like a number, nor two alike: see readOnStore). */
export function* arraysOf(text: string, ...parameters: unknown[]): Reading<unknown[][]> {
  return (yield { sql: text, parameters, shape: 'arrays' }) as unknown[][];
}

/** The rows of a constant statement, as objects. */
export function* rowsOfText<O>(text: string, ...parameters: unknown[]): Reading<O[]> {
  return (yield { sql: text, parameters, shape: 'objects' }) as O[];
}

/** The first row of a constant statement, as an object. */
export function* firstOfText<O>(text: string, ...parameters: unknown[]): Reading<O | undefined> {
  return (yield { sql: text, parameters, shape: 'first' }) as O | undefined;
}

/** The first column of a constant statement's rows. */
export function* columnOf(text: string, ...parameters: unknown[]): Reading<unknown[]> {
  return (yield { sql: text, parameters, shape: 'column' }) as unknown[];
}

/** Runs a reading on a connection, now. */
export function readNow<T>(db: Sqlite, reading: Reading<T>): T {
  let step = reading.next();
  while (!step.done) {
    const { sql, parameters, shape } = step.value;
    const statement = prepared(db, sql);
    let rows: unknown;
    if (shape === 'arrays') rows = statement.raw(true).all(...parameters);
    else if (shape === 'column') rows = statement.pluck(true).all(...parameters);
    else if (shape === 'first') rows = statement.raw(false).pluck(false).get(...parameters);
    else rows = statement.raw(false).pluck(false).all(...parameters);
    step = reading.next(rows);
  }
  return step.value;
}

function compilable(ask: Ask): Compilable<Record<string, unknown>> {
  return { compile: () => CompiledQuery.raw(ask.sql, [...ask.parameters]) as CompiledQuery<Record<string, unknown>> };
}

/**
 * Runs a reading on the Store's reads. Rows come as objects: arrays are made of them in column order
 * (an object would put a column named like a number first, and keep one of two columns of one name).
 */
export async function readOnStore<T>(reads: StoreReads<Schema>, reading: Reading<T>): Promise<T> {
  let step = reading.next();
  while (!step.done) {
    const ask = step.value;
    let rows: unknown;
    if (ask.shape === 'first') rows = await reads.first(compilable(ask));
    else {
      const objects = await reads.all(compilable(ask));
      if (ask.shape === 'objects') rows = objects;
      else if (ask.shape === 'arrays') rows = objects.map((row) => Object.values(row));
      else rows = objects.map((row) => Object.values(row)[0]);
    }
    step = reading.next(rows);
  }
  return step.value;
}
