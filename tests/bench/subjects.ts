import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { personListInput } from '../../api/calls/people';
import { programKindSeed } from '../../core/programs';
import { fold } from '../../core/fold';
import { uuidv7 } from '../../db/ids';
import { migrations } from '../../db/migrations/registry';
import { migrate } from '../../db/migrations/runner';
import { listPersons, type PersonListInput } from '../../db/people';
import { all, first, qb } from '../../db/query';
import { openSqlite, type Sqlite } from '../../db/store';
import { printRows, time, type BenchRow, type Timing } from './harness';
import { random } from './random';

/**
 * `npx tsx tests/bench/subjects.ts [--persons 300000] [--keep DIR]`: the Đối tượng list (persons.list,
 * scope "subjects") at the scale docs/decisions.md measured it ("The Đối tượng among hundreds of
 * thousands of persons"): 300,000 persons, 210,000 reports naming two people each (one link in six a
 * suspect, 2% of reports voided), 20,000 programs (most active). Each order and filter the page
 * offers, first page (100 rows) with its total: the backend's listPersons now (the subject flag of
 * migration 19, its partial indexes) beside the statement it replaced (the set of suspects built per
 * page, kept below as `before`), on the same store, after checking both give the same page and total.
 * Not part of `npm run bench`: the statement it replaced takes most of a second a row (with a program
 * kind, over a minute: timed only with `--slow`).
 */
const { values: flags } = parseArgs({ options: { persons: { type: 'string', default: '300000' }, slow: { type: 'boolean', default: false }, keep: { type: 'string' }, runs: { type: 'string', default: '20' } } });
const PERSONS = Number(flags.persons);
const REPORTS = Math.round(PERSONS * 0.7);
const PROGRAMS = Math.round(PERSONS / 15);
const OFFICE = '12345';
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Hồng', 'Công', 'Kim'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến', 'Khoa'];

function build(db: Sqlite): { locality: string } {
  migrate(db, migrations);
  const next = random(23);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const stamp = `'${OFFICE}', 'v', 0, ?, ?`;
  const insertKind = db.prepare(
    `INSERT INTO program_kinds (id, office_id, version, seq, created_at, updated_at, code, name_vi, name_en, months, checkin_days, drug_test_days, source, sort)
     VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO persons (id, office_id, version, seq, created_at, updated_at, full_name, name_fold, birth_year, citizen_id, locality_id) VALUES (?, ${stamp}, ?, ?, ?, ?, ?)`,
  );
  const insertReport = db.prepare(
    `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind, category_code, summary, status, deleted_at)
     VALUES (?, ${stamp}, 2025, ?, ?, 'in_person', 'crime_report', 'theft', 'Trộm cắp', 'decided', ?)`,
  );
  const insertLink = db.prepare(`INSERT INTO report_persons (id, office_id, version, seq, created_at, updated_at, report_id, person_id, role) VALUES (?, ${stamp}, ?, ?, ?)`);
  const insertProgram = db.prepare(
    `INSERT INTO programs (id, office_id, version, seq, created_at, updated_at, person_id, kind_code, start_date, end_date, status) VALUES (?, ${stamp}, ?, ?, '2025-01-01', '2026-01-01', ?)`,
  );
  const localities = Array.from({ length: 30 }, () => uuidv7());
  const ids: string[] = [];
  db.transaction(() => {
    programKindSeed.forEach((kind, i) => insertKind.run(uuidv7(), kind.code, kind.vi, kind.en, kind.months, kind.checkinDays, kind.drugTestDays, kind.source, i));
    for (let i = 0; i < PERSONS; i += 1) {
      const name = `${pick(surnames)} ${pick(middles)} ${pick(givens)}`;
      const id = uuidv7();
      ids.push(id);
      const birth = 1950 + Math.floor(next() * 60);
      insertPerson.run(id, i, i, name, fold(name), birth, next() < 0.7 ? `038${String(i).padStart(9, '0')}` : null, pick(localities));
    }
    const roles = ['suspect', 'victim', 'witness', 'reporter', 'victim', 'witness'];
    for (let i = 0; i < REPORTS; i += 1) {
      const id = uuidv7();
      insertReport.run(id, i, i, i + 1, i * 1000, next() < 0.02 ? i : null);
      for (let k = 0; k < 2; k += 1) insertLink.run(uuidv7(), i, i, id, pick(ids), pick(roles));
    }
    for (let i = 0; i < PROGRAMS; i += 1) insertProgram.run(uuidv7(), i, i, pick(ids), pick(programKindSeed).code, next() < 0.8 ? 'active' : 'ended');
  })();
  return { locality: localities[0]! };
}

/** The Đối tượng as the list read them before migration 19 (db/people.ts until then), for the figures "before". */
const subjectIds = sql<string>`SELECT rp.person_id FROM report_persons rp NOT INDEXED
  WHERE rp.role = 'suspect' AND rp.deleted_at IS NULL AND rp.report_id NOT IN (SELECT v.id FROM reports v WHERE v.deleted_at IS NOT NULL)
  UNION ALL SELECT g.person_id FROM programs g WHERE g.status = 'active' AND g.deleted_at IS NULL`;

function before(db: Sqlite, input: PersonListInput, kindAsBefore = true): { total: number; ids: string[] } {
  const q = fold(input.q);
  let query = qb.selectFrom('persons as p').where('p.deleted_at', 'is', null);
  if (/^\d{12}$/.test(q)) query = query.where('p.citizen_id', '=', q);
  else if (q) query = query.where('p.name_fold', '>=', q).where('p.name_fold', '<', `${q}\u{10FFFF}`);
  if (input.localityId) query = query.where('p.locality_id', '=', input.localityId);
  if (input.programKind) {
    const kind = input.programKind;
    query = kindAsBefore
      ? query.where((eb) =>
          eb.exists(eb.selectFrom('programs as g').select('g.id').whereRef('g.person_id', '=', 'p.id').where('g.kind_code', '=', kind).where('g.status', '=', 'active')),
        )
      : query.where('p.id', 'in', (eb) => eb.selectFrom('programs as g').select('g.person_id').where('g.kind_code', '=', kind).where('g.status', '=', 'active'));
  }
  const column = input.sort === 'name' ? 'p.name_fold' : input.sort === 'birth_year' ? 'p.birth_year' : 'p.created_at';
  const rows = all(
    db,
    query
      .where(sql<boolean>`p.id IN (${subjectIds})`)
      .selectAll('p')
      .select(sql<number>`count(*) OVER ()`.as('matched'))
      .orderBy(column, input.direction)
      .orderBy('p.id')
      .limit(input.limit)
      .offset(input.offset),
  );
  return { total: rows[0]?.matched ?? (first(db, query.where(sql<boolean>`p.id IN (${subjectIds})`).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0), ids: rows.map((row) => row.id) };
}

const dir = flags.keep ?? mkdtempSync(join(tmpdir(), 'sotay-subjects-'));
const file = join(dir, `subjects-${PERSONS}.sqlite`);
const key = 'a'.repeat(64);
try {
  let db = openSqlite(file, key);
  const built = db.pragma('user_version', { simple: true }) === migrations.length;
  const started = performance.now();
  const { locality } = built ? { locality: db.prepare('SELECT locality_id FROM persons LIMIT 1').pluck().get() as string } : build(db);
  if (!built) console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  db.close();
  db = openSqlite(file, key);
  const kind = db.prepare("SELECT kind_code FROM programs WHERE status = 'active' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
  const subjects = db.prepare('SELECT count(*) FROM persons WHERE subject = 1 AND deleted_at IS NULL').pluck().get() as number;
  console.log(`${PERSONS.toLocaleString('en')} persons, ${subjects.toLocaleString('en')} Đối tượng; first page of 100 with its total`);
  const runs = Number(flags.runs);
  const rows: BenchRow[] = [];
  const cases: [string, Partial<PersonListInput>][] = [];
  for (const sort of ['name', 'birth_year', 'created_at'] as const) {
    for (const direction of ['asc', 'desc'] as const) cases.push([`sort ${sort} ${direction}`, { sort, direction }]);
    cases.push([`sort ${sort} + name "nguyen"`, { sort, q: 'nguyen' }]);
    cases.push([`sort ${sort} + locality`, { sort, localityId: locality }]);
    cases.push([`sort ${sort} + program kind`, { sort, programKind: kind }]);
  }
  cases.push(['citizen ID', { q: '038000000123' }]);
  cases.push(['page 50 (offset 4,900), sort name', { offset: 4_900 }]);
  for (const [name, extra] of cases) {
    const input = personListInput.parse({ scope: 'subjects', limit: 100, ...extra });
    // The program kind's correlated EXISTS took over a minute a call before: timed with --slow only,
    // otherwise the answer is checked against the same definition with the kind read once.
    const slow = input.programKind !== null && !flags.slow;
    let then = { total: -1, ids: [] as string[] };
    const old: Timing = slow ? { median: Number.NaN, p95: Number.NaN, runs: 0 } : time(() => void (then = before(db, input)), 1, 0);
    if (slow) then = before(db, input, false);
    const now = listPersons(db, input);
    if (now.total !== then.total || now.rows.map((row) => row.id).join() !== then.ids.join()) throw new Error(`${name}: the flag's list differs from the definition`);
    const row = { name: `${name} (${now.total.toLocaleString('en')})`, ours: time(() => listPersons(db, input), runs), baseline: old, budgetMs: 50 };
    console.error(`${row.name}: ${row.ours.median.toFixed(1)} / ${row.ours.p95.toFixed(1)} ms, before ${old.median.toFixed(0)} ms`);
    rows.push(row);
  }
  printRows('persons.list, scope subjects: listPersons now (median, p95 of --runs) beside the statement before the flag ("baseline": one run)', rows);
  db.close();
} finally {
  if (!flags.keep) rmSync(dir, { recursive: true, force: true });
}
