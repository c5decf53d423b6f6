import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../api/views';
import { parseVersion } from '../../db/clock';
import { auditPointSchema } from '../../db/exchange/bundle';
import type { PublicKeyFile } from '../../db/exchange/keys';
import { cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';
import { PNG_BASE64 } from '../support/call-samples';
import { contentOf, foreignOffice, handBundle, REFUSAL_LOG, type ForeignOffice } from '../support/exchange';

/**
 * A bundle may only write what its sender owns (issue: exchange you can trust), tried as an attacker
 * would: every forged bundle here is made with the project's own writer and signed with the real key of
 * an enrolled commune (read from its store), in a valid format. Each is refused whole, the store
 * unchanged (every table, the search index included, but the refusal's own alert and audit entry), and
 * the refusal is kept where the province sees it.
 */

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const HOUR = 3600 * 1000;
const PROVINCE = { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher' as const, parentCode: '100', parentName: 'Bộ Công an' };
const COMMUNE_B = { code: '12346', name: 'Công an xã Quảng Đông' };

async function enrol(a: TestOffice, b: TestOffice, roleOfB: 'parent' | 'child' | 'sibling'): Promise<string> {
  const card = expectOk(await b.call('exchange.identity', {}));
  return expectOk(await a.call('exchange.enrol', { publicKey: card.publicKeyFile, role: roleOfB, fingerprint: card.fingerprint })).keyId;
}

async function upload(office: TestOffice, bytes: Buffer): Promise<string> {
  return expectOk(await office.call('exchange.upload', { uploadId: null, offset: 0, dataBase64: bytes.toString('base64') })).uploadId;
}

async function download(office: TestOffice, bundleId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = expectOk(await office.call('exchange.download', { bundleId, offset }));
    const bytes = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) return Buffer.concat(parts);
  }
}

async function exported(from: TestOffice, peerKeyId: string, mode: 'delta' | 'full' = 'delta'): Promise<Buffer> {
  return download(from, expectOk(await from.call('exchange.export', { recipients: [peerKeyId], mode })).bundleId);
}

async function importBytes(office: TestOffice, bytes: Buffer): Promise<ImportSummary> {
  const uploadId = await upload(office, bytes);
  expectOk(await office.call('exchange.preview', { uploadId }));
  return expectOk(await office.call('exchange.apply', { uploadId }));
}

function rows(office: TestOffice, sql: string, ...params: unknown[]) {
  return office.backend.requireStore().sql.prepare(sql).all(...params) as Record<string, unknown>[];
}

function one(office: TestOffice, sql: string, ...params: unknown[]) {
  return rows(office, sql, ...params)[0]!;
}

/** An enrolled office's real keys, read from its store: what an attacker with that PC holds. */
async function realSender(office: TestOffice): Promise<ForeignOffice> {
  const keys = one(office, 'SELECT sign_public AS signPublic, sign_private AS signPrivate, box_public AS boxPublic, box_private AS boxPrivate FROM exchange_identity') as never;
  const text = expectOk(await office.call('exchange.identity', {})).publicKeyFile;
  return { keys, file: JSON.parse(text) as PublicKeyFile, text };
}

async function cardOf(office: TestOffice): Promise<PublicKeyFile> {
  return JSON.parse(expectOk(await office.call('exchange.identity', {})).publicKeyFile) as PublicKeyFile;
}

/** The fields of a report as the register form sends them (reports.update takes the whole form). */
const reportFields = { receivedAt: vn('2026-11-01'), channel: 'phone' as const, kind: 'crime_report' as const, categoryCode: 'theft' };

/** A version of the wall time given, made on another node. */
const versionAt = (ms: number, node = 'feed') => `${String(ms).padStart(13, '0')}-00000-${node}`;

/** The province with two enrolled communes A and B, each of which sent one report with a person. */
async function province() {
  const clock = manualClock(vn('2026-11-02'));
  const a = await createOffice({ now: clock.now });
  const b = await createOffice({ now: clock.now, office: COMMUNE_B });
  const p = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
  const keys = { aAtP: await enrol(p, a, 'child'), bAtP: await enrol(p, b, 'child'), pAtA: await enrol(a, p, 'parent'), pAtB: await enrol(b, p, 'parent') };
  const reportOf = async (office: TestOffice, summary: string, name: string) =>
    expectOk(
      await office.call('reports.create', {
        ...reportFields,
        summary,
        persons: [{ role: 'suspect', person: { fullName: name } }],
      }),
    );
  const reportA = await reportOf(a, 'Mất trộm xe máy ở thôn Đông', 'Nguyễn Văn Án');
  const reportB = await reportOf(b, 'Trộm gà ở xóm Chợ', 'Trần Thị Bé');
  await importBytes(p, await exported(a, keys.pAtA));
  await importBytes(p, await exported(b, keys.pAtB));
  const attacker = await realSender(a);
  return { clock, a, b, p, keys, reportA, reportB, attacker, provinceCard: await cardOf(p) };
}

type World = Awaited<ReturnType<typeof province>>;

/**
 * A bundle from A's real key with these lines, numbered after what the province received from A, and
 * with A's real audit head and anchor, as A's own app would write them: nothing but its records is forged.
 */
function forged(world: World, lines: { t: string; r: Record<string, unknown> }[]): Buffer {
  const peer = one(world.p, 'SELECT received_seq, received_hash, anchor_count FROM exchange_peers WHERE key_id = ?', world.keys.aAtP);
  const log = (id: number) => one(world.a, 'SELECT hash FROM audit_log WHERE id = ?', id).hash as string;
  const last = one(world.a, 'SELECT max(id) AS id FROM audit_log').id as number;
  const anchored = peer.anchor_count as number;
  const audit = { head: { count: last, hash: log(last) }, anchors: [{ count: anchored, hash: log(anchored) }] };
  return readFileSync(handBundle({ from: world.attacker, to: world.provinceCard, lines, seq: (peer.received_seq as number) + 1, previousHash: peer.received_hash as string, audit }));
}

/** The bundle is refused at the dry run and at the import, naming the record, its owner and the sender; nothing changes but the kept refusal. */
async function refusedWhole(world: World, bytes: Buffer, record: { table: string; id: string }) {
  const { p } = world;
  const before = contentOf(p, REFUSAL_LOG);
  const alertsBefore = rows(p, 'SELECT id FROM exchange_alerts').length;
  const peerBefore = one(p, 'SELECT * FROM exchange_peers WHERE key_id = ?', world.keys.aAtP);
  const uploadId = await upload(p, bytes);
  for (const call of ['exchange.preview', 'exchange.apply'] as const) {
    const error = expectError(await p.call(call, { uploadId }), 'exchange.forbidden_record');
    expect(error.params).toMatchObject({ table: record.table, id: record.id, sender: 'Công an xã Quảng Hưng (12345)' });
  }
  expect(contentOf(p, REFUSAL_LOG)).toEqual(before);
  expect(one(p, 'SELECT * FROM exchange_peers WHERE key_id = ?', world.keys.aAtP)).toEqual(peerBefore);
  const trust = expectOk(await p.call('exchange.trust', {}));
  // Once for the file, though it was checked twice (the dry run, then the import).
  expect(trust.alerts.length).toBe(alertsBefore + 1);
  expect(trust.alerts[0]).toMatchObject({ kind: 'forged', officeCode: '12345', detail: { table: record.table, id: record.id } });
  const audit = rows(p, "SELECT action, record_id FROM audit_log WHERE action = 'exchange_forged' ORDER BY id DESC LIMIT 1");
  expect(audit).toHaveLength(1);
}

describe('a commune\'s correctly signed bundle cannot write another commune\'s records', () => {
  it('a new report in B\'s name, a newer version of B\'s report, a void of it, an edit of B\'s person: each refused whole', async () => {
    const world = await province();
    const { p, reportA, reportB } = world;
    const ofA = one(p, 'SELECT * FROM reports WHERE id = ?', reportA.id);
    const ofB = one(p, 'SELECT * FROM reports WHERE id = ?', reportB.id);
    const later = versionAt(vn('2026-11-03'));

    const inBsName = { ...ofA, id: '0190ffff-0000-7000-8000-000000000001', office_id: '12346', register_no: 99, summary: 'Tin báo giả của xã B' };
    await refusedWhole(world, forged(world, [{ t: 'reports', r: inBsName }]), { table: 'reports', id: inBsName.id });

    const overwritten = { ...ofB, summary: 'Nội dung bị sửa', version: later, base_version: ofB.version };
    await refusedWhole(world, forged(world, [{ t: 'reports', r: overwritten }]), { table: 'reports', id: reportB.id });

    const voided = { ...ofB, deleted_at: vn('2026-11-02'), void_reason: 'Hủy giả', version: later, base_version: ofB.version };
    await refusedWhole(world, forged(world, [{ t: 'reports', r: voided }]), { table: 'reports', id: reportB.id });

    const personB = one(p, "SELECT * FROM persons WHERE office_id = '12346'");
    const renamed = { ...personB, full_name: 'Người khác', name_fold: 'nguoi khac', version: later, base_version: personB.version };
    await refusedWhole(world, forged(world, [{ t: 'persons', r: renamed }]), { table: 'persons', id: personB.id as string });

    // Taken over: A's own id on a report the province holds as B's.
    await refusedWhole(world, forged(world, [{ t: 'reports', r: { ...overwritten, office_id: '12345' } }]), { table: 'reports', id: reportB.id });

    // B's register is as B sent it.
    expect(one(p, 'SELECT summary, deleted_at FROM reports WHERE id = ?', reportB.id)).toEqual({ summary: 'Trộm gà ở xóm Chợ', deleted_at: null });
  });

  it('a rename of B in the directory, a new office that does not exist with a report of it, a link to B\'s report, users: each refused whole', async () => {
    const world = await province();
    const { p, reportA, reportB } = world;
    const officeB = one(p, "SELECT * FROM offices WHERE id = '12346'");
    const later = versionAt(vn('2026-11-03'));
    await refusedWhole(world, forged(world, [{ t: 'offices', r: { ...officeB, name: 'Xã bị đổi tên', version: later, base_version: officeB.version } }]), { table: 'offices', id: '12346' });

    const invented = { ...officeB, id: '12999', office_id: '12999', code: '12999', name: 'Xã không có thật', version: later };
    const ofA = one(p, 'SELECT * FROM reports WHERE id = ?', reportA.id);
    await refusedWhole(
      world,
      forged(world, [
        { t: 'offices', r: invented },
        { t: 'reports', r: { ...ofA, id: '0190ffff-0000-7000-8000-000000000002', office_id: '12999', register_no: 1 } },
      ]),
      { table: 'offices', id: '12999' },
    );
    // Its own directory row with another name than the one enrolled.
    const officeA = one(p, "SELECT * FROM offices WHERE id = '12345'");
    await refusedWhole(world, forged(world, [{ t: 'offices', r: { ...officeA, name: 'Tên khác', version: later, base_version: officeA.version } }]), { table: 'offices', id: '12345' });

    // A link of A's own that names B's report: it would put A's person into B's report.
    const personA = one(p, "SELECT * FROM persons WHERE office_id = '12345'");
    const link = { ...one(p, 'SELECT * FROM report_persons WHERE report_id = ?', reportA.id), id: '0190ffff-0000-7000-8000-000000000003', report_id: reportB.id, person_id: personA.id, version: later };
    await refusedWhole(world, forged(world, [{ t: 'report_persons', r: link }]), { table: 'report_persons', id: link.id });

    // A record of A's own under the id of B's report, then a link that names that id: the link must be
    // judged by the report it points at, not by A's record that happens to share its id.
    const twin = { ...one(p, "SELECT * FROM localities WHERE office_id = '12345' LIMIT 1"), id: reportB.id, name: 'Thôn trùng mã', version: later };
    const viaTwin = { ...link, id: '0190ffff-0000-7000-8000-000000000005' };
    await refusedWhole(world, forged(world, [{ t: 'localities', r: twin }, { t: 'report_persons', r: viaTwin }]), { table: 'report_persons', id: viaTwin.id });

    const user = { id: '0190ffff-0000-7000-8000-000000000004', office_id: '12345', version: later, base_version: null, seq: 1, created_at: 1, created_by: null, updated_at: 1, updated_by: null, deleted_at: null, void_reason: null, username: 'quantri', full_name: 'X', rank: '', position: '', role: 'admin', active: 1 };
    await refusedWhole(world, forged(world, [{ t: 'users', r: user }]), { table: 'users', id: user.id });
  });

  it('an attachment of A naming B\'s report (or no table an attachment may belong to), an evaluation of A naming B\'s unit: each refused whole; A\'s honest ones arrive', async () => {
    const world = await province();
    const { a, b, p, reportA, reportB } = world;
    const later = versionAt(vn('2026-11-03'));
    // Honest: A's file on its own report and A's evaluation of its own school arrive; B's school too.
    const fileA = expectOk(await a.call('attachments.add', { ownerTable: 'reports', ownerId: reportA.id, fileName: 'biên bản.png', dataBase64: PNG_BASE64 })).id;
    const schoolOf = async (office: TestOffice, name: string) => expectOk(await office.call('safety.addUnit', { name, unitKind: 'school' })).id;
    const unitA = await schoolOf(a, 'Trường THCS Đông Hưng');
    const unitB = await schoolOf(b, 'Trường Tiểu học Xóm Chợ');
    const codes = expectOk(await a.call('safety.summary', { year: 2026 })).criteria.filter((c) => c.unitKind === 'school').map((c) => c.code);
    expectOk(await a.call('safety.evaluate', { year: 2026, unitKind: 'school', unitId: unitA, results: codes.map((code) => ({ criterionCode: code, passed: true })) }));
    await importBytes(p, await exported(b, world.keys.pAtB));
    const honest = await importBytes(p, await exported(a, world.keys.pAtA));
    expect(honest.counts.rejected).toBe(0);
    expect(rows(p, 'SELECT owner_id FROM attachments WHERE id = ?', fileA)).toEqual([{ owner_id: reportA.id }]);
    expect(rows(p, 'SELECT count(*) AS n FROM safety_evaluations WHERE unit_id = ?', unitA)).toEqual([{ n: 1 }]);

    const attachment = one(p, 'SELECT * FROM attachments WHERE id = ?', fileA);
    const ontoB = { ...attachment, id: '0190ffff-0000-7000-8000-000000000011', owner_id: reportB.id, version: later };
    await refusedWhole(world, forged(world, [{ t: 'attachments', r: ontoB }]), { table: 'attachments', id: ontoB.id });
    const ontoUsers = { ...attachment, id: '0190ffff-0000-7000-8000-000000000012', owner_table: 'users', version: later };
    await refusedWhole(world, forged(world, [{ t: 'attachments', r: ontoUsers }]), { table: 'attachments', id: ontoUsers.id });
    const evaluation = one(p, 'SELECT * FROM safety_evaluations WHERE unit_id = ?', unitA);
    const ofBsUnit = { ...evaluation, id: '0190ffff-0000-7000-8000-000000000013', unit_id: unitB, version: later };
    await refusedWhole(world, forged(world, [{ t: 'safety_evaluations', r: ofBsUnit }]), { table: 'safety_evaluations', id: ofBsUnit.id });
    // B's report lists no file of A's; B's school has no evaluation.
    expect(rows(p, 'SELECT id FROM attachments WHERE owner_id = ?', reportB.id)).toEqual([]);
    expect(rows(p, 'SELECT id FROM safety_evaluations WHERE unit_id = ?', unitB)).toEqual([]);
  });

  it('a forged future version of B\'s report is refused; B\'s real later edits still arrive; the province\'s clock stays within its wall time and the bound', async () => {
    const world = await province();
    const { p, b, clock, reportB, keys } = world;
    const ofB = one(p, 'SELECT * FROM reports WHERE id = ?', reportB.id);
    const year2286 = Date.UTC(2286, 0, 1);
    await refusedWhole(world, forged(world, [{ t: 'reports', r: { ...ofB, summary: 'Bản từ tương lai', version: versionAt(year2286), base_version: ofB.version } }]), { table: 'reports', id: reportB.id });
    // (The write path stamps versions with the PC's real clock; the test's clock drives sessions and deadlines.)
    expect(one(p, 'SELECT wall FROM clock_state').wall).toBeLessThanOrEqual(Math.max(Date.now(), clock.now()) + 24 * HOUR);

    clock.advance(5 * 60_000);
    const current = expectOk(await b.call('reports.get', { id: reportB.id }));
    expectOk(await b.call('reports.update', { id: reportB.id, baseVersion: current.version, fields: { ...reportFields, summary: 'Trộm gà ở xóm Chợ (đã xác minh)' } }));
    const summary = await importBytes(p, await exported(b, keys.pAtB));
    expect(summary.counts.updated).toBeGreaterThanOrEqual(1);
    expect(one(p, 'SELECT summary FROM reports WHERE id = ?', reportB.id)).toEqual({ summary: 'Trộm gà ở xóm Chợ (đã xác minh)' });
  });

  it('the owner\'s own record from a PC whose date is wrong is taken and flagged, and the clock is not moved past the bound', async () => {
    const world = await province();
    const { p, reportA, clock } = world;
    const ofA = one(p, 'SELECT * FROM reports WHERE id = ?', reportA.id);
    const ahead = Math.max(Date.now(), clock.now()) + 30 * 24 * HOUR;
    const summary = await importBytes(p, forged(world, [{ t: 'reports', r: { ...ofA, summary: 'Sửa ở máy sai ngày', version: versionAt(ahead), base_version: ofA.version } }]));
    expect(summary.counts.updated).toBe(1);
    expect(summary.clockAhead).toEqual([{ officeId: '12345', office: 'Công an xã Quảng Hưng (12345)', records: 1, newestAt: ahead }]);
    expect(one(p, 'SELECT wall FROM clock_state').wall).toBeLessThanOrEqual(Math.max(Date.now(), clock.now()) + 24 * HOUR);
    const trust = expectOk(await p.call('exchange.trust', {}));
    expect(trust.alerts[0]).toMatchObject({ kind: 'clock_ahead', officeCode: '12345', detail: { records: 1, newestAt: ahead } });
    // The province's own next record is versioned by its own clock, not after the year of the wrong PC.
    expectOk(await p.call('localities.create', { name: 'Tổ công tác', kind: 'tổ' }));
    expect(parseVersion(one(p, "SELECT version FROM localities WHERE name = 'Tổ công tác'").version as string).wall).toBeLessThanOrEqual(Math.max(Date.now(), clock.now()) + 24 * HOUR);
  });

  it('another PC of a commune cannot pass on another commune\'s records (not written, named in the summary); a sibling key file naming another office is refused', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const a1 = await createOffice({ now: clock.now });
    const a2 = await createOffice({ now: clock.now, localities: [] });
    const keyA2 = await enrol(a1, a2, 'sibling');
    const b = await createOffice({ now: clock.now, office: COMMUNE_B });
    const card = expectOk(await b.call('exchange.identity', {}));
    expectError(await a1.call('exchange.enrol', { publicKey: card.publicKeyFile, role: 'sibling', fingerprint: card.fingerprint }), 'validation');
    const attacker = await realSender(a2);
    const foreignReport = {
      id: '0190ffff-0000-7000-8000-000000000010', office_id: '12346', version: versionAt(vn('2026-11-02')), base_version: null, seq: 1, created_at: 1, created_by: null, updated_at: 1, updated_by: null, deleted_at: null, void_reason: null,
      name: 'Thôn của xã khác', kind: 'thôn',
    };
    // PCs of one office may have enrolled different offices: a record of an office this PC does not know
    // is not written, and the rest of the bundle is not held up by it.
    const bytes = readFileSync(handBundle({ from: attacker, to: await cardOf(a1), lines: [{ t: 'localities', r: foreignReport }] }));
    const summary = await importBytes(a1, bytes);
    expect(summary.counts).toMatchObject({ new: 0, rejected: 1 });
    expect(summary.items).toEqual([{ outcome: 'rejected', table: 'localities', id: foreignReport.id, reason: 'not_enrolled' }]);
    expect(rows(a1, 'SELECT id FROM localities WHERE id = ?', foreignReport.id)).toEqual([]);
    // A user it may never write, from a sibling too, refuses the whole bundle.
    const user = { id: '0190ffff-0000-7000-8000-000000000011', office_id: '12345', version: versionAt(vn('2026-11-02')), base_version: null, seq: 1, created_at: 1, created_by: null, updated_at: 1, updated_by: null, deleted_at: null, void_reason: null, username: 'quantri2', full_name: 'X', rank: '', position: '', role: 'admin', active: 1 };
    const before = contentOf(a1, REFUSAL_LOG);
    const forgedUser = readFileSync(handBundle({ from: attacker, to: await cardOf(a1), lines: [{ t: 'users', r: user }], seq: 2 }));
    expectError(await a1.call('exchange.apply', { uploadId: await upload(a1, forgedUser) }), 'exchange.forbidden_record');
    expect(contentOf(a1, REFUSAL_LOG)).toEqual(before);
    expect(rows(a1, 'SELECT peer_key_id FROM exchange_alerts')).toEqual([{ peer_key_id: keyA2 }]);
  });

  it('a key file whose office was edited does not match its card, and an old-format key file is refused with its own message', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const p = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
    const a = await createOffice({ now: clock.now });
    const file = await cardOf(a);
    const edited = JSON.stringify({ ...file, office: { ...file.office, name: 'Công an xã Khác' } });
    expectError(await p.call('exchange.inspectKey', { publicKey: edited }), 'exchange.bad_key_file');
    expectError(await p.call('exchange.enrol', { publicKey: edited, role: 'child', fingerprint: file.fingerprint }), 'exchange.bad_key_file');
    const recoded = JSON.stringify({ ...file, office: { ...file.office, id: '12346', code: '12346' } });
    expectError(await p.call('exchange.enrol', { publicKey: recoded, role: 'child', fingerprint: file.fingerprint }), 'exchange.bad_key_file');
    const old = foreignOffice({ id: '12399', code: '12399', name: 'Công an xã Cũ', level: 'commune' });
    expectError(await p.call('exchange.inspectKey', { publicKey: JSON.stringify({ ...old.file, version: 1 }) }), 'exchange.old_key_card');
  });
});

describe('replays, order and provenance', () => {
  it('importing the same bundle again changes nothing at all, "last received" included; an older bundle arriving late leaves the newest one\'s time', async () => {
    const world = await province();
    const { p, a, clock, keys } = world;
    const minutes = (n: number) => clock.advance(n * 60_000);
    expectOk(await a.call('localities.create', { name: 'Thôn Mới', kind: 'thôn' }));
    minutes(2);
    const first = await exported(a, keys.pAtA);
    minutes(2);
    expectOk(await a.call('localities.create', { name: 'Thôn Mới Hai', kind: 'thôn' }));
    const second = await exported(a, keys.pAtA);
    const created = clock.now();
    minutes(5);
    await importBytes(p, second);
    expect(one(p, 'SELECT received_at FROM exchange_peers WHERE key_id = ?', keys.aAtP).received_at).toBe(created);
    const before = contentOf(p);
    minutes(2);
    const again = await importBytes(p, second);
    expect(again).toMatchObject({ duplicate: true, applied: false });
    expect(contentOf(p)).toEqual(before);
    await importBytes(p, first);
    expect(one(p, 'SELECT received_at, received_seq FROM exchange_peers WHERE key_id = ?', keys.aAtP)).toEqual({ received_at: created, received_seq: 3 });
  });

  it('a link that arrives before its person is kept, listed per sender, and applied when the person arrives; the record\'s history names the bundle that last wrote it', async () => {
    const world = await province();
    const { p, a, keys, reportA } = world;
    const person = expectOk(await a.call('persons.create', { fullName: 'Lê Văn Chờ', birthYear: 1991 }));
    const detail = expectOk(await a.call('reports.get', { id: reportA.id }));
    expectOk(
      await a.call('reports.update', {
        id: reportA.id,
        baseVersion: detail.version,
        fields: { ...reportFields, summary: detail.summary, persons: [...detail.persons.map((link) => ({ role: link.role as 'suspect', personId: link.person.id })), { role: 'witness' as const, personId: person.id }] },
      }),
    );
    const link = one(a, 'SELECT * FROM report_persons WHERE person_id = ?', person.id);
    // The link alone, as a bundle that left out its person would bring it.
    const early = await importBytes(p, forged(world, [{ t: 'report_persons', r: link }]));
    expect(early.counts).toMatchObject({ pending: 1, new: 0 });
    expect(expectOk(await p.call('exchange.trust', {})).pending).toEqual([{ officeCode: '12345', officeName: 'Công an xã Quảng Hưng', records: 1, since: expect.any(Number) }]);
    expect(rows(p, 'SELECT id FROM report_persons WHERE id = ?', link.id)).toEqual([]);

    const full = await importBytes(p, await exported(a, keys.pAtA, 'full'));
    expect(full.counts.pending).toBe(0);
    expect(rows(p, 'SELECT person_id FROM report_persons WHERE id = ?', link.id)).toEqual([{ person_id: person.id }]);
    expect(expectOk(await p.call('exchange.trust', {})).pending).toEqual([]);

    const history = expectOk(await p.call('reports.history', { id: reportA.id }));
    const received = history.filter((entry) => entry.bundle);
    expect(received).toHaveLength(1);
    expect(received[0]!.bundle).toMatchObject({ officeCode: '12345', officeName: 'Công an xã Quảng Hưng', seq: full.seq, bundleId: full.bundleId });
  });

  it('an unknown sender is named by its key, never by what its header claims', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const p = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
    const liar = foreignOffice({ id: '12345', code: '12345', name: 'Công an xã Quảng Hưng', level: 'commune' });
    const bytes = readFileSync(handBundle({ from: liar, to: await cardOf(p), lines: [] }));
    const error = expectError(await p.call('exchange.preview', { uploadId: await upload(p, bytes) }), 'exchange.unknown_sender');
    expect(error.params).toEqual({ key: liar.file.keyId });
    expect(error.message).not.toContain('Quảng Hưng');
  });
});

describe('the province\'s own links to its communes\' records', () => {
  it('stay at the province: its bundle to the ministry leaves out the campaign\'s count of a commune\'s report, which the ministry could never resolve', async () => {
    const world = await province();
    const { clock, p, reportA } = world;
    const ministry = await createOffice({ now: clock.now, office: { code: '100', name: 'Bộ Công an', level: 'higher', parentCode: '000', parentName: 'Chính phủ' }, localities: [] });
    const mAtP = await enrol(p, ministry, 'parent');
    await enrol(ministry, p, 'child');
    const campaign = expectOk(
      await p.call('campaigns.create', { name: 'Đợt cao điểm tấn công trộm cắp', decisionNo: '12/KH-CAT', startDate: '2026-11-01', endDate: '2026-11-30', targets: [{ measureCode: 'heroin', target: 10 }] }),
    );
    expectOk(await p.call('campaigns.linkReport', { campaignId: campaign.id, reportId: reportA.id }));
    expect(rows(p, 'SELECT count(*) AS n FROM campaign_reports WHERE campaign_id = ?', campaign.id)).toEqual([{ n: 1 }]);

    const summary = await importBytes(ministry, await exported(p, mAtP, 'full'));
    expect(summary.counts.rejected).toBe(0);
    expect(summary.counts.pending).toBe(0);
    expect(rows(ministry, 'SELECT name FROM campaigns WHERE id = ?', campaign.id)).toEqual([{ name: 'Đợt cao điểm tấn công trộm cắp' }]);
    expect(rows(ministry, 'SELECT count(*) AS n FROM campaign_reports')).toEqual([{ n: 0 }]);
    expect(rows(ministry, 'SELECT count(*) AS n FROM exchange_pending')).toEqual([{ n: 0 }]);
    expect(rows(ministry, "SELECT count(*) AS n FROM reports WHERE office_id = '12345'")).toEqual([{ n: 0 }]);
  });
});

describe('the audit log anchored upstream', () => {
  it('a commune whose audit log was rewritten (an entry removed, the hashes recomputed) is flagged by its next bundle', async () => {
    const world = await province();
    const { p, a, keys } = world;
    // Anchored by the bundle the province already took; now A's admin rewrites the log with the key.
    const sql = a.backend.requireStore().sql;
    const entries = sql.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
    const { appendAudit } = await import('../../db/audit');
    sql.transaction(() => {
      sql.prepare('DELETE FROM audit_log').run();
      for (const entry of entries.slice(0, 3).concat(entries.slice(4))) {
        appendAudit(sql, { at: entry.at as number, userId: entry.user_id as string | null, call: entry.call as string, action: entry.action as string, table: entry.table_name as string | null, recordId: entry.record_id as string | null, before: entry.before ? JSON.parse(entry.before as string) : undefined, after: entry.after ? JSON.parse(entry.after as string) : undefined });
      }
    })();
    await a.call('localities.create', { name: 'Thôn Sau', kind: 'thôn' });
    const summary = await importBytes(p, await exported(a, keys.pAtA));
    expect(summary.auditRewritten).toMatchObject({ anchoredCount: expect.any(Number) });
    const trust = expectOk(await p.call('exchange.trust', {}));
    expect(trust.alerts[0]).toMatchObject({ kind: 'audit_rewritten', officeCode: '12345' });

    // An honest commune's next bundle raises nothing.
    await a.call('localities.create', { name: 'Thôn Sau Nữa', kind: 'thôn' });
    const next = await importBytes(p, await exported(a, keys.pAtA));
    expect(next.auditRewritten).toBeNull();
  });

  it('every bundle carries the sender\'s app version and audit head; the province shows each office\'s version', async () => {
    const world = await province();
    const { p } = world;
    const peers = expectOk(await p.call('exchange.peers', {}));
    expect(peers.find((peer) => peer.officeCode === '12345')).toMatchObject({ appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/), oldCard: false });
    const overview = expectOk(await p.call('exchange.offices', {}));
    expect(overview.offices.find((row) => row.code === '12345')).toMatchObject({ appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/), olderApp: false });
    // An office on an older app is flagged.
    p.backend.requireStore().sql.prepare("UPDATE exchange_peers SET app_version = '0.0.1' WHERE office_code = '12345'").run();
    const flagged = expectOk(await p.call('exchange.offices', {}));
    expect(flagged.offices.find((row) => row.code === '12345')).toMatchObject({ appVersion: '0.0.1', olderApp: true });
    expect(auditPointSchema.safeParse({ count: 1, hash: 'x' }).success).toBe(false);
  });
});
