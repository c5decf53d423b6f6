import type { ImportedFromView } from '../../api/views';
import { prepared } from '../query';
import type { Sqlite } from '../store';

/**
 * Where a record came from, for its history (db/register/queries.ts reportHistory): the import of an old
 * register that wrote it (db/legacy/register-import.ts), with the file, sheet and row; null when it was
 * not imported. Apart from the import itself so that the register's queries do not load the readers.
 */
export function importedFrom(db: Sqlite, recordId: string): ImportedFromView | null {
  const row = prepared(
    db,
    `SELECT i.id, i.at, i.file_name, i.sheet, l.source_row, u.full_name
     FROM legacy_import_rows l JOIN legacy_imports i ON i.id = l.import_id LEFT JOIN users u ON u.id = i.by
     WHERE l.record_id = ? LIMIT 1`,
  ).get(recordId) as { id: string; at: number; file_name: string; sheet: string; source_row: number; full_name: string | null } | undefined;
  return row ? { at: row.at, userName: row.full_name, fileName: row.file_name, sheet: row.sheet, row: row.source_row, importId: row.id } : null;
}
