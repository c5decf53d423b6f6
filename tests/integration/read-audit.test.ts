import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFields } from '../../api/calls/register';
import { contract, type CallName } from '../../api/contract';
import type { ReportDetail } from '../../api/views';
import { roleHasPermission, type Role } from '../../api/roles';
import type { Session } from '../../db/sessions';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { addDays, localDate } from '../../core/calendar';
import { addUser, cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';
import { buildFixture, sampleOf, SAMPLE_NOW, type Fixture } from '../support/call-samples';

/**
 * Issue #17: every call that returns personal data writes one read entry (who, which call, which
 * records, the query of a list), through the contract's `audit` and the dispatcher; the audit log is
 * listed with filters and paging (audit.list); a secret reporter's name, contact and address reach
 * chiefs and administrators only, each time audited, and never an officer, whatever the call.
 */

const SECRET = { reporterName: 'Phạm Văn Kín', reporterContact: '0912 345 678', reporterAddress: 'Số 5 ngõ 7 Thôn Đông' };
const SECRET_VALUES = Object.values(SECRET);

/** The calls issue #17 names, and the others that return names or ID numbers: each must be audited. */
const MUST_AUDIT: readonly CallName[] = [
  'persons.search',
  'persons.list',
  'persons.get',
  'persons.match',
  'persons.overview',
  'persons.duplicates',
  'persons.duplicatesOf',
  'reports.list',
  'reports.get',
  'reports.history',
  'reports.deadlines',
  'hotspots.get',
  'programs.get',
  'programs.list',
  'programs.reminders',
  'graph.around',
  'teams.list',
  'attachments.open',
  'exchange.conflicts',
  'audit.list',
];

interface Entry {
  id: number;
  user_id: string | null;
  call: string;
  action: string;
  table_name: string | null;
  record_id: string | null;
  after: string | null;
}

/** A report's editable fields, as the form sends them back. */
const fieldsOf = (report: ReportDetail, patch: Partial<ReportDetail>) => {
  const all: Record<string, unknown> = { ...report, ...patch, persons: report.persons.map((p) => ({ personId: p.person.id, role: p.role })) };
  // Only the form's own fields: the contract refuses any other key.
  return reportFields.parse(Object.fromEntries(Object.keys(reportFields.shape).filter((key) => key in all).map((key) => [key, all[key]])));
};

let office: TestOffice;
let fixture: Fixture;
const users = {} as Record<Role, { id: string; session: Session }>;
let conflictReport: string;

const sql = () => office.backend.requireStore().sql;
const lastId = () => (sql().prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
const entriesAfter = (id: number) => sql().prepare('SELECT id, user_id, call, action, table_name, record_id, after FROM audit_log WHERE id > ? ORDER BY id').all(id) as Entry[];
const as = <N extends CallName>(role: Role, name: N, input: unknown) => office.callAs(users[role].session, name, input as never);

beforeAll(async () => {
  const clock = manualClock(SAMPLE_NOW);
  office = await createOffice({ now: clock.now });
  for (const [role, username, fullName] of [
    ['officer', 'ra.officer', 'Trần Thị Hương'],
    ['chief', 'ra.chief', 'Lê Quốc Tuấn'],
  ] as const) {
    const password = `Trực-ban-đêm-ở-Bến-Nghé-${role}`;
    const id = await addUser(office, { username, password, fullName, role });
    users[role] = { id, session: await office.login(username, password) };
  }
  users.admin = { id: office.adminId, session: office.session };
  fixture = await buildFixture(office, { id: users.officer.id, username: 'ra.officer', password: 'Trực-ban-đêm-ở-Bến-Nghé-officer' });
  // The fixture's main report becomes a secret reporter's, through the app.
  const main = expectOk(await office.call('reports.get', { id: fixture.reports.main.id }));
  expectOk(
    await office.call('reports.update', {
      id: main.id,
      baseVersion: main.version,
      fields: fieldsOf(main, { ...SECRET, reporterAnonymous: true }),
    }),
  );
  // The report in conflict (exchange) too: set behind the app, as the conflict keeps both sides.
  conflictReport = (sql().prepare('SELECT record_id FROM exchange_conflicts WHERE resolved_at IS NULL').get() as { record_id: string }).record_id;
  sql()
    .prepare('UPDATE reports SET reporter_anonymous = 1, reporter_name = ?, reporter_contact = ?, reporter_address = ? WHERE id = ?')
    .run(SECRET.reporterName, SECRET.reporterContact, SECRET.reporterAddress, conflictReport);
}, 300_000);

afterAll(() => cleanup());

describe('read entries', () => {
  it('every call that returns names or ID numbers is audited in the contract', () => {
    const audited = (Object.keys(contract) as CallName[]).filter((name) => contract[name].audit);
    expect(MUST_AUDIT.filter((name) => !audited.includes(name))).toEqual([]);
  });

  it('each audited call writes one read entry with its user, its records and the query of a list', async () => {
    const failures: string[] = [];
    for (const name of (Object.keys(contract) as CallName[]).filter((n) => contract[n].audit)) {
      const role: Role = roleHasPermission('officer', contract[name].permission) ? 'officer' : 'chief';
      const input = sampleOf(name, fixture);
      const before = lastId();
      const result = await as(role, name, input);
      if (!result.ok) {
        failures.push(`${name}: ${result.error.code}`);
        continue;
      }
      const reads = entriesAfter(before).filter((e) => e.action === 'read');
      if (reads.length !== 1) {
        failures.push(`${name}: ${reads.length} read entries`);
        continue;
      }
      const entry = reads[0]!;
      const detail = JSON.parse(entry.after!) as { rows: number; ids: string[]; query?: unknown };
      const json = JSON.stringify(result.value);
      if (entry.user_id !== users[role].id || entry.call !== name) failures.push(`${name}: written as ${entry.user_id} ${entry.call}`);
      if (entry.table_name !== contract[name].audit!.table) failures.push(`${name}: table ${entry.table_name}`);
      if (detail.rows !== detail.ids.length) failures.push(`${name}: rows ${detail.rows} for ${detail.ids.length} ids`);
      if (entry.record_id !== (detail.ids.length === 1 ? detail.ids[0] : null)) failures.push(`${name}: record_id ${entry.record_id}`);
      for (const id of detail.ids) if (!json.includes(`"${id}"`) && (input as { id?: string }).id !== id) failures.push(`${name}: names ${id}, not in the result`);
      if (contract[name].audit!.query && JSON.stringify(detail.query) !== JSON.stringify(contract[name].input.parse(input))) failures.push(`${name}: query not kept`);
    }
    expect(failures).toEqual([]);
  });

  it('names exactly the records returned: the register page, a search, an opened person', async () => {
    let before = lastId();
    const page = expectOk(await as('officer', 'reports.list', { filters: { q: 'trộm cắp' }, limit: 2 }));
    let [entry] = entriesAfter(before);
    expect(page.rows.length).toBe(2);
    expect(entry).toMatchObject({ user_id: users.officer.id, call: 'reports.list', action: 'read', table_name: 'reports', record_id: null });
    const detail = JSON.parse(entry!.after!) as { rows: number; ids: string[]; query: { filters: { q: string } } };
    expect(detail.ids).toEqual(page.rows.map((r) => r.id));
    expect(detail.query.filters.q).toBe('trộm cắp');

    before = lastId();
    const found = expectOk(await as('chief', 'persons.search', { q: 'vu van giang' }));
    [entry] = entriesAfter(before);
    expect(found.length).toBeGreaterThan(0);
    expect(entry).toMatchObject({ user_id: users.chief.id, call: 'persons.search', table_name: 'persons' });
    expect((JSON.parse(entry!.after!) as { ids: string[] }).ids).toEqual(found.map((p) => p.id));

    before = lastId();
    expectOk(await as('officer', 'persons.get', { id: fixture.persons.main }));
    expect(entriesAfter(before)).toMatchObject([{ user_id: users.officer.id, call: 'persons.get', action: 'read', table_name: 'persons', record_id: fixture.persons.main }]);
  });

  it('a refused or failed call writes nothing, and the chain holds', async () => {
    const before = lastId();
    expectError(await as('officer', 'audit.list', {}), 'auth.forbidden');
    expectError(await as('officer', 'reports.get', { id: '01900000-0000-7000-8000-000000000000' }), 'record.not_found');
    expect(entriesAfter(before)).toEqual([]);
    expect(verifyAuditChain(sql()).ok).toBe(true);
  });
});

describe('secret reporters', () => {
  it("an officer's calls never carry the values: every call an officer may make that reads, and edits of the report", async () => {
    const leaks: string[] = [];
    const check = (name: string, value: unknown) => {
      const json = JSON.stringify(value);
      for (const secret of SECRET_VALUES) if (json.includes(secret)) leaks.push(`${name} gives ${secret}`);
    };
    for (const name of Object.keys(contract) as CallName[]) {
      if (contract[name].permission !== 'session' || name.startsWith('auth.')) continue;
      const result = await as('officer', name, sampleOf(name, fixture));
      if (result.ok) check(name, result.value);
    }
    const detail = expectOk(await as('officer', 'reports.get', { id: fixture.reports.main.id }));
    expect(detail).toMatchObject({ reporterAnonymous: true, reporterName: '', reporterContact: '', reporterAddress: '' });
    const history = expectOk(await as('officer', 'reports.history', { id: fixture.reports.main.id }));
    expect(history.some((h) => h.changes.some((c) => c.field === 'reporter_name' && c.secret === true))).toBe(true);
    const conflicts = expectOk(await as('officer', 'exchange.conflicts', {}));
    const conflict = conflicts.find((c) => c.recordId === conflictReport)!;
    expect(conflict.reporterAnonymous).toBe(true);
    expect(conflict.fields.find((f) => f.column === 'reporter_name')).toMatchObject({ local: null, incoming: null, secret: true });
    // The register list and a search by the reporter's name do not point at the report.
    check('reports.list', expectOk(await as('officer', 'reports.list', { limit: 500 })));
    expect(expectOk(await as('officer', 'reports.list', { filters: { q: 'pham van kin' } })).total).toBe(0);
    expect(expectOk(await as('admin', 'reports.list', { filters: { q: 'pham van kin' } })).total).toBe(0);

    // The officer edits the summary from the form they were given (empty reporter values): the secret stays.
    const edited = expectOk(
      await as('officer', 'reports.update', {
        id: detail.id,
        baseVersion: detail.version,
        fields: fieldsOf(detail, { summary: 'Trộm cắp xe máy tại chợ Đông (bổ sung)', reporterAnonymous: false }),
      }),
    );
    check('reports.update', edited);
    expect(edited.summary).toBe('Trộm cắp xe máy tại chợ Đông (bổ sung)');
    expect(expectOk(await office.call('reports.get', { id: detail.id }))).toMatchObject({ ...SECRET, reporterAnonymous: true });
    // A report the officer records as anonymous comes back without the values they typed.
    const created = expectOk(
      await as('officer', 'reports.create', { receivedAt: SAMPLE_NOW - 3_600_000, channel: 'phone', kind: 'crime_report', summary: 'Tin báo giấu tên', ...SECRET, reporterAnonymous: true }),
    );
    check('reports.create', created);
    expect(leaks).toEqual([]);
  });

  it('chiefs and administrators see them, and each reveal is audited', async () => {
    for (const role of ['chief', 'admin'] as const) {
      let before = lastId();
      const detail = expectOk(await as(role, 'reports.get', { id: fixture.reports.main.id }));
      expect(detail).toMatchObject(SECRET);
      expect(entriesAfter(before).map((e) => [e.action, e.user_id, e.record_id])).toEqual([
        ['read', users[role].id, detail.id],
        ['reveal', users[role].id, detail.id],
      ]);
      before = lastId();
      const history = expectOk(await as(role, 'reports.history', { id: detail.id }));
      expect(JSON.stringify(history)).toContain(SECRET.reporterName);
      expect(entriesAfter(before).map((e) => [e.action, e.call, e.record_id])).toEqual([
        ['read', 'reports.history', detail.id],
        ['reveal', 'reports.history', detail.id],
      ]);
      // A report without a secret reporter reveals nothing.
      before = lastId();
      expectOk(await as(role, 'reports.get', { id: fixture.reports.toUpdate.id }));
      expect(entriesAfter(before).map((e) => e.action)).toEqual(['read']);
    }
  });
});

describe('the search index', () => {
  it('migration 0012 takes a secret reporter out of an index made before it', async () => {
    const db = sql();
    const { rowid } = db.prepare('SELECT rowid FROM reports WHERE id = ?').get(fixture.reports.main.id) as { rowid: number };
    // The index as versions 10 and 11 wrote it: the reporter's name and address in the report's text.
    db.prepare('DELETE FROM report_search WHERE rowid = ?').run(rowid);
    db.prepare("INSERT INTO report_search (rowid, text) VALUES (?, fold(?))").run(rowid, `Trộm cắp xe máy tại chợ Đông \n ${SECRET.reporterName} \n ${SECRET.reporterAddress}`);
    db.prepare("INSERT OR IGNORE INTO search_terms (term) VALUES ('pham'), ('van'), ('kin')").run();
    expect(expectOk(await office.call('reports.list', { filters: { q: 'pham van kin' } })).total).toBe(1);
    // Migration 12 alone, as a store at version 11 takes it; then the store is back at the newest version.
    db.pragma('user_version = 11');
    migrate(db, migrations.slice(0, 12));
    db.pragma(`user_version = ${migrations.length}`);
    expect(expectOk(await office.call('reports.list', { filters: { q: 'pham van kin' } })).total).toBe(0);
    expect(expectOk(await office.call('reports.list', { filters: { q: 'trom cap xe may tai cho dong' } })).rows.map((r) => r.id)).toContain(fixture.reports.main.id);
  });
});

describe('audit.list', () => {
  it('filters by user, action, record (id or register number) and Vietnam dates, newest first, page by page', async () => {
    const byUser = expectOk(await office.call('audit.list', { userId: users.officer.id, limit: 500 }));
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.rows.every((r) => r.userId === users.officer.id && r.userName === 'Trần Thị Hương')).toBe(true);
    const ids = byUser.rows.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const reveals = expectOk(await office.call('audit.list', { action: 'reveal' }));
    expect(reveals.rows.length).toBeGreaterThanOrEqual(4);
    expect(reveals.rows.every((r) => r.action === 'reveal' && r.table === 'reports')).toBe(true);

    // A record: the entries about it and the list reads that showed it.
    const main = fixture.reports.main.id;
    const number = expectOk(await office.call('reports.get', { id: main })).number;
    const byRecord = expectOk(await office.call('audit.list', { record: main, limit: 500 }));
    expect(new Set(byRecord.rows.map((r) => r.action))).toEqual(new Set(['insert', 'update', 'read', 'reveal']));
    expect(byRecord.rows.some((r) => r.call === 'reports.list' && r.recordId === null && (r.rows ?? 0) > 1)).toBe(true);
    expect(byRecord.rows.filter((r) => r.recordId === main).every((r) => r.recordLabel === number)).toBe(true);
    const byNumber = expectOk(await office.call('audit.list', { record: number, limit: 500 }));
    expect(byNumber.rows.map((r) => r.id)).toEqual(byRecord.rows.map((r) => r.id));
    expect(expectOk(await office.call('audit.list', { record: '999/2031' }))).toMatchObject({ total: 0, rows: [] });

    // The search words of a list read.
    const searches = expectOk(await office.call('audit.list', { userId: users.chief.id, action: 'read', limit: 500 }));
    expect(searches.rows.find((r) => r.call === 'persons.search')?.search).toBe('vu van giang');

    // Dates are Vietnam days, both ends included: counted here from the log itself.
    const days = sql().prepare('SELECT at FROM audit_log').all() as { at: number }[];
    const on = (from: string, to: string) => days.filter((d) => localDate(d.at) >= from && localDate(d.at) <= to).length;
    const newest = localDate(Math.max(...days.map((d) => d.at)));
    expect(on(newest, newest)).toBeGreaterThan(0);
    expect(expectOk(await office.call('audit.list', { from: newest, to: newest })).total).toBe(on(newest, newest));
    expect(expectOk(await office.call('audit.list', { to: '2026-03-19' })).total).toBe(on('2000-01-01', '2026-03-19'));
    expect(expectOk(await office.call('audit.list', { from: addDays(newest, 1) })).total).toBe(0);
    const order = expectError(await office.call('audit.list', { from: '2026-03-21', to: '2026-03-20' }), 'validation');
    expect(order.fields).toEqual({ to: 'v.date_order' });

    // Pages: the same entries as one long page, none twice, though each call writes an entry of its own.
    const whole = expectOk(await office.call('audit.list', { action: 'read', limit: 60 }));
    const first = expectOk(await office.call('audit.list', { action: 'read', limit: 25 }));
    expect(first.head).toBe(whole.head! + 1);
    const paged = [...first.rows];
    for (let offset = 25; offset < 61; offset += 25) {
      paged.push(...expectOk(await office.call('audit.list', { action: 'read', upTo: first.head, offset, limit: Math.min(25, 61 - offset), count: false })).rows);
    }
    expect(paged[0]!.call).toBe('audit.list');
    paged.shift();
    expect(paged.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
  });

  it('a chief sees the entries of their own office\'s users, an administrator every entry; reading the log is audited', async () => {
    // An entry of the system (no user: a migration, a command-line import).
    appendAudit(sql(), { at: SAMPLE_NOW, userId: null, call: 'exchange.apply', action: 'import' });
    const adminView = expectOk(await office.call('audit.list', { limit: 500, count: true }));
    const chiefView = expectOk(await as('chief', 'audit.list', { limit: 500 }));
    expect(adminView.rows.some((r) => r.userId === null)).toBe(true);
    expect(chiefView.rows.some((r) => r.userId === null)).toBe(false);
    // A user of another office (kept in this store) is left out of a chief's log.
    const stranger = '01900000-0000-7000-8000-00000000abcd';
    sql()
      .prepare(
        `INSERT INTO users (id, office_id, version, base_version, seq, created_at, created_by, updated_at, updated_by, deleted_at, void_reason, username, full_name, rank, position, role, active)
         SELECT ?, '99999', version, NULL, seq, created_at, created_by, updated_at, updated_by, NULL, NULL, 'stranger', 'Người đơn vị khác', '', '', 'officer', 1 FROM users LIMIT 1`,
      )
      .run(stranger);
    appendAudit(sql(), { at: SAMPLE_NOW, userId: stranger, call: 'reports.get', action: 'read' });
    expect(expectOk(await as('chief', 'audit.list', { userId: stranger })).total).toBe(0);
    expect(expectOk(await as('chief', 'audit.list', {})).users.some((u) => u.id === stranger)).toBe(false);
    expect(expectOk(await office.call('audit.list', { userId: stranger })).total).toBe(1);

    const before = lastId();
    const page = expectOk(await as('chief', 'audit.list', { action: 'login', limit: 3 }));
    expect(entriesAfter(before)).toMatchObject([{ user_id: users.chief.id, call: 'audit.list', action: 'read', table_name: 'audit_log' }]);
    expect((JSON.parse(entriesAfter(before)[0]!.after!) as { ids: string[] }).ids).toEqual(page.rows.map((r) => r.id));
  });
});
