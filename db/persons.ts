import type { z } from 'zod';
import type { personInput } from '../api/calls/register';
import { fold } from '../core/fold';
import type { PersonMatch, PersonView } from '../api/views';
import { AppError } from './app-error';
import { all, first, qb } from './query';
import type { PersonsTable } from './schema';
import type { Sqlite } from './store';
import { withChanges, type WritePath, type WriteContext } from './write-path';

export type PersonFields = z.output<typeof personInput>;

export function personView(row: PersonsTable): PersonView {
  return {
    id: row.id,
    officeId: row.office_id,
    version: row.version,
    fullName: row.full_name,
    otherNames: row.other_names,
    gender: row.gender,
    birthDate: row.birth_date,
    birthYear: row.birth_year,
    citizenId: row.citizen_id,
    permanentAddress: row.permanent_address,
    temporaryAddress: row.temporary_address,
    localityId: row.locality_id,
    notes: row.notes,
  };
}

function columns(fields: PersonFields) {
  const birthYear = fields.birthDate ? Number(fields.birthDate.slice(0, 4)) : fields.birthYear;
  return {
    full_name: fields.fullName,
    name_fold: fold(fields.fullName),
    other_names: fields.otherNames,
    gender: fields.gender,
    birth_date: fields.birthDate,
    birth_year: birthYear,
    citizen_id: fields.citizenId,
    permanent_address: fields.permanentAddress,
    temporary_address: fields.temporaryAddress,
    locality_id: fields.localityId,
    notes: fields.notes,
  };
}

export function findPerson(db: Sqlite, id: string): PersonsTable | undefined {
  return first(db, qb.selectFrom('persons').selectAll().where('id', '=', id));
}

export function findByCitizenId(db: Sqlite, citizenId: string): PersonsTable | undefined {
  return first(db, qb.selectFrom('persons').selectAll().where('citizen_id', '=', citizenId).where('deleted_at', 'is', null));
}

/**
 * The person to link for what was typed: the existing record when the citizen ID is known (a person
 * appears once however many reports name them), else a new record.
 */
export function personForInput(db: Sqlite, writes: WritePath, fields: PersonFields, ctx: WriteContext): PersonsTable {
  if (fields.citizenId) {
    const existing = findByCitizenId(db, fields.citizenId);
    if (existing) return existing;
  }
  return writes.insert('persons', { ...columns(fields), merged_into: null, moved_to: '', moved_on: null }, ctx);
}

/** A person's fields as the create call takes them. */
/** The editable fields of a stored person: its view without the record's identity. */
function fieldsOf(row: PersonsTable): PersonFields {
  const { id: _id, officeId: _office, version: _version, ...fields } = personView(row);
  return { ...fields, gender: fields.gender as PersonFields['gender'] };
}

/** Changes the fields the call sent; a field left out keeps its value. */
export function updatePerson(db: Sqlite, writes: WritePath, id: string, baseVersion: string, changes: Partial<PersonFields>, ctx: WriteContext): PersonsTable {
  const current = findPerson(db, id);
  if (!current) throw new AppError('record.not_found', `person ${id} not found`);
  const fields = withChanges(fieldsOf(current), changes);
  if (fields.citizenId) {
    const holder = findByCitizenId(db, fields.citizenId);
    if (holder && holder.id !== id) {
      throw new AppError('validation', 'another person has this citizen ID', { fields: { citizenId: 'v.citizen_id_taken' } });
    }
  }
  return writes.update('persons', id, baseVersion, columns(fields), ctx);
}

/** Same citizen ID: the same person. Same folded name and birth year: maybe the same person. */
export function matchPerson(db: Sqlite, input: { fullName: string; birthYear: number | null; citizenId: string }): PersonMatch {
  const sameCitizenId = /^\d{12}$/.test(input.citizenId) ? findByCitizenId(db, input.citizenId) : undefined;
  const name = fold(input.fullName);
  const similar =
    name.length === 0
      ? []
      : all(
          db,
          qb
            .selectFrom('persons')
            .selectAll()
            .where('name_fold', '=', name)
            .where('deleted_at', 'is', null)
            .$if(input.birthYear !== null, (query) => query.where((eb) => eb.or([eb('birth_year', '=', input.birthYear), eb('birth_year', 'is', null)])))
            .limit(20),
        ).filter((row) => row.id !== sameCitizenId?.id);
  return { sameCitizenId: sameCitizenId ? personView(sameCitizenId) : null, similar: similar.map(personView) };
}

/** Persons whose folded name starts with what was typed, or whose citizen ID is it. */
export function searchPersons(db: Sqlite, text: string, limit: number): PersonView[] {
  const q = fold(text);
  if (q.length === 0) return [];
  // A citizen ID and a name prefix are two indexed lookups; an OR of both would scan the table.
  const query = qb.selectFrom('persons').selectAll().where('deleted_at', 'is', null);
  const rows = /^\d{12}$/.test(q)
    ? all(db, query.where('citizen_id', '=', q).limit(limit))
    : all(db, query.where('name_fold', '>=', q).where('name_fold', '<', `${q}\u{10FFFF}`).orderBy('name_fold').limit(limit));
  return rows.map(personView);
}
