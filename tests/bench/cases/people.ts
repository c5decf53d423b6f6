import { fold } from '../../../core/fold';
import { uuidv7 } from '../../../db/ids';
import { duplicatesOf } from '../../../db/people';
import { searchPersons } from '../../../db/persons';
import { reminders } from '../../../db/programs';
import { graphAround } from '../../../db/graph';
import { programKindSeed } from '../../../core/programs';
import { addDays } from '../../../core/calendar';
import { time, type BenchRow } from '../harness';
import { random } from '../random';
import type { RegisterStore } from './register';

const OFFICE = '12345';
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Hồng', 'Công', 'Kim'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến', 'Khoa'];


export interface PeopleSizes {
  readonly persons: number;
  readonly hotspots: number;
  readonly programs: number;
}

/**
 * Adds people, links between them, hotspots with their people and management programs to a register
 * store, with prepared statements (the bulk path). Returns a person who sits in a ring and at a hotspot.
 */
export function addPeople(store: RegisterStore, sizes: PeopleSizes): { personId: string } {
  const { db, now } = store;
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const today = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
  const insertKind = db.prepare(
    `INSERT INTO program_kinds (id, office_id, version, seq, created_at, updated_at, code, name_vi, name_en, months, checkin_days, drug_test_days, source, sort)
     VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO persons (id, office_id, version, seq, created_at, updated_at, full_name, name_fold, birth_year, citizen_id, locality_id) VALUES (?, '${OFFICE}', 'v', 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = db.prepare(`INSERT INTO person_links (id, office_id, version, seq, created_at, updated_at, person_id, other_id, kind) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?)`);
  const insertHotspot = db.prepare(
    `INSERT INTO hotspots (id, office_id, version, seq, created_at, updated_at, name, name_fold, type, status, found_on, review_days, next_review_on) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?, ?, 30, ?)`,
  );
  const insertHotspotPerson = db.prepare(`INSERT INTO hotspot_persons (id, office_id, version, seq, created_at, updated_at, hotspot_id, person_id, role) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?)`);
  const insertProgram = db.prepare(
    `INSERT INTO programs (id, office_id, version, seq, created_at, updated_at, person_id, kind_code, start_date, end_date, status, next_checkin_on, next_test_on)
     VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  const localities = Array.from({ length: 12 }, () => uuidv7());
  db.transaction(() => {
    programKindSeed.forEach((kind, i) => insertKind.run(uuidv7(), kind.code, kind.vi, kind.en, kind.months, kind.checkinDays, kind.drugTestDays, kind.source, i));
    for (let i = 0; i < sizes.persons; i += 1) {
      const name = `${pick(surnames)} ${pick(middles)} ${pick(givens)}`;
      const id = uuidv7();
      ids.push(id);
      const birth = 1950 + Math.floor(next() * 60);
      const citizen = next() < 0.7 ? `038${String(birth % 100).padStart(2, '0')}${String(i).padStart(7, '0')}`.slice(0, 12) : null;
      insertPerson.run(id, i, i, name, fold(name), birth, citizen, pick(localities));
    }
    for (let i = 0; i < sizes.persons / 10; i += 1) insertLink.run(uuidv7(), pick(ids), pick(ids), pick(['family', 'associate', 'same_ring']));
    const types = ['drug_dealing', 'drug_use', 'gambling', 'illegal_lottery', 'football_betting', 'prostitution', 'other'];
    const statuses = ['suspected', 'active', 'under_watch', 'raided', 'cleared', 'relapsed'];
    for (let i = 0; i < sizes.hotspots; i += 1) {
      const id = uuidv7();
      const name = `Tụ điểm ${i} ${pick(givens)}`;
      insertHotspot.run(id, name, fold(name), pick(types), pick(statuses), addDays(today, -Math.floor(next() * 2000)), addDays(today, Math.floor(next() * 120) - 60));
      for (let k = 0; k < 4; k += 1) insertHotspotPerson.run(uuidv7(), id, pick(ids), pick(['organiser', 'dealer', 'user', 'lookout', 'frequenter']));
    }
    for (let i = 0; i < sizes.programs; i += 1) {
      const start = addDays(today, -Math.floor(next() * 1500));
      const end = addDays(start, 365);
      const active = end >= today && next() < 0.9;
      insertProgram.run(uuidv7(), pick(ids), pick(programKindSeed).code, start, end, active ? 'active' : 'ended', active ? addDays(today, Math.floor(next() * 60) - 10) : null, active ? addDays(today, Math.floor(next() * 120) - 10) : null);
    }
    // A ring around one person: linked to four others, who are at a hotspot and in reports.
    const hub = ids[0]!;
    for (let k = 1; k <= 4; k += 1) insertLink.run(uuidv7(), hub, ids[k]!, 'same_ring');
  })();
  return { personId: ids[0]! };
}

export function peopleCases(store: RegisterStore, hub: string): BenchRow[] {
  const { db, now } = store;
  const rows: BenchRow[] = [];
  const q = fold('nguyen van');
  const rawSearch = db.prepare('SELECT * FROM persons WHERE deleted_at IS NULL AND name_fold >= ? AND name_fold < ? ORDER BY name_fold LIMIT 50');
  rows.push({
    name: 'person search without diacritics "nguyen van": top 50',
    ours: time(() => searchPersons(db, 'nguyen van', 50), 30),
    baseline: time(() => rawSearch.all(q, `${q}\u{10FFFF}`), 30),
    budgetMs: 50,
  });
  const sample = db.prepare('SELECT id, name_fold, birth_year FROM persons LIMIT 1 OFFSET 1000').get() as { id: string; name_fold: string; birth_year: number };
  const rawDuplicates = db.prepare('SELECT * FROM persons WHERE deleted_at IS NULL AND name_fold = ? AND birth_year = ? AND id <> ? LIMIT 50');
  rows.push({
    name: 'duplicate candidates for one person',
    ours: time(() => duplicatesOf(db, sample.id), 30),
    baseline: time(() => rawDuplicates.all(sample.name_fold, sample.birth_year, sample.id), 30),
    budgetMs: 20,
  });
  const horizon = addDays(new Date(now + 7 * 3600_000).toISOString().slice(0, 10), 7);
  const rawReminders = db.prepare(
    "SELECT id, end_date, next_checkin_on, next_test_on FROM programs WHERE status = 'active' AND deleted_at IS NULL AND (end_date <= ? OR next_checkin_on <= ? OR next_test_on <= ?)",
  );
  rows.push({
    name: 'reminders view (programs ending, check-ins and tests due within 7 days)',
    ours: time(() => reminders(db, 7, now), 30),
    baseline: time(() => rawReminders.all(horizon, horizon, horizon), 30),
    budgetMs: 30,
  });
  const rawNeighbours = db.prepare('SELECT other_id FROM person_links WHERE person_id = ? UNION ALL SELECT person_id FROM person_links WHERE other_id = ?');
  rows.push({
    name: 'link view two steps out from a person in a ring',
    ours: time(() => graphAround(db, { kind: 'person', id: hub }, 2), 30),
    baseline: time(() => {
      for (const row of rawNeighbours.all(hub, hub) as { other_id: string }[]) rawNeighbours.all(row.other_id, row.other_id);
    }, 30),
    budgetMs: 50,
  });
  return rows;
}
