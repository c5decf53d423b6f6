import type { OpenStore } from '../../db/backend';
import { first, qb } from '../../db/query';
import type { RecordTable } from '../../db/schema';
import type { WriteContext } from '../../db/write-path';

/**
 * Test support for a store holding several offices' records (a higher office): another office's rows
 * written as an import brings them, with that office's id through the one write path.
 */

const RECORD_COLUMNS = new Set(['id', 'office_id', 'version', 'base_version', 'seq', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'void_reason']);

/** The write context of another office's rows. */
export const asOffice = (officeId: string): WriteContext => ({ userId: null, officeId, call: 'test' });

/** Another office in the store's office directory. */
export function addOffice(store: OpenStore, code: string, name: string): void {
  store.writes.insert('offices', { id: code, code, name, level: 'commune', parent_code: '38', parent_name: 'Công an tỉnh Thanh Hóa', demo: 0 }, asOffice(code));
}

/** A copy of a record, owned by another office, with some fields changed; returns the copy's id. */
export function copyToOffice(store: OpenStore, table: RecordTable, id: string, officeId: string, changes: Record<string, unknown> = {}): string {
  const row = first(store.sql, qb.selectFrom(table as 'reports').selectAll().where('id', '=', id)) as Record<string, unknown> | undefined;
  if (!row) throw new Error(`${table} ${id} not found`);
  const fields = Object.fromEntries(Object.entries(row).filter(([key]) => !RECORD_COLUMNS.has(key)));
  return store.writes.insert(table as 'reports', { ...fields, ...changes } as never, asOffice(officeId)).id;
}
