import { attachmentOwners } from '../../api/calls/attachments';
import { prepared, qb } from '../query';
import type { Sqlite } from '../store';

/**
 * Which records a row points at, for the exchange's ownership rule (docs/decisions.md, "Exchange: a
 * bundle writes only what its sender owns"): the import judges each target's owner, and the export
 * leaves out what its recipient could never resolve.
 */

export interface Reference {
  readonly column: string;
  /** The target's table; '' when the row names a table it may not point into. */
  readonly table: string;
}

/** The columns of a table that point at another record by its id (its foreign keys), per connection. */
const referencesCache = new WeakMap<Sqlite, Map<string, Reference[]>>();
function foreignKeysOf(db: Sqlite, table: string): Reference[] {
  let cache = referencesCache.get(db);
  if (!cache) referencesCache.set(db, (cache = new Map()));
  let references = cache.get(table);
  if (!references) {
    const keys = db.pragma(`foreign_key_list(${JSON.stringify(table)})`) as { table: string; from: string; to: string | null }[];
    references = keys.filter((key) => key.to === 'id' || key.to === null).map((key) => ({ column: key.from, table: key.table }));
    cache.set(table, references);
  }
  return references;
}

/**
 * Columns that point at a record without a foreign key, judged like one (mayReference): an attachment
 * names its owner by table and id, an evaluation its unit. Unchecked, a commune's attachment naming
 * another commune's report would be listed in that report. (A record's `locality_id` names a village;
 * lists filter by office first, so it is not among them.)
 */
function softReferencesOf(table: string, row: Record<string, unknown>): Reference[] {
  switch (table) {
    case 'attachments':
      return [{ column: 'owner_id', table: (attachmentOwners as readonly unknown[]).includes(row.owner_table) ? (row.owner_table as string) : '' }];
    case 'safety_evaluations':
      return [{ column: 'unit_id', table: 'safety_units' }];
    default:
      return [];
  }
}

/** A row's links: its foreign keys and the soft ones, each with the column holding the target's id. */
export function referencesIn(db: Sqlite, table: string, row: Record<string, unknown>): Reference[] {
  const soft = softReferencesOf(table, row);
  const keys = foreignKeysOf(db, table);
  return soft.length === 0 ? keys : [...keys, ...soft];
}

const ownerSql = new Map<string, string>();

/** The office that owns a record here, or undefined when it is not here. */
export function storedOwner(db: Sqlite, table: string, id: string): string | undefined {
  let sql = ownerSql.get(table);
  if (sql === undefined) ownerSql.set(table, (sql = qb.selectFrom(table as 'reports').select('office_id').where('id', '=', '').compile().sql));
  return (prepared(db, sql).get(id) as { office_id: string } | undefined)?.office_id;
}
