import type { ConflictView } from '../../api/views';
import { AppError } from '../app-error';
import { all, first, qb, run } from '../query';
import { stampColumnNames, type ExchangeConflictsTable, type RecordTable } from '../schema';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import { recordBundleTables } from './tables';

/** Columns a person never chooses: identity and the version stamps. */
const STAMPS = new Set<string>(stampColumnNames);

function sides(db: Sqlite, conflict: ExchangeConflictsTable) {
  if (!recordBundleTables.includes(conflict.table_name as RecordTable)) throw new AppError('record.not_found', `no table ${conflict.table_name}`);
  const table = conflict.table_name as RecordTable;
  const local = first(db, qb.selectFrom(table as 'reports').selectAll().where('id', '=', conflict.record_id)) as Record<string, unknown> | undefined;
  if (!local) throw new AppError('record.not_found', `${table} ${conflict.record_id} not found`);
  const incoming = JSON.parse(conflict.incoming) as Record<string, unknown>;
  return { table, local, incoming };
}

function differing(local: Record<string, unknown>, incoming: Record<string, unknown>): string[] {
  return Object.keys(incoming).filter((column) => !STAMPS.has(column) && column in local && local[column] !== incoming[column]);
}

export function listConflicts(db: Sqlite): ConflictView[] {
  const rows = all(db, qb.selectFrom('exchange_conflicts').selectAll().where('resolved_at', 'is', null).orderBy('created_at').limit(500));
  return rows.map((conflict) => {
    const { local, incoming } = sides(db, conflict);
    const peer = first(db, qb.selectFrom('exchange_peers').select(['office_code', 'office_name']).where('key_id', '=', conflict.sender_key_id));
    return {
      id: conflict.id,
      table: conflict.table_name,
      recordId: conflict.record_id,
      fromOffice: peer ? `${peer.office_name} (${peer.office_code})` : conflict.sender_key_id,
      createdAt: conflict.created_at,
      fields: differing(local, incoming).map((column) => ({ column, local: local[column], incoming: incoming[column] })),
      reporterAnonymous: conflict.table_name === 'reports' && (local.reporter_anonymous === 1 || incoming.reporter_anonymous === 1),
      localVoided: local.deleted_at !== null,
      incomingVoided: incoming.deleted_at !== null,
    };
  });
}

/**
 * Settles a conflict: this side, the other side, or a merge (the named columns from the other side,
 * the rest from this one). The result is a new version whose base is the incoming version, so neither
 * PC sees a conflict again when the other's bundles arrive (db/write-path.ts, resolve).
 */
export function resolveConflict(
  db: Sqlite,
  writes: WritePath,
  input: { id: string; choice: 'local' | 'incoming' | 'merge'; incomingColumns: readonly string[] },
  ctx: WriteContext,
  now: number,
): void {
  db.transaction(() => {
    const conflict = first(db, qb.selectFrom('exchange_conflicts').selectAll().where('id', '=', input.id));
    if (!conflict || conflict.resolved_at !== null) throw new AppError('record.not_found', 'no open conflict with this id');
    const { table, local, incoming } = sides(db, conflict);
    const columns = differing(local, incoming);
    const taken = input.choice === 'incoming' ? columns : input.choice === 'merge' ? columns.filter((c) => input.incomingColumns.includes(c)) : [];
    const patch = Object.fromEntries(taken.map((column) => [column, incoming[column]]));
    writes.resolve(table, conflict.record_id, patch as never, conflict.incoming_version, ctx);
    run(db, qb.updateTable('exchange_conflicts').set({ resolved_at: now, resolved_by: ctx.userId, resolution: input.choice }).where('id', '=', input.id));
  })();
}
