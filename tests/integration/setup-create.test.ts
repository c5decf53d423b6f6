import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { dispatch } from '../../db/dispatch';
import { schemaVersion } from '../../db/migrations/registry';
import { userVersion } from '../../db/migrations/runner';
import { categorySeed } from '../../db/seed/categories';
import { ADMIN, callOn, cleanup, createOffice, expectError, expectOk, LOCALITIES, newBackend, OFFICE, setupInput, tempDir } from '../support/backend';

afterEach(() => cleanup());

describe('setup.create', () => {
  it('makes the office, its localities, the seeded categories and the administrator, at the newest schema', async () => {
    const office = await createOffice();
    const { sql, officeId } = office.backend.requireStore();
    expect(userVersion(sql)).toBe(schemaVersion);
    expect(officeId).toBe(OFFICE.code);
    expect(expectOk(await office.call('office.get', {}))).toEqual({
      code: OFFICE.code,
      name: OFFICE.name,
      level: 'commune',
      parentCode: OFFICE.parentCode,
      parentName: OFFICE.parentName,
      demo: false,
    });
    const localities = expectOk(await office.call('localities.list', {}));
    expect(localities.map((l) => [l.name, l.kind, l.voided])).toEqual(
      // Vietnamese alphabetical order: Đ comes after D and before T.
      [...LOCALITIES].map((name) => [name, 'thôn', false]),
    );
    const categories = expectOk(await office.call('categories.list', {}));
    expect(categories).toHaveLength(categorySeed.reduce((n, g) => n + g.types.length, 0));
    expect(categories[0]).toMatchObject({ groupCode: categorySeed[0]!.code, code: categorySeed[0]!.types[0]![0], nameVi: categorySeed[0]!.types[0]![1], sort: 1 });
    const users = expectOk(await office.call('users.list', {}));
    expect(users).toEqual([
      { id: office.adminId, username: ADMIN.username, fullName: ADMIN.fullName, rank: ADMIN.rank, position: ADMIN.position, role: 'admin', active: true, lockedUntil: null, keyProblem: null },
    ]);
    expect(expectOk(await office.call('settings.get', {}))).toEqual({ idleLockMinutes: 15, sessionHours: 12, remoteCommune: false, reportCutoffDay: 15, exchangeLateDays: 35, exchangeClockBoundHours: 24, backupKeepDaily: 7, backupKeepWeekly: 4, backupKeepMonthly: 12, backupExternalDir: null, chiefName: '', deputyNames: [] });
  });

  it('stamps every record it makes as owned by the office and made by the administrator, and audits each', async () => {
    const office = await createOffice();
    const { sql } = office.backend.requireStore();
    let total = 0;
    for (const table of ['offices', 'users', 'localities', 'safety_criteria', 'measures', 'program_kinds', 'category_groups', 'categories']) {
      const rows = sql.prepare(`SELECT office_id, created_by, version, seq FROM ${table}`).all() as { office_id: string; created_by: string; version: string; seq: number }[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.office_id).toBe(OFFICE.code);
        expect(row.created_by).toBe(office.adminId);
        expect(row.version).toMatch(/^\d{13}-\d{5}-[0-9a-f]{16}$/);
      }
      total += rows.length;
    }
    const seqs = (sql.prepare('SELECT seq FROM offices UNION ALL SELECT seq FROM users UNION ALL SELECT seq FROM localities UNION ALL SELECT seq FROM program_kinds UNION ALL SELECT seq FROM measures UNION ALL SELECT seq FROM safety_criteria UNION ALL SELECT seq FROM category_groups UNION ALL SELECT seq FROM categories ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const inserts = (sql.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'insert' AND call = 'setup.create'").get() as { n: number }).n;
    expect(inserts).toBe(total);
    expect(verifyAuditChain(sql).ok).toBe(true);
  });

  it('keeps a duplicate locality once', async () => {
    const backend = newBackend(tempDir());
    const session = backend.sessions.create(backend.now());
    const input = setupInput();
    input.localities = ['Thôn Đông', 'Thôn Đông', 'Thôn Tây'];
    expectOk(await dispatch(backend, session, 'setup.create', input));
    const names = (backend.requireStore().sql.prepare('SELECT name FROM localities ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['Thôn Tây', 'Thôn Đông']);
  });

  it('does not log anyone in', async () => {
    const backend = newBackend(tempDir());
    const session = backend.sessions.create(backend.now());
    expectOk(await dispatch(backend, session, 'setup.create', setupInput()));
    expect(session.userId).toBeNull();
    expectError(await dispatch(backend, session, 'office.get', {}), 'auth.required');
  });

  it('writes a keyring with the office name for the login screen and no key or password in clear', async () => {
    const office = await createOffice();
    const text = readFileSync(office.backend.paths.keyring, 'utf8');
    const data = JSON.parse(text) as { format: string; office: { name: string }; users: Record<string, { userId: string }> };
    expect(data.format).toBe('so-antt-keyring');
    expect(data.office.name).toBe(OFFICE.name);
    expect(Object.keys(data.users)).toEqual([ADMIN.username]);
    expect(data.users[ADMIN.username]!.userId).toBe(office.adminId);
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toContain(office.backend.requireStore().key.toString('hex'));
    expect(text).not.toContain(office.backend.requireStore().key.toString('base64'));
  });

  it('removes what it made when it fails half-way, so it can simply be tried again', async () => {
    const dir = tempDir();
    const backend = newBackend(dir);
    const session = backend.sessions.create(backend.now());
    // The keyring is written last, through a temporary file: make that impossible.
    const blocker = `${backend.paths.keyring}.tmp`;
    mkdirSync(blocker);
    const failed = await dispatch(backend, session, 'setup.create', setupInput());
    expect(failed.ok).toBe(false);
    expect(existsSync(backend.paths.store)).toBe(false);
    expect(existsSync(`${backend.paths.store}-wal`)).toBe(false);
    expect(existsSync(backend.paths.keyring)).toBe(false);
    expect(backend.store).toBeNull();
    expect(expectOk(await callOn(backend, session, 'setup.status', {})).state).toBe('new');

    rmdirSync(blocker);
    expectOk(await dispatch(backend, session, 'setup.create', setupInput()));
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['keyring.json', 'so-antt.sqlite']));
    expect(expectOk(await callOn(backend, session, 'setup.status', {})).state).toBe('ready');
  });
});

describe('locality kinds at setup', () => {
  it('reads the kind from how a name starts', async () => {
    const backend = newBackend(tempDir());
    const session = backend.sessions.create(backend.now());
    const input = setupInput();
    input.localities = ['Tổ dân phố Bắc Hà', 'Bản Sáng', 'Ấp 3', 'Thôn Đông', 'Khu dân cư số 2', 'Làng Vân'];
    expectOk(await dispatch(backend, session, 'setup.create', input));
    const rows = backend.requireStore().sql.prepare('SELECT name, kind FROM localities').all() as { name: string; kind: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.name, r.kind]))).toEqual({
      'Tổ dân phố Bắc Hà': 'tổ dân phố',
      'Bản Sáng': 'bản',
      'Ấp 3': 'ấp',
      'Thôn Đông': 'thôn',
      'Khu dân cư số 2': 'khu dân cư',
      'Làng Vân': 'làng',
    });
  });
});
