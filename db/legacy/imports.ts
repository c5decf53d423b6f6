import type { LegacyRegister } from '../../api/calls/legacy';
import type { LegacyImportView } from '../../api/views';
import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import { uuidv7 } from '../ids';
import { prepared } from '../query';
import type { RecordTable } from '../schema';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';

/**
 * The bookkeeping of imports of old registers (issue 22; migrations 0018 and 0020): each import with its
 * file, sheet, register and who made it, and each record it wrote with the row it came from. An undo
 * voids exactly these records, with a reason; nothing is deleted.
 */

/** Records an import begun (inside the caller's transaction); returns its id. */
export function startImport(
  db: Sqlite,
  ctx: WriteContext,
  meta: { register: LegacyRegister; fileName: string; sheet: string; headerRow: number; mapping: unknown; records: number; now: number; backup: string | null },
): string {
  const importId = uuidv7(meta.now);
  prepared(
    db,
    `INSERT INTO legacy_imports (id, office_id, kind, register, file_name, sheet, header_row, mapping, at, by, records, backup)
     VALUES (?, ?, 'reports', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(importId, ctx.officeId, meta.register, meta.fileName, meta.sheet, meta.headerRow, JSON.stringify(meta.mapping), meta.now, ctx.userId, meta.records, meta.backup);
  return importId;
}

export function linkRecord(db: Sqlite, importId: string, table: RecordTable, recordId: string, sourceRow: number): void {
  prepared(db, 'INSERT INTO legacy_import_rows (import_id, record_table, record_id, source_row) VALUES (?, ?, ?, ?)').run(importId, table, recordId, sourceRow);
}

export function listImports(db: Sqlite, officeId: string): LegacyImportView[] {
  const rows = prepared(
    db,
    `SELECT i.id, i.register, i.file_name, i.sheet, i.at, u.full_name, i.records, i.undone_at, i.undo_reason
     FROM legacy_imports i LEFT JOIN users u ON u.id = i.by WHERE i.office_id = ? ORDER BY i.at DESC, i.id DESC`,
  ).all(officeId) as { id: string; register: LegacyRegister; file_name: string; sheet: string; at: number; full_name: string | null; records: number; undone_at: number | null; undo_reason: string | null }[];
  return rows.map((r) => ({ id: r.id, register: r.register, fileName: r.file_name, sheet: r.sheet, at: r.at, userName: r.full_name, records: r.records, undoneAt: r.undone_at, undoReason: r.undo_reason }));
}

/** Voiding order: what hangs on a record goes before it (a program before its person). */
const VOID_ORDER: readonly RecordTable[] = ['programs', 'reports', 'hotspots', 'persons'];

/** Voids every live record of an import with the reason, in one transaction; the import is marked undone. */
export function undoImport(db: Sqlite, writes: WritePath, importId: string, reason: string, ctx: WriteContext, now: number): LegacyImportView {
  db.transaction(() => {
    const found = prepared(db, 'SELECT undone_at FROM legacy_imports WHERE id = ? AND office_id = ?').get(importId, ctx.officeId) as { undone_at: number | null } | undefined;
    if (!found) throw new AppError('record.not_found', 'no such import');
    if (found.undone_at !== null) throw new AppError('record.voided', 'the import was undone already');
    let voided = 0;
    for (const table of VOID_ORDER) {
      // The table name is one of VOID_ORDER's, never input.
      const records = prepared(
        db,
        `SELECT r.id FROM legacy_import_rows l JOIN ${table} r ON r.id = l.record_id
         WHERE l.import_id = ? AND l.record_table = ? AND r.deleted_at IS NULL`,
      ).all(importId, table) as { id: string }[];
      for (const { id } of records) {
        if (table === 'reports') writes.void('reports', id, reason, ctx, { also: { next_due_at: null } });
        else if (table === 'hotspots') {
          // Its history goes with it: the figures of hotspots cleared or reopened read the history alone.
          const history = prepared(db, 'SELECT id FROM hotspot_history WHERE hotspot_id = ? AND deleted_at IS NULL').all(id) as { id: string }[];
          for (const change of history) writes.void('hotspot_history', change.id, reason, ctx);
          writes.void('hotspots', id, reason, ctx);
        } else writes.void(table, id, reason, ctx);
      }
      voided += records.length;
    }
    prepared(db, 'UPDATE legacy_imports SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?').run(now, ctx.userId, reason, importId);
    appendAudit(db, { at: now, userId: ctx.userId, call: ctx.call, action: 'legacy_undo', table: 'legacy_imports', recordId: importId, after: { reason, voided } });
  })();
  return listImports(db, ctx.officeId).find((i) => i.id === importId)!;
}
