import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
  type RawBuilder,
} from 'kysely';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Schema } from './schema';
import type { Sqlite } from './store';
import { inAsyncTransaction, refuseSynchronousWrite } from './stores/sqlite-guard';

/**
 * Kysely as a query builder only: queries are compiled here and run synchronously on better-sqlite3,
 * so they compose with better-sqlite3's synchronous transactions (one writer, no awaits inside a
 * transaction). Statements are prepared once per SQL text and connection.
 */
export const qb = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<Sqlite, Map<string, Statement>>();

/**
 * Constants of the app's own (kinds, statuses) as an SQL list: `'a', 'b'`. Only for values written in
 * the code, never for anything a user or a file gave: those are bound.
 */
export function sqlList(values: Iterable<string>): string {
  return [...values].map((value) => `'${value}'`).join(', ');
}

export function prepared(db: Sqlite, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
  // A write while a transaction of the asynchronous Store is open on this connection would be taken into
  // it: refused (db/stores/sqlite-guard.ts).
  if (!statement.readonly && inAsyncTransaction(db)) refuseSynchronousWrite(db);
  return statement;
}

function compile<O>(query: Compilable<O>): CompiledQuery<O> {
  return query.compile();
}

export function all<O>(db: Sqlite, query: Compilable<O>): O[] {
  const { sql, parameters } = compile(query);
  return prepared(db, sql).all(...(parameters as unknown[])) as O[];
}

export function first<O>(db: Sqlite, query: Compilable<O>): O | undefined {
  const { sql, parameters } = compile(query);
  return prepared(db, sql).get(...(parameters as unknown[])) as O | undefined;
}

export function run(db: Sqlite, query: Compilable<unknown>): { changes: number } {
  const { sql, parameters } = compile(query);
  const result = prepared(db, sql).run(...(parameters as unknown[]));
  return { changes: result.changes };
}

/** A raw SQL fragment built with Kysely's `sql` tag (values bound as parameters), run on better-sqlite3. */
export function allRaw<O>(db: Sqlite, query: RawBuilder<O>): O[] {
  const { sql, parameters } = query.compile(qb);
  return prepared(db, sql).all(...(parameters as unknown[])) as O[];
}
