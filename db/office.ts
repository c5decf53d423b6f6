import type { CategoryView, LocalityView, OfficeListItem, OfficeView } from '../api/views';
import { AppError } from './app-error';
import { all, first, qb } from './query';
import type { LocalitiesTable } from './schema';
import type { Sqlite } from './store';

export function officeView(db: Sqlite, officeId: string): OfficeView {
  const row = first(db, qb.selectFrom('offices').selectAll().where('id', '=', officeId));
  if (!row) throw new AppError('record.not_found', `office ${officeId} not found`);
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parent_code, parentName: row.parent_name, demo: row.demo === 1 };
}

/** The offices the store knows (its own, and those whose records it imported): the own first, then by code. */
export function listOffices(db: Sqlite, ownId: string): OfficeListItem[] {
  return all(db, qb.selectFrom('offices').select(['id', 'code', 'name', 'level', 'parent_code']).where('deleted_at', 'is', null).orderBy('code'))
    .map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parent_code, own: row.id === ownId }))
    .sort((a, b) => Number(b.own) - Number(a.own));
}

/** The kind of a village-level unit, read from how its name starts ("Tổ dân phố Bắc Hà" → "tổ dân phố"). */
const localityKinds = ['tổ dân phố', 'khu phố', 'khu dân cư', 'thôn', 'xóm', 'bản', 'buôn', 'làng', 'ấp', 'khóm', 'tổ'] as const;
export function localityKindOf(name: string): string {
  const lower = name.normalize('NFC').toLocaleLowerCase('vi');
  return localityKinds.find((kind) => lower.startsWith(`${kind} `)) ?? 'thôn';
}

export function localityView(row: LocalitiesTable): LocalityView {
  return { id: row.id, name: row.name, kind: row.kind, voided: row.deleted_at !== null };
}

const vietnamese = new Intl.Collator('vi', { numeric: true });
/**
 * The one order of villages everywhere (issue #18): by name as Vietnamese sorts it, numbers by value
 * ("Thôn 2" before "Thôn 10"). localities.list sends them so; the screens keep that order.
 */
export const byVillageName = (a: { readonly name: string }, b: { readonly name: string }): number => vietnamese.compare(a.name, b.name);

/** In Vietnamese alphabetical order, numbers by value ("Thôn 2" before "Thôn 10"). */
export function listLocalities(db: Sqlite, officeId: string): LocalityView[] {
  return all(db, qb.selectFrom('localities').selectAll().where('office_id', '=', officeId))
    .sort(byVillageName)
    .map(localityView);
}

export function listCategories(db: Sqlite): CategoryView[] {
  return all(
    db,
    qb
      .selectFrom('categories')
      .innerJoin('category_groups', 'category_groups.code', 'categories.group_code')
      .select([
        'categories.id as id',
        'categories.code as code',
        'categories.group_code as groupCode',
        'categories.name_vi as nameVi',
        'categories.name_en as nameEn',
        'categories.sort as sort',
      ])
      .where('categories.deleted_at', 'is', null)
      .orderBy('category_groups.sort')
      .orderBy('categories.sort'),
  );
}
