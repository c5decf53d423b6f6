import { personRoles, type HotspotRole, type HotspotStatus, type PersonLinkKind, type PersonRole } from '../api/vocabulary';
import { sql, type Compilable } from 'kysely';
import type { z } from 'zod';
import type { personListInput } from '../api/calls/people';
import { fold } from '../core/fold';
import type { DuplicateGroup, Page, PersonOverview, PersonRow, PersonView } from '../api/views';
import { AppError } from './app-error';
import { appendAudit } from './audit';
import { findPerson, personView } from './persons';
import { programsOfPerson } from './programs';
import { all, first, prepared, qb } from './query';
import { formatRegisterNumber } from './register/numbering';
import type { PersonsTable, RecordTable } from './schema';
import { importedFrom } from './legacy/provenance';
import type { Sqlite } from './store';
import type { WritePath, WriteContext } from './write-path';

export type PersonListInput = z.output<typeof personListInput>;

/** Persons by folded name prefix or citizen ID, by locality, by program kind or the Đối tượng only; a page and the total. */
export function listPersons(db: Sqlite, input: PersonListInput): Page<PersonRow> {
  const q = fold(input.q);
  const citizen = /^\d{12}$/.test(q);
  let query = qb.selectFrom('persons as p').where('p.deleted_at', 'is', null);
  // A citizen ID or a name prefix, each an indexed lookup (an OR of both would scan the table).
  if (citizen) query = query.where('p.citizen_id', '=', q);
  else if (q) query = query.where('p.name_fold', '>=', q).where('p.name_fold', '<', `${q}\u{10FFFF}`);
  if (input.localityId) query = query.where('p.locality_id', '=', input.localityId);
  if (input.officeId) query = query.where('p.office_id', '=', input.officeId);
  if (input.programKind) {
    const kind = input.programKind;
    // The persons of the kind's active programs not voided, read once from programs_kind alone (it
    // holds person_id since migration 21): as a correlated EXISTS the planner took programs_kind for
    // each person (all the kind's programs per person: 87 s for the Đối tượng at 300,000 persons;
    // docs/decisions.md).
    query = query.where('p.id', 'in', (eb) =>
      eb.selectFrom('programs as g').select('g.person_id').where('g.kind_code', '=', kind).where('g.status', '=', 'active').where('g.deleted_at', 'is', null),
    );
  }
  const column = input.sort === 'name' ? 'p.name_fold' : input.sort === 'birth_year' ? 'p.birth_year' : 'p.created_at';
  // The Đối tượng (persons named as a suspect in a live report, or under an active program;
  // docs/domain.md) carry the flag their triggers keep (migration 19): the literal 1 lets the planner
  // take the partial indexes that hold only them, so the page and its total read only the Đối tượng.
  if (input.scope === 'subjects') query = query.where(sql<boolean>`p.subject = 1`);
  // With a locality or an office the planner, which holds no statistics, takes the index of every
  // person of that place (then reads each row for its flag) over the Đối tượng's own: named here.
  const steer = input.scope !== 'subjects' || citizen ? null : input.localityId ? 'persons_subject_locality' : input.officeId ? 'persons_subject_office' : null;
  const read = <O>(built: Compilable<O>): O[] => {
    const { sql: text, parameters } = built.compile();
    const from = 'from "persons" as "p"';
    if (steer !== null && !text.includes(from)) throw new Error('the persons query no longer reads "persons" as "p"');
    return prepared(db, steer === null ? text : text.replace(from, `${from} indexed by ${steer}`)).all(...parameters) as O[];
  };
  const count = (): number => read(query.select((eb) => eb.fn.countAll<number>().as('n')))[0]?.n ?? 0;
  let page = query.selectAll('p').orderBy(column, input.direction).orderBy('p.id').limit(input.limit).offset(input.offset);
  if (q && !citizen && input.sort !== 'name' && input.scope !== 'subjects' && !input.programKind) {
    // A name searched, sorted by another column: the page's persons chosen from persons_live_name
    // alone (migration 22), then their rows; sorting the whole rows read each match's row (a third of a
    // province's persons for "nguyen").
    const chosen = query.select(sql<number>`p.rowid`.as('rowid')).orderBy(column, input.direction).orderBy('p.id').limit(input.limit).offset(input.offset);
    page = qb.selectFrom('persons as p').selectAll('p').where(sql<boolean>`p.rowid IN (${chosen})`).orderBy(column, input.direction).orderBy('p.id');
  }
  if (input.programKind) {
    // The kind's persons are read row by row either way (a few thousand at a province): the page
    // counts them as it sorts them, one pass instead of two (a page past the end counts alone).
    const rows = read(page.select(sql<number>`count(*) over ()`.as('matched')));
    const total = rows[0]?.matched ?? (input.offset > 0 ? count() : 0);
    return { total, rows: withRoles(db, rows.map(personView)) };
  }
  const total = count();
  const rows = read(page);
  return { total, rows: withRoles(db, rows.map(personView)) };
}

/** Each person's roles in live reports and whether a program manages them: two indexed reads for the page. */
function withRoles(db: Sqlite, persons: readonly PersonView[]): PersonRow[] {
  if (persons.length === 0) return [];
  const ids = JSON.stringify(persons.map((person) => person.id));
  const roles = new Map<string, Set<PersonRole>>();
  const linked = prepared(
    db,
    `SELECT DISTINCT rp.person_id, rp.role FROM report_persons rp JOIN reports r ON r.id = rp.report_id
     WHERE rp.person_id IN (SELECT value FROM json_each(?)) AND rp.deleted_at IS NULL AND r.deleted_at IS NULL`,
  ).all(ids) as { person_id: string; role: PersonRole }[];
  for (const row of linked) roles.set(row.person_id, (roles.get(row.person_id) ?? new Set()).add(row.role));
  const managed = new Set(
    (
      prepared(db, "SELECT DISTINCT person_id FROM programs WHERE person_id IN (SELECT value FROM json_each(?)) AND status = 'active' AND deleted_at IS NULL").all(ids) as {
        person_id: string;
      }[]
    ).map((row) => row.person_id),
  );
  return persons.map((person) => {
    const own = roles.get(person.id);
    return { ...person, roles: own ? personRoles.filter((role) => own.has(role)) : [], managed: managed.has(person.id) };
  });
}

export function personOverview(db: Sqlite, id: string): PersonOverview {
  const person = findPerson(db, id);
  if (!person) throw new AppError('record.not_found', `person ${id} not found`);
  const links = prepared(
    db,
    `SELECT l.id AS link_id, l.kind, l.note, CASE WHEN l.person_id = ? THEN l.other_id ELSE l.person_id END AS other
     FROM person_links l WHERE (l.person_id = ? OR l.other_id = ?) AND l.deleted_at IS NULL ORDER BY l.created_at`,
  ).all(id, id, id) as { link_id: string; kind: PersonLinkKind; note: string; other: string }[];
  const reports = prepared(
    db,
    `SELECT r.id, r.register_no, r.register_year, r.summary, rp.role, r.received_at FROM report_persons rp JOIN reports r ON r.id = rp.report_id
     WHERE rp.person_id = ? AND rp.deleted_at IS NULL ORDER BY r.received_at DESC`,
  ).all(id) as { id: string; register_no: number; register_year: number; summary: string; role: PersonRole; received_at: number }[];
  const hotspots = prepared(
    db,
    `SELECT h.id, h.name, hp.role, h.status FROM hotspot_persons hp JOIN hotspots h ON h.id = hp.hotspot_id
     WHERE hp.person_id = ? AND hp.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.name_fold`,
  ).all(id) as { id: string; name: string; role: HotspotRole; status: HotspotStatus }[];
  return {
    person: { ...personView(person), mergedInto: person.merged_into, movedTo: person.moved_to, movedOn: person.moved_on, voided: person.deleted_at !== null },
    links: links.flatMap((link) => {
      const other = findPerson(db, link.other);
      return other ? [{ linkId: link.link_id, kind: link.kind, note: link.note, person: personView(other) }] : [];
    }),
    reports: reports.map((r) => ({ reportId: r.id, number: formatRegisterNumber(r.register_no, r.register_year), summary: r.summary, role: r.role, receivedAt: r.received_at })),
    hotspots: hotspots.map((h) => ({ hotspotId: h.id, name: h.name, role: h.role, status: h.status })),
    programs: programsOfPerson(db, id),
    importedFrom: importedFrom(db, id),
  };
}

export function linkPersons(db: Sqlite, writes: WritePath, input: { personId: string; otherId: string; kind: 'family' | 'associate' | 'same_ring'; note: string }, ctx: WriteContext): void {
  if (input.personId === input.otherId) throw new AppError('validation', 'a person cannot be linked to themselves', { fields: { otherId: 'v.invalid' } });
  for (const [field, personId] of [['personId', input.personId], ['otherId', input.otherId]] as const) {
    const person = findPerson(db, personId);
    if (!person || person.deleted_at !== null) throw new AppError('validation', 'no such person', { fields: { [field]: 'v.invalid' } });
  }
  const existing = prepared(
    db,
    `SELECT id FROM person_links WHERE deleted_at IS NULL AND kind = ? AND ((person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?))`,
  ).get(input.kind, input.personId, input.otherId, input.otherId, input.personId);
  if (existing) return;
  writes.insert('person_links', { person_id: input.personId, other_id: input.otherId, kind: input.kind, note: input.note }, ctx);
}

/** Likely duplicates: live persons sharing a folded name, a birth year and a locality. */
export function duplicateGroups(db: Sqlite, limit: number): DuplicateGroup[] {
  const keys = prepared(
    db,
    `SELECT name_fold, birth_year, locality_id FROM persons
     WHERE deleted_at IS NULL AND birth_year IS NOT NULL
     GROUP BY name_fold, birth_year, locality_id HAVING count(*) > 1 ORDER BY name_fold LIMIT ?`,
  ).all(limit) as { name_fold: string; birth_year: number; locality_id: string | null }[];
  return keys.map((key) => ({
    reason: 'name_birth_locality',
    persons: (
      prepared(
        db,
        'SELECT * FROM persons WHERE deleted_at IS NULL AND name_fold = ? AND birth_year = ? AND locality_id IS ? ORDER BY created_at',
      ).all(key.name_fold, key.birth_year, key.locality_id) as PersonsTable[]
    ).map(personView),
  }));
}

/** Candidates for one person: the same folded name and birth year (any locality), or the same citizen ID. */
export function duplicatesOf(db: Sqlite, id: string): DuplicateGroup {
  const person = findPerson(db, id);
  if (!person) throw new AppError('record.not_found', `person ${id} not found`);
  const byName = prepared(
    db,
    `SELECT * FROM persons WHERE deleted_at IS NULL AND id <> ? AND name_fold = ? AND (birth_year IS ? OR birth_year IS NULL OR ? IS NULL)
     ORDER BY created_at LIMIT 50`,
  ).all(id, person.name_fold, person.birth_year, person.birth_year) as PersonsTable[];
  // Another office's record of the same citizen (in a higher office's store) has the same ID.
  const byId = person.citizen_id === null ? [] : (prepared(db, 'SELECT * FROM persons WHERE citizen_id = ? AND id <> ? LIMIT 10').all(person.citizen_id, id) as PersonsTable[]);
  const rows = [...byId, ...byName.filter((row) => !byId.some((other) => other.id === row.id))];
  const sameId = person.citizen_id !== null && rows.some((row) => row.citizen_id === person.citizen_id);
  return { reason: sameId ? 'citizen_id' : 'name_birth_locality', persons: [personView(person), ...rows.map(personView)] };
}

/**
 * Tables whose rows point at a person, the column that does, and what makes two rows the same link
 * (a report naming the person in one role, a hotspot link in one role, a person link of one kind to the
 * same other person); programs are never duplicates of each other.
 */
const personReferences: readonly (readonly [RecordTable, string, (row: Record<string, unknown>) => string | null])[] = [
  ['report_persons', 'person_id', (row) => `${String(row.report_id)}|${String(row.role)}`],
  ['person_links', 'person_id', (row) => `${String(row.other_id)}|${String(row.kind)}`],
  ['person_links', 'other_id', (row) => `${String(row.person_id)}|${String(row.kind)}`],
  ['hotspot_persons', 'person_id', (row) => `${String(row.hotspot_id)}|${String(row.role)}`],
  ['programs', 'person_id', () => null],
];

/**
 * Merges two records of one person: every link of `drop` moves to `keep` through the write path (so
 * each move is versioned and audited), identity fields `keep` lacks are filled from `drop`, and `drop`
 * is voided with `merged_into` pointing at `keep`. One audit entry records the merge as a whole.
 */
export function mergePersons(
  db: Sqlite,
  writes: WritePath,
  input: { keepId: string; keepVersion: string; dropId: string; dropVersion: string },
  ctx: WriteContext,
  now: number,
): void {
  if (input.keepId === input.dropId) throw new AppError('validation', 'a person cannot be merged with themselves', { fields: { dropId: 'v.invalid' } });
  db.transaction(() => {
    const keep = livePerson(db, input.keepId, input.keepVersion);
    const drop = livePerson(db, input.dropId, input.dropVersion);
    // A link between the two records would become a link from the person to themselves.
    const between = prepared(
      db,
      'SELECT id FROM person_links WHERE deleted_at IS NULL AND ((person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?))',
    ).all(keep.id, drop.id, drop.id, keep.id) as { id: string }[];
    for (const link of between) writes.void('person_links', link.id, 'merged: a link between two records of one person', ctx);
    const moved: Record<string, string[]> = {};
    for (const [table, column, sameLink] of personReferences) {
      const rowsOf = (personId: string) =>
        all(
          db,
          qb
            .selectFrom(table as 'programs')
            .selectAll()
            .where(column as 'person_id', '=', personId)
            .where('deleted_at', 'is', null),
        ) as unknown as (Record<string, unknown> & { id: string; version: string })[];
      const kept = new Set(rowsOf(keep.id).map(sameLink).filter((key) => key !== null));
      for (const row of rowsOf(drop.id)) {
        const key = sameLink(row);
        if (key !== null && kept.has(key)) {
          // The kept record already has this link: the other's copy would name the person twice.
          writes.void(table, row.id, 'merged: the same link on the kept record', ctx);
          continue;
        }
        writes.update(table, row.id, row.version, { [column]: keep.id } as never, ctx);
        (moved[table] ??= []).push(row.id);
      }
    }
    const otherNames = [keep.other_names, drop.full_name !== keep.full_name ? drop.full_name : '', drop.other_names].filter((name) => name.trim() !== '');
    const fresh = first(db, qb.selectFrom('persons').select('version').where('id', '=', keep.id))!;
    // The citizen ID moves once the dropped record is voided (it is unique among live records).
    const takeCitizenId = keep.citizen_id === null && drop.citizen_id !== null;
    writes.void('persons', drop.id, `merged into ${keep.id}`, ctx, { also: { merged_into: keep.id } });
    writes.update(
      'persons',
      keep.id,
      fresh.version,
      {
        other_names: [...new Set(otherNames)].join('; '),
        birth_date: keep.birth_date ?? drop.birth_date,
        birth_year: keep.birth_year ?? drop.birth_year,
        citizen_id: takeCitizenId ? drop.citizen_id : keep.citizen_id,
        permanent_address: keep.permanent_address || drop.permanent_address,
        temporary_address: keep.temporary_address || drop.temporary_address,
        locality_id: keep.locality_id ?? drop.locality_id,
      },
      ctx,
    );
    appendAudit(db, { at: now, userId: ctx.userId, call: ctx.call, action: 'merge', table: 'persons', recordId: keep.id, before: { kept: keep.id, dropped: drop.id }, after: { moved } });
  })();
}

function livePerson(db: Sqlite, id: string, version: string): PersonsTable {
  const person = findPerson(db, id);
  if (!person) throw new AppError('record.not_found', `person ${id} not found`);
  if (person.deleted_at !== null) throw new AppError('record.voided', `person ${id} is voided`);
  if (person.version !== version) throw new AppError('record.conflict', `person ${id} changed since the merge began`, { params: { current: person.version } });
  return person;
}
