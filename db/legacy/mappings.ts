import type { LegacyRegister, LegacyWordField } from '../../api/calls/legacy';
import type { LegacyMappingView } from '../../api/views';
import { appendAudit } from '../audit';
import { uuidv7 } from '../ids';
import { prepared } from '../query';
import type { Sqlite } from '../store';
import type { WriteContext } from '../write-path';
import { checkRegisterMapping, headersKey, type SavedMapping } from './sheet-plan';

/**
 * Mappings an office saved under a name (issue 22; migration 0020): the columns → fields of a register
 * file and the office's words → the app's values. The next file whose header row reads the same
 * (folded) gets the latest one saved for those headers, unless the user maps it otherwise.
 */

interface MappingRow {
  id: string;
  register: LegacyRegister;
  name: string;
  headers: string;
  mapping: string;
  value_words: string;
  at: number;
}

function viewOf(row: MappingRow): LegacyMappingView {
  return {
    id: row.id,
    register: row.register,
    name: row.name,
    headers: JSON.parse(row.headers) as string[],
    mapping: JSON.parse(row.mapping) as LegacyMappingView['mapping'],
    values: JSON.parse(row.value_words) as LegacyMappingView['values'],
    at: row.at,
  };
}

function savedOf(row: MappingRow): SavedMapping {
  return { name: row.name, mapping: JSON.parse(row.mapping) as SavedMapping['mapping'], values: JSON.parse(row.value_words) as SavedMapping['values'] };
}

export function listMappings(db: Sqlite, officeId: string, register: LegacyRegister): LegacyMappingView[] {
  const rows = prepared(db, 'SELECT * FROM legacy_mappings WHERE office_id = ? AND register = ? ORDER BY name').all(officeId, register) as MappingRow[];
  return rows.map(viewOf);
}

/** The mapping to offer for a header row: the one named, else the latest saved for the same headers. */
export function savedMappingFor(db: Sqlite, officeId: string, register: LegacyRegister, name: string | null): (key: string) => SavedMapping | null {
  return (key) => {
    const row = (
      name !== null
        ? prepared(db, 'SELECT * FROM legacy_mappings WHERE office_id = ? AND register = ? AND name = ?').get(officeId, register, name)
        : prepared(db, 'SELECT * FROM legacy_mappings WHERE office_id = ? AND register = ? AND headers = ? ORDER BY at DESC, id DESC LIMIT 1').get(officeId, register, key)
    ) as MappingRow | undefined;
    return row ? savedOf(row) : null;
  };
}

/** Saves (or replaces, by name) a mapping a file of its register could use (refused otherwise); audited. */
export function saveMapping(
  db: Sqlite,
  ctx: WriteContext,
  input: { register: LegacyRegister; name: string; headers: readonly string[]; mapping: readonly { column: number; field: string }[]; values: readonly { field: LegacyWordField; word: string; value: string }[] },
  now: number,
): LegacyMappingView {
  // A mapping found again by its headers is used with no question asked: one no file could use would
  // refuse every dry run of such a file.
  checkRegisterMapping(input.register, input.mapping);
  return db.transaction(() => {
    const id = uuidv7(now);
    const headers = JSON.stringify(JSON.parse(headersKey(input.headers)) as string[]);
    prepared(
      db,
      `INSERT INTO legacy_mappings (id, office_id, register, name, headers, mapping, value_words, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (office_id, register, name) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping, value_words = excluded.value_words, at = excluded.at, by = excluded.by`,
    ).run(id, ctx.officeId, input.register, input.name, headers, JSON.stringify(input.mapping), JSON.stringify(input.values), now, ctx.userId);
    const row = prepared(db, 'SELECT * FROM legacy_mappings WHERE office_id = ? AND register = ? AND name = ?').get(ctx.officeId, input.register, input.name) as MappingRow;
    appendAudit(db, { at: now, userId: ctx.userId, call: ctx.call, action: 'legacy_mapping', table: 'legacy_mappings', recordId: row.id, after: { name: input.name, register: input.register, mapping: input.mapping, values: input.values } });
    return viewOf(row);
  })();
}
