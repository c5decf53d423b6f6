import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { CallInput, CallName } from '../../api/contract';
import type { Backend } from '../../db/backend';
import type { PublicKeyFile } from '../../db/exchange/keys';
import { expectOk, setupInput, type TestOffice } from './backend';
import { foreignOffice, handBundle } from './exchange';

/**
 * One valid input per call of the contract, so that in a permission test validation passes and the
 * permission check is what decides. Each sample is a function of a small office fixture built once
 * through the calls (a report, people, a program, a hotspot, a campaign, an operation, a team…), and
 * calls that change or void a record get a record of their own, so one office can run every call once
 * and each allowed call still succeeds.
 *
 * The table is typed as a full map of CallName: a call added to the contract without a sample here does
 * not compile (and tests/integration/permission-matrix.test.ts checks the keys at run time too).
 */

/** Vietnam local time (UTC+7) of a date, as epoch ms. */
export const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

/** The clock the fixture's dates are written for: samples' dates lie before it. */
export const SAMPLE_NOW = vn('2026-03-20');

export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

/** A record to change, with the version the change starts from. */
export interface Target {
  readonly id: string;
  readonly baseVersion: string;
}

export interface Fixture {
  /** Whoever runs the samples: auth.login, auth.unlock and auth.changePassword use their password. */
  readonly actor: Actor;
  readonly localities: { readonly dong: string; readonly tay: string };
  readonly users: { readonly target: string; readonly toDeactivate: string };
  readonly holiday: string;
  readonly reports: {
    readonly main: { readonly id: string };
    readonly toUpdate: Target;
    readonly toTransition: Target;
    readonly toVoid: Target;
  };
  readonly persons: {
    readonly main: string;
    readonly other: string;
    readonly toUpdate: Target;
    readonly keep: Target;
    readonly drop: Target;
    readonly toMove: Target;
    readonly toLink: readonly [string, string];
    /** A link between main and other, for persons.unlink. */
    readonly linkId: string;
  };
  readonly attachments: { readonly main: string; readonly toVoid: string };
  readonly programs: {
    readonly main: string;
    readonly toUpdate: { readonly id: string; readonly baseVersion: string; readonly personId: string };
    readonly toEnd: Target;
  };
  readonly hotspots: {
    readonly main: string;
    readonly toUpdate: Target;
    readonly toSetStatus: Target;
    /** A person linked to main, for hotspots.unlink. */
    readonly linkId: string;
  };
  readonly campaigns: {
    readonly main: string;
    readonly toUpdate: Target;
    /** A report linked to main, for campaigns.unlinkReport. */
    readonly linkId: string;
    readonly operation: string;
  };
  readonly team: { readonly id: string; readonly memberId: string };
  readonly model: string;
  readonly safety: { readonly unitId: string; readonly schoolCriteria: readonly string[] };
  readonly periodic: string;
  readonly exchange: {
    /** A child office's public-key file and its fingerprint, for exchange.inspectKey and exchange.enrol. */
    readonly childKey: { readonly text: string; readonly fingerprint: string };
    readonly parentKeyId: string;
    readonly toRevoke: string;
    readonly bundleId: string;
    /** Staged bundles from the parent: one for the dry run, one to apply. */
    readonly toPreview: string;
    readonly toApply: string;
    readonly conflictId: string;
  };
  /** Old register files held for the import (issue 22): one for the dry run, one to apply, and an import to undo. */
  readonly legacy: { readonly toPreview: string; readonly toApply: string; readonly toUndo: string };
  /**
   * A backup taken by hand at the end of the fixture: backups.restore puts the office back as the
   * fixture left it, so the calls after it in the matrix still find their records.
   */
  readonly backup: string;
}

/** A real 1×1 PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const NEW_USER_PASSWORD = 'Người-mới-2026-Tràm-Chim';

const reportFields = (f: { localityId: string; personId: string }, summary: string): CallInput<'reports.create'> => ({
  receivedAt: vn('2026-03-10'),
  channel: 'phone',
  kind: 'crime_report',
  categoryCode: 'theft',
  localityId: f.localityId,
  summary,
  persons: [{ personId: f.personId, role: 'suspect' }],
});

const hotspotFields = (name: string): CallInput<'hotspots.create'> => ({ name, type: 'gambling', foundOn: '2026-03-01', risk: 'medium' });

const campaignFields = (name: string): CallInput<'campaigns.create'> => ({
  name,
  decisionNo: '07/KH-CAX',
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  targets: [{ measureCode: 'heroin', target: 50 }],
});

const issueFields = (narrative: string): CallInput<'periodic.issue'> => ({
  period: { kind: 'month', year: 2026, index: 3 },
  narrative,
  symbol: 'BC-CAX',
  issuedOn: '2026-03-16',
  place: 'Quảng Hưng',
  signerTitle: 'TRƯỞNG CÔNG AN XÃ',
  signerName: 'Nguyễn Văn Đức',
  recipients: ['Công an tỉnh Thanh Hóa'],
});

/**
 * Builds the fixture in `office` as its administrator, through the calls. About 60 calls and two user
 * creations; the office's clock should read SAMPLE_NOW or later.
 */
export async function buildFixture(office: TestOffice, actor: Actor): Promise<Fixture> {
  const call = office.call;
  const localities = expectOk(await call('localities.list', {}));
  const dong = localities.find((l) => l.name === 'Thôn Đông')!.id;
  const tay = localities.find((l) => l.name === 'Thôn Tây')!.id;
  const newUser = async (username: string, fullName: string) =>
    expectOk(await call('users.create', { fullName, username, role: 'officer', password: NEW_USER_PASSWORD, passwordConfirm: NEW_USER_PASSWORD })).id;
  const targetUser = await newUser('pm.target', 'Đỗ Văn Thành');
  const toDeactivate = await newUser('pm.leaving', 'Hà Thị Lan');
  const holiday = expectOk(await call('holidays.create', { date: '2026-09-03', name: 'Nghỉ bù Quốc khánh' })).id;

  const person = async (fullName: string, birthYear: number) => expectOk(await call('persons.create', { fullName, birthYear, localityId: dong })).id;
  const target = (r: { id: string; version: string }): Target => ({ id: r.id, baseVersion: r.version });
  const versioned = async (id: string): Promise<Target> => ({ id, baseVersion: expectOk(await call('persons.get', { id })).version });
  const main = await person('Nguyễn Văn An', 1990);
  const other = await person('Trần Văn Bình', 1988);
  const linkA = await person('Lê Văn Cường', 1985);
  const linkB = await person('Phạm Thị Dung', 1992);
  const toUpdate = await versioned(await person('Hoàng Văn Em', 1995));
  const keep = await versioned(await person('Vũ Văn Giang', 1980));
  const drop = await versioned(await person('Vũ Văn Giang', 1980));
  const toMove = await versioned(await person('Lý Văn Minh', 1999));
  expectOk(await call('persons.link', { personId: main, otherId: other, kind: 'family' }));
  const personLink = expectOk(await call('persons.overview', { id: main })).links[0]!.linkId;

  const report = async (summary: string) => expectOk(await call('reports.create', reportFields({ localityId: dong, personId: main }, summary)));
  const mainReport = await report('Trộm cắp xe máy tại chợ Đông');
  const reportToUpdate = target(await report('Trộm cắp điện thoại'));
  const reportToTransition = target(await report('Trộm cắp gà'));
  const reportToVoid = target(await report('Nhập nhầm'));
  const attach = async (fileName: string) =>
    expectOk(await call('attachments.add', { ownerTable: 'reports', ownerId: mainReport.id, fileName, dataBase64: PNG_BASE64 })).id;
  const attachment = await attach('hiện trường.png');
  const attachmentToVoid = await attach('ảnh nhầm.png');

  const program = async (personId: string) => expectOk(await call('programs.create', { personId, kindCode: 'drug_user', startDate: '2026-03-01' }));
  const mainProgram = (await program(main)).id;
  const programToUpdate = await program(other);
  const programToEnd = await program(linkA);

  const hotspot = async (name: string) => expectOk(await call('hotspots.create', hotspotFields(name)));
  const mainHotspot = await hotspot('Quán nước đầu cầu Đông');
  const hotspotLink = expectOk(await call('hotspots.linkPerson', { hotspotId: mainHotspot.id, personId: other, role: 'organiser' })).persons[0]!.linkId;
  const hotspotToUpdate = await hotspot('Bãi đất trống Thôn Tây');
  const hotspotToSetStatus = await hotspot('Nhà nghỉ Bình An');

  const mainCampaign = expectOk(await call('campaigns.create', campaignFields('Đợt cao điểm tháng 3/2026')));
  const campaignToUpdate = expectOk(await call('campaigns.create', campaignFields('Đợt tuần tra Thôn Tây')));
  const linked = expectOk(await call('campaigns.linkReport', { campaignId: mainCampaign.id, reportId: reportToVoid.id }));
  const campaignLink = linked.linkedReports.find((r) => r.reportId === reportToVoid.id)!.linkId!;
  const operation = expectOk(await call('operations.create', { campaignId: mainCampaign.id, kind: 'patrol', startedAt: vn('2026-03-05', '21:00') })).id;

  const team = expectOk(await call('teams.create', { name: 'Tổ bảo vệ ANTT Thôn Đông', localityIds: [dong], foundedOn: '2024-07-15' }));
  const withMember = expectOk(await call('teams.addMember', { teamId: team.id, fullName: 'Lê Văn Tổ', role: 'leader', joinedOn: '2024-07-15' }));
  const model = expectOk(await call('models.create', { name: 'Camera an ninh Thôn Đông', kind: 'self_protection', startedOn: '2025-03-01' })).id;
  const unitId = expectOk(await call('safety.addUnit', { name: 'Trường THCS Quảng Hưng', unitKind: 'school' })).id;
  expectOk(await call('safety.addCriterion', { code: 'pm_to_update', unitKind: 'agency', text: 'Tiêu chí để sửa' }));
  expectOk(await call('safety.addCriterion', { code: 'pm_to_retire', unitKind: 'agency', text: 'Tiêu chí để bỏ' }));
  const schoolCriteria = expectOk(await call('safety.summary', { year: 2026 }))
    .criteria.filter((c) => c.unitKind === 'school')
    .map((c) => c.code);
  const periodic = expectOk(await call('periodic.issue', issueFields('Trong tháng, tiếp nhận 4 tin báo.'))).id;
  const exchange = await exchangeFixture(office, reportFields({ localityId: dong, personId: main }, 'Tin báo sửa ở hai máy'));
  const legacy = await legacyFixture(office, actor);
  const backup = expectOk(await call('backups.create', {})).name;

  return {
    backup,
    actor,
    localities: { dong, tay },
    users: { target: targetUser, toDeactivate },
    holiday,
    reports: { main: { id: mainReport.id }, toUpdate: reportToUpdate, toTransition: reportToTransition, toVoid: reportToVoid },
    persons: { main, other, toUpdate, keep, drop, toMove, toLink: [linkA, linkB], linkId: personLink },
    attachments: { main: attachment, toVoid: attachmentToVoid },
    programs: {
      main: mainProgram,
      toUpdate: { ...target(programToUpdate), personId: other },
      toEnd: target(programToEnd),
    },
    hotspots: {
      main: mainHotspot.id,
      toUpdate: target(hotspotToUpdate),
      toSetStatus: target(hotspotToSetStatus),
      linkId: hotspotLink,
    },
    campaigns: { main: mainCampaign.id, toUpdate: target(campaignToUpdate), linkId: campaignLink, operation },
    team: { id: team.id, memberId: withMember.members[0]!.id },
    model,
    safety: { unitId, schoolCriteria },
    periodic,
    exchange,
    legacy,
  };
}

/** A small old register as CSV (register numbers of `year`), base64, for the legacy import calls. */
export const legacyCsvBase64 = (year: number) => Buffer.from(`Số,Ngày tiếp nhận,Nội dung\n1,5/1/${year},Trộm cắp xe đạp\n2,9/2/${year},Gây rối trật tự\n`).toString('base64');

/**
 * Register files held for legacy.preview and legacy.apply, and one import applied, for legacy.undo. A
 * file is its sender's only (db/legacy/uploads.ts): those for the samples are sent by the actor when the
 * actor may import (chiefs and administrators), else by the administrator (the actor is refused anyway).
 */
async function legacyFixture(office: TestOffice, actor: Actor): Promise<Fixture['legacy']> {
  const role = (office.backend.requireStore().sql.prepare('SELECT role FROM users WHERE id = ?').get(actor.id) as { role: string } | undefined)?.role;
  const sender = role === 'chief' || (role === 'admin' && actor.id !== office.adminId) ? await office.login(actor.username, actor.password) : office.session;
  const stage = async (year: number) =>
    expectOk(await office.callAs(sender, 'legacy.upload', { uploadId: null, fileName: `so-${year}.csv`, offset: 0, dataBase64: legacyCsvBase64(year) })).uploadId;
  const applied = expectOk(await office.call('legacy.apply', { uploadId: expectOk(await office.call('legacy.upload', { uploadId: null, fileName: 'so-2017.csv', offset: 0, dataBase64: legacyCsvBase64(2017) })).uploadId }));
  if (applied.importId === null) throw new Error('the fixture\'s legacy import wrote nothing');
  return { toPreview: await stage(2018), toApply: await stage(2019), toUndo: applied.importId };
}

/**
 * Exchange: a parent office enrolled (and a bundle exported to it), a reference bundle from it staged
 * twice, a peer to revoke, and a conflict made by a bundle from another PC of this office that edited a
 * report this PC edited too.
 */
async function exchangeFixture(office: TestOffice, conflictReport: CallInput<'reports.create'>): Promise<Fixture['exchange']> {
  const call = office.call;
  const me = JSON.parse(expectOk(await call('exchange.identity', {})).publicKeyFile) as PublicKeyFile;
  const parent = foreignOffice({ id: '38', code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher' });
  const child = foreignOffice({ id: '12346', code: '12346', name: 'Công an xã Quảng Ninh', level: 'commune' });
  const leaving = foreignOffice({ id: '12347', code: '12347', name: 'Công an xã Quảng Hòa', level: 'commune' });
  const sibling = foreignOffice({ ...me.office });
  for (const [peer, role] of [[parent, 'parent'], [leaving, 'child'], [sibling, 'sibling']] as const) {
    expectOk(await call('exchange.enrol', { publicKey: peer.text, role, fingerprint: peer.file.fingerprint }));
  }
  const bundleId = expectOk(await call('exchange.export', { recipients: [parent.file.keyId], mode: 'full' })).bundleId;
  const stage = async (path: string) => expectOk(await call('exchange.upload', { uploadId: null, offset: 0, dataBase64: readFileSync(path).toString('base64') })).uploadId;
  const reference = () => handBundle({ from: parent, to: me, kind: 'reference' });
  const report = expectOk(await call('reports.create', conflictReport));
  const row = office.backend.requireStore().sql.prepare('SELECT * FROM reports WHERE id = ?').get(report.id) as Record<string, unknown>;
  const edited = { ...row, summary: 'Sửa ở máy thứ hai', version: `${String(report.receivedAt).padStart(13, '0')}-00000-${'e'.repeat(16)}`, base_version: null };
  const conflicting = await stage(handBundle({ from: sibling, to: me, lines: [{ t: 'reports', r: edited }] }));
  const applied = expectOk(await call('exchange.apply', { uploadId: conflicting }));
  if (applied.counts.conflicts !== 1) throw new Error(`the fixture's conflict was not made: ${JSON.stringify(applied.counts)}`);
  const conflictId = expectOk(await call('exchange.conflicts', {}))[0]!.id;
  return {
    childKey: { text: child.text, fingerprint: child.file.fingerprint },
    parentKeyId: parent.file.keyId,
    toRevoke: leaving.file.keyId,
    bundleId,
    toPreview: await stage(reference()),
    toApply: await stage(reference()),
    conflictId,
  };
}

export type CallSamples = { readonly [N in CallName]: (f: Fixture) => CallInput<N> };

export const callSamples: CallSamples = {
  'setup.status': () => ({}),
  'setup.create': () => setupInput(),
  'setup.demo': () => ({ admin: setupInput().admin }),

  'auth.login': (f) => ({ username: f.actor.username, password: f.actor.password }),
  'auth.logout': () => ({}),
  'auth.session': () => ({}),
  'auth.lock': () => ({}),
  'auth.unlock': (f) => ({ password: f.actor.password }),
  // The same password again (refused by the history): the actor can still log in afterwards.
  'auth.changePassword': (f) => ({ current: f.actor.password, password: f.actor.password, passwordConfirm: f.actor.password }),

  'users.list': () => ({}),
  'users.officers': () => ({}),
  'users.create': () => ({ fullName: 'Võ Văn Kiệt', rank: 'Thiếu úy', username: 'pm.new', role: 'officer', password: NEW_USER_PASSWORD, passwordConfirm: NEW_USER_PASSWORD }),
  'users.update': (f) => ({ userId: f.users.target, fullName: 'Đỗ Văn Thành', rank: 'Đại úy', role: 'chief' }),
  'users.resetPassword': (f) => ({ userId: f.users.target, password: 'Mật-khẩu-cấp-lại-1-Tràm-Chim', passwordConfirm: 'Mật-khẩu-cấp-lại-1-Tràm-Chim' }),
  'users.unlock': (f) => ({ userId: f.users.target }),
  'users.setActive': (f) => ({ userId: f.users.toDeactivate, active: false }),

  'office.get': () => ({}),
  'offices.list': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ idleLockMinutes: 30, remoteCommune: false }),
  'localities.list': () => ({}),
  'localities.create': () => ({ name: 'Thôn Mới', kind: 'thôn' }),
  'categories.list': () => ({}),
  'holidays.list': () => ({ year: 2026 }),
  'holidays.create': () => ({ date: '2026-12-31', name: 'Nghỉ cuối năm' }),
  'holidays.void': (f) => ({ id: f.holiday, reason: 'Nhập nhầm ngày' }),
  'holidays.year': () => ({ year: 2026 }),
  'holidays.remove': () => ({ date: '2026-09-01', reason: 'Lịch nghỉ năm 2026 đổi sang ngày 03/09' }),
  'holidays.confirm': () => ({ year: 2027 }),
  'holidays.pending': () => ({}),

  'reports.list': () => ({}),
  'reports.get': (f) => ({ id: f.reports.main.id }),
  'reports.history': (f) => ({ id: f.reports.main.id }),
  'reports.create': (f) => reportFields({ localityId: f.localities.tay, personId: f.persons.other }, 'Đánh nhau tại quán'),
  'reports.update': (f) => ({
    ...f.reports.toUpdate,
    fields: { ...reportFields({ localityId: f.localities.dong, personId: f.persons.main }, 'Trộm cắp điện thoại di động'), description: 'Bổ sung lời khai' },
  }),
  'reports.transition': (f) => ({ ...f.reports.toTransition, step: { action: 'start_check' } }),
  'reports.void': (f) => ({ ...f.reports.toVoid, reason: 'Trùng với tin báo khác' }),
  'reports.deadlines': () => ({}),
  'persons.match': () => ({ fullName: 'Nguyễn Văn An', birthYear: 1990 }),
  'persons.search': () => ({ q: 'Nguyễn' }),
  'persons.get': (f) => ({ id: f.persons.main }),
  'persons.update': (f) => ({ ...f.persons.toUpdate, fields: { fullName: 'Hoàng Văn Em', birthYear: 1995, notes: 'Đã xác minh' } }),

  'attachments.add': (f) => ({ ownerTable: 'reports', ownerId: f.reports.main.id, fileName: 'biên bản.png', dataBase64: PNG_BASE64 }),
  'attachments.open': (f) => ({ id: f.attachments.main }),
  'attachments.void': (f) => ({ id: f.attachments.toVoid, reason: 'Ảnh nhầm' }),
  'attachments.list': (f) => ({ ownerTable: 'reports', ownerId: f.reports.main.id }),

  'persons.list': () => ({}),
  'persons.create': () => ({ fullName: 'Đinh Văn Hải', birthYear: 1979 }),
  'persons.overview': (f) => ({ id: f.persons.main }),
  'persons.link': (f) => ({ personId: f.persons.toLink[0], otherId: f.persons.toLink[1], kind: 'associate', note: 'Cùng nhóm' }),
  'persons.unlink': (f) => ({ linkId: f.persons.linkId, reason: 'Không phải người nhà' }),
  'persons.duplicates': () => ({}),
  'persons.duplicatesOf': (f) => ({ id: f.persons.keep.id }),
  'persons.merge': (f) => ({ keepId: f.persons.keep.id, keepVersion: f.persons.keep.baseVersion, dropId: f.persons.drop.id, dropVersion: f.persons.drop.baseVersion }),
  'persons.moveAway': (f) => ({ ...f.persons.toMove, to: 'Xã Quảng Lợi, tỉnh Thanh Hóa', on: '2026-03-12' }),
  'programs.kinds': () => ({}),
  'programs.createKind': () => ({ code: 'pm_watch', nameVi: 'Theo dõi đặc biệt', nameEn: 'Special watch', months: 6 }),
  'programs.list': () => ({}),
  'programs.get': (f) => ({ id: f.programs.main }),
  'programs.create': (f) => ({ personId: f.persons.toLink[1], kindCode: 'drug_user', startDate: '2026-03-05' }),
  'programs.update': (f) => ({
    id: f.programs.toUpdate.id,
    baseVersion: f.programs.toUpdate.baseVersion,
    fields: { personId: f.programs.toUpdate.personId, kindCode: 'drug_user', decisionNo: '21/QĐ-UBND', startDate: '2026-03-01' },
  }),
  'programs.checkin': (f) => ({ programId: f.programs.main, date: '2026-03-12', result: 'Có mặt', drugTestResult: 'negative' }),
  'programs.end': (f) => ({ ...f.programs.toEnd, on: '2026-03-14', reason: 'moved', note: 'Chuyển đi nơi khác' }),
  'programs.reminders': () => ({}),
  'graph.around': (f) => ({ kind: 'person', id: f.persons.main }),

  'hotspots.list': () => ({}),
  'hotspots.get': (f) => ({ id: f.hotspots.main }),
  'hotspots.create': () => hotspotFields('Quán karaoke Thôn Tây'),
  'hotspots.update': (f) => ({ ...f.hotspots.toUpdate, fields: { ...hotspotFields('Bãi đất trống Thôn Tây'), risk: 'high' } }),
  'hotspots.setStatus': (f) => ({ ...f.hotspots.toSetStatus, status: 'active', on: '2026-03-10', note: 'Xác minh có hoạt động' }),
  'hotspots.linkPerson': (f) => ({ hotspotId: f.hotspots.main, personId: f.persons.main, role: 'user' }),
  'hotspots.linkReport': (f) => ({ hotspotId: f.hotspots.main, reportId: f.reports.main.id }),
  'hotspots.unlink': (f) => ({ linkId: f.hotspots.linkId, reason: 'Nhầm người' }),
  'hotspots.check': (f) => ({ hotspotId: f.hotspots.main, date: '2026-03-12', officers: 'Tổ tuần tra', found: 'Không phát hiện' }),
  'hotspots.due': () => ({}),

  'campaigns.measures': () => ({}),
  'measures.create': () => ({ code: 'sample_item', nameVi: 'Tang vật mẫu', unit: 'kg' }),
  'campaigns.list': () => ({}),
  'campaigns.get': (f) => ({ id: f.campaigns.main }),
  'campaigns.create': () => campaignFields('Đợt cao điểm bảo đảm ANTT dịp lễ'),
  'campaigns.update': (f) => ({ ...f.campaigns.toUpdate, fields: { ...campaignFields('Đợt tuần tra Thôn Tây'), notes: 'Mở rộng phạm vi' } }),
  'campaigns.adjust': (f) => ({ campaignId: f.campaigns.main, measureCode: 'heroin', delta: 2, reason: 'Số liệu của Công an tỉnh chuyển về' }),
  'campaigns.linkReport': (f) => ({ campaignId: f.campaigns.main, reportId: f.reports.main.id }),
  'campaigns.unlinkReport': (f) => ({ linkId: f.campaigns.linkId, reason: 'Không thuộc đợt' }),
  'operations.create': (f) => ({ campaignId: f.campaigns.main, kind: 'raid', startedAt: vn('2026-03-08', '22:00'), personsArrested: 1, reportIds: [f.reports.main.id] }),
  'operations.void': (f) => ({ id: f.campaigns.operation, reason: 'Nhập nhầm' }),

  'teams.list': () => ({}),
  'teams.create': (f) => ({ name: 'Tổ tự quản Thôn Tây', localityIds: [f.localities.tay] }),
  'teams.addMember': (f) => ({ teamId: f.team.id, fullName: 'Phan Văn Tư', role: 'member', joinedOn: '2025-01-10' }),
  'teams.endMember': (f) => ({ memberId: f.team.memberId, leftOn: '2026-03-01' }),
  'teams.addActivity': (f) => ({ teamId: f.team.id, kind: 'patrol', date: '2026-03-11', description: 'Tuần tra đêm' }),
  'models.list': () => ({}),
  'models.create': () => ({ name: 'Tổ hòa giải Thôn Tây', kind: 'self_mediation', startedOn: '2025-06-01' }),
  'models.evaluate': (f) => ({ modelId: f.model, year: 2026, rating: 'good' }),
  'safety.addUnit': () => ({ name: 'Công ty TNHH Quảng Hưng', unitKind: 'enterprise' }),
  'safety.addCriterion': () => ({ code: 'pm_new', unitKind: 'agency', text: 'Tiêu chí mới' }),
  'safety.updateCriterion': () => ({ code: 'pm_to_update', text: 'Tiêu chí đã sửa' }),
  'safety.retireCriterion': () => ({ code: 'pm_to_retire', reason: 'Không còn trong hướng dẫn' }),
  'safety.evaluate': (f) => ({ year: 2026, unitKind: 'school', unitId: f.safety.unitId, results: f.safety.schoolCriteria.map((code) => ({ criterionCode: code, passed: true })) }),
  'safety.summary': () => ({ year: 2026 }),

  'periodic.compute': () => ({ period: { kind: 'month', year: 2026, index: 3 } }),
  'periodic.issue': () => issueFields('Bản báo cáo tháng 3.'),
  'periodic.list': () => ({}),
  'periodic.get': (f) => ({ id: f.periodic }),

  'exchange.identity': () => ({}),
  'exchange.inspectKey': (f) => ({ publicKey: f.exchange.childKey.text }),
  'exchange.enrol': (f) => ({ publicKey: f.exchange.childKey.text, role: 'child', fingerprint: f.exchange.childKey.fingerprint }),
  'exchange.revoke': (f) => ({ keyId: f.exchange.toRevoke }),
  'exchange.peers': () => ({}),
  'exchange.export': (f) => ({ recipients: [f.exchange.parentKeyId] }),
  'exchange.trust': () => ({}),
  'exchange.download': (f) => ({ bundleId: f.exchange.bundleId, offset: 0 }),
  'exchange.upload': () => ({ uploadId: null, offset: 0, dataBase64: 'U08tQU5UVA==' }),
  'exchange.preview': (f) => ({ uploadId: f.exchange.toPreview }),
  'exchange.apply': (f) => ({ uploadId: f.exchange.toApply }),
  'exchange.conflicts': () => ({}),
  'exchange.resolve': (f) => ({ id: f.exchange.conflictId, choice: 'merge', incomingColumns: ['summary'] }),
  'exchange.offices': () => ({}),
  'exchange.history': () => ({}),

  'audit.verify': () => ({}),
  'audit.list': () => ({ action: 'read', limit: 20 }),

  'backups.list': () => ({}),
  'backups.inspect': (f) => ({ name: f.backup }),
  'backups.create': () => ({}),
  'backups.restore': (f) => ({ name: f.backup, confirm: true }),
  'drafts.get': () => ({ form: 'report.new' }),
  'drafts.save': () => ({ form: 'report.new', data: JSON.stringify({ summary: 'Đang gõ dở' }) }),
  'drafts.discard': () => ({ form: 'report.new' }),

  'legacy.upload': () => ({ uploadId: null, fileName: 'so-2016.csv', offset: 0, dataBase64: legacyCsvBase64(2016) }),
  'legacy.preview': (f) => ({ uploadId: f.legacy.toPreview }),
  'legacy.apply': (f) => ({ uploadId: f.legacy.toApply }),
  'legacy.imports': () => ({}),
  'legacy.mappings': () => ({ register: 'persons' }),
  'legacy.saveMapping': () => ({ register: 'persons', name: 'Sổ người nghiện', headers: ['Họ và tên', 'Năm sinh', 'CCCD'], mapping: [{ column: 0, field: 'fullName' }, { column: 1, field: 'birthDate' }, { column: 2, field: 'citizenId' }], values: [] }),
  'legacy.progress': (f) => ({ uploadId: f.legacy.toPreview }),
  'legacy.cancel': (f) => ({ uploadId: f.legacy.toPreview }),
  'legacy.undo': (f) => ({ importId: f.legacy.toUndo, reason: 'Nhập nhầm tệp' }),
};

/** The sample of `name` for `fixture`, typed loosely for loops over every call. */
export function sampleOf(name: CallName, fixture: Fixture): unknown {
  return (callSamples[name] as (f: Fixture) => unknown)(fixture);
}

/**
 * What a call could have changed, read cheaply: SQLite's total_changes() on the store's connection
 * (every row inserted, updated or deleted since it opened, triggers included), PRAGMA data_version
 * (moved by a commit on another connection: a bundle's import writes on its own, db/exchange/import-job.ts),
 * the audit log's length and last hash, the change sequence, the settings, the keyring file, the attachment and backup files.
 */
export interface StoreFingerprint {
  readonly totalChanges: number;
  readonly dataVersion: number;
  readonly auditEntries: number;
  readonly auditHead: string | null;
  readonly seq: number;
  readonly settings: string;
  readonly keyring: string;
  readonly attachmentFiles: number;
  readonly backupFiles: number;
}

export function storeFingerprint(backend: Backend): StoreFingerprint {
  const sql = backend.requireStore().sql;
  const audit = sql.prepare('SELECT count(*) AS n, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS head FROM audit_log').get() as { n: number; head: string | null };
  const clock = sql.prepare('SELECT seq FROM clock_state WHERE id = 1').get() as { seq: number };
  const changes = sql.prepare('SELECT total_changes() AS n').get() as { n: number };
  const settings = JSON.stringify(sql.prepare('SELECT key, value, updated_at, updated_by FROM settings ORDER BY key').all());
  const attachments = backend.paths.attachments;
  const backups = backend.paths.backups;
  return {
    totalChanges: changes.n,
    dataVersion: sql.pragma('data_version', { simple: true }) as number,
    auditEntries: audit.n,
    auditHead: audit.head,
    seq: clock.seq,
    settings,
    keyring: createHash('sha256').update(readFileSync(backend.paths.keyring)).digest('hex'),
    attachmentFiles: existsSync(attachments) ? readdirSync(attachments).length : 0,
    backupFiles: existsSync(backups) ? readdirSync(backups).length : 0,
  };
}
