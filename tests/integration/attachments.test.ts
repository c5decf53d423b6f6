import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, cleanFileName, sniffAttachmentType } from '../../api/calls/attachments';
import type { CallInput } from '../../api/contract';
import { attachmentFile } from '../../db/attachments';
import { verifyAuditChain } from '../../db/audit';
import { addUser, cleanup, createOffice, expectError, expectOk, type TestOffice } from '../support/backend';

afterEach(cleanup);

const OFFICER = { username: 'huong.tt', password: 'Hương-2026-an-ninh-Tràm-Chim', fullName: 'Trần Thị Hương' };
/** A string that must never appear in the stored file. */
const SECRET = 'BIEN-BAN-KHAM-NGHIEM-XE-59X1-23456';

/** A small but valid PDF: one page with a line of text, and a cross-reference table with real offsets. */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function newReport(office: TestOffice) {
  return expectOk(
    await office.call('reports.create', {
      receivedAt: Date.parse('2026-03-02T10:00:00+07:00'),
      channel: 'in_person',
      kind: 'crime_report',
      categoryCode: 'theft',
      summary: 'Mất trộm xe máy',
    }),
  );
}

function upload(ownerId: string, fileName: string, bytes: Buffer): CallInput<'attachments.add'> {
  return { ownerTable: 'reports', ownerId, fileName, dataBase64: bytes.toString('base64') };
}

function storedFiles(office: TestOffice): string[] {
  const dir = office.backend.paths.attachments;
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function rowCount(office: TestOffice): number {
  return (office.backend.requireStore().sql.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;
}

function fileOf(office: TestOffice, id: string): string {
  return attachmentFile(office.backend.paths.attachments, id);
}

describe('adding and opening attachments', () => {
  it('keeps a PDF and a PNG encrypted, lists them on the report, and opens the same bytes', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const pdf = minimalPdf(SECRET);
    const added = expectOk(await office.call('attachments.add', upload(report.id, 'Biên bản khám nghiệm.pdf', pdf)));
    expect(added).toMatchObject({ fileName: 'Biên bản khám nghiệm.pdf', mime: 'application/pdf', size: pdf.length, sha256: sha256(pdf) });
    const photo = expectOk(await office.call('attachments.add', upload(report.id, 'hiện trường.png', PNG)));
    expect(photo.mime).toBe('image/png');

    const listed = expectOk(await office.call('attachments.list', { ownerTable: 'reports', ownerId: report.id }));
    expect(listed.map((a) => a.id)).toEqual([added.id, photo.id]);
    const detail = expectOk(await office.call('reports.get', { id: report.id }));
    expect(detail.attachments).toEqual(listed);

    const opened = expectOk(await office.call('attachments.open', { id: added.id }));
    const bytes = Buffer.from(opened.dataBase64, 'base64');
    expect(bytes.equals(pdf)).toBe(true);
    expect(opened).toMatchObject({ fileName: added.fileName, mime: 'application/pdf', size: pdf.length, sha256: sha256(bytes) });
    expect(Buffer.from(expectOk(await office.call('attachments.open', { id: photo.id })).dataBase64, 'base64').equals(PNG)).toBe(true);

    // On disk: one file per attachment, named by id, encrypted.
    expect(storedFiles(office)).toEqual([`${added.id}.bin`, `${photo.id}.bin`].sort());
    const stored = readFileSync(fileOf(office, added.id));
    expect(stored.includes(Buffer.from(SECRET))).toBe(false);
    expect(stored.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    expect(stored.subarray(0, 8).toString('ascii')).toBe('SOANTT-A');
    expect(stored.length).toBe(pdf.length + 9 + 12 + 16);
  });

  it('takes JPEG, WebP and TIFF by their content, whatever the name says', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([52, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(44, 1)]);
    const tiff = Buffer.concat([Buffer.from([0x4d, 0x4d, 0x00, 0x2a]), Buffer.alloc(60, 2)]);
    expect(expectOk(await office.call('attachments.add', upload(report.id, 'anh.pdf', jpeg))).mime).toBe('image/jpeg');
    expect(expectOk(await office.call('attachments.add', upload(report.id, 'anh.webp', webp))).mime).toBe('image/webp');
    expect(expectOk(await office.call('attachments.add', upload(report.id, 'scan.tif', tiff))).mime).toBe('image/tiff');
  });

  it('an officer can add and open; a session without login gets auth.required', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    await addUser(office, OFFICER);
    const officer = await office.login(OFFICER.username, OFFICER.password);
    const added = expectOk(await office.callAs(officer, 'attachments.add', upload(report.id, 'đơn trình báo.png', PNG)));
    const opened = expectOk(await office.callAs(officer, 'attachments.open', { id: added.id }));
    expect(Buffer.from(opened.dataBase64, 'base64').equals(PNG)).toBe(true);

    const anonymous = office.backend.sessions.create(office.backend.now());
    expectError(await office.callAs(anonymous, 'attachments.add', upload(report.id, 'x.png', PNG)), 'auth.required');
    expectError(await office.callAs(anonymous, 'attachments.open', { id: added.id }), 'auth.required');
    expectError(await office.callAs(anonymous, 'attachments.list', { ownerTable: 'reports', ownerId: report.id }), 'auth.required');
    expectError(await office.callAs(anonymous, 'attachments.void', { id: added.id, reason: 'Nhầm' }), 'auth.required');
    expect(rowCount(office)).toBe(1);
  });

  it('keeps the name the user gave, without path or control characters', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const added = expectOk(await office.call('attachments.add', upload(report.id, '  C:\\fakepath\\Ảnh\u202Egnp.exe\u0000  ', PNG)));
    expect(added.fileName).toBe('Ảnhgnp.exe');
    expect(added.mime).toBe('image/png');
    // Half of an emoji would be stored as U+FFFD: it is dropped, and the name reads back as shown.
    const halved = expectOk(await office.call('attachments.add', upload(report.id, 'Ảnh \ud83d.png', PNG)));
    expect(halved.fileName).toBe('Ảnh .png');
    expect(expectOk(await office.call('attachments.open', { id: halved.id })).fileName).toBe('Ảnh .png');
    const error = expectError(await office.call('attachments.add', upload(report.id, ' /tmp/ ', PNG)), 'validation');
    expect(error.fields).toEqual({ fileName: 'v.required' });
  });
});

describe('opening checks the content', () => {
  it('one flipped byte in the stored file is attachment.corrupt, never wrong bytes', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const pdf = minimalPdf(SECRET);
    const added = expectOk(await office.call('attachments.add', upload(report.id, 'bb.pdf', pdf)));
    const path = fileOf(office, added.id);
    const stored = readFileSync(path);
    stored[Math.floor(stored.length / 2)]! ^= 0x01;
    writeFileSync(path, stored);
    const error = expectError(await office.call('attachments.open', { id: added.id }), 'attachment.corrupt');
    expect(error.message).toMatch(/authentication tag/);
  });

  it('a missing file is attachment.corrupt', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const added = expectOk(await office.call('attachments.add', upload(report.id, 'bb.png', PNG)));
    rmSync(fileOf(office, added.id));
    expect(expectError(await office.call('attachments.open', { id: added.id }), 'attachment.corrupt').message).toMatch(/missing/);
  });

  it("another attachment's file put in its place is attachment.corrupt: each file has its own key", async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const a = expectOk(await office.call('attachments.add', upload(report.id, 'a.png', PNG)));
    const b = expectOk(await office.call('attachments.add', upload(report.id, 'b.png', PNG)));
    writeFileSync(fileOf(office, b.id), readFileSync(fileOf(office, a.id)));
    expectError(await office.call('attachments.open', { id: b.id }), 'attachment.corrupt');
    expectOk(await office.call('attachments.open', { id: a.id }));
  });
});

describe('what is refused, with nothing written', () => {
  it('an executable, an ELF binary or a text file named .pdf is attachment.type', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const refused = [
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(100)]),
      Buffer.from('Đây là tệp văn bản, không phải PDF.\n', 'utf8'),
      Buffer.from(' %PDF-1.4 but not at the start'),
    ];
    for (const bytes of refused) expectError(await office.call('attachments.add', upload(report.id, 'bien-ban.pdf', bytes)), 'attachment.type');
    expect(rowCount(office)).toBe(0);
    expect(storedFiles(office)).toEqual([]);
  });

  it('one byte over 50 MiB is attachment.too_large', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    big.write('%PDF-1.7\n', 'latin1');
    const error = expectError(await office.call('attachments.add', upload(report.id, 'ho-so.pdf', big)), 'attachment.too_large');
    expect(error.params).toEqual({ maxBytes: ATTACHMENT_MAX_BYTES });
    expect(rowCount(office)).toBe(0);
    expect(storedFiles(office)).toEqual([]);
  });

  it('exactly 50 MiB is kept and opens whole', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const limit = Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20);
    limit.write('%PDF-1.7\n', 'latin1');
    const added = expectOk(await office.call('attachments.add', upload(report.id, 'ho-so.pdf', limit)));
    expect(added.size).toBe(ATTACHMENT_MAX_BYTES);
    const opened = expectOk(await office.call('attachments.open', { id: added.id }));
    expect(opened.sha256).toBe(sha256(limit));
    expect(opened.dataBase64.length).toBe(4 * Math.ceil(ATTACHMENT_MAX_BYTES / 3));
  });

  it('a voided report or a report that does not exist takes no attachment', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    expectOk(await office.call('reports.void', { id: report.id, baseVersion: report.version, reason: 'Nhập trùng' }));
    expectError(await office.call('attachments.add', upload(report.id, 'a.png', PNG)), 'record.voided');
    expectError(await office.call('attachments.add', upload('01900000-0000-7000-8000-000000000001', 'a.png', PNG)), 'record.not_found');
    expect(rowCount(office)).toBe(0);
    expect(storedFiles(office)).toEqual([]);
  });

  it('content that is not strict base64 is a validation error; an empty file too', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const base64 = PNG.toString('base64');
    for (const dataBase64 of [`${base64.slice(0, 20)}\n${base64.slice(20)}`, base64.replace(/=+$/, ''), base64.replace(/\+/g, '-'), 'iVBORw0KGgo*AAAA', '']) {
      const error = expectError(await office.call('attachments.add', { ownerTable: 'reports', ownerId: report.id, fileName: 'a.png', dataBase64 }), 'validation');
      expect(error.fields?.dataBase64).toMatch(/^v\./);
    }
    expect(rowCount(office)).toBe(0);
  });
});

describe('voiding and audit', () => {
  it('voiding hides the attachment from the report but keeps its record and its file', async () => {
    const office = await createOffice();
    const report = await newReport(office);
    const keep = expectOk(await office.call('attachments.add', upload(report.id, 'giữ.png', PNG)));
    const wrong = expectOk(await office.call('attachments.add', upload(report.id, 'nhầm vụ việc.png', PNG)));
    expect(expectOk(await office.call('attachments.void', { id: wrong.id, reason: 'Đính kèm nhầm vụ việc' }))).toBeNull();

    expect(expectOk(await office.call('attachments.list', { ownerTable: 'reports', ownerId: report.id })).map((a) => a.id)).toEqual([keep.id]);
    expect(expectOk(await office.call('reports.get', { id: report.id })).attachments.map((a) => a.id)).toEqual([keep.id]);
    const row = office.backend.requireStore().sql.prepare('SELECT deleted_at, void_reason FROM attachments WHERE id = ?').get(wrong.id) as {
      deleted_at: number | null;
      void_reason: string | null;
    };
    expect(row.deleted_at).not.toBeNull();
    expect(row.void_reason).toBe('Đính kèm nhầm vụ việc');
    expect(existsSync(fileOf(office, wrong.id))).toBe(true);
    expectError(await office.call('attachments.void', { id: wrong.id, reason: 'Lần nữa' }), 'record.voided');
  });

  it('adding, voiding and every opening are in the audit log, and the chain holds', async () => {
    const office = await createOffice();
    await addUser(office, OFFICER);
    const officer = await office.login(OFFICER.username, OFFICER.password);
    const officerId = expectOk(await office.callAs(officer, 'auth.session', {}))?.user.id;
    const report = await newReport(office);
    const added = expectOk(await office.call('attachments.add', upload(report.id, 'a.png', PNG)));
    expectOk(await office.callAs(officer, 'attachments.open', { id: added.id }));
    expectOk(await office.call('attachments.open', { id: added.id }));
    expectOk(await office.call('attachments.void', { id: added.id, reason: 'Trùng' }));
    rmSync(fileOf(office, added.id));
    expectError(await office.call('attachments.open', { id: added.id }), 'attachment.corrupt');

    const sql = office.backend.requireStore().sql;
    const entries = sql.prepare("SELECT user_id, action, call FROM audit_log WHERE table_name = 'attachments' AND record_id = ? ORDER BY id").all(added.id);
    expect(entries).toEqual([
      { user_id: office.adminId, action: 'insert', call: 'attachments.add' },
      { user_id: officerId, action: 'read', call: 'attachments.open' },
      { user_id: office.adminId, action: 'read', call: 'attachments.open' },
      { user_id: office.adminId, action: 'void', call: 'attachments.void' },
      { user_id: office.adminId, action: 'open_failed', call: 'attachments.open' },
    ]);
    expect(verifyAuditChain(sql).ok).toBe(true);
  });
});

describe('the pure parts of the contract', () => {
  it('sniffs types by their first bytes only', () => {
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from([0x49, 0x49, 0x2a, 0x00]))).toBe('image/tiff');
    expect(sniffAttachmentType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });

  it('cleans file names and shortens long ones in the stem', () => {
    expect(cleanFileName('/home/cb/Tài liệu/scan 01.tif')).toBe('scan 01.tif');
    expect(cleanFileName('a\tb\u007fc.pdf')).toBe('abc.pdf');
    // Half of an emoji (a name cut by another program) is dropped; whole ones stay.
    expect(cleanFileName('ảnh\ud83d 👮\udc6e.png')).toBe('ảnh 👮.png');
    expect(cleanFileName('..')).toBe('');
    const long = cleanFileName(`${'Biên bản '.repeat(40)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
    // NFD from macOS comes back NFC.
    expect(cleanFileName('Ảnh.png'.normalize('NFD'))).toBe('Ảnh.png'.normalize('NFC'));
  });
});

describe('photos of people and of hotspot checks', () => {
  it('attaches a photo to a person and to a hotspot check', async () => {
    const office = await createOffice();
    const personId = expectOk(await office.call('persons.create', { fullName: 'Nguyễn Văn Ảnh' })).id;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('ảnh chân dung')]);
    const photo = expectOk(await office.call('attachments.add', { ownerTable: 'persons', ownerId: personId, fileName: 'chan-dung.png', dataBase64: png.toString('base64') }));
    expect(photo.mime).toBe('image/png');
    expect(expectOk(await office.call('attachments.list', { ownerTable: 'persons', ownerId: personId })).map((a) => a.id)).toEqual([photo.id]);
    const spot = expectOk(await office.call('hotspots.create', { name: 'Bãi đất trống cuối thôn', type: 'gambling', foundOn: '2026-03-01' }));
    const checked = expectOk(await office.call('hotspots.check', { hotspotId: spot.id, date: '2026-03-05', found: 'Có dấu hiệu tụ tập đánh bạc' }));
    const checkId = checked.checks[0]!.id;
    expectOk(await office.call('attachments.add', { ownerTable: 'hotspot_checks', ownerId: checkId, fileName: 'hien-truong.png', dataBase64: png.toString('base64') }));
    expect(expectOk(await office.call('attachments.list', { ownerTable: 'hotspot_checks', ownerId: checkId }))).toHaveLength(1);
    expectError(await office.call('attachments.add', { ownerTable: 'persons', ownerId: spot.id, fileName: 'x.png', dataBase64: png.toString('base64') }), 'record.not_found');
  });
});
