import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { openSqlite } from '../../db/store';
import { addUser, ADMIN, cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';
import { storeFingerprint } from '../support/call-samples';
import { uploadLegacy, workbookBytes } from '../support/legacy-files';

afterEach(cleanup);

const NOW = Date.UTC(2026, 2, 15, 2, 0, 0);

async function office(): Promise<TestOffice> {
  const o = await createOffice({ now: manualClock(NOW).now });
  await o.backend.backups.settled();
  return o;
}

/** A register of `rows` reports over 2016–2025 (enough rows for the dry run to pause several times). */
async function register(rows: number): Promise<Buffer> {
  const lines: unknown[][] = [['Số', 'Ngày tiếp nhận', 'Người báo tin', 'Nội dung']];
  for (let i = 0; i < rows; i += 1) lines.push([i + 1, `${1 + (i % 28)}/${1 + (i % 12)}/2019`, 'Nguyễn Văn Hùng', `mất trộm xe đạp lần ${i + 1}`]);
  return workbookBytes([{ name: 'So tin bao', rows: lines as never }]);
}

const count = (o: TestOffice, sql: string) => (o.backend.requireStore().sql.prepare(sql).get() as { n: number }).n;

describe('a long import of an old register (issue 22): progress and cancel', () => {
  it('tells its phases and rows while it works, then imports', async () => {
    const o = await office();
    const uploadId = await uploadLegacy((n, input) => o.call(n, input) as never, 'so-lon.xlsx', await register(9000));
    expect(expectOk(await o.call('legacy.progress', { uploadId }))).toBeNull();
    const seen: string[] = [];
    const applying = o.call('legacy.apply', { uploadId });
    let done = false;
    void applying.then(() => (done = true));
    while (!done) {
      const progress = expectOk(await o.call('legacy.progress', { uploadId }));
      if (progress) seen.push(`${progress.phase}:${progress.done}/${progress.total}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const applied = expectOk(await applying);
    expect(applied.counts.new).toBe(9000);
    expect(count(o, 'SELECT count(*) AS n FROM reports WHERE deleted_at IS NULL')).toBe(9000);
    const phases = [...new Set(seen.map((s) => s.split(':')[0]))];
    expect(phases).toEqual(expect.arrayContaining(['reading', 'checking', 'writing']));
    // The write's rows as the worker writes them (told every 2,000).
    expect(seen.some((s) => /^writing:[1-9]\d*\/9000$/.test(s))).toBe(true);
    // The dry run's rows were counted up to their total.
    expect(seen.some((s) => /^checking:[1-9]\d*\/9000$/.test(s))).toBe(true);
    expect(expectOk(await o.call('legacy.progress', { uploadId }))).toBeNull();
  });

  it('a cancelled import changes nothing, and says so', async () => {
    const o = await office();
    const uploadId = await uploadLegacy((n, input) => o.call(n, input) as never, 'so-lon.xlsx', await register(9000));
    const before = { reports: count(o, 'SELECT count(*) AS n FROM reports'), imports: count(o, 'SELECT count(*) AS n FROM legacy_imports'), seq: count(o, 'SELECT seq AS n FROM clock_state') };
    const applying = o.call('legacy.apply', { uploadId });
    // Cancelled once its dry run is under way.
    for (;;) {
      const progress = expectOk(await o.call('legacy.progress', { uploadId }));
      if (progress?.phase === 'checking') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(expectOk(await o.call('legacy.cancel', { uploadId }))).toEqual({ cancelled: true });
    const result = await applying;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.file).toBe('legacy.cancelled');
    expect({ reports: count(o, 'SELECT count(*) AS n FROM reports'), imports: count(o, 'SELECT count(*) AS n FROM legacy_imports'), seq: count(o, 'SELECT seq AS n FROM clock_state') }).toEqual(before);
    // Nothing left running; the file is still held, so the user can run it again.
    expect(expectOk(await o.call('legacy.progress', { uploadId }))).toBeNull();
    expect(expectOk(await o.call('legacy.cancel', { uploadId }))).toEqual({ cancelled: false });
    expect(expectOk(await o.call('legacy.preview', { uploadId })).counts.new).toBe(9000);
  });
});

describe('the write of an old register off the backend\'s thread (issues 20 and 22)', () => {
  it('answers reads while the job worker writes, refuses writes with a message, shows the write, and keeps the audit chain', async () => {
    const o = await office();
    const before = expectOk(
      await o.call('reports.create', { receivedAt: NOW - 3_600_000, channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: 'Tin báo gõ trước khi nhập sổ cũ' }),
    );
    const uploadId = await uploadLegacy((n, input) => o.call(n, input) as never, 'so-cu.xlsx', await register(3000));
    const sql = o.backend.requireStore().sql;
    // Another connection holds the write lock, so the write waits on its worker (busy_timeout, 5 s): the
    // window in which the backend must go on answering, whatever the machine's speed.
    // The dry run and the backup before the import only read, so they go on beside it; nothing else is
    // called until the window is open (a call's audit entry would wait for the lock too).
    const blocker = openSqlite(o.backend.paths.store, o.backend.requireStore().key.toString('hex'), { quickCheck: false });
    blocker.exec('BEGIN IMMEDIATE');
    const applying = o.call('legacy.apply', { uploadId });
    try {
      await vi.waitFor(() => expect(o.backend.imports.active).toBe(true), { timeout: 20_000, interval: 5 });
      const auditBefore = (sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      const session = expectOk(await o.call('auth.session', {}));
      expect(session?.importing).toEqual({ source: 'register', dryRun: false, percent: expect.any(Number) });
      await vi.waitFor(async () => expect(expectOk(await o.call('legacy.progress', { uploadId }))?.phase).toBe('writing'), { timeout: 4_000, interval: 5 });
      // A read is answered, from the store as it was before the import.
      expect(expectOk(await o.call('reports.list', { limit: 100 })).rows.map((row) => row.id)).toEqual([before.id]);
      // A write is refused at once, with its own message, and changes nothing; so is a cancel of the write.
      const fingerprint = storeFingerprint(o.backend);
      expectError(await o.call('reports.update', { id: before.id, baseVersion: before.version, fields: { summary: 'Sửa trong lúc nhập' } }), 'store.importing');
      expectError(await o.call('legacy.apply', { uploadId }), 'store.importing');
      expect(expectOk(await o.call('legacy.cancel', { uploadId }))).toEqual({ cancelled: false });
      expect(storeFingerprint(o.backend)).toEqual(fingerprint);
      expect((sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
    } finally {
      if (blocker.inTransaction) blocker.exec('ROLLBACK');
      blocker.close();
    }
    const applied = expectOk(await applying);
    expect(applied.counts.new).toBe(3000);
    expect(o.backend.imports.active).toBe(false);
    expect(expectOk(await o.call('auth.session', {}))?.importing).toBeNull();
    expect(count(o, 'SELECT count(*) AS n FROM reports WHERE deleted_at IS NULL')).toBe(3001);
    // The held read entry is written after the import's own entry, and the chain holds.
    const entries = sql.prepare('SELECT call, action FROM audit_log ORDER BY id DESC LIMIT 2').all();
    expect(entries).toEqual([
      { call: 'reports.list', action: 'read' },
      { call: 'legacy.apply', action: 'import' },
    ]);
    expect(verifyAuditChain(sql)).toMatchObject({ ok: true });
    // Writing works again, and the imported reports are found.
    expectOk(await o.call('reports.update', { id: before.id, baseVersion: before.version, fields: { summary: 'Sửa sau khi nhập' } }));
    expect(expectOk(await o.call('reports.list', { filters: { q: 'mat trom xe dap lan 2999' }, limit: 5 })).rows).toHaveLength(1);
  });
});

describe("another user's import (issue 22): its upload id opens nothing", () => {
  /** The office with a chief and a second administrator besides, each logged in. */
  async function strangers(o: TestOffice) {
    await addUser(o, { username: 'chief.lan', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Lê Thị Lan', role: 'chief' });
    await addUser(o, { username: 'admin.hai', password: 'Quạt-mo-Phú-Lương-gió-lộng', fullName: 'Phạm Văn Hải', role: 'admin' });
    return [await o.login('chief.lan', 'Hương-đi-chợ-Bến-Thành-sớm'), await o.login('admin.hai', 'Quạt-mo-Phú-Lương-gió-lộng')];
  }

  it('a chief with a valid session and the real upload id can neither follow nor cancel the dry run', async () => {
    const o = await office();
    const others = await strangers(o);
    const uploadId = await uploadLegacy((n, input) => o.call(n, input) as never, 'so-lon.xlsx', await register(9000));
    const applying = o.call('legacy.apply', { uploadId });
    let done = false;
    void applying.then(() => (done = true));
    // While the owner's dry run is under way (the owner sees it), the others see nothing and stop nothing.
    for (;;) {
      const mine = expectOk(await o.call('legacy.progress', { uploadId }));
      if (mine?.phase === 'checking') break;
      expect(done).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const who of others) {
      expect(expectOk(await o.callAs(who, 'legacy.progress', { uploadId }))).toBeNull();
      expect(expectOk(await o.callAs(who, 'legacy.cancel', { uploadId }))).toEqual({ cancelled: false });
    }
    // The owner's job was not touched: not cancelled, and it imports everything. The owner follows it
    // from a second window too (the job is the user's, not the window's).
    const otherWindow = await o.login(ADMIN.username, ADMIN.password);
    const still = expectOk(await o.callAs(otherWindow, 'legacy.progress', { uploadId }));
    if (still !== null) expect(still.cancelled).toBe(false);
    else expect(done).toBe(true);
    const applied = expectOk(await applying);
    expect(applied.counts.new).toBe(9000);
    expect(count(o, 'SELECT count(*) AS n FROM reports WHERE deleted_at IS NULL')).toBe(9000);
  });

  it('nor read, add to or import the file: refused exactly as an upload that never was', async () => {
    const o = await office();
    const others = await strangers(o);
    const uploadId = await uploadLegacy((n, input) => o.call(n, input) as never, 'so.xlsx', await register(20));
    const unknown = '019ce5a0-0000-7000-8000-000000000000';
    const piece = (id: string) => ({ uploadId: id, fileName: 'so.xlsx', offset: 0, dataBase64: Buffer.from('x').toString('base64') });
    for (const who of others) {
      expect(expectError(await o.callAs(who, 'legacy.preview', { uploadId }), 'record.not_found')).toEqual(expectError(await o.callAs(who, 'legacy.preview', { uploadId: unknown }), 'record.not_found'));
      expect(expectError(await o.callAs(who, 'legacy.apply', { uploadId }), 'record.not_found')).toEqual(expectError(await o.callAs(who, 'legacy.apply', { uploadId: unknown }), 'record.not_found'));
      expect(expectError(await o.callAs(who, 'legacy.upload', piece(uploadId)), 'record.not_found')).toEqual(expectError(await o.callAs(who, 'legacy.upload', piece(unknown)), 'record.not_found'));
    }
    expect(count(o, 'SELECT count(*) AS n FROM reports')).toBe(0);
    // The owner's file is whole and theirs: the dry run reads its 20 rows.
    expect(expectOk(await o.call('legacy.preview', { uploadId })).counts.new).toBe(20);
  });
});
