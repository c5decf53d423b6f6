import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import type { PersonRole } from '../../api/vocabulary';
import { cleanup, createOffice, expectOk, manualClock, type TestOffice } from '../support/backend';
import { encodeTcvn3 } from '../support/legacy-encode';
import { tcvn3Register, uploadLegacy, workbookBytes } from '../support/legacy-files';

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const PROVINCE = { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher' as const, parentCode: '100', parentName: 'Bộ Công an' };

/**
 * The Đối tượng as persons.list read them before the flag (migration 19), kept here as the reference:
 * persons named as a suspect in a report link not removed whose report is not voided, or under an
 * active program not voided.
 */
const REFERENCE = `SELECT rp.person_id FROM report_persons rp NOT INDEXED
  WHERE rp.role = 'suspect' AND rp.deleted_at IS NULL AND rp.report_id NOT IN (SELECT v.id FROM reports v WHERE v.deleted_at IS NOT NULL)
  UNION ALL SELECT g.person_id FROM programs g WHERE g.status = 'active' AND g.deleted_at IS NULL`;

const sorts = { name: 'p.name_fold', birth_year: 'p.birth_year', created_at: 'p.created_at' } as const;

function store(office: TestOffice) {
  return office.backend.requireStore().sql;
}

/** Every person's flag equals the reference definition (voided persons included: the flag is theirs too). */
function expectFlagsAsDefined(office: TestOffice, step: string): void {
  const db = store(office);
  const flagged = db.prepare('SELECT id FROM persons WHERE subject = 1 ORDER BY id').pluck().all();
  const defined = db.prepare(`SELECT id FROM persons WHERE id IN (${REFERENCE}) ORDER BY id`).pluck().all();
  expect(flagged, step).toEqual(defined);
}

/** The list as the page asks it, each order and direction, with and without a name prefix, against the reference query. */
async function expectListAsDefined(office: TestOffice, step: string, q = ''): Promise<void> {
  expectFlagsAsDefined(office, step);
  const db = store(office);
  for (const [sort, column] of Object.entries(sorts) as [keyof typeof sorts, string][]) {
    for (const direction of ['asc', 'desc'] as const) {
      const name = q ? `AND p.name_fold >= @q AND p.name_fold < @q || char(1114111)` : '';
      const total = db.prepare(`SELECT count(*) FROM persons p WHERE p.deleted_at IS NULL AND p.id IN (${REFERENCE}) ${name}`).pluck().get(q ? { q } : {});
      // Three rows a page: the pages after the first are read too.
      for (const offset of [0, 3]) {
        const page = expectOk(await office.call('persons.list', { scope: 'subjects', q, sort, direction, offset, limit: 3 }));
        const expected = db
          .prepare(`SELECT p.id FROM persons p WHERE p.deleted_at IS NULL AND p.id IN (${REFERENCE}) ${name} ORDER BY ${column} ${direction}, p.id LIMIT 3 OFFSET ${offset}`)
          .pluck()
          .all(q ? { q } : {});
        expect(page.rows.map((row) => row.id), `${step}: ${sort} ${direction} from ${offset}`).toEqual(expected);
        expect(page.total, `${step}: total`).toBe(total);
      }
    }
  }
}

/** The filters that read other indexes (a place names the Đối tượng's own; a program kind reads its persons once), each against the reference. */
async function expectFiltersAsDefined(office: TestOffice, step: string): Promise<void> {
  const db = store(office);
  const officeId = db.prepare('SELECT office_id FROM persons LIMIT 1').pluck().get() as string;
  const localityId = db.prepare('SELECT locality_id FROM persons WHERE locality_id IS NOT NULL LIMIT 1').pluck().get() as string;
  const filters: [Record<string, string>, string, string][] = [
    [{ officeId }, 'p.office_id = ?', officeId],
    [{ localityId }, 'p.locality_id = ?', localityId],
    [{ programKind: 'drug_user' }, "EXISTS (SELECT 1 FROM programs g WHERE g.person_id = p.id AND g.kind_code = ? AND g.status = 'active' AND g.deleted_at IS NULL)", 'drug_user'],
  ];
  for (const [filter, condition, value] of filters) {
    for (const sort of Object.keys(sorts) as (keyof typeof sorts)[]) {
      const expected = db.prepare(`SELECT p.id FROM persons p WHERE p.deleted_at IS NULL AND p.id IN (${REFERENCE}) AND ${condition} ORDER BY ${sorts[sort]}, p.id`).pluck().all(value);
      const page = expectOk(await office.call('persons.list', { scope: 'subjects', sort, limit: 100, ...filter }));
      expect(page.rows.map((row) => row.id), `${step}: ${JSON.stringify(filter)} by ${sort}`).toEqual(expected);
      expect(page.total).toBe(expected.length);
      // The second row on its own page, then a page past the end: the total is the same.
      const second = expectOk(await office.call('persons.list', { scope: 'subjects', sort, limit: 1, offset: 1, ...filter }));
      expect([second.rows.map((row) => row.id), second.total]).toEqual([expected.slice(1, 2), expected.length]);
      const past = expectOk(await office.call('persons.list', { scope: 'subjects', sort, limit: 1, offset: expected.length, ...filter }));
      expect([past.rows, past.total]).toEqual([[], expected.length]);
    }
  }
}

async function person(office: TestOffice, fullName: string, birthYear: number, localityId?: string): Promise<string> {
  return expectOk(await office.call('persons.create', { fullName, birthYear, ...(localityId ? { localityId } : {}) })).id;
}

async function report(office: TestOffice, summary: string, persons: { personId: string; role: PersonRole }[]) {
  return expectOk(await office.call('reports.create', { receivedAt: vn('2026-11-01'), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary, persons }));
}

async function enrol(a: TestOffice, b: TestOffice, roleOfB: 'parent' | 'child'): Promise<string> {
  const card = expectOk(await b.call('exchange.identity', {}));
  const seen = expectOk(await a.call('exchange.inspectKey', { publicKey: card.publicKeyFile }));
  return expectOk(await a.call('exchange.enrol', { publicKey: card.publicKeyFile, role: roleOfB, fingerprint: seen.fingerprint })).keyId;
}

/** A records bundle from `from` to the peer, applied at `to` through the calls. */
async function sendBundle(from: TestOffice, peerKeyId: string, to: TestOffice): Promise<void> {
  const exported = expectOk(await from.call('exchange.export', { recipients: [peerKeyId], mode: 'delta', kind: 'records' }));
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = expectOk(await from.call('exchange.download', { bundleId: exported.bundleId, offset }));
    const bytes = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) break;
  }
  const bundle = Buffer.concat(parts);
  // The flag is each store's own reading: a bundle never carries it.
  expect(bundle.includes(Buffer.from('"subject"'))).toBe(false);
  const uploadId = expectOk(await to.call('exchange.upload', { uploadId: null, offset: 0, dataBase64: bundle.toString('base64') })).uploadId;
  expectOk(await to.call('exchange.apply', { uploadId }));
}

describe('the Đối tượng flag (issue #23): the list equals the definition it replaces after every kind of write', () => {
  it('suspects in live and voided reports, links removed, programs ended, un-voided reports, a merge, an exchange bundle and an old register imported', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const commune = await createOffice({ now: clock.now });
    const province = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
    commune.stayLoggedIn();
    province.stayLoggedIn();
    const provinceKey = await enrol(commune, province, 'parent');
    await enrol(province, commune, 'child');

    const names = ['Lê Văn Cường', 'Bùi Văn Hải', 'Đỗ Văn Đức', 'Lê Thị Mai', 'Nguyễn Văn An', 'Lê Văn Bình', 'Phạm Thị Dung', 'Hoàng Văn Em'];
    const ids: string[] = [];
    const localities = expectOk(await commune.call('localities.list', {})).map((locality) => locality.id);
    for (const [i, name] of names.entries()) ids.push(await person(commune, name, 1980 + ((i * 7) % 11), localities[i % 2]));
    const [cuong, hai, duc, mai, an, binh, dung, em] = ids as [string, string, string, string, string, string, string, string];
    await expectListAsDefined(commune, 'persons only');

    const live = await report(commune, 'Trộm cắp tại chợ', [{ personId: cuong, role: 'suspect' }, { personId: hai, role: 'victim' }, { personId: mai, role: 'suspect' }]);
    const voided = await report(commune, 'Nhập nhầm', [{ personId: duc, role: 'suspect' }, { personId: binh, role: 'suspect' }]);
    await expectListAsDefined(commune, 'two reports');
    await expectListAsDefined(commune, 'two reports, "le"', 'le');
    const voidedNow = expectOk(await commune.call('reports.void', { id: voided.id, baseVersion: voided.version, reason: 'Nhập trùng' }));
    await expectListAsDefined(commune, 'a report voided');
    expect(store(commune).prepare('SELECT subject FROM persons WHERE id = ?').pluck().get(duc)).toBe(0);

    // A person taken off a report, another named a suspect in their place.
    expectOk(await commune.call('reports.update', { id: live.id, baseVersion: live.version, fields: { persons: [{ personId: cuong, role: 'suspect' }, { personId: hai, role: 'suspect' }] } }));
    await expectListAsDefined(commune, 'links changed');
    expect(store(commune).prepare('SELECT subject FROM persons WHERE id = ?').pluck().get(mai)).toBe(0);

    const program = expectOk(await commune.call('programs.create', { personId: an, kindCode: 'drug_user', startDate: '2026-05-01' }));
    const other = expectOk(await commune.call('programs.create', { personId: dung, kindCode: 'drug_user', startDate: '2026-05-01' }));
    await expectListAsDefined(commune, 'programs');
    expectOk(await commune.call('programs.end', { id: program.id, baseVersion: program.version, on: '2026-10-01', reason: 'completed' }));
    await expectListAsDefined(commune, 'a program ended');
    await expectFiltersAsDefined(commune, 'a program ended');
    // A voided program (a bundle can bring one) puts nobody under its kind, not even a Đối tượng for another reason.
    const voidedProgram = expectOk(await commune.call('programs.create', { personId: cuong, kindCode: 'drug_user', startDate: '2026-05-01' }));
    store(commune).prepare('UPDATE programs SET deleted_at = 1 WHERE id = ?').run(voidedProgram.id);
    await expectFiltersAsDefined(commune, 'a program voided');
    expect(expectOk(await commune.call('persons.list', { scope: 'subjects', programKind: 'drug_user', limit: 100 })).rows.map((row) => row.id)).not.toContain(cuong);

    // A merge moves the links and the program of the dropped record to the kept one.
    const keep = expectOk(await commune.call('persons.get', { id: em }));
    const drop = expectOk(await commune.call('persons.get', { id: dung }));
    expectOk(await commune.call('persons.merge', { keepId: em, keepVersion: keep.version, dropId: dung, dropVersion: drop.version }));
    await expectListAsDefined(commune, 'merged');
    expect(store(commune).prepare('SELECT id FROM persons WHERE subject = 1 AND id IN (?, ?)').pluck().all(em, dung)).toEqual([em]);

    // The province takes all of it in one bundle.
    await sendBundle(commune, provinceKey, province);
    await expectListAsDefined(province, 'first bundle');
    expect(expectOk(await province.call('persons.list', { scope: 'subjects', limit: 100 })).total).toBeGreaterThan(0);

    // Changes after the first bundle: a link removed, a program ended, a report voided, all sent as a delta.
    const liveNow = expectOk(await commune.call('reports.get', { id: live.id }));
    expectOk(await commune.call('reports.update', { id: live.id, baseVersion: liveNow.version, fields: { persons: [{ personId: hai, role: 'witness' }] } }));
    const otherNow = expectOk(await commune.call('programs.get', { id: other.id }));
    expectOk(await commune.call('programs.end', { id: other.id, baseVersion: otherNow.version, on: '2026-10-15', reason: 'completed' }));
    await report(commune, 'Đánh nhau', [{ personId: binh, role: 'suspect' }]);
    await expectListAsDefined(commune, 'second round');
    await sendBundle(commune, provinceKey, province);
    await expectListAsDefined(province, 'second bundle');
    await expectFiltersAsDefined(province, 'second bundle');

    // A report brought back (a conflict settled for the other side can do it) names its suspects again.
    store(commune).prepare('UPDATE reports SET deleted_at = NULL WHERE id = ?').run(voidedNow.id);
    await expectListAsDefined(commune, 'un-voided');
    expect(store(commune).prepare('SELECT subject FROM persons WHERE id = ?').pluck().get(duc)).toBe(1);

    // An old register imported and undone: reports without persons; the Đối tượng stay as they were.
    const before = store(commune).prepare('SELECT id FROM persons WHERE subject = 1 ORDER BY id').pluck().all();
    const uploadId = await uploadLegacy((n, input) => commune.call(n, input) as never, 'so-tin-bao-2019.xlsx', await workbookBytes([tcvn3Register(encodeTcvn3)]));
    const options: CallInput<'legacy.apply'> = { uploadId };
    expectOk(await commune.call('legacy.apply', options));
    await expectListAsDefined(commune, 'legacy import');
    const [imported] = expectOk(await commune.call('legacy.imports', {}));
    expectOk(await commune.call('legacy.undo', { importId: imported!.id, reason: 'Nhập thử' }));
    await expectListAsDefined(commune, 'legacy undo');
    expect(store(commune).prepare('SELECT id FROM persons WHERE subject = 1 ORDER BY id').pluck().all()).toEqual(before);
  });

  it('a random sequence of writes, through the calls and straight to the tables, compared after each', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const office = await createOffice({ now: clock.now });
    office.stayLoggedIn();
    const db = store(office);
    let state = 23;
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
    const roles: PersonRole[] = ['suspect', 'suspect', 'victim', 'witness', 'reporter'];
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Lan', 'Long'];
    for (let i = 0; i < 8; i += 1) await person(office, `Lê Văn ${given[i]!}`, 1970 + i);
    const ids = (sql: string) => db.prepare(sql).pluck().all() as string[];
    const row = <T>(sql: string, id: string) => db.prepare(sql).get(id) as T;
    const ops: Record<string, () => Promise<void>> = {
      person: async () => void (await person(office, `Nguyễn Văn ${pick(given)!}`, 1960 + Math.floor(next() * 40))),
      report: async () => {
        const named = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(ids('SELECT id FROM persons WHERE deleted_at IS NULL'))!))];
        await report(office, 'Tin báo', named.map((personId) => ({ personId, role: pick(roles)! })));
      },
      void: async () => {
        const id = pick(ids('SELECT id FROM reports WHERE deleted_at IS NULL'));
        if (id) expectOk(await office.call('reports.void', { id, baseVersion: row<{ version: string }>('SELECT version FROM reports WHERE id = ?', id).version, reason: 'Nhập nhầm' }));
      },
      relink: async () => {
        const id = pick(ids('SELECT id FROM reports WHERE deleted_at IS NULL'));
        if (!id) return;
        const named = [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(ids('SELECT id FROM persons WHERE deleted_at IS NULL'))!))];
        const version = row<{ version: string }>('SELECT version FROM reports WHERE id = ?', id).version;
        expectOk(await office.call('reports.update', { id, baseVersion: version, fields: { persons: named.map((personId) => ({ personId, role: pick(roles)! })) } }));
      },
      program: async () => {
        const personId = pick(ids('SELECT id FROM persons WHERE deleted_at IS NULL'))!;
        expectOk(await office.call('programs.create', { personId, kindCode: 'drug_user', startDate: '2026-05-01' }));
      },
      end: async () => {
        const id = pick(ids("SELECT id FROM programs WHERE status = 'active' AND deleted_at IS NULL"));
        if (id) expectOk(await office.call('programs.end', { id, baseVersion: row<{ version: string }>('SELECT version FROM programs WHERE id = ?', id).version, on: '2026-10-01', reason: 'completed' }));
      },
      merge: async () => {
        const [keep, drop] = [pick(ids('SELECT id FROM persons WHERE deleted_at IS NULL')), pick(ids('SELECT id FROM persons WHERE deleted_at IS NULL'))];
        if (!keep || !drop || keep === drop) return;
        const version = (id: string) => row<{ version: string }>('SELECT version FROM persons WHERE id = ?', id).version;
        expectOk(await office.call('persons.merge', { keepId: keep, keepVersion: version(keep), dropId: drop, dropVersion: version(drop) }));
      },
      // Straight to the tables: what an exchange or a repair can do that no call does.
      unvoid: async () => {
        const id = pick(ids('SELECT id FROM reports WHERE deleted_at IS NOT NULL'));
        if (id) db.prepare('UPDATE reports SET deleted_at = NULL WHERE id = ?').run(id);
      },
      voidProgram: async () => {
        const id = pick(ids('SELECT id FROM programs WHERE deleted_at IS NULL'));
        if (id) db.prepare('UPDATE programs SET deleted_at = 1 WHERE id = ?').run(id);
      },
      reopenProgram: async () => {
        const id = pick(ids("SELECT id FROM programs WHERE status = 'ended'"));
        if (id) db.prepare("UPDATE programs SET status = 'active', deleted_at = NULL WHERE id = ?").run(id);
      },
      role: async () => {
        const id = pick(ids('SELECT id FROM report_persons'));
        if (id) db.prepare('UPDATE report_persons SET role = ? WHERE id = ?').run(pick(roles), id);
      },
      unremove: async () => {
        const id = pick(ids('SELECT id FROM report_persons WHERE deleted_at IS NOT NULL'));
        if (id) db.prepare('UPDATE report_persons SET deleted_at = NULL WHERE id = ?').run(id);
      },
      deleteLink: async () => {
        const id = pick(ids('SELECT id FROM report_persons'));
        if (id) db.prepare('DELETE FROM report_persons WHERE id = ?').run(id);
      },
    };
    const names = Object.keys(ops);
    const done: string[] = [];
    for (let step = 0; step < 150; step += 1) {
      const op = pick(names)!;
      await ops[op]!();
      done.push(op);
      expectFlagsAsDefined(office, `after ${done.join(', ')}`);
      if (step % 25 === 24) await expectListAsDefined(office, `step ${step}`);
    }
    // The sequence did reach both states.
    expect(db.prepare('SELECT count(*) FROM persons WHERE subject = 1').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM persons WHERE subject = 0').pluck().get()).toBeGreaterThan(0);
  });
});
