import { AppError } from './app-error';
import { appendAudit } from './audit';
import { formatVersion, tick, type ClockState } from './clock';
import { uuidv7 } from './ids';
import { first, prepared, qb, run } from './query';
import type { RecordColumns, RecordTable, Schema } from './schema';
import { forgetHolidays } from './register/deadline-columns';
import { indexReport, indexReportsOfPerson } from './register/search-index';
import { isSqliteCode, type Sqlite } from './store';
import { refuseSynchronousWrite } from './stores/sqlite-guard';

/** Who is writing, for which office, through which call. */
export interface WriteContext {
  readonly userId: string | null;
  readonly officeId: string;
  readonly call: string;
}

/** Search indexes kept in the same transaction as the change that affects them. */
const indexers: { readonly [T in RecordTable]?: (db: Sqlite, row: Row<T>) => void } = {
  reports: (db, row) => indexReport(db, row.id),
  holidays: (db) => forgetHolidays(db),
  report_persons: (db, row) => indexReport(db, row.report_id),
  persons: (db, row) => indexReportsOfPerson(db, row.id),
};

export type Row<T extends RecordTable> = Schema[T] & RecordColumns;
export type Fields<T extends RecordTable> = Omit<Schema[T], keyof RecordColumns>;
export type Patch<T extends RecordTable> = Partial<Fields<T>>;

interface Stamp {
  readonly version: string;
  readonly seq: number;
  readonly at: number;
  /** This installation's clock node. */
  readonly node: string;
}

/** The node that made a version: its last part. */
export function versionNode(version: string): string {
  return version.slice(version.lastIndexOf('-') + 1);
}

/**
 * The one write path. Every change to a record goes through here and, in one transaction: stamps
 * the record's id (UUIDv7), owner office, version (hybrid logical clock), base version and local
 * change sequence, who and when; appends the audit entry with the record before and after.
 * Records are never deleted: they are voided with a reason and travel as tombstones.
 */
export class WritePath {
  /** One transaction function, made once: inside a caller's transaction it nests as a savepoint. */
  private readonly atomically: (body: () => unknown) => unknown;

  /**
   * `guard` runs before every write and throws to refuse it: the backend refuses writes while the store
   * is checked after a power cut (db/store-check.ts).
   */
  constructor(
    private readonly db: Sqlite,
    guard: () => void = () => undefined,
  ) {
    const inTransaction = db.transaction((body: () => unknown) => body());
    this.atomically = (body) => {
      guard();
      // Never inside a transaction of the asynchronous Store on this connection (db/stores/sqlite-guard.ts).
      refuseSynchronousWrite(db);
      return inTransaction(body);
    };
  }

  insert<T extends RecordTable>(table: T, fields: Fields<T> & { id?: string }, ctx: WriteContext): Row<T> {
    return this.atomically(() => {
      const stamp = this.stamp();
      const values = {
        ...fields,
        id: fields.id ?? uuidv7(stamp.at),
        office_id: ctx.officeId,
        version: stamp.version,
        base_version: null,
        seq: stamp.seq,
        created_at: stamp.at,
        created_by: ctx.userId,
        updated_at: stamp.at,
        updated_by: ctx.userId,
        deleted_at: null,
        void_reason: null,
      };
      const row = this.insertRow(table, values) as Row<T>;
      appendAudit(this.db, { at: stamp.at, userId: ctx.userId, call: ctx.call, action: 'insert', table, recordId: values.id, after: row });
      indexers[table]?.(this.db, row);
      return row;
    }) as Row<T>;
  }

  /**
   * Changes a record that this office owns. `baseVersion` is the version the edit started from: if
   * the record changed since, the edit is refused as a conflict instead of overwriting silently.
   */
  update<T extends RecordTable>(table: T, id: string, baseVersion: string, patch: Patch<T>, ctx: WriteContext): Row<T> {
    return this.atomically(() => {
      const before = this.current(table, id, ctx);
      if (before.deleted_at !== null) throw new AppError('record.voided', `${table} ${id} is voided`);
      if (before.version !== baseVersion) {
        throw new AppError('record.conflict', `${table} ${id} changed since the edit began`, { params: { current: before.version } });
      }
      return this.change(table, before, patch, 'update', ctx);
    }) as Row<T>;
  }

  /**
   * Voids a record with a reason; it stays in the store (and its number, where it has one). With a base
   * version, a record changed since is a conflict; `also` changes derived columns in the same version.
   */
  void<T extends RecordTable>(table: T, id: string, reason: string, ctx: WriteContext, options: { baseVersion?: string; also?: Patch<T> } = {}): Row<T> {
    return this.atomically(() => {
      const before = this.current(table, id, ctx);
      if (before.deleted_at !== null) throw new AppError('record.voided', `${table} ${id} is already voided`);
      if (options.baseVersion !== undefined && before.version !== options.baseVersion) {
        throw new AppError('record.conflict', `${table} ${id} changed since the edit began`, { params: { current: before.version } });
      }
      const patch = { ...options.also, void_reason: reason } as unknown as Patch<T>;
      return this.change(table, before, patch, 'void', ctx);
    }) as Row<T>;
  }

  /**
   * INSERT … RETURNING *, built by Kysely once per table and column list and then run as a cached
   * prepared statement: compiling a query costs more than running it.
   */
  private insertRow(table: RecordTable, values: Record<string, unknown>): unknown {
    const columns = Object.keys(values);
    const key = `${table}(${columns.join(',')})`;
    let sql = insertSql.get(key);
    if (sql === undefined) {
      sql = qb.insertInto(table as 'users').values(values as never).returningAll().compile().sql;
      insertSql.set(key, sql);
    }
    try {
      return prepared(this.db, sql).get(...columns.map((column) => values[column]));
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  /**
   * Settles an exchange conflict: the chosen content becomes a new version made here whose base is the
   * incoming version, so the other PC takes it as a continuation of its own edit, and this PC ignores
   * that edit when it arrives again.
   */
  resolve<T extends RecordTable>(table: T, id: string, patch: Patch<T> & { deleted_at?: number | null; void_reason?: string | null }, incomingVersion: string, ctx: WriteContext): Row<T> {
    return this.atomically(() => this.change(table, this.current(table, id, ctx), patch as Patch<T>, 'resolve', ctx, incomingVersion)) as Row<T>;
  }

  private change<T extends RecordTable>(table: T, before: Row<T>, patch: Patch<T>, action: string, ctx: WriteContext, base?: string): Row<T> {
    const stamp = this.stamp();
    const values = {
      ...patch,
      // A void is stamped with the same instant as its version.
      ...(action === 'void' ? { deleted_at: stamp.at } : {}),
      version: stamp.version,
      // The last version that came from elsewhere, which this PC's edits start from: a run of edits
      // made here keeps it, so another PC can tell whether its own edit was seen (db/exchange/import.ts).
      base_version: base ?? (versionNode(before.version) === stamp.node ? before.base_version : before.version),
      seq: stamp.seq,
      updated_at: stamp.at,
      updated_by: ctx.userId,
    };
    const row = this.returning(
      qb
        .updateTable(table as 'users')
        .set(values as never)
        .where('id', '=', before.id)
        .returningAll(),
    ) as Row<T>;
    appendAudit(this.db, { at: stamp.at, userId: ctx.userId, call: ctx.call, action, table, recordId: before.id, before, after: row });
    indexers[table]?.(this.db, row);
    return row;
  }

  private current<T extends RecordTable>(table: T, id: string, ctx: WriteContext): Row<T> {
    const row = first(this.db, qb.selectFrom(table as 'users').selectAll().where('id', '=', id)) as Row<T> | undefined;
    if (!row) throw new AppError('record.not_found', `${table} ${id} not found`);
    if (row.office_id !== ctx.officeId) throw new AppError('auth.forbidden', `${table} ${id} belongs to office ${row.office_id}`);
    return row;
  }

  private returning(query: Parameters<typeof first>[1]): unknown {
    try {
      return first(this.db, query);
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  /** Advances the hybrid logical clock and the change sequence: one step per write. */
  private stamp(): Stamp {
    const state = prepared(this.db, 'SELECT node_id, wall, counter, seq FROM clock_state WHERE id = 1').get() as
      | (ClockState & { node_id: string; seq: number })
      | undefined;
    if (!state) throw new Error('clock_state is missing: the store was not initialised');
    const at = Date.now();
    const next = tick(state, at);
    const seq = state.seq + 1;
    prepared(this.db, 'UPDATE clock_state SET wall = ?, counter = ?, seq = ?, local_wall = max(local_wall, ?) WHERE id = 1').run(next.wall, next.counter, seq, at);
    return { version: formatVersion(next, state.node_id), seq, at, node: state.node_id };
  }
}

/** SQL of each table's insert, by column list; the same for every connection. */
const insertSql = new Map<string, string>();

function duplicateOr(error: unknown): unknown {
  if (isSqliteCode(error, 'SQLITE_CONSTRAINT_UNIQUE') || isSqliteCode(error, 'SQLITE_CONSTRAINT_PRIMARYKEY')) {
    return new AppError('record.duplicate', 'a unique value is already taken');
  }
  return error;
}

/** Sets up the clock for a new store: node id, zero counters. */
export function initClock(db: Sqlite, nodeId: string): void {
  run(db, qb.insertInto('clock_state').values({ id: 1, node_id: nodeId, wall: 0, counter: 0, seq: 0, local_wall: 0 }));
}

/**
 * An update's fields: the record's own (as the create call would take them) with what the call sent over
 * them. A field left out is unchanged (api/fields.ts, changesOf); `undefined` never clears anything.
 */
export function withChanges<F extends object>(current: F, changes: Partial<F>): F {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  return next;
}
