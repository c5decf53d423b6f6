import { describe, expect, it, afterEach } from 'vitest';
import type { CallInput } from '../../api/contract';
import { listBackups } from '../../db/backup';
import { proposeMapping } from '../../db/legacy/register-import';
import { ADMIN, addUser, cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';
import { storeFingerprint } from '../support/call-samples';
import { encodeTcvn3, encodeVni } from '../support/legacy-encode';
import { cp1258Bytes, tcvn3Register, uploadLegacy, workbookBytes, zipOf } from '../support/legacy-files';

afterEach(cleanup);

const NOW = Date.UTC(2026, 2, 15, 2, 0, 0);

async function office(): Promise<TestOffice> {
  const clock = manualClock(NOW);
  const o = await createOffice({ now: clock.now });
  // The day's backup, queued at the open, is done before the tests compare the store.
  await o.backend.backups.settled();
  return o;
}

const upload = (o: TestOffice, name: string, bytes: Buffer) => uploadLegacy((n, input) => o.call(n, input) as never, name, bytes);
const options = (uploadId: string, more: Partial<CallInput<'legacy.preview'>> = {}): CallInput<'legacy.preview'> => ({ uploadId, ...more });

async function reportsByQuery(o: TestOffice, q: string, includeVoided = false) {
  return expectOk(await o.call('reports.list', { filters: { q, includeVoided }, limit: 100 })).rows;
}

describe('proposing a mapping from the header words', () => {
  it('maps the usual headers, folded, each field once', () => {
    const headers = ['STT', 'Ngày tiếp nhận', 'Người báo Họ tên', 'Người báo Địa chỉ', 'Số điện thoại', 'Nội dung vụ việc', 'Ngày xảy ra', 'Kết quả giải quyết', 'Cán bộ thụ lý', 'Ghi chú'];
    expect(proposeMapping(headers)).toEqual([
      { column: 0, field: 'registerNo' },
      { column: 1, field: 'receivedAt' },
      { column: 2, field: 'reporterName' },
      { column: 3, field: 'reporterAddress' },
      { column: 4, field: 'reporterContact' },
      { column: 5, field: 'summary' },
      { column: 6, field: 'occurredOn' },
      { column: 7, field: 'status' },
      { column: 8, field: 'officer' },
      { column: 9, field: 'description' },
    ]);
    expect(proposeMapping(['SO TT', 'NGAY', 'NOI DUNG'])).toEqual([
      { column: 0, field: 'registerNo' },
      { column: 1, field: 'receivedAt' },
      { column: 2, field: 'summary' },
    ]);
  });
});

describe('importing an old crime-report register (issue 22)', () => {
  it('a TCVN3 workbook: dry run, import, search without diacritics, history, counters, matching, undo', async () => {
    const o = await office();
    const bytes = await workbookBytes([tcvn3Register(encodeTcvn3), { name: 'Cu', hidden: true, rows: [['x']] }]);
    const uploadId = await upload(o, 'so-tin-bao-2019.xlsx', bytes);
    const before = storeFingerprint(o.backend);

    const dry = expectOk(await o.call('legacy.preview', options(uploadId)));
    // The dry run changes nothing.
    expect(storeFingerprint(o.backend)).toEqual(before);
    expect(dry.sheets).toEqual([{ name: 'So tin bao', hidden: false, rows: 10 }, { name: 'Cu', hidden: true, rows: 1 }]);
    expect(dry.headerRow).toBe(3);
    expect(dry.columns.map((c) => [c.header, c.field, c.encoding])).toEqual([
      ['Số', 'registerNo', 'unicode'],
      ['Ngày tiếp nhận', 'receivedAt', 'tcvn3'],
      ['Người báo Họ tên', 'reporterName', 'tcvn3'],
      ['Người báo Địa chỉ', 'reporterAddress', 'tcvn3'],
      ['Nội dung', 'summary', 'tcvn3'],
      ['Ngày xảy ra', 'occurredOn', 'tcvn3'],
      ['Kết quả giải quyết', 'status', 'tcvn3'],
    ]);
    expect(dry.counts).toEqual({ rows: 7, new: 5, refused: 2, matched: 0, possible: 0, flagged: 1, writes: 5 });
    const byRow = new Map(dry.rows.map((r) => [r.row, r]));
    expect(byRow.get(4)).toMatchObject({ outcome: 'new', registerNo: 1, registerYear: 2019, receivedOn: '05/01/2019', summary: 'trộm cắp xe máy honda wave', reporterName: 'nguyễn văn hùng', status: 'resolved_admin' });
    expect(byRow.get(5)).toMatchObject({ outcome: 'new', receivedOn: '07/02/2019', status: 'transferred', issues: [{ field: 'occurredOn', reason: 'legacy.reason.date_kept_as_note', text: 'đầu tháng 2' }] });
    expect(byRow.get(6)).toMatchObject({ receivedOn: '15/03/2019', status: 'resolved_mediation' });
    expect(byRow.get(7)).toMatchObject({ outcome: 'refused', issues: [{ field: 'receivedAt', column: 1, reason: 'legacy.reason.date_not_a_date', text: 'không rõ' }] });
    expect(byRow.get(8)).toMatchObject({ outcome: 'refused', issues: [{ field: 'summary', reason: 'legacy.reason.required' }] });
    expect(byRow.get(9)).toMatchObject({ registerNo: 1, registerYear: 2020, status: 'decided:prosecute' });
    // Text that starts with "=" is text: never a formula.
    expect(byRow.get(10)).toMatchObject({ registerNo: 2, registerYear: 2020, receivedOn: '18/06/2020', summary: '=1+1', status: 'checking' });
    expect(dry.values).toEqual(expect.arrayContaining([{ field: 'status', word: 'đã giải quyết', value: 'resolved_admin', count: 3 }]));

    const applied = expectOk(await o.call('legacy.apply', options(uploadId)));
    expect(applied.counts).toEqual(dry.counts);
    expect(applied.importId).not.toBeNull();
    expect(listBackups(o.backend.paths.backups).some((b) => b.name === applied.backup && b.reason === 'before-import')).toBe(true);

    // Found by a search without diacritics, numbered as in the old register, settled.
    const found = await reportsByQuery(o, 'trom cap xe may');
    expect(found.map((r) => [r.number, r.summary, r.status, r.nextDueAt])).toEqual([['1/2019', 'trộm cắp xe máy honda wave', 'resolved_admin', null]]);
    expect((await reportsByQuery(o, 'nguyen van hung')).length).toBe(1);
    expect((await reportsByQuery(o, 'bui thi lan')).map((r) => [r.number, r.summary])).toEqual([['2/2020', '=1+1']]);

    // The history says where it came from.
    const history = expectOk(await o.call('reports.history', { id: found[0]!.id }));
    expect(history[0]).toMatchObject({ action: 'imported', imported: { fileName: 'so-tin-bao-2019.xlsx', sheet: 'So tin bao', row: 4 } });
    // Written by the bulk path and audited once for the file: the entry itself lists what the report held.
    expect(history[0]!.changes).toContainEqual({ field: 'summary', before: null, after: 'trộm cắp xe máy honda wave' });
    expect(history.some((entry) => entry.action === 'insert')).toBe(false);
    // A settled report's resolution note names the file and the row (made by the write, not planned); an open one has none.
    const notes = o.backend
      .requireStore()
      .sql.prepare("SELECT l.source_row, r.status, r.resolution_note FROM legacy_import_rows l JOIN reports r ON r.id = l.record_id WHERE l.import_id = ? ORDER BY l.source_row")
      .raw()
      .all(applied.importId);
    expect(notes).toEqual([
      [4, 'resolved_admin', 'Nhập từ sổ cũ (so-tin-bao-2019.xlsx, dòng 4)'],
      [5, 'transferred', ''],
      [6, 'resolved_mediation', 'Nhập từ sổ cũ (so-tin-bao-2019.xlsx, dòng 6)'],
      [9, 'decided', ''],
      [10, 'checking', ''],
    ]);

    // The counters moved past the numbers kept: a new report of 2020 takes 3/2020.
    const next = expectOk(
      await o.call('reports.create', { receivedAt: Date.UTC(2020, 11, 1, 2), channel: 'in_person', kind: 'crime_report', summary: 'Báo mất xe đạp' }),
    );
    expect(next.number).toBe('3/2020');

    // The same file again: what came in is matched, not doubled.
    const again = await upload(o, 'so-tin-bao-2019.xlsx', bytes);
    const second = expectOk(await o.call('legacy.preview', options(again)));
    expect(second.counts).toMatchObject({ new: 0, matched: 5, refused: 2 });
    expect(second.rows.find((r) => r.row === 4)?.matchedId).toBe(found[0]!.id);

    // Undo: voided with the reason, nothing deleted.
    const undone = expectOk(await o.call('legacy.undo', { importId: applied.importId!, reason: 'Nhập nhầm cột' }));
    expect(undone).toMatchObject({ records: 5, undoReason: 'Nhập nhầm cột' });
    expect(await reportsByQuery(o, 'trom cap xe may')).toEqual([]);
    const voided = await reportsByQuery(o, 'trom cap xe may', true);
    expect(voided.map((r) => [r.voided, r.voidReason])).toEqual([[true, 'Nhập nhầm cột']]);
    expectError(await o.call('legacy.undo', { importId: applied.importId!, reason: 'again' }), 'record.voided');
    expect(expectOk(await o.call('legacy.imports', {})).map((i) => [i.fileName, i.records, i.undoneAt !== null])).toEqual([['so-tin-bao-2019.xlsx', 5, true]]);
  });

  it('marks rows open on request (their deadlines run) and takes the user\'s encoding and words', async () => {
    const o = await office();
    const bytes = await workbookBytes([tcvn3Register(encodeTcvn3)]);
    const uploadId = await upload(o, 'so.xlsx', bytes);
    const dry = expectOk(
      await o.call('legacy.preview', options(uploadId, { openRows: [4], values: [{ field: 'status', word: 'chuyển công an huyện', value: 'resolved_admin' }], encodings: [{ column: 4, encoding: 'unicode' }] })),
    );
    const byRow = new Map(dry.rows.map((r) => [r.row, r]));
    expect(byRow.get(4)!.status).toBe('received');
    expect(byRow.get(5)!.status).toBe('resolved_admin');
    // Column 4 (the summary) read as Unicode: the TCVN3 bytes shown as they are.
    expect(byRow.get(4)!.summary).toBe(encodeTcvn3('trộm cắp xe máy honda wave'));
  });

  it('a VNI workbook and a Windows-1258 CSV come in converted', async () => {
    const o = await office();
    const vni = (t: string) => ({ value: encodeVni(t), font: 'VNI-Times' });
    const book = await workbookBytes([{ name: 'S', rows: [[vni('Số TT'), vni('Ngày'), vni('Nội dung')], [7, '7/12/2025', vni('Trộm cắp tài sản')]] }]);
    expectOk(await o.call('legacy.apply', options(await upload(o, 'vni.xlsx', book))));
    expect((await reportsByQuery(o, 'trom cap tai san')).map((r) => [r.number, r.summary])).toEqual([['7/2025', 'Trộm cắp tài sản']]);

    const csv = cp1258Bytes('Số;Ngày tiếp nhận;Nội dung;Người báo\n8;ngày 8 tháng 12 năm 2025;Đánh bạc ăn tiền;Nguyễn Thị Hường\n');
    const dry = expectOk(await o.call('legacy.apply', options(await upload(o, 'so.csv', csv))));
    expect(dry.byteEncoding).toBe('windows-1258');
    expect((await reportsByQuery(o, 'danh bac')).map((r) => [r.number, r.summary, r.reporterName])).toEqual([['8/2025', 'Đánh bạc ăn tiền', 'Nguyễn Thị Hường']]);
  });

  it('hostile and damaged files get a clear error and change nothing', async () => {
    const o = await office();
    const before = storeFingerprint(o.backend);
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) }]);
    const refusedWith = async (name: string, bytes: Buffer) => {
      const error = expectError(await o.call('legacy.apply', options(await upload(o, name, bytes))), 'validation');
      return error.fields?.file;
    };
    expect(await refusedWith('bomb.xlsx', bomb)).toBe('legacy.hostile');
    expect(await refusedWith('so.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('legacy.xls');
    const good = await workbookBytes([{ name: 'S', rows: [['Số', 'Ngày', 'Nội dung'], [1, '1/1/2025', 'a']] }]);
    expect(await refusedWith('cut.xlsx', good.subarray(0, 300))).toBe('legacy.damaged');
    const huge = await workbookBytes([{ name: 'S', rows: [['Số', 'Ngày', 'Nội dung'], [1, '1/1/2025', 'x'.repeat(40_000)]] }]);
    expect(await refusedWith('huge.xlsx', huge)).toBe('legacy.huge_cell');
    // A mapping without the summary or the date is refused before anything is read into the store.
    const id = await upload(o, 'ok.xlsx', good);
    expect(expectError(await o.call('legacy.apply', options(id, { mapping: [{ column: 0, field: 'registerNo' }] })), 'validation').fields).toEqual({ mapping: 'legacy.mapping_incomplete' });
    expect(storeFingerprint(o.backend)).toEqual(before);
  });

  it('is for chiefs and administrators: an officer is refused', async () => {
    const o = await office();
    await addUser(o, { username: 'canbo.tram', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Trần Văn Trâm', role: 'officer' });
    const officer = await o.login('canbo.tram', 'Hương-đi-chợ-Bến-Thành-sớm');
    expectError(await o.callAs(officer, 'legacy.upload', { uploadId: null, fileName: 'a.csv', offset: 0, dataBase64: '' }), 'auth.forbidden');
    expect(ADMIN.username).toBeTruthy();
  });
});
