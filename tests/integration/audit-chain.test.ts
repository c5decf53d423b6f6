import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, GENESIS_HASH, verifyAuditChain } from '../../db/audit';
import type { OpenStore } from '../../db/backend';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { openSqlite, type Sqlite } from '../../db/store';
import type { WriteContext } from '../../db/write-path';
import { cleanup, createOffice, expectOk, tempDir, type TestOffice } from '../support/backend';

let office: TestOffice;
let store: OpenStore;
let ctx: WriteContext;

function ids(): number[] {
  return (store.sql.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

/** Many writes of every kind: inserts, updates, voids, settings, logins. */
async function busyDay(): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    const row = store.writes.insert('localities', { name: `Tổ dân phố số ${i}`, kind: 'tổ' }, ctx);
    const next = store.writes.update('localities', row.id, row.version, { name: `Tổ dân phố ${i} (sửa)` }, ctx);
    if (i % 5 === 0) store.writes.void('localities', next.id, 'Nhập trùng', ctx);
  }
  expectOk(await office.call('settings.update', { idleLockMinutes: 10, remoteCommune: true }));
  expectOk(await office.call('localities.create', { name: 'Thôn Hạ', kind: 'thôn' }));
}

beforeEach(async () => {
  office = await createOffice();
  store = office.backend.requireStore();
  ctx = { userId: office.adminId, officeId: store.officeId, call: 'test.audit' };
});

afterEach(() => cleanup());

describe('verifyAuditChain', () => {
  it('holds after setup, a login and many writes', async () => {
    const atSetup = verifyAuditChain(store.sql);
    expect(atSetup.ok).toBe(true);
    expect(atSetup.entries).toBeGreaterThan(10);
    await busyDay();
    const check = verifyAuditChain(store.sql);
    expect(check).toEqual({ ok: true, entries: ids().length });
    expect(check.entries).toBeGreaterThan(atSetup.entries + 80);
  });

  it('links each entry to the one before, starting from the genesis hash', async () => {
    await busyDay();
    const rows = store.sql.prepare('SELECT prev_hash, hash FROM audit_log ORDER BY id').all() as { prev_hash: string; hash: string }[];
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  });

  it('finds an entry edited behind the app: brokenAt is that entry', async () => {
    await busyDay();
    const all = ids();
    const target = all[Math.floor(all.length / 2)]!;
    store.sql.prepare(`UPDATE audit_log SET after = '{"name":"Đã sửa lén"}' WHERE id = ?`).run(target);
    expect(verifyAuditChain(store.sql)).toEqual({ ok: false, entries: all.indexOf(target) + 1, brokenAt: target });
  });

  it('finds edits to who, when and what, not only to the record', async () => {
    await busyDay();
    const target = ids()[5]!;
    for (const change of ["user_id = 'someone-else'", 'at = at + 1', "action = 'read'", "call = 'x'", "record_id = 'x'", "table_name = 'users'"]) {
      const saved = store.sql.prepare('SELECT * FROM audit_log WHERE id = ?').get(target) as Record<string, unknown>;
      store.sql.prepare(`UPDATE audit_log SET ${change} WHERE id = ?`).run(target);
      const check = verifyAuditChain(store.sql);
      expect(check.ok, change).toBe(false);
      expect(check.ok === false && check.brokenAt, change).toBe(target);
      store.sql
        .prepare('UPDATE audit_log SET at = @at, user_id = @user_id, action = @action, call = @call, record_id = @record_id, table_name = @table_name WHERE id = @id')
        .run(saved);
      expect(verifyAuditChain(store.sql).ok, `restored after ${change}`).toBe(true);
    }
  });

  it('finds an entry whose hash was overwritten', async () => {
    await busyDay();
    const target = ids()[10]!;
    store.sql.prepare("UPDATE audit_log SET hash = '" + 'f'.repeat(64) + "' WHERE id = ?").run(target);
    const check = verifyAuditChain(store.sql);
    expect(check.ok === false && check.brokenAt).toBe(target);
  });

  it('finds an edit whose own hash was recomputed by a forger: the next entry no longer links', async () => {
    await busyDay();
    const all = ids();
    const target = all[10]!;
    const row = store.sql.prepare('SELECT * FROM audit_log WHERE id = ?').get(target) as {
      at: number;
      user_id: string | null;
      call: string;
      table_name: string | null;
      record_id: string | null;
      action: string;
      before: string | null;
      prev_hash: string;
    };
    const forged = JSON.stringify({ name: 'Đã sửa lén' });
    const canonical = JSON.stringify([row.at, row.user_id, row.call, row.table_name, row.record_id, row.action, row.before, forged]);
    const hash = createHash('sha256').update(row.prev_hash).update('\n').update(canonical).digest('hex');
    store.sql.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE id = ?').run(forged, hash, target);
    const check = verifyAuditChain(store.sql);
    expect(check.ok === false && check.brokenAt).toBe(all[11]);
  });

  it('finds an entry deleted from the middle: brokenAt is the entry after the gap', async () => {
    await busyDay();
    const all = ids();
    const gone = all[20]!;
    store.sql.prepare('DELETE FROM audit_log WHERE id = ?').run(gone);
    const check = verifyAuditChain(store.sql);
    expect(check.ok).toBe(false);
    expect(check.ok === false && check.brokenAt).toBe(all[21]);
  });

  it('finds the first entry deleted', async () => {
    const all = ids();
    store.sql.prepare('DELETE FROM audit_log WHERE id = ?').run(all[0]!);
    const check = verifyAuditChain(store.sql);
    expect(check.ok === false && check.brokenAt).toBe(all[1]);
  });

  it('keeps holding after entries are appended through appendAudit directly, and on an empty log', () => {
    const dir = tempDir();
    const db: Sqlite = openSqlite(join(dir, 'a.sqlite'), '11'.repeat(32));
    try {
      migrate(db, migrations);
      expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 0 });
      appendAudit(db, { at: 1, userId: null, call: 'test', action: 'a' });
      appendAudit(db, { at: 2, userId: 'u', call: 'test', action: 'b', table: 'users', recordId: 'r', before: { x: 'Đức' }, after: { x: 'Đức Anh' } });
      expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 2 });
      const row = db.prepare('SELECT before, after FROM audit_log WHERE id = 2').get();
      expect(row).toEqual({ before: JSON.stringify({ x: 'Đức' }), after: JSON.stringify({ x: 'Đức Anh' }) });
    } finally {
      db.close();
    }
  });
});

describe('what is audited', () => {
  it('records logins, failed logins, settings and password changes with who did it', async () => {
    const mark = ids().at(-1)!;
    const { result } = await office.tryLogin('duc.nv', 'sai-mat-khau-Tràm-Chim');
    expect(result.ok).toBe(false);
    await office.login('duc.nv', 'Mật-khẩu-2026!-Tràm-Chim');
    expectOk(await office.call('settings.update', { idleLockMinutes: 30, remoteCommune: false }));
    expectOk(await office.call('auth.changePassword', { current: 'Mật-khẩu-2026!-Tràm-Chim', password: 'Mật-khẩu-mới-2026-Tràm-Chim', passwordConfirm: 'Mật-khẩu-mới-2026-Tràm-Chim' }));
    const entries = store.sql.prepare('SELECT action, user_id, call, before, after FROM audit_log WHERE id > ? ORDER BY id').all(mark) as {
      action: string;
      user_id: string | null;
      call: string;
      before: string | null;
      after: string | null;
    }[];
    expect(entries.map((e) => e.action)).toEqual(['login_failed', 'login', 'settings', 'password']);
    for (const e of entries) expect(e.user_id).toBe(office.adminId);
    const settings = entries[2]!;
    expect(JSON.parse(settings.before ?? 'null')).toEqual({ idleLockMinutes: 15, sessionHours: 12, remoteCommune: false, reportCutoffDay: 15, exchangeLateDays: 35, exchangeClockBoundHours: 24, backupKeepDaily: 7, backupKeepWeekly: 4, backupKeepMonthly: 12, backupExternalDir: null, chiefName: '', deputyNames: [] });
    expect(JSON.parse(settings.after ?? 'null')).toEqual({ idleLockMinutes: 30, sessionHours: 12, remoteCommune: false, reportCutoffDay: 15, exchangeLateDays: 35, exchangeClockBoundHours: 24, backupKeepDaily: 7, backupKeepWeekly: 4, backupKeepMonthly: 12, backupExternalDir: null, chiefName: '', deputyNames: [] });
    // The password itself never reaches the log.
    expect(JSON.stringify(store.sql.prepare('SELECT * FROM audit_log').all())).not.toMatch(/Mật-khẩu/);
    expect(verifyAuditChain(store.sql).ok).toBe(true);
  });
});

describe('audit.verify and audited reads', () => {
  it('an administrator checks the chain from the app; an entry edited behind its back is named', async () => {
    const office = await createOffice();
    expectOk(await office.call('localities.create', { name: 'Xóm Mới', kind: 'xóm' }));
    const good = expectOk(await office.call('audit.verify', {}));
    expect(good).toMatchObject({ ok: true, broken: null });
    expect(good.entries).toBeGreaterThan(5);
    const { sql } = office.backend.requireStore();
    const target = sql.prepare("SELECT id, at, call, action FROM audit_log WHERE call = 'localities.create'").get() as { id: number; at: number; call: string; action: string };
    sql.prepare("UPDATE audit_log SET after = replace(after, 'Xóm Mới', 'Xóm Khác') WHERE id = ?").run(target.id);
    expect(expectOk(await office.call('audit.verify', {}))).toEqual({ ok: false, entries: expect.any(Number), broken: target });
  });

  it('opening a report or a person is recorded with who read it', async () => {
    const office = await createOffice();
    const report = expectOk(await office.call('reports.create', { receivedAt: Date.now() - 60_000, channel: 'phone', kind: 'crime_report', summary: 'Tin báo' }));
    const person = expectOk(await office.call('persons.create', { fullName: 'Nguyễn Văn Án', birthYear: 1990 }));
    expectOk(await office.call('reports.get', { id: report.id }));
    expectOk(await office.call('persons.get', { id: person.id }));
    expectOk(await office.call('persons.overview', { id: person.id }));
    const reads = office.backend.requireStore().sql.prepare("SELECT call, table_name, record_id, user_id FROM audit_log WHERE action = 'read' ORDER BY id").all();
    expect(reads).toEqual([
      { call: 'reports.get', table_name: 'reports', record_id: report.id, user_id: office.adminId },
      { call: 'persons.get', table_name: 'persons', record_id: person.id, user_id: office.adminId },
      { call: 'persons.overview', table_name: 'persons', record_id: person.id, user_id: office.adminId },
    ]);
    expect(expectOk(await office.call('audit.verify', {})).ok).toBe(true);
  });
});
