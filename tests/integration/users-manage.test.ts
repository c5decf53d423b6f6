import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, addUser, cleanup, createOffice, expectError, expectOk } from '../support/backend';

afterEach(() => cleanup());

describe('users.create', () => {
  it('adds a user who can log in, with their details as given', async () => {
    const office = await createOffice();
    const created = expectOk(
      await office.call('users.create', {
        fullName: '  Đặng Thị Ngọc Hân ',
        rank: 'Thiếu úy',
        position: 'Cảnh sát khu vực',
        username: 'Han.DTN',
        role: 'officer',
        password: 'Hân-2026-khu-vực-Tràm-Chim',
        passwordConfirm: 'Hân-2026-khu-vực-Tràm-Chim',
      }),
    );
    expect(created).toMatchObject({ username: 'han.dtn', fullName: 'Đặng Thị Ngọc Hân', rank: 'Thiếu úy', position: 'Cảnh sát khu vực', role: 'officer', active: true, lockedUntil: null });
    const view = expectOk((await office.tryLogin('han.dtn', 'Hân-2026-khu-vực-Tràm-Chim')).result);
    expect(view.user.id).toBe(created.id);
    const row = office.backend.requireStore().sql.prepare('SELECT created_by, office_id FROM users WHERE id = ?').get(created.id);
    expect(row).toEqual({ created_by: office.adminId, office_id: '12345' });
  });

  it('refuses a username that is taken, in any case, with field username = v.username_taken', async () => {
    const office = await createOffice();
    await addUser(office, { username: 'huong.tt', password: 'Hương-2026-an-ninh-Tràm-Chim' });
    for (const username of ['huong.tt', 'HUONG.TT', ADMIN.username]) {
      const error = expectError(
        await office.call('users.create', { fullName: 'Trần Thị Hương', username, role: 'officer', password: 'Khác-2026-xyz-Tràm-Chim', passwordConfirm: 'Khác-2026-xyz-Tràm-Chim' }),
        'validation',
      );
      expect(error.fields).toEqual({ username: 'v.username_taken' });
    }
    expect(expectOk(await office.call('users.list', {}))).toHaveLength(2);
    // The first user's password was not replaced by the refused attempt.
    expect((await office.tryLogin('huong.tt', 'Hương-2026-an-ninh-Tràm-Chim')).result.ok).toBe(true);
  });

  it('keeps the username of a deactivated user taken', async () => {
    const office = await createOffice();
    const id = await addUser(office, { username: 'huong.tt', password: 'Hương-2026-an-ninh-Tràm-Chim' });
    expectOk(await office.call('users.setActive', { userId: id, active: false }));
    const error = expectError(
      await office.call('users.create', { fullName: 'Người khác', username: 'huong.tt', role: 'officer', password: 'Khác-2026-xyz-Tràm-Chim', passwordConfirm: 'Khác-2026-xyz-Tràm-Chim' }),
      'validation',
    );
    expect(error.fields).toEqual({ username: 'v.username_taken' });
  });

  it('checks the fields', async () => {
    const office = await createOffice();
    const error = expectError(
      await office.call('users.create', { fullName: ' ', username: 'ab', role: 'officer', password: 'ngắn', passwordConfirm: 'khác' }),
      'validation',
    );
    expect(error.fields).toMatchObject({ fullName: 'v.required', username: 'v.username', password: 'v.password_short' });
    const badName = expectError(
      await office.call('users.create', { fullName: 'A', username: 'nguyễn', role: 'officer', password: 'Đủ-dài-2026-Tràm-Chim', passwordConfirm: 'Đủ-dài-2026-Tràm-Chim' }),
      'validation',
    );
    expect(badName.fields).toEqual({ username: 'v.username' });
    const badRole = await office.call('users.create', { fullName: 'A', username: 'abc', role: 'boss' as never, password: 'Đủ-dài-2026-Tràm-Chim', passwordConfirm: 'Đủ-dài-2026-Tràm-Chim' });
    expect(expectError(badRole, 'validation').fields).toEqual({ role: 'v.required' });
  });
});

describe('the last active administrator', () => {
  it('cannot be demoted', async () => {
    const office = await createOffice();
    const error = expectError(await office.call('users.update', { userId: office.adminId, fullName: ADMIN.fullName, role: 'chief' }), 'validation');
    expect(error.fields).toEqual({ role: 'v.last_admin' });
    const me = expectOk(await office.call('users.list', {})).find((u) => u.id === office.adminId);
    expect(me).toMatchObject({ role: 'admin', active: true });
  });

  it('cannot be deactivated', async () => {
    const office = await createOffice();
    const result = await office.call('users.setActive', { userId: office.adminId, active: false });
    expect(result.ok).toBe(false);
    expect(office.backend.keyring().entryForUser(office.adminId)).toBeDefined();
    expectOk(await office.call('users.list', {}));
    await office.login(ADMIN.username, ADMIN.password);
  });

  it('is counted among active administrators only: a deactivated second admin does not count', async () => {
    const office = await createOffice();
    const minhId = await addUser(office, { username: 'minh.pv', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Phạm Văn Minh', role: 'admin' });
    expectOk(await office.call('users.setActive', { userId: minhId, active: false }));
    const error = expectError(await office.call('users.update', { userId: office.adminId, fullName: ADMIN.fullName, role: 'officer' }), 'validation');
    expect(error.fields).toEqual({ role: 'v.last_admin' });
  });

  it('with a second administrator, either one may be demoted, but not both', async () => {
    const office = await createOffice();
    const minhId = await addUser(office, { username: 'minh.pv', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Phạm Văn Minh', role: 'admin' });
    const minh = await office.login('minh.pv', 'Phó-trưởng-2026-Tràm-Chim');
    // Minh demotes Đức: allowed, Minh stays admin.
    const demoted = expectOk(await office.callAs(minh, 'users.update', { userId: office.adminId, fullName: ADMIN.fullName, role: 'chief' }));
    expect(demoted.role).toBe('chief');
    // Now Minh is the last one.
    expect(expectError(await office.callAs(minh, 'users.update', { userId: minhId, fullName: 'Phạm Văn Minh', role: 'officer' }), 'validation').fields).toEqual({ role: 'v.last_admin' });
    expect(expectOk(await office.callAs(minh, 'users.list', {})).filter((u) => u.role === 'admin').map((u) => u.id)).toEqual([minhId]);
  });

  it('a second administrator can be deactivated by the first', async () => {
    const office = await createOffice();
    const minhId = await addUser(office, { username: 'minh.pv', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Phạm Văn Minh', role: 'admin' });
    expect(expectOk(await office.call('users.setActive', { userId: minhId, active: false })).active).toBe(false);
  });

  it('an administrator cannot deactivate their own account', async () => {
    const office = await createOffice();
    await addUser(office, { username: 'minh.pv', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Phạm Văn Minh', role: 'admin' });
    expectError(await office.call('users.setActive', { userId: office.adminId, active: false }), 'auth.forbidden');
  });
});

describe('users.update and users.list', () => {
  it('changes details through the write path with a new version and an audit entry', async () => {
    const office = await createOffice();
    const id = await addUser(office, { username: 'huong.tt', password: 'Hương-2026-an-ninh-Tràm-Chim' });
    const { sql } = office.backend.requireStore();
    const before = sql.prepare('SELECT version, seq FROM users WHERE id = ?').get(id) as { version: string; seq: number };
    const updated = expectOk(await office.call('users.update', { userId: id, fullName: 'Trần Thị Thu Hương', rank: 'Đại úy', position: 'Phó trưởng', role: 'chief' }));
    expect(updated).toMatchObject({ fullName: 'Trần Thị Thu Hương', rank: 'Đại úy', position: 'Phó trưởng', role: 'chief' });
    const after = sql.prepare('SELECT version, base_version, seq, updated_by FROM users WHERE id = ?').get(id) as { version: string; base_version: string; seq: number; updated_by: string };
    expect(after.base_version).toBeNull();
    expect(after.version > before.version).toBe(true);
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.updated_by).toBe(office.adminId);
    const audit = sql.prepare("SELECT action, call FROM audit_log WHERE record_id = ? AND table_name = 'users' ORDER BY id").all(id);
    expect(audit).toEqual([
      { action: 'insert', call: 'users.create' },
      { action: 'update', call: 'users.update' },
    ]);
  });

  it('gives record.not_found for an unknown user', async () => {
    const office = await createOffice();
    expectError(await office.call('users.update', { userId: '01900000-0000-7000-8000-000000000099', fullName: 'Không có', role: 'officer' }), 'record.not_found');
    expectError(await office.call('users.setActive', { userId: '01900000-0000-7000-8000-000000000099', active: false }), 'record.not_found');
  });

  it('lists active users first, then by name, and shows who is inactive', async () => {
    const office = await createOffice();
    const a = await addUser(office, { username: 'an.nv', password: 'An-2026-abcdef-Tràm-Chim', fullName: 'Âu Văn An' });
    await addUser(office, { username: 'binh.tt', password: 'Bình-2026-abc-Tràm-Chim', fullName: 'Bùi Thị Bình' });
    expectOk(await office.call('users.setActive', { userId: a, active: false }));
    const list = expectOk(await office.call('users.list', {}));
    expect(list.map((u) => [u.username, u.active])).toEqual([
      ['binh.tt', true],
      [ADMIN.username, true],
      ['an.nv', false],
    ]);
    // No secret leaves the backend.
    expect(JSON.stringify(list)).not.toMatch(/wrapped|salt|password/i);
  });
});

describe('users.officers', () => {
  it('lets any logged-in user pick a handling officer among active users only', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, { username: 'canbo.a', password: 'Hai-cây-cau-gỗ-một-Tràm-Chim', fullName: 'Phạm Văn An' });
    const goneId = await addUser(office, { username: 'canbo.b', password: 'Hai-cây-cau-gỗ-hai-Tràm-Chim', fullName: 'Bùi Thị Bé' });
    expectOk(await office.call('users.setActive', { userId: goneId, active: false }));
    const officer = await office.login('canbo.a', 'Hai-cây-cau-gỗ-một-Tràm-Chim');
    const list = expectOk(await office.callAs(officer, 'users.officers', {}));
    expect(list.map((u) => u.id).sort()).toEqual([office.adminId, officerId].sort());
    expect(list.find((u) => u.id === officerId)).toEqual({ id: officerId, fullName: 'Phạm Văn An', rank: 'Trung úy' });
  });
});

describe('password strength', () => {
  it('refuses a guessable password of 12 characters or more (in any case) with its reason, and takes a long unusual one', async () => {
    const office = await createOffice();
    for (const [weak, reason] of <[string, string][]>[
      ['Password1234', 'v.password_common'],
      ['MATKHAU123456', 'v.password_common'],
      // "@123456" runs along the keyboard, longer than "congan".
      ['congan@123456', 'v.password_keyboard'],
      ['aaaaaaaaaaaa', 'v.password_repeat'],
      ['123456789012', 'v.password_common'],
      ['qwertyuiopas', 'v.password_common'],
    ]) {
      const result = await office.call('users.create', { fullName: 'Trần Thị Hương', username: 'huong.tt', role: 'officer', password: weak, passwordConfirm: weak });
      expect(expectError(result, 'validation').fields, weak).toEqual({ password: reason });
    }
    expect(expectError(await office.call('users.create', { fullName: 'Trần Thị Hương', username: 'huong.tt', role: 'officer', password: 'abc', passwordConfirm: 'abc' }), 'validation').fields).toMatchObject({ password: 'v.password_short' });
    expectOk(await office.call('users.create', { fullName: 'Trần Thị Hương', username: 'huong.tt', role: 'officer', password: 'Sông-Mã-chảy-về-xuôi', passwordConfirm: 'Sông-Mã-chảy-về-xuôi' }));
  });
});
