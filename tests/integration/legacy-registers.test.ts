import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { proposePersonMapping } from '../../db/legacy/person-import';
import { proposeHotspotMapping } from '../../db/legacy/hotspot-import';
import { addUser, cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';
import { storeFingerprint } from '../support/call-samples';
import { encodeTcvn3, encodeVni } from '../support/legacy-encode';
import { tcvn3PersonsRegister, uploadLegacy, vniHotspotList, workbookBytes } from '../support/legacy-files';

afterEach(cleanup);

const NOW = Date.UTC(2026, 2, 15, 2, 0, 0);

async function office(): Promise<TestOffice> {
  const o = await createOffice({ now: manualClock(NOW).now });
  await o.backend.backups.settled();
  return o;
}

const upload = (o: TestOffice, name: string, bytes: Buffer) => uploadLegacy((n, input) => o.call(n, input) as never, name, bytes);
type Options = CallInput<'legacy.preview'>;

function auditCount(o: TestOffice, table: string): number {
  return (o.backend.requireStore().sql.prepare("SELECT count(*) AS n FROM audit_log WHERE call = 'legacy.apply' AND table_name = ?").get(table) as { n: number }).n;
}

describe('proposing a mapping for persons and hotspots', () => {
  it('maps the usual headers of each register, folded', () => {
    expect(proposePersonMapping(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Nơi thường trú', 'Diện quản lý', 'Ngày bắt đầu', 'Ngày kết thúc', 'Ghi chú', 'Cán bộ quản lý'])).toEqual([
      { column: 1, field: 'fullName' },
      { column: 2, field: 'birthDate' },
      { column: 3, field: 'citizenId' },
      { column: 4, field: 'permanentAddress' },
      { column: 5, field: 'programKind' },
      { column: 6, field: 'startDate' },
      { column: 7, field: 'endDate' },
      { column: 8, field: 'notes' },
      { column: 9, field: 'officer' },
    ]);
    expect(proposeHotspotMapping(['STT', 'TEN TU DIEM', 'Loai', 'Dia chi', 'Ngay phat hien', 'Tinh trang', 'Muc do'])).toEqual([
      { column: 1, field: 'name' },
      { column: 2, field: 'type' },
      { column: 3, field: 'address' },
      { column: 4, field: 'foundOn' },
      { column: 5, field: 'status' },
      { column: 6, field: 'risk' },
    ]);
  });
});

describe('importing a register of persons under management (issue 22)', () => {
  it('same citizen ID matched, same name and birth year only proposed and merged on confirmation, programs by the normal rules, undo', async () => {
    const o = await office();
    // Already on record: Hùng by his citizen ID, Tám by name and birth year only.
    const hung = expectOk(await o.call('persons.create', { fullName: 'Nguyễn Văn Hùng', birthYear: 1985, citizenId: '001085012345' })).id;
    const tam = expectOk(await o.call('persons.create', { fullName: 'Lê Văn Tám', birthYear: 1990 })).id;
    const bytes = await workbookBytes([tcvn3PersonsRegister(encodeTcvn3)]);
    const uploadId = await upload(o, 'so-quan-ly.xlsx', bytes);
    const before = storeFingerprint(o.backend);

    const dry = expectOk(await o.call('legacy.preview', { uploadId, register: 'persons' }));
    expect(storeFingerprint(o.backend)).toEqual(before);
    expect(dry.register).toBe('persons');
    expect(dry.headerRow).toBe(2);
    expect(dry.columns.filter((c) => c.field !== null).map((c) => [c.header, c.field, c.encoding])).toEqual([
      ['Họ và tên', 'fullName', 'tcvn3'],
      ['Năm sinh', 'birthDate', 'unicode'],
      ['Số CCCD', 'citizenId', 'unicode'],
      ['Nơi thường trú', 'permanentAddress', 'tcvn3'],
      ['Diện quản lý', 'programKind', 'tcvn3'],
      ['Ngày bắt đầu', 'startDate', 'unicode'],
      ['Ngày kết thúc', 'endDate', 'unicode'],
      ['Ghi chú', 'notes', 'tcvn3'],
    ]);
    expect(dry.counts).toEqual({ rows: 6, new: 1, refused: 3, matched: 1, possible: 1, flagged: 1, writes: 3 });
    const byRow = new Map(dry.rows.map((r) => [r.row, r]));
    expect(byRow.get(3)).toMatchObject({ outcome: 'matched', matchedId: hung, writes: true, shown: ['nguyễn văn hùng', '1985', '001085012345', 'programKind:drug_user', '10/01/2025', ''] });
    expect(byRow.get(4)).toMatchObject({ outcome: 'possible', writes: true, candidates: [{ id: tam, name: 'Lê Văn Tám', birthYear: 1990, citizenId: null }] });
    expect(byRow.get(5)).toMatchObject({ outcome: 'new', issues: [{ field: 'citizenId', reason: 'legacy.reason.old_id_kept_as_note', text: '123456789' }] });
    expect(byRow.get(6)).toMatchObject({ outcome: 'refused', issues: [{ field: 'startDate', reason: 'legacy.reason.required' }] });
    expect(byRow.get(7)).toMatchObject({ outcome: 'refused', issues: [{ field: 'fullName', reason: 'legacy.reason.required' }] });
    expect(byRow.get(8)).toMatchObject({ outcome: 'refused', issues: [{ field: 'programKind', reason: 'legacy.reason.unmapped', text: 'đi học' }] });

    // The user confirms row 4 is Tám: merged, not a second Tám.
    const options: Options = { uploadId, register: 'persons', merges: [{ row: 4, id: tam }] };
    const confirmed = expectOk(await o.call('legacy.preview', options));
    expect(confirmed.rows.find((r) => r.row === 4)).toMatchObject({ outcome: 'matched', matchedId: tam, candidates: [{ id: tam }] });
    // A merge into a record that was not proposed is refused.
    const wrong = expectOk(await o.call('legacy.preview', { ...options, merges: [{ row: 5, id: hung }] }));
    expect(wrong.rows.find((r) => r.row === 5)).toMatchObject({ outcome: 'refused', issues: [{ reason: 'legacy.reason.merge_gone' }] });

    const applied = expectOk(await o.call('legacy.apply', options));
    expect(applied.importId).not.toBeNull();
    expect(applied.counts).toMatchObject({ new: 1, matched: 2, writes: 3 });

    // One person each: Hùng and Tám got their programs, Bình is new with the old ID card and the source in his notes.
    const persons = async (q: string) => expectOk(await o.call('persons.list', { q, limit: 10 }));
    const binh = (await persons('tran van binh')).rows;
    expect(binh.map((p) => p.fullName)).toEqual(['trần văn bình']);
    const binhView = expectOk(await o.call('persons.get', { id: binh[0]!.id }));
    expect(binhView.notes).toBe('hay đi làm xa\nCMND cũ: 123456789\nNhập từ sổ cũ: so-quan-ly.xlsx, dòng 5');
    expect(binhView.birthYear).toBe(1979);
    expect((await persons('le van tam')).rows.map((p) => p.id)).toEqual([tam]);
    expect((await persons('nguyen van hung')).rows.map((p) => p.id)).toEqual([hung]);

    const programs = expectOk(await o.call('programs.list', { status: null, limit: 100 })).rows;
    const byPerson = new Map(programs.map((p) => [p.personId, p]));
    // 12 months of drug-user management from 10/01/2025 ended before the import: ended on its end date, completed.
    expect(byPerson.get(hung)).toMatchObject({ kindCode: 'drug_user', startDate: '2025-01-10', endDate: '2026-01-10', status: 'ended', endedOn: '2026-01-10', endReason: 'completed' });
    expect(byPerson.get(tam)).toMatchObject({ kindCode: 'post_rehab_voluntary', startDate: '2026-03-01', status: 'active', nextCheckinOn: expect.any(String) });
    // A kind without a fixed duration takes the register's end date.
    expect(byPerson.get(binh[0]!.id)).toMatchObject({ kindCode: 'released_prisoner', startDate: '2024-02-05', endDate: '2027-02-05', status: 'active' });
    // Through the write path: every record audited under the import's call.
    expect(auditCount(o, 'persons')).toBe(1);
    expect(auditCount(o, 'programs')).toBe(4); // three inserts, one update (the ended program)

    // The same file again: Hùng's program is there already; Bình and Tám are only proposed.
    const again = expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'so-quan-ly.xlsx', bytes), register: 'persons' }));
    expect(again.counts).toMatchObject({ matched: 1, possible: 2, new: 0 });
    expect(again.rows.find((r) => r.row === 3)).toMatchObject({ outcome: 'matched', writes: false, issues: [{ reason: 'legacy.reason.program_exists' }] });

    // Undo: the import's programs and the person it created are voided; the persons it only matched stay.
    const undone = expectOk(await o.call('legacy.undo', { importId: applied.importId!, reason: 'Nhập nhầm tệp' }));
    expect(undone).toMatchObject({ register: 'persons', records: 3, undoReason: 'Nhập nhầm tệp' });
    expect((await persons('tran van binh')).rows).toEqual([]);
    expect((await persons('le van tam')).rows.map((p) => p.id)).toEqual([tam]);
    expect(expectOk(await o.call('programs.list', { status: null, limit: 100 })).rows).toEqual([]);
  });

  it('a possible duplicate not confirmed comes in as a new person; a citizen ID twice in the file is refused', async () => {
    const o = await office();
    const tam = expectOk(await o.call('persons.create', { fullName: 'Lê Văn Tám', birthYear: 1990 })).id;
    const sheet = {
      name: 'S',
      rows: [
        ['Họ tên', 'Năm sinh', 'CCCD'],
        ['Lê Văn Tám', 1990, ''],
        ['Vũ Thị Hạnh', 1995, '001195000222'],
        ['Vũ Thị Hạnh', 1995, '001195000222'],
      ],
    };
    const uploadId = await upload(o, 'ds.xlsx', await workbookBytes([sheet]));
    const applied = expectOk(await o.call('legacy.apply', { uploadId, register: 'persons' }));
    expect(applied.counts).toMatchObject({ possible: 1, new: 1, refused: 1, writes: 2 });
    expect(applied.rows.find((r) => r.row === 4)).toMatchObject({ outcome: 'refused', issues: [{ field: 'citizenId', reason: 'legacy.reason.citizen_id_twice', text: '001195000222 (3)' }] });
    const tams = expectOk(await o.call('persons.list', { q: 'le van tam', limit: 10 })).rows;
    expect(tams.length).toBe(2);
    expect(tams.some((p) => p.id === tam)).toBe(true);
    // Persons only (no program kind chosen, no column): nothing under management.
    expect(expectOk(await o.call('programs.list', { status: null, limit: 10 })).rows).toEqual([]);
  });
});

describe('importing a watchlist of hotspots (issue 22)', () => {
  it('a VNI list: kinds, statuses and risks from the office\'s words, same name and address matched, same name only proposed', async () => {
    const o = await office();
    const ba = expectOk(await o.call('hotspots.create', { name: 'Nhà ông Ba', type: 'gambling', address: 'thôn đông', foundOn: '2025-06-01' })).id;
    const tu = expectOk(await o.call('hotspots.create', { name: 'Quán nước bà Tư', type: 'illegal_lottery', address: 'Xóm Chợ', foundOn: '2025-06-01' })).id;
    const uploadId = await upload(o, 'tu-diem.xlsx', await workbookBytes([vniHotspotList(encodeVni)]));
    const before = storeFingerprint(o.backend);
    const dry = expectOk(await o.call('legacy.preview', { uploadId, register: 'hotspots' }));
    expect(storeFingerprint(o.backend)).toEqual(before);
    expect(dry.counts).toEqual({ rows: 5, new: 1, refused: 2, matched: 1, possible: 1, flagged: 0, writes: 2 });
    const byRow = new Map(dry.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ outcome: 'possible', candidates: [{ id: tu, name: 'Quán nước bà Tư', address: 'Xóm Chợ' }], shown: ['Quán nước bà Tư', 'hotspotType.illegal_lottery', 'Thôn Đông', '12/05/2024', 'hotspotStatus.cleared'] });
    expect(byRow.get(3)).toMatchObject({ outcome: 'new', shown: ['Bãi đất trống ven đê', 'hotspotType.drug_use', 'Thôn Tây', '03/03/2025', 'hotspotStatus.active'] });
    expect(byRow.get(4)).toMatchObject({ outcome: 'matched', matchedId: ba });
    expect(byRow.get(5)).toMatchObject({ outcome: 'refused', issues: [{ field: 'name', reason: 'legacy.reason.required' }] });
    expect(byRow.get(6)).toMatchObject({ outcome: 'refused', issues: [{ field: 'type', reason: 'legacy.reason.unmapped', text: 'hát' }] });
    expect(dry.values).toEqual(expect.arrayContaining([{ field: 'risk', word: 'cao', value: 'high', count: 1 }]));

    const applied = expectOk(await o.call('legacy.apply', { uploadId, register: 'hotspots' }));
    expect(applied.counts.writes).toBe(2);
    const list = expectOk(await o.call('hotspots.list', { q: 'quan nuoc ba tu', limit: 10 })).rows;
    expect(list.length).toBe(2);
    const imported = list.find((h) => h.id !== tu)!;
    const view = expectOk(await o.call('hotspots.get', { id: imported.id }));
    expect(view).toMatchObject({ type: 'illegal_lottery', status: 'cleared', clearedOn: '2024-05-12', risk: 'low', foundOn: '2024-05-12', address: 'Thôn Đông' });
    expect(view.history.map((h) => [h.status, h.on])).toEqual([['suspected', '2024-05-12'], ['cleared', '2024-05-12']]);
    expect(view.description).toBe('Nhập từ sổ cũ: tu-diem.xlsx, dòng 2');
    const drugs = expectOk(await o.call('hotspots.list', { q: 'bai dat trong', limit: 10 })).rows;
    expect(drugs.map((h) => [h.type, h.status, h.risk])).toEqual([['drug_use', 'active', 'high']]);

    const undone = expectOk(await o.call('legacy.undo', { importId: applied.importId!, reason: 'Sai danh sách' }));
    expect(undone).toMatchObject({ register: 'hotspots', records: 2 });
    expect(expectOk(await o.call('hotspots.list', { q: 'quan nuoc ba tu', limit: 10 })).rows.map((h) => h.id)).toEqual([tu]);
  });
});

describe('saved mappings (issue 22)', () => {
  it('a mapping saved under a name is used again for the next file with the same headers; chiefs and administrators only', async () => {
    const o = await office();
    const bytes = await workbookBytes([tcvn3PersonsRegister(encodeTcvn3)]);
    const first = expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'a.xlsx', bytes), register: 'persons' }));
    expect(first.savedMapping).toBeNull();
    // The office's "đi học" is commune education; notes are not imported.
    const mapping = first.columns.filter((c) => c.field !== null && c.field !== 'notes').map((c) => ({ column: c.column, field: c.field as 'fullName' }));
    const saved = expectOk(
      await o.call('legacy.saveMapping', {
        register: 'persons',
        name: 'Sổ quản lý đối tượng',
        headers: first.columns.map((c) => c.header),
        mapping,
        values: [{ field: 'programKind', word: 'đi học', value: 'commune_education' }],
      }),
    );
    expect(saved).toMatchObject({ register: 'persons', name: 'Sổ quản lý đối tượng' });
    expect(expectOk(await o.call('legacy.mappings', { register: 'persons' })).map((m) => m.name)).toEqual(['Sổ quản lý đối tượng']);
    expect(expectOk(await o.call('legacy.mappings', { register: 'hotspots' }))).toEqual([]);

    const next = expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'b.xlsx', bytes), register: 'persons' }));
    expect(next.savedMapping).toBe('Sổ quản lý đối tượng');
    expect(next.columns.find((c) => c.header === 'Ghi chú')?.field).toBeNull();
    // "đi học" is read as the saved word says; commune education has no fixed duration, and this row gives no end.
    expect(next.rows.find((r) => r.row === 8)).toMatchObject({
      outcome: 'refused',
      shown: expect.arrayContaining(['programKind:commune_education']),
      issues: [{ field: 'endDate', reason: 'legacy.reason.end_required' }],
    });
    // A file with other headers does not get it.
    const other = await workbookBytes([{ name: 'S', rows: [['Họ tên', 'Năm sinh'], ['Vũ Văn An', 1990]] }]);
    expect(expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'c.xlsx', other), register: 'persons' })).savedMapping).toBeNull();
    // A field of another register is refused.
    const bad = expectError(await o.call('legacy.preview', { uploadId: await upload(o, 'd.xlsx', other), register: 'persons', mapping: [{ column: 0, field: 'summary' }] }), 'validation');
    expect(bad.fields).toEqual({ mapping: 'legacy.not_this_register' });

    await addUser(o, { username: 'canbo.tram', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Trần Văn Trâm', role: 'officer' });
    const officer = await o.login('canbo.tram', 'Hương-đi-chợ-Bến-Thành-sớm');
    expectError(await o.callAs(officer, 'legacy.saveMapping', { register: 'persons', name: 'x', headers: ['a'], mapping: [], values: [] }), 'auth.forbidden');
    expectError(await o.callAs(officer, 'legacy.mappings', { register: 'persons' }), 'auth.forbidden');
  });
});

describe('the import of old registers keeps the normal rules (issue 22, review)', () => {
  const sql = (o: TestOffice) => o.backend.requireStore().sql;

  it('an undone hotspot import voids the hotspots\' history too, so no figure counts them cleared', async () => {
    const o = await office();
    const uploadId = await upload(o, 'tu-diem.xlsx', await workbookBytes([vniHotspotList(encodeVni)]));
    const applied = expectOk(await o.call('legacy.apply', { uploadId, register: 'hotspots' }));
    const imported = (sql(o).prepare('SELECT record_id FROM legacy_import_rows WHERE import_id = ?').all(applied.importId) as { record_id: string }[]).map((r) => r.record_id);
    expect(imported.length).toBe(3);
    const liveHistory = () =>
      (sql(o).prepare(`SELECT count(*) AS n FROM hotspot_history WHERE deleted_at IS NULL AND hotspot_id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(imported)) as { n: number }).n;
    expect(liveHistory()).toBe(5); // found, then cleared; found, then active; found
    expectOk(await o.call('legacy.undo', { importId: applied.importId!, reason: 'Sai danh sách' }));
    // The figures of hotspots cleared in a period read the history (db/reports/figures.ts, hotspotChanges).
    expect(liveHistory()).toBe(0);
    const voided = sql(o).prepare("SELECT DISTINCT void_reason FROM hotspot_history WHERE hotspot_id IN (SELECT value FROM json_each(?))").all(JSON.stringify(imported));
    expect(voided).toEqual([{ void_reason: 'Sai danh sách' }]);
  });

  it('a hotspot of another office is not this office\'s: never matched, proposed or merged into', async () => {
    const o = await office();
    const ba = expectOk(await o.call('hotspots.create', { name: 'Nhà ông Ba', type: 'gambling', address: 'thôn đông', foundOn: '2025-06-01' })).id;
    const tu = expectOk(await o.call('hotspots.create', { name: 'Quán nước bà Tư', type: 'illegal_lottery', address: 'Xóm Chợ', foundOn: '2025-06-01' })).id;
    // As records received in a commune's bundle would be.
    sql(o).prepare("UPDATE hotspots SET office_id = 'office-of-a-commune' WHERE id IN (?, ?)").run(ba, tu);
    const uploadId = await upload(o, 'tu-diem.xlsx', await workbookBytes([vniHotspotList(encodeVni)]));
    const dry = expectOk(await o.call('legacy.preview', { uploadId, register: 'hotspots', merges: [{ row: 2, id: tu }] }));
    expect(dry.rows.find((r) => r.row === 4)).toMatchObject({ outcome: 'new', matchedId: null, candidates: [] });
    expect(dry.rows.find((r) => r.row === 2)).toMatchObject({ outcome: 'refused', candidates: [], issues: [{ reason: 'legacy.reason.merge_gone' }] });
  });

  it('a mapping is saved only if a file could use it: fields of its register, each once, the required ones', async () => {
    const o = await office();
    const headers = ['Họ tên', 'Năm sinh'];
    const save = (mapping: { column: number; field: 'fullName' | 'birthDate' | 'summary' | 'name' }[], register: 'persons' | 'hotspots' = 'persons') =>
      o.call('legacy.saveMapping', { register, name: 'Sổ A', headers, mapping, values: [] });
    expect(expectError(await save([{ column: 0, field: 'fullName' }, { column: 1, field: 'summary' }]), 'validation').fields).toEqual({ mapping: 'legacy.not_this_register' });
    expect(expectError(await save([{ column: 0, field: 'fullName' }, { column: 1, field: 'fullName' }]), 'validation').fields).toEqual({ mapping: 'legacy.mapped_twice' });
    expect(expectError(await save([{ column: 1, field: 'birthDate' }]), 'validation').fields).toEqual({ mapping: 'legacy.mapping_incomplete_persons' });
    expect(expectError(await save([{ column: 0, field: 'fullName' }], 'hotspots'), 'validation').fields).toEqual({ mapping: 'legacy.not_this_register' });
    expect(expectOk(await o.call('legacy.mappings', { register: 'persons' }))).toEqual([]);
    // So a file with these headers is still read with the mapping the app proposes.
    const other = await workbookBytes([{ name: 'S', rows: [headers, ['Vũ Văn An', 1990]] }]);
    expect(expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'c.xlsx', other), register: 'persons' })).counts.new).toBe(1);
  });

  it('a birth year after this year is no birth year: kept in the notes, as a birth date after today is', async () => {
    const o = await office();
    const sheet = { name: 'S', rows: [['Họ tên', 'Năm sinh'], ['Vũ Văn An', 2030], ['Vũ Văn Bình', '2031'], ['Vũ Văn Cường', '01/02/2030'], ['Vũ Văn Dũng', 1990]] };
    const dry = expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'ds.xlsx', await workbookBytes([sheet])), register: 'persons' }));
    expect(dry.counts).toMatchObject({ new: 4, flagged: 3 });
    for (const [row, text] of [[2, '2030'], [3, '2031'], [4, '01/02/2030']] as const) {
      expect(dry.rows.find((r) => r.row === row)).toMatchObject({ outcome: 'new', shown: expect.arrayContaining(['']), issues: [{ field: 'birthDate', reason: 'legacy.reason.birth_kept_as_note', text }] });
    }
    expect(dry.rows.find((r) => r.row === 5)).toMatchObject({ outcome: 'new', issues: [], shown: expect.arrayContaining(['1990']) });
  });

  it('each register says in its own words why a row is refused or flagged', async () => {
    const o = await office();
    const persons = { name: 'S', rows: [['Họ tên', 'CCCD', 'Cán bộ quản lý'], ['Vũ Văn An', '001090000111', 'Ông Khánh'], ['Vũ Văn An', '001090000111', '']] };
    const dry = expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'ds.xlsx', await workbookBytes([persons])), register: 'persons' }));
    expect(dry.rows.find((r) => r.row === 2)).toMatchObject({ outcome: 'new', issues: [{ field: 'officer', reason: 'legacy.reason.officer_kept_in_notes', text: 'Ông Khánh' }] });
    expect(dry.rows.find((r) => r.row === 3)).toMatchObject({ outcome: 'refused', issues: [{ field: 'citizenId', reason: 'legacy.reason.citizen_id_twice' }] });
    const hotspots = { name: 'S', rows: [['Tên tụ điểm', 'Loại', 'Địa chỉ', 'Ngày phát hiện'], ['Nhà ông Ba', 'cờ bạc', 'Thôn Đông', '01/01/2025'], ['Nhà Ông Ba', 'cờ bạc', 'thôn đông', '02/01/2025']] };
    const spots = expectOk(await o.call('legacy.preview', { uploadId: await upload(o, 'td.xlsx', await workbookBytes([hotspots])), register: 'hotspots' }));
    expect(spots.rows.find((r) => r.row === 3)).toMatchObject({ outcome: 'refused', issues: [{ field: 'name', reason: 'legacy.reason.hotspot_twice', text: 'Nhà Ông Ba (2)' }] });
    // Every reason a row can get reads in both languages (not its key).
    const { legacyReason } = await import('../../api/legacy-messages');
    for (const key of ['legacy.reason.citizen_id_twice', 'legacy.reason.hotspot_twice', 'legacy.reason.birth_kept_as_note', 'legacy.reason.officer_kept_in_notes']) {
      expect(legacyReason('vi', key)).not.toBe(key);
      expect(legacyReason('en', key)).not.toBe(key);
    }
  });

  it('the officer column names a user of the office (folded): the program is theirs', async () => {
    const o = await office();
    const userId = await addUser(o, { username: 'canbo.tram', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Trần Văn Trâm', role: 'officer' });
    const sheet = { name: 'S', rows: [['Họ tên', 'Năm sinh', 'Diện quản lý', 'Ngày bắt đầu', 'Cán bộ quản lý'], ['Vũ Văn An', 1990, 'sau cai', '01/03/2026', 'TRAN VAN TRAM']] };
    const applied = expectOk(await o.call('legacy.apply', { uploadId: await upload(o, 'ds.xlsx', await workbookBytes([sheet])), register: 'persons' }));
    expect(applied.rows[0]).toMatchObject({ outcome: 'new', issues: [] });
    expect(expectOk(await o.call('programs.list', { status: null, limit: 10 })).rows.map((p) => p.officerId)).toEqual([userId]);
  });

  it('two rows merged into the same person with the same program add it once', async () => {
    const o = await office();
    const tam = expectOk(await o.call('persons.create', { fullName: 'Lê Văn Tám', birthYear: 1990 })).id;
    const row = ['Lê Văn Tám', 1990, 'sau cai', '01/03/2026'];
    const sheet = { name: 'S', rows: [['Họ tên', 'Năm sinh', 'Diện quản lý', 'Ngày bắt đầu'], row, [...row]] };
    const uploadId = await upload(o, 'ds.xlsx', await workbookBytes([sheet]));
    const applied = expectOk(await o.call('legacy.apply', { uploadId, register: 'persons', merges: [{ row: 2, id: tam }, { row: 3, id: tam }] }));
    expect(applied.rows.find((r) => r.row === 3)).toMatchObject({ outcome: 'matched', writes: false, issues: [{ reason: 'legacy.reason.program_exists' }] });
    expect(expectOk(await o.call('programs.list', { status: null, limit: 10 })).rows.map((p) => [p.personId, p.kindCode, p.startDate])).toEqual([[tam, 'post_rehab_voluntary', '2026-03-01']]);
  });
});
