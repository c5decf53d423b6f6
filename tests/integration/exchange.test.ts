import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLE_MAX_BYTES } from '../../api/calls/exchange';
import type { ImportSummary } from '../../api/views';
import { verifyAuditChain } from '../../db/audit';
import { listBackups } from '../../db/backup';
import { inboxPath } from '../../db/exchange/files';
import type { PublicKeyFile } from '../../db/exchange/keys';
import { openSqlite } from '../../db/store';
import { cleanup, createOffice, expectError, expectOk, manualClock, tempDir, type ManualClock, type TestOffice } from '../support/backend';
import { PNG_BASE64, storeFingerprint } from '../support/call-samples';
import { contentOf, foreignOffice, handBundle } from '../support/exchange';
import { summaryComparisons } from '../support/summaries';

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const PROVINCE = { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher' as const, parentCode: '100', parentName: 'Bộ Công an' };

/** Each office enrols the other's public-key file, confirming the fingerprint as a person would. */
async function enrol(a: TestOffice, b: TestOffice, roleOfB: 'parent' | 'child' | 'sibling'): Promise<string> {
  const card = expectOk(await b.call('exchange.identity', {}));
  const seen = expectOk(await a.call('exchange.inspectKey', { publicKey: card.publicKeyFile }));
  expect(seen.fingerprint).toBe(card.fingerprint);
  return expectOk(await a.call('exchange.enrol', { publicKey: card.publicKeyFile, role: roleOfB, fingerprint: seen.fingerprint })).keyId;
}

/** Exports from `from` to the peer and stages the bytes at `to`, through the calls (download and upload in pieces). */
async function send(from: TestOffice, peerKeyId: string, to: TestOffice, mode: 'delta' | 'full' = 'delta', kind: 'records' | 'reference' = 'records') {
  const exported = expectOk(await from.call('exchange.export', { recipients: [peerKeyId], mode, kind }));
  const bytes = await download(from, exported.bundleId);
  return { exported, bytes, uploadId: await upload(to, bytes) };
}

async function download(office: TestOffice, bundleId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = expectOk(await office.call('exchange.download', { bundleId, offset }));
    parts.push(Buffer.from(chunk.dataBase64, 'base64'));
    offset += Buffer.from(chunk.dataBase64, 'base64').length;
    if (chunk.done) break;
  }
  return Buffer.concat(parts);
}

async function upload(office: TestOffice, bytes: Buffer): Promise<string> {
  return expectOk(await office.call('exchange.upload', { uploadId: null, offset: 0, dataBase64: bytes.toString('base64') })).uploadId;
}

async function importBytes(office: TestOffice, bytes: Buffer): Promise<{ preview: ImportSummary; applied: ImportSummary }> {
  const uploadId = await upload(office, bytes);
  const preview = expectOk(await office.call('exchange.preview', { uploadId }));
  const applied = expectOk(await office.call('exchange.apply', { uploadId }));
  return { preview, applied };
}

async function communeAndProvince() {
  const clock = manualClock(vn('2026-11-02'));
  const commune = await createOffice({ now: clock.now });
  const province = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
  const provinceKey = await enrol(commune, province, 'parent');
  const communeKey = await enrol(province, commune, 'child');
  return { clock, commune, province, provinceKey, communeKey };
}

const reportInput = (summary: string, date = '2026-11-01') => ({ receivedAt: vn(date), channel: 'phone' as const, kind: 'crime_report' as const, categoryCode: 'theft', summary });

async function report(office: TestOffice, summary: string, date = '2026-11-01') {
  return expectOk(await office.call('reports.create', reportInput(summary, date)));
}

/** An edit through reports.update, which takes the whole form: the original input with changes. */
function edit(office: TestOffice, id: string, baseVersion: string, fields: Partial<ReturnType<typeof reportInput>> & Record<string, unknown>) {
  return office.call('reports.update', { id, baseVersion, fields: { ...reportInput('Tin báo nhập ở máy 1'), ...fields } });
}

function rows(office: TestOffice, sql: string, ...params: unknown[]) {
  return office.backend.requireStore().sql.prepare(sql).all(...params) as Record<string, unknown>[];
}

describe('exchange between a commune and its province', () => {
  it('round trip: the dry run tells what will happen, the import does exactly that, and the province reports on the commune', async () => {
    const { commune, province, provinceKey } = await communeAndProvince();
    const theft = await report(commune, 'Trộm cắp xe máy tại chợ Đông');
    await report(commune, 'Trộm cắp điện thoại');
    const person = expectOk(await commune.call('persons.create', { fullName: 'Nguyễn Văn Án', birthYear: 1990, citizenId: '038090001234' }));
    expectOk(await edit(commune, theft.id, theft.version, { summary: 'Trộm cắp xe máy Honda tại chợ Đông', persons: [{ personId: person.id, role: 'suspect' }] }));

    const scan = expectOk(await commune.call('attachments.add', { ownerTable: 'reports', ownerId: theft.id, fileName: 'biên bản.png', dataBase64: PNG_BASE64 }));
    const { exported, uploadId } = await send(commune, provinceKey, province);
    expect(exported.fileName).toMatch(/^12345-du-lieu-gui-38-\d{8}-0001\.soantt$/);
    expect(exported.counts.reports).toBe(2);
    expect(exported.counts.users).toBeUndefined();
    expect(exported.counts.categories).toBeUndefined();

    const before = contentOf(province);
    const preview = expectOk(await province.call('exchange.preview', { uploadId }));
    expect(contentOf(province)).toEqual(before);
    expect(preview).toMatchObject({ applied: false, duplicate: false, gap: null, seq: 1, sender: { officeCode: '12345', role: 'child' } });
    expect(preview.counts.rejected).toBe(0);
    expect(preview.counts.conflicts).toBe(0);
    expect(preview.byTable.reports!.new).toBe(2);
    expect(preview.byTable.persons!.new).toBe(1);

    const beforeImport = () => listBackups(province.backend.paths.backups).filter((file) => file.reason === 'before-import').length;
    expect(beforeImport()).toBe(0);
    const applied = expectOk(await province.call('exchange.apply', { uploadId }));
    expect({ ...applied, applied: false }).toEqual(preview);
    // The store as it was before the import is kept.
    expect(beforeImport()).toBe(1);
    const held = rows(province, 'SELECT id, office_id, version, summary, register_no FROM reports ORDER BY register_no');
    const sent = rows(commune, 'SELECT id, office_id, version, summary, register_no FROM reports ORDER BY register_no');
    expect(held).toEqual(sent);

    // The scan's record travels; its file stays with the commune, and the province is told so.
    expect(expectOk(await province.call('attachments.list', { ownerTable: 'reports', ownerId: theft.id })).map((a) => a.fileName)).toEqual(['biên bản.png']);
    expect(expectError(await province.call('attachments.open', { id: scan.id }), 'attachment.elsewhere').params).toEqual({ office: '12345' });

    // The province finds the commune's records: search (folded), the office list, the report figures.
    const found = expectOk(await province.call('reports.list', { filters: { q: 'xe may honda' } }));
    expect(found.rows.map((r) => r.id)).toEqual([theft.id]);
    const offices = expectOk(await province.call('exchange.offices', {}));
    expect(offices.offices).toEqual([expect.objectContaining({ code: '12345', name: 'Công an xã Quảng Hưng', role: 'child', lastSeq: 1, reports: 2, persons: 1, late: false })]);
    const history = expectOk(await province.call('exchange.history', {}));
    expect(history[0]).toMatchObject({ direction: 'received', officeCode: '12345', seq: 1, records: applied.records, gap: false });
  });

  it('the same bundle twice changes nothing; a delta carries only what changed; voids travel and an older bundle never undoes them', async () => {
    const { commune, province, provinceKey } = await communeAndProvince();
    const kept = await report(commune, 'Gây rối trật tự');
    const toVoid = await report(commune, 'Nhập nhầm');
    const first = await send(commune, provinceKey, province);
    expectOk(await province.call('exchange.apply', { uploadId: first.uploadId }));

    const again = await importBytes(province, first.bytes);
    expect(again.preview.duplicate).toBe(true);
    expect(again.preview.counts).toMatchObject({ new: 0, updated: 0, deleted: 0, conflicts: 0, rejected: 0 });
    const fingerprint = storeFingerprint(province.backend);
    expect(rows(province, 'SELECT count(*) AS n FROM exchange_bundles')).toEqual([{ n: 1 }]);

    expectOk(await commune.call('reports.void', { id: toVoid.id, baseVersion: toVoid.version, reason: 'Nhập trùng tin báo' }));
    const second = await send(commune, provinceKey, province);
    expect(second.exported.counts).toEqual({ reports: 1 });
    const { applied } = await importBytes(province, second.bytes);
    expect(applied.counts).toMatchObject({ deleted: 1, new: 0, updated: 0 });
    expect(applied.seq).toBe(2);
    expect(rows(province, 'SELECT void_reason FROM reports WHERE id = ?', toVoid.id)).toEqual([{ void_reason: 'Nhập trùng tin báo' }]);
    expect(storeFingerprint(province.backend).seq).toBeGreaterThan(fingerprint.seq);

    // The first bundle again, after the void: nothing comes back to life.
    const old = await importBytes(province, first.bytes);
    expect(old.applied.counts).toMatchObject({ new: 0, updated: 0, deleted: 0 });
    expect(old.applied.items).toContainEqual({ outcome: 'unchanged', table: 'reports', id: toVoid.id, reason: 'older' });
    expect(rows(province, 'SELECT deleted_at IS NOT NULL AS voided FROM reports WHERE id = ?', toVoid.id)).toEqual([{ voided: 1 }]);
    expect(rows(province, 'SELECT summary FROM reports WHERE id = ?', kept.id)).toEqual([{ summary: 'Gây rối trật tự' }]);
  });

  it('keeps the province\'s summaries equal to a recount through imports of new, edited and voided reports; a dry run leaves them and their triggers as they were', async () => {
    const { commune, province, provinceKey } = await communeAndProvince();
    const db = province.backend.requireStore().sql;
    const triggers = () => rows(province, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'report_summary_%' ORDER BY name");
    const before = triggers();
    expect(before).toHaveLength(2);
    let seed = 11;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const live: { id: string; version: string }[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (let step = 0; step < 12; step += 1) {
        const roll = next();
        const date = `2026-${String(1 + Math.floor(next() * 10)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
        const fields = { categoryCode: ['theft', 'assault', 'fire'][Math.floor(next() * 3)]!, deaths: next() < 0.3 ? 1 : null, fine: next() < 0.3 ? 500_000 : null };
        if (live.length === 0 || roll < 0.5) live.push(expectOk(await commune.call('reports.create', { ...reportInput('Vụ việc', date), ...fields })));
        else {
          const index = Math.floor(next() * live.length);
          const target = live[index]!;
          if (roll < 0.8) live[index] = expectOk(await edit(commune, target.id, target.version, { ...reportInput('Đã sửa', date), ...fields }));
          else {
            expectOk(await commune.call('reports.void', { id: target.id, baseVersion: target.version, reason: 'Nhập trùng' }));
            live.splice(index, 1);
          }
        }
      }
      const sent = await send(commune, provinceKey, province);
      const kept = summaryComparisons(db);
      expectOk(await province.call('exchange.preview', { uploadId: sent.uploadId }));
      expect(summaryComparisons(db)).toEqual(kept);
      expect(triggers()).toEqual(before);
      expectOk(await province.call('exchange.apply', { uploadId: sent.uploadId }));
      expect(triggers()).toEqual(before);
      for (const [table, { kept, recount }] of Object.entries(summaryComparisons(db))) expect(kept, `${table} after round ${round}`).toEqual(recount);
    }
    // The triggers are back: a report written at the province afterwards is counted too.
    expectOk(await province.call('reports.create', reportInput('Tin báo tại tỉnh')));
    const { report_days: days } = summaryComparisons(db);
    expect(days.kept).toEqual(days.recount);
    expect(rows(province, "SELECT count(*) AS n FROM reports WHERE office_id = '12345' AND deleted_at IS NULL")).toEqual([{ n: live.length }]);
  });

  it('an enrolled commune that never sent a bundle, or not for longer than the setting, is late', async () => {
    const { clock, commune, province, provinceKey } = await communeAndProvince();
    province.stayLoggedIn();
    expect(expectOk(await province.call('exchange.offices', {})).offices).toEqual([expect.objectContaining({ code: '12345', lastReceivedAt: null, late: true, reports: 0 })]);
    await importBytes(province, (await send(commune, provinceKey, province)).bytes);
    expect(expectOk(await province.call('exchange.offices', {})).offices[0]).toMatchObject({ late: false, lastSeq: 1 });
    clock.advance(36 * 24 * 3600 * 1000);
    expect(expectOk(await province.call('exchange.offices', {})).offices[0]).toMatchObject({ late: true });
    expectOk(await province.call('settings.update', { idleLockMinutes: 60, remoteCommune: false, exchangeLateDays: 60 }));
    expect(expectOk(await province.call('exchange.offices', {})).offices[0]).toMatchObject({ late: false });
  });

  it('a gap in the sequence is reported and does not block', async () => {
    const { commune, province, provinceKey } = await communeAndProvince();
    await report(commune, 'Tin báo 1');
    await send(commune, provinceKey, province); // lost on the way
    await report(commune, 'Tin báo 2');
    const second = await send(commune, provinceKey, province);
    const { applied } = await importBytes(province, second.bytes);
    expect(applied.gap).toEqual({ expected: 1, got: 2, chainBroken: false });
    expect(applied.counts.new).toBe(1);
    expect(expectOk(await province.call('exchange.history', {}))[0]!.gap).toBe(true);
    // A full export catches the province up.
    const full = await send(commune, provinceKey, province, 'full');
    const caught = await importBytes(province, full.bytes);
    expect(caught.applied.byTable.reports).toMatchObject({ new: 1, unchanged: 1 });
    expect(caught.applied.counts.rejected).toBe(0);
    expect(caught.applied.gap).toBeNull();
  });

  it('the owner alone changes its records: a province cannot send records of the commune, nor anything to its parent', async () => {
    const { commune, province, communeKey, provinceKey } = await communeAndProvince();
    expectError(await province.call('exchange.export', { recipients: [communeKey], kind: 'records' }), 'exchange.wrong_kind');
    expectError(await commune.call('exchange.export', { recipients: [provinceKey], kind: 'reference' }), 'exchange.wrong_kind');
    const r = await report(commune, 'Tin báo của xã');
    const first = await send(commune, provinceKey, province);
    expectOk(await province.call('exchange.apply', { uploadId: first.uploadId }));
    // The province edits the commune's report behind the app's back: the write path refuses to.
    const editedAtProvince = await edit(province, r.id, r.version, { summary: 'Sửa ở tỉnh' });
    expectError(editedAtProvince, 'auth.forbidden');
  });
});

describe('refused bundles change nothing', () => {
  async function bundleBytes() {
    const ctx = await communeAndProvince();
    await report(ctx.commune, 'Tin báo');
    const sent = await send(ctx.commune, ctx.provinceKey, ctx.province);
    return { ...ctx, bytes: sent.bytes };
  }

  async function refused(office: TestOffice, bytes: Buffer, code: Parameters<typeof expectError>[1]) {
    const before = contentOf(office);
    const uploadId = await upload(office, bytes);
    expectError(await office.call('exchange.preview', { uploadId }), code);
    expectError(await office.call('exchange.apply', { uploadId }), code);
    expect(contentOf(office)).toEqual(before);
  }

  it('a flipped byte anywhere, a truncated file, an appended byte', async () => {
    const { province, bytes } = await bundleBytes();
    // In the readable header a flip either breaks its JSON (not a bundle) or its signature.
    const header = Buffer.from(bytes);
    header[60] = header[60]! ^ 0x01;
    const code = await province.call('exchange.preview', { uploadId: await upload(province, header) });
    expect(code.ok ? 'ok' : code.error.code).toMatch(/^exchange\.(bad_signature|not_bundle)$/);
    for (const at of [Math.floor(bytes.length / 2), bytes.length - 70, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 0x01;
      await refused(province, flipped, 'exchange.bad_signature');
    }
    await refused(province, bytes.subarray(0, bytes.length - 100), 'exchange.bad_signature');
    await refused(province, Buffer.concat([bytes, Buffer.from([0])]), 'exchange.bad_signature');
    // Shorter than a header and a signature: not a whole signed bundle.
    await refused(province, bytes.subarray(0, bytes.indexOf(0x0a, 20) + 10), 'exchange.tampered');
    await refused(province, Buffer.from('PK\u0003\u0004 not a bundle'), 'exchange.not_bundle');
  });

  it('a bundle for another office, from an unknown sender, or from a newer version of the app', async () => {
    const { province, commune, bytes } = await bundleBytes();
    // Another higher office that knows the commune, given the bundle addressed to the province.
    const other = await createOffice({ office: { ...PROVINCE, code: '40', name: 'Công an tỉnh Nghệ An' }, localities: [] });
    await enrol(other, commune, 'child');
    await refused(other, bytes, 'exchange.not_for_us');
    // A stranger with a valid-looking bundle.
    const me = JSON.parse(expectOk(await province.call('exchange.identity', {})).publicKeyFile) as PublicKeyFile;
    const stranger = foreignOffice({ id: '99999', code: '99999', name: 'Không rõ', level: 'commune' });
    await refused(province, readFileSync(handBundle({ from: stranger, to: me })), 'exchange.unknown_sender');
    // An enrolled sender on a newer schema.
    const future = foreignOffice({ id: '12399', code: '12399', name: 'Công an xã Tương Lai', level: 'commune' });
    expectOk(await province.call('exchange.enrol', { publicKey: future.text, role: 'child', fingerprint: future.file.fingerprint }));
    const err = await province.call('exchange.preview', { uploadId: await upload(province, readFileSync(handBundle({ from: future, to: me, schema: 99 }))) });
    expect(expectError(err, 'exchange.newer_schema').params).toMatchObject({ found: 99 });
  });

  it('a file that is not a bundle: empty, a picture, a spreadsheet, text, the magic line alone, a header that is not one', async () => {
    const { province } = await communeAndProvince();
    const files = [
      Buffer.alloc(0),
      Buffer.from(PNG_BASE64, 'base64'),
      Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml'),
      Buffer.from('Tin báo số 15/2026: trộm cắp xe máy\n'),
      Buffer.from('SO-ANTT-BUNDLE/1'),
      Buffer.from('SO-ANTT-BUNDLE/1\n'),
      Buffer.from('SO-ANTT-BUNDLE/1\n{not json\n'),
      Buffer.from('SO-ANTT-BUNDLE/1\n{"format":"so-antt-bundle"}\n'),
      Buffer.concat([Buffer.from('SO-ANTT-BUNDLE/1\n'), Buffer.alloc(200_000, '{')]),
    ];
    for (const bytes of files) await refused(province, bytes, 'exchange.not_bundle');
  });

  it('a file over 2 GiB is refused, arriving in pieces or already staged, before it is read; nothing changes', async () => {
    const { province } = await communeAndProvince();
    const before = contentOf(province);
    const uploadId = await upload(province, Buffer.from('SO-ANTT-BUNDLE/1\n'));
    const staged = inboxPath(province.backend.dataDir, uploadId);
    // Sparse files: the sizes are real, the disk is not used.
    truncateSync(staged, BUNDLE_MAX_BYTES);
    expectError(await province.call('exchange.upload', { uploadId, offset: BUNDLE_MAX_BYTES, dataBase64: 'AA==' }), 'exchange.too_large');
    expect(statSync(staged).size).toBe(BUNDLE_MAX_BYTES);
    truncateSync(staged, BUNDLE_MAX_BYTES + 1);
    expectError(await province.call('exchange.preview', { uploadId }), 'exchange.too_large');
    expectError(await province.call('exchange.apply', { uploadId }), 'exchange.too_large');
    expect(contentOf(province)).toEqual(before);
    expect(listBackups(province.backend.paths.backups).filter((b) => b.reason.startsWith('before-import'))).toEqual([]);
  });

  it('records that are not valid are rejected one by one with a reason, a link whose records are not here yet waits, and the rest applies', async () => {
    const { province } = await communeAndProvince();
    const me = JSON.parse(expectOk(await province.call('exchange.identity', {})).publicKeyFile) as PublicKeyFile;
    const child = foreignOffice({ id: '12398', code: '12398', name: 'Công an xã Quảng Yên', level: 'commune' });
    expectOk(await province.call('exchange.enrol', { publicKey: child.text, role: 'child', fingerprint: child.file.fingerprint }));
    const stamp = (n: number) => ({ office_id: '12398', version: `17900000000${String(n).padStart(2, '0')}-00000-aaaa`, base_version: null, seq: n, created_at: 1, created_by: null, updated_at: 1, updated_by: null, deleted_at: null, void_reason: null });
    const locality = { id: '0190aaaa-0000-7000-8000-000000000001', ...stamp(1), name: 'Thôn Yên', kind: 'thôn' };
    const bundle = handBundle({
      from: child,
      to: me,
      lines: [
        { t: 'localities', r: locality },
        { t: 'localities', r: { ...locality, id: '0190aaaa-0000-7000-8000-000000000004', name: null } },
        { t: 'localities', r: { ...locality, id: '0190aaaa-0000-7000-8000-000000000005', evil: 'DROP TABLE reports' } },
        { t: 'report_persons', r: { id: '0190aaaa-0000-7000-8000-000000000006', ...stamp(6), report_id: 'missing', person_id: 'missing', role: 'suspect' } },
      ],
    });
    const { applied } = await importBytes(province, readFileSync(bundle));
    expect(applied.counts).toMatchObject({ new: 1, rejected: 2, pending: 1 });
    expect(applied.items.map((i) => [i.outcome, i.reason])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['pending', null],
    ]);
    expect(rows(province, "SELECT name FROM localities WHERE office_id = '12398'")).toEqual([{ name: 'Thôn Yên' }]);
  });
});

describe('several PCs of one office', () => {
  async function twoPcs(clock: ManualClock) {
    const pc1 = await createOffice({ now: clock.now });
    const pc2 = await createOffice({ now: clock.now, localities: [] });
    const key2 = await enrol(pc1, pc2, 'sibling');
    const key1 = await enrol(pc2, pc1, 'sibling');
    return { pc1, pc2, key1, key2 };
  }

  const comparable = (office: TestOffice) =>
    rows(office, 'SELECT id, version, summary, deleted_at FROM reports ORDER BY id').concat(rows(office, 'SELECT id, version, full_name FROM persons ORDER BY id'));

  it('after both import each other\'s bundles they hold the same records; a concurrent edit is one conflict, resolved once', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const { pc1, pc2, key1, key2 } = await twoPcs(clock);
    const shared = await report(pc1, 'Tin báo nhập ở máy 1');
    await report(pc2, 'Tin báo nhập ở máy 2', '2026-11-02');
    await importBytes(pc2, (await send(pc1, key2, pc2)).bytes);
    const onPc1 = (await send(pc2, key1, pc1)).bytes;
    const back = await importBytes(pc1, onPc1);
    expect(back.applied.counts.conflicts).toBe(0);
    expect(comparable(pc1)).toEqual(comparable(pc2));

    // Both PCs edit the same report from the same version.
    clock.advance(60_000);
    const at2 = expectOk(await pc2.call('reports.get', { id: shared.id }));
    expectOk(await edit(pc2, shared.id, at2.version, { summary: 'Sửa ở máy 2' }));
    clock.advance(60_000);
    const at1 = expectOk(await pc1.call('reports.get', { id: shared.id }));
    const edited1 = expectOk(await edit(pc1, shared.id, at1.version, { summary: 'Sửa ở máy 1', address: 'Chợ Đông' }));
    expectOk(await edit(pc1, shared.id, edited1.version, { summary: 'Sửa ở máy 1', address: 'Chợ Đông, Thôn Đông' }));

    const toPc1 = await importBytes(pc1, (await send(pc2, key1, pc1)).bytes);
    expect(toPc1.preview.counts.conflicts).toBe(1);
    expect(toPc1.applied.counts.conflicts).toBe(1);
    const toPc2 = await importBytes(pc2, (await send(pc1, key2, pc2)).bytes);
    expect(toPc2.applied.counts.conflicts).toBe(1);

    const [conflict] = expectOk(await pc1.call('exchange.conflicts', {}));
    expect(conflict!.fields).toEqual(expect.arrayContaining([{ column: 'summary', local: 'Sửa ở máy 1', incoming: 'Sửa ở máy 2' }]));
    // At PC1 a person keeps PC1's address and takes PC2's summary.
    expectOk(await pc1.call('exchange.resolve', { id: conflict!.id, choice: 'merge', incomingColumns: ['summary'] }));
    expect(expectOk(await pc1.call('exchange.conflicts', {}))).toEqual([]);
    // PC2 takes the resolution as the continuation of its own edit; its open conflict closes with it.
    const settle2 = await importBytes(pc2, (await send(pc1, key2, pc2)).bytes);
    expect(settle2.applied.counts).toMatchObject({ conflicts: 0, updated: 1 });
    expect(expectOk(await pc2.call('exchange.conflicts', {}))).toEqual([]);
    const settle1 = await importBytes(pc1, (await send(pc2, key1, pc1)).bytes);
    expect(settle1.applied.counts).toMatchObject({ conflicts: 0, updated: 0, new: 0 });
    const merged = (office: TestOffice) => rows(office, 'SELECT summary, address, version FROM reports WHERE id = ?', shared.id)[0];
    expect(merged(pc1)).toEqual(merged(pc2));
    expect(merged(pc1)).toMatchObject({ summary: 'Sửa ở máy 2', address: 'Chợ Đông, Thôn Đông' });
    expect(comparable(pc1)).toEqual(comparable(pc2));
  });

  it('the register number of a report made on the other PC moves this PC\'s counter on', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const { pc1, pc2, key2 } = await twoPcs(clock);
    await report(pc1, 'Số 1');
    await report(pc1, 'Số 2');
    await importBytes(pc2, (await send(pc1, key2, pc2)).bytes);
    const next = await report(pc2, 'Số 3 ở máy 2');
    expect(next.registerNo).toBe(3);
  });
});

describe('reference data down', () => {
  it('a province publishes its reference set; the commune takes it by code and says which version it holds', async () => {
    const { commune, province, communeKey, provinceKey } = await communeAndProvince();
    // The province adds a category and renames one.
    const measure = expectOk(await province.call('measures.create', { code: 'xe_may', nameVi: 'Xe máy thu giữ', nameEn: 'Motorbikes seized', unit: 'chiếc' }));
    expect(measure).toBeTruthy();
    expectOk(await province.call('holidays.create', { date: '2026-12-31', name: 'Nghỉ bù cuối năm' }));
    const sent = await send(province, communeKey, commune, 'full', 'reference');
    expect(sent.exported.referenceVersion).toBe(1);
    const { preview, applied } = await importBytes(commune, sent.bytes);
    expect(preview.kind).toBe('reference');
    expect(applied.counts.rejected).toBe(0);
    expect(applied.byTable.measures!.new).toBe(1);
    expect(applied.byTable.holidays!.new).toBe(1);
    expect(rows(commune, "SELECT name_vi, office_id FROM measures WHERE code = 'xe_may'")).toEqual([{ name_vi: 'Xe máy thu giữ', office_id: '12345' }]);

    // Sending the same content again keeps the number; the commune's next bundle says it holds version 1.
    const again = await send(province, communeKey, commune, 'full', 'reference');
    expect(again.exported.referenceVersion).toBe(1);
    await report(commune, 'Tin báo');
    await importBytes(province, (await send(commune, provinceKey, province)).bytes);
    const overview = expectOk(await province.call('exchange.offices', {}));
    expect(overview.publishedReference).toBe(1);
    expect(overview.offices[0]!.referenceVersion).toBe(1);
  });
});

describe('the command line and files on disk', () => {
  it('a staged bundle is found only by the id the app made', async () => {
    const { province } = await communeAndProvince();
    expectError(await province.call('exchange.preview', { uploadId: '0190aaaa-0000-7000-8000-00000000dead' }), 'record.not_found');
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), 'x');
    expectError(await province.call('exchange.download', { bundleId: '0190aaaa-0000-7000-8000-00000000dead', offset: 0 }), 'record.not_found');
  });
});

describe('public-key files', () => {
  it('refuses a file whose office name or code the store could not keep (half an emoji was stored as U+FFFD), and keeps long and mixed-script names whole', async () => {
    const province = await createOffice({ office: PROVINCE, localities: [] });
    const hostile: PublicKeyFile['office'][] = [
      { id: '12399', code: '12399', name: 'Công an xã \ud83d', level: 'commune' },
      { id: '12399', code: '12399', name: 'Công an xã\u0000Thử', level: 'commune' },
      { id: '12399', code: '12399', name: '\u001b[2JCông an xã', level: 'commune' },
      { id: '12399\u0000', code: '12399', name: 'Công an xã Thử', level: 'commune' },
      { id: '12399', code: '1/../2', name: 'Công an xã Thử', level: 'commune' },
    ];
    for (const office of hostile) {
      const peer = foreignOffice(office);
      expectError(await province.call('exchange.inspectKey', { publicKey: peer.text }), 'exchange.bad_key_file');
      expectError(await province.call('exchange.enrol', { publicKey: peer.text, role: 'child', fingerprint: peer.file.fingerprint }), 'exchange.bad_key_file');
    }
    expect(expectOk(await province.call('exchange.peers', {}))).toEqual([]);
    const name = `Công an xã 山 محمد 👮 ${'Thử nghiệm '.repeat(20)}`.slice(0, 200);
    const peer = foreignOffice({ id: '12399', code: '12399', name, level: 'commune' });
    expectOk(await province.call('exchange.enrol', { publicKey: peer.text, role: 'child', fingerprint: peer.file.fingerprint }));
    expect(expectOk(await province.call('exchange.peers', {})).map((p) => p.officeName)).toEqual([name]);
  });
});

describe('the register beside an import (issue #20)', () => {
  it('answers reads while a bundle is imported, refuses writes with a message, and writes the held audit entries after it', async () => {
    const { commune, province, provinceKey } = await communeAndProvince();
    await report(commune, 'Trộm cắp xe máy tại chợ Đông');
    await report(commune, 'Đánh bạc tại quán nước');
    const before = await report(province, 'Tin báo của tỉnh trước khi nhập');
    const sent = await send(commune, provinceKey, province);
    const sql = province.backend.requireStore().sql;
    const auditBefore = (sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

    // Another connection holds the write lock, so the import waits on its worker (busy_timeout, 5 s):
    // the window in which the backend must go on answering, whatever the machine's speed.
    const blocker = openSqlite(province.backend.paths.store, province.backend.requireStore().key.toString('hex'), { quickCheck: false });
    blocker.exec('BEGIN IMMEDIATE');
    const applying = province.call('exchange.apply', { uploadId: sent.uploadId });
    try {
      await vi.waitFor(() => expect(province.backend.imports.active).toBe(true), { timeout: 4_000, interval: 5 });
      // A read is answered, from the store as it was before the import.
      const listed = expectOk(await province.call('reports.list', { limit: 100 }));
      expect(listed.rows.map((row) => row.id)).toEqual([before.id]);
      // A write is refused at once, with its own message, and changes nothing.
      const fingerprint = storeFingerprint(province.backend);
      expectError(await province.call('reports.create', reportInput('Tin báo gõ trong lúc nhập')), 'store.importing');
      expectError(await province.call('reports.update', { id: before.id, baseVersion: before.version, fields: reportInput('Sửa trong lúc nhập') }), 'store.importing');
      // So is a second import.
      expectError(await province.call('exchange.apply', { uploadId: sent.uploadId }), 'store.importing');
      expect(storeFingerprint(province.backend)).toEqual(fingerprint);
      // The list's read entry is held, not written: writing it would wait for the import's lock.
      expect((sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    const applied = expectOk(await applying);
    expect(applied.byTable.reports?.new).toBe(2);
    expect(province.backend.imports.active).toBe(false);
    // The held read entry is written after the import's own entries, and the chain holds.
    const last = sql.prepare("SELECT call, action FROM audit_log ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({ call: 'reports.list', action: 'read' });
    expect(verifyAuditChain(sql)).toMatchObject({ ok: true });
    // Writing works again, and sees the imported reports.
    expectOk(await province.call('reports.create', reportInput('Tin báo sau khi nhập')));
    expect(expectOk(await province.call('reports.list', { limit: 100 })).rows).toHaveLength(4);
  });
});
