import { afterEach, describe, expect, it } from 'vitest';
import { generatedOffices, SIZES } from '../../db/demo/generator';
import { fillStore } from '../../db/demo/write';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { listReports } from '../../db/register/queries';
import { indexReport, indexReports, searchQuery } from '../../db/register/search-index';
import { exportBundle } from '../../db/exchange/export';
import { enrolPeer, identity, publicKeyFile } from '../../db/exchange/identity';
import { importBundle, indexTuning } from '../../db/exchange/import';
import { join } from 'node:path';
import { reportListInput } from '../../api/calls/register';
import { Random } from '../../db/demo/random';
import type { Sqlite } from '../../db/store';
import { cleanup, createOffice, expectOk, manualClock, tempDir } from '../support/backend';

afterEach(cleanup);

const NOW = Date.parse('2026-06-20T10:00:00+07:00');

/** The words the search index holds, as FTS5 lists them itself. */
function indexedWords(db: Sqlite): string[] {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed_words USING fts5vocab(main, report_search, row)');
  return db.prepare('SELECT term FROM temp.indexed_words ORDER BY term').pluck().all() as string[];
}
const keptWords = (db: Sqlite) => db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all() as string[];
/** The reports matching every word as a prefix, straight from FTS5: what the search must find. */
const prefixMatches = (db: Sqlite, words: string[]) =>
  (db.prepare('SELECT rowid FROM report_search WHERE report_search MATCH ? ORDER BY rowid').pluck().all(words.map((w) => `"${w}"*`).join(' AND ')) as number[]);

async function generatedStore() {
  const office = await createOffice({ now: manualClock(NOW).now });
  const store = office.backend.requireStore();
  fillStore(store, { seed: 7, offices: generatedOffices(2), from: '2025-06-21', to: '2026-06-20', now: NOW, rates: SIZES.demo, userId: office.adminId });
  return { office, db: store.sql };
}

describe('the words of the search index', () => {
  it('are every word the index holds, after generated records, writes through the calls and edits of people', async () => {
    const { office, db } = await generatedStore();
    expect(keptWords(db).length).toBeGreaterThan(500);
    expect(keptWords(db)).toEqual(indexedWords(db));
    const person = expectOk(await office.call('persons.create', { fullName: 'Khổng Tử Ưng' }));
    expectOk(await office.call('reports.create', { receivedAt: NOW - 60_000, channel: 'phone', kind: 'crime_report', summary: 'Trộm chó ở xóm Quỳnh Lưu', persons: [{ personId: person.id, role: 'suspect' }] }));
    const version = expectOk(await office.call('persons.get', { id: person.id })).version;
    expectOk(await office.call('persons.update', { id: person.id, baseVersion: version, fields: { fullName: 'Khổng Tử Ửng Quýt' } }));
    // Words are never taken away: a word no report holds any more stays, and matches nothing.
    expect(keptWords(db)).toEqual(expect.arrayContaining(indexedWords(db)));
    expect(keptWords(db)).toEqual(expect.arrayContaining(['khong', 'ung', 'quyt', 'quynh', 'cho']));
    expect(indexedWords(db)).toContain('quyt');
  });

  it('are the same, at the same places, when an import indexes its reports together (each person folded once) as when each is indexed alone', async () => {
    const { db } = await generatedStore();
    const ids = db.prepare('SELECT id FROM reports ORDER BY rowid').pluck().all() as string[];
    expect(db.prepare('SELECT count(DISTINCT person_id) < count(*) FROM report_persons').pluck().get()).toBe(1);
    db.exec('CREATE VIRTUAL TABLE temp.indexed_places USING fts5vocab(main, report_search, instance)');
    const places = () => db.prepare('SELECT term, doc, col, offset FROM temp.indexed_places ORDER BY doc, offset').raw().all();
    db.transaction(() => ids.forEach((id) => indexReport(db, id)))();
    const alone = places();
    expect(alone.length).toBeGreaterThan(10_000);
    const terms = new Set<string>();
    db.transaction(() => indexReports(db, ids, terms))();
    expect(places()).toEqual(alone);
    expect([...terms].sort()).toEqual(indexedWords(db));
  });

  it('are the same, at the same places, when an import or the bulk path indexes the reports it inserted from their rows as when each is read back', async () => {
    /** The index keeps no text (contentless): its words at their places, by report, as FTS5 lists them. */
    const placesOf = (sql: Sqlite) => {
      sql.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed_places USING fts5vocab(main, report_search, instance)');
      return sql.prepare('SELECT term, doc, col, offset FROM temp.indexed_places ORDER BY doc, offset').raw().all() as [string, number, number, number][];
    };
    const readBack = (sql: Sqlite) => sql.transaction(() => (sql.prepare('SELECT id FROM reports').pluck().all() as string[]).forEach((id) => indexReport(sql, id)))();
    const commune = await createOffice({ now: manualClock(NOW).now });
    const db = commune.backend.requireStore().sql;
    const own = { code: commune.backend.requireStore().officeId, name: 'Công an xã Kiểm Thử', parentCode: '38', parentName: 'Công an tỉnh Thanh Hóa', localities: [] };
    // The bulk path (generated records, db/exchange/import.ts writeRecords) first.
    fillStore(commune.backend.requireStore(), { seed: 7, offices: [own], from: '2025-06-21', to: '2026-06-20', now: NOW, rates: SIZES.demo, userId: null });
    const generated = placesOf(db);
    expect(generated.length).toBeGreaterThan(10_000);
    readBack(db);
    expect(placesOf(db)).toEqual(generated);
    // Some reports with a secret reporter, and some links voided (not in the text), before the export.
    db.exec("UPDATE reports SET reporter_anonymous = 1 WHERE rowid % 5 = 0 AND reporter_name <> ''");
    db.exec('UPDATE report_persons SET deleted_at = 1 WHERE rowid % 7 = 0');
    const province = await createOffice({ now: manualClock(NOW).now, office: { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' } });
    const p = province.backend.requireStore();
    enrolPeer(p.sql, publicKeyFile(db, NOW), 'child', { userId: null, now: NOW });
    identity(p.sql, NOW);
    const recipient = enrolPeer(db, publicKeyFile(p.sql, NOW), 'parent', { userId: null, now: NOW }).key_id;
    const path = join(tempDir(), 'full.soantt');
    exportBundle(db, { kind: 'records', recipients: [recipient], mode: 'full', path, now: NOW, userId: null });
    // Half the reports kept as written, the rest past the import's bound and read back: both in one index.
    const reportCount = db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
    const kept = indexTuning.keptReports;
    indexTuning.keptReports = Math.floor(reportCount / 2);
    try {
      expect(importBundle(p.sql, p.writes, { path, apply: true, now: NOW, userId: null }).counts.new).toBeGreaterThan(1000);
    } finally {
      indexTuning.keptReports = kept;
    }
    const imported = placesOf(p.sql);
    expect(new Set(imported.map(([, doc]) => doc)).size).toBe(p.sql.prepare('SELECT count(*) FROM reports').pluck().get());
    expect(imported.filter(([, doc]) => doc < 0).length).toBeGreaterThan(0);
    readBack(p.sql);
    expect(placesOf(p.sql)).toEqual(imported);
    expect(keptWords(p.sql)).toEqual(indexedWords(p.sql));
  });

  it('are filled from the index when a store of version 9 is migrated', async () => {
    const { db } = await generatedStore();
    const before = keptWords(db);
    db.exec('DROP TABLE search_terms; PRAGMA user_version = 9;');
    // Migration 10 alone, as a store at version 9 takes it; then the store is back at the newest version.
    migrate(db, migrations.slice(0, 10));
    db.pragma(`user_version = ${migrations.length}`);
    expect(keptWords(db)).toEqual(before);
  });

  it('finds what the words typed as prefixes find, for words beginning one, many or no indexed words', async () => {
    const { db } = await generatedStore();
    const words = indexedWords(db).filter((word) => /^[a-z]+$/.test(word));
    const random = new Random(11);
    const typed: string[][] = [['nguyen', 'van'], ['n'], ['0'], ['ng', 'th'], ['trom'], ['zzzq'], ['van', 'zzzq']];
    for (let i = 0; i < 40; i += 1) {
      const count = random.int(1, 3);
      typed.push(Array.from({ length: count }, () => {
        const word = random.pick(words);
        return word.slice(0, random.int(1, word.length));
      }));
    }
    let found = 0;
    for (const query of typed) {
      const expected = prefixMatches(db, query);
      const match = searchQuery(db, query.join(' '))!;
      const matched = db.prepare('SELECT rowid FROM report_search WHERE report_search MATCH ? ORDER BY rowid').pluck().all(match) as number[];
      expect(matched, query.join(' ')).toEqual(expected);
      const live = db.prepare(`SELECT count(*) FROM reports WHERE deleted_at IS NULL AND rowid IN (${expected.join(',') || 'NULL'})`).pluck().get() as number;
      const listed = listReports(db, reportListInput.parse({ filters: { q: query.join(' ') }, limit: 20 }), NOW);
      expect(listed.total, query.join(' ')).toBe(live);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(1000);
    // Whole words where the typed word begins a few; a prefix where it begins none or very many.
    expect(searchQuery(db, 'nguyen van')).toMatch(/^"nguyen" AND \("van" OR "vang"/);
    expect(searchQuery(db, 'zzzq')).toBe('"zzzq"*');
    // Citizen IDs begin with a province's code: hundreds of words begin with "0".
    expect(searchQuery(db, '0')).toBe('"0"*');
  });

  it('keeps voided reports apart in the index: found with the voided ones only, counted apart, moved there by the migration', async () => {
    const { office, db } = await generatedStore();
    const voidedKeys = () => db.prepare('SELECT count(*) FROM report_search WHERE rowid < 0').pluck().get() as number;
    const voidedReports = () => db.prepare('SELECT count(*) FROM reports WHERE deleted_at IS NOT NULL').pluck().get() as number;
    expect(voidedReports()).toBeGreaterThan(1);
    expect(voidedKeys()).toBe(voidedReports());
    const created = expectOk(await office.call('reports.create', { receivedAt: NOW - 60_000, channel: 'phone', kind: 'crime_report', summary: 'Trộm gà của ông Quách Xuân Thưởng' }));
    const search = async (includeVoided: boolean) => expectOk(await office.call('reports.list', { filters: { q: 'quach xuan thuong', includeVoided } }));
    expect((await search(false)).rows.map((r) => r.id)).toEqual([created.id]);
    expectOk(await office.call('reports.void', { id: created.id, baseVersion: created.version, reason: 'Nhập nhầm' }));
    expect(await search(false)).toEqual({ total: 0, rows: [] });
    const withVoided = await search(true);
    expect(withVoided.total).toBe(1);
    expect(withVoided.rows.map((r) => [r.id, r.voided])).toEqual([[created.id, true]]);
    expect(voidedKeys()).toBe(voidedReports());
    // Common words, with and without the voided reports, page by page along the register: the totals
    // and the pages agree with the reports.
    for (const includeVoided of [false, true]) {
      const listed = expectOk(await office.call('reports.list', { filters: { q: 'trom', includeVoided }, limit: 500 }));
      const expected = db.prepare(`SELECT count(*) FROM reports WHERE rowid IN (SELECT abs(rowid) FROM report_search WHERE report_search MATCH '"trom"*')${includeVoided ? '' : ' AND deleted_at IS NULL'}`).pluck().get();
      expect(listed.total, String(includeVoided)).toBe(expected);
      expect(listed.rows.length).toBe(Math.min(500, listed.total!));
      expect(listed.rows.some((r) => r.voided)).toBe(includeVoided);
    }

    // Small pages of a word most reports hold are read along the register, testing each report in
    // the index under its key, live or voided.
    for (const includeVoided of [false, true]) {
      const expected = db
        .prepare(`SELECT id FROM reports WHERE rowid IN (SELECT abs(rowid) FROM report_search WHERE report_search MATCH '"2026"')${includeVoided ? '' : ' AND deleted_at IS NULL'}`)
        .pluck()
        .all() as string[];
      expect(expected.length).toBeGreaterThan(100);
      const read: { id: string; number: string }[] = [];
      for (let offset = 0; offset < expected.length + 5; offset += 5) {
        const page = expectOk(await office.call('reports.list', { filters: { q: '2026', includeVoided }, offset, limit: 5, count: offset === 0 }));
        if (offset === 0) expect(page.total).toBe(expected.length);
        read.push(...page.rows.map((r) => ({ id: r.id, number: r.number })));
      }
      expect(read.map((r) => r.id).sort()).toEqual([...expected].sort());
      const key = (number: string) => Number(number.split('/')[1]) * 1e6 + Number(number.split('/')[0]);
      expect(read.every((r, i) => i === 0 || key(read[i - 1]!.number) >= key(r.number)), String(includeVoided)).toBe(true);
    }

    // A store of version 9 had its voided reports under their own rowid.
    const voidedIds = db.prepare('SELECT id FROM reports WHERE deleted_at IS NOT NULL').pluck().all() as string[];
    db.transaction(() => {
      for (const id of voidedIds) {
        const at = db.prepare('SELECT deleted_at FROM reports WHERE id = ?').pluck().get(id);
        db.prepare('UPDATE reports SET deleted_at = NULL WHERE id = ?').run(id);
        indexReport(db, id);
        db.prepare('UPDATE reports SET deleted_at = ? WHERE id = ?').run(at, id);
      }
    })();
    expect(voidedKeys()).toBe(0);
    db.exec('DROP TABLE search_terms; PRAGMA user_version = 9;');
    // Migration 10 alone, as a store at version 9 takes it; then the store is back at the newest version.
    migrate(db, migrations.slice(0, 10));
    db.pragma(`user_version = ${migrations.length}`);
    expect(voidedKeys()).toBe(voidedReports());
    expect(await search(false)).toEqual({ total: 0, rows: [] });
    expect((await search(true)).total).toBe(1);
  });

  it('searches one office of several: a citizen ID read from the index, a common word page by page along the office’s register', async () => {
    const { office, db } = await generatedStore();
    const [one] = generatedOffices(2);
    const person = db
      .prepare(`SELECT p.citizen_id AS id, count(*) AS n FROM persons p JOIN report_persons rp ON rp.person_id = p.id JOIN reports r ON r.id = rp.report_id
        WHERE r.office_id = ? AND r.deleted_at IS NULL AND rp.deleted_at IS NULL AND p.citizen_id IS NOT NULL GROUP BY p.id ORDER BY n DESC LIMIT 1`)
      .get(one!.code) as { id: string; n: number };
    const byId = expectOk(await office.call('reports.list', { filters: { q: person.id, officeId: one!.code } }));
    expect(byId.total).toBe(person.n);
    expect(byId.rows.every((r) => r.officeId === one!.code)).toBe(true);
    const expected = db
      .prepare(`SELECT id FROM reports WHERE office_id = ? AND deleted_at IS NULL AND rowid IN (SELECT rowid FROM report_search WHERE report_search MATCH '"2026"')`)
      .pluck()
      .all(one!.code) as string[];
    expect(expected.length).toBeGreaterThan(50);
    const read: string[] = [];
    for (let offset = 0; offset < expected.length + 5; offset += 5) {
      read.push(...expectOk(await office.call('reports.list', { filters: { q: '2026', officeId: one!.code }, offset, limit: 5, count: false })).rows.map((r) => r.id));
    }
    expect(read.sort()).toEqual([...expected].sort());
  });
});
