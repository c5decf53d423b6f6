import { afterEach, describe, expect, it } from 'vitest';
import { LOCKOUT_FAILURES, LOCKOUT_MS } from '../../db/keyring';
import { ADMIN, addUser, cleanup, createOffice, expectError, expectOk, manualClock, OFFICE, restart } from '../support/backend';

const OFFICER = { username: 'huong.tt', password: 'Hương-2026-an-ninh-Tràm-Chim', fullName: 'Trần Thị Hương' };

afterEach(() => cleanup());

describe('login', () => {
  it('with the right password opens the store after a restart and starts a session', async () => {
    const office = await createOffice();
    const again = restart(office);
    expect(again.backend.store).toBeNull();
    const { session, result } = await again.tryLogin(ADMIN.username, ADMIN.password);
    const view = expectOk(result);
    expect(again.backend.store).not.toBeNull();
    expect(view.user).toMatchObject({ id: office.adminId, username: ADMIN.username, fullName: ADMIN.fullName, role: 'admin', active: true, lockedUntil: null });
    expect(view.office).toMatchObject({ code: OFFICE.code, name: OFFICE.name, level: 'commune', parentName: OFFICE.parentName, parentCode: OFFICE.parentCode });
    expect(view.locked).toBe(false);
    expect(session.userId).toBe(office.adminId);
    const me = expectOk(await again.callAs(session, 'auth.session', {}));
    expect(me?.user.id).toBe(office.adminId);
  });

  it('takes the username in any case and the password in either Unicode form', async () => {
    const office = await createOffice();
    expect((await office.tryLogin('DUC.NV', ADMIN.password)).result.ok).toBe(true);
    expect((await office.tryLogin(` ${ADMIN.username} `, ADMIN.password.normalize('NFD'))).result.ok).toBe(true);
  });

  it('refuses a wrong password and an unknown user alike, with auth.invalid', async () => {
    const office = await createOffice();
    const again = restart(office);
    const wrong = expectError((await again.tryLogin(ADMIN.username, 'Mật-khẩu-2025!-Tràm-Chim')).result, 'auth.invalid');
    const unknown = expectError((await again.tryLogin('khong.co', ADMIN.password)).result, 'auth.invalid');
    expect(unknown.message).toBe(wrong.message);
    expect(again.backend.store).toBeNull();
    const { session } = await again.tryLogin(ADMIN.username, 'sai');
    expect(session.userId).toBeNull();
  });

  it('answers a known user exactly as an unknown one: no count of tries left, for anyone', async () => {
    const office = await createOffice();
    for (let i = 1; i < LOCKOUT_FAILURES; i += 1) {
      const known = expectError((await office.tryLogin(ADMIN.username, `sai-${i}`)).result, 'auth.invalid');
      const unknown = expectError((await office.tryLogin('khong.co', `sai-${i}`)).result, 'auth.invalid');
      expect(known).toEqual(unknown);
      expect(known.params).toBeUndefined();
    }
    // The fifth wrong try locks a name that exists and one that does not alike.
    const known = expectError((await office.tryLogin(ADMIN.username, 'sai-5')).result, 'auth.locked_out');
    const unknown = expectError((await office.tryLogin('khong.co', 'sai-5')).result, 'auth.locked_out');
    expect(known).toEqual(unknown);
  });

  it('a success resets the failure count', async () => {
    const office = await createOffice();
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i += 1) expectError((await office.tryLogin(ADMIN.username, `sai-${i}`)).result, 'auth.invalid');
    await office.login(ADMIN.username, ADMIN.password);
    // Four more wrong tries are again below the lockout.
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i += 1) expectError((await office.tryLogin(ADMIN.username, `sai-lại-${i}`)).result, 'auth.invalid');
    await office.login(ADMIN.username, ADMIN.password);
  });
});

describe('lockout', () => {
  it(`after ${LOCKOUT_FAILURES} wrong passwords refuses even the right one, survives a restart, and ends when the time is up`, async () => {
    const clock = manualClock();
    const office = await createOffice({ now: clock.now });
    for (let i = 1; i < LOCKOUT_FAILURES; i += 1) expectError((await office.tryLogin(ADMIN.username, `sai-${i}`)).result, 'auth.invalid');
    const locked = expectError((await office.tryLogin(ADMIN.username, 'sai-cuối')).result, 'auth.locked_out');
    expect(locked.params).toEqual({ minutes: LOCKOUT_MS / 60_000 });

    expectError((await office.tryLogin(ADMIN.username, ADMIN.password)).result, 'auth.locked_out');
    clock.advance(2 * 60_000 + 1);
    const later = expectError((await office.tryLogin(ADMIN.username, ADMIN.password)).result, 'auth.locked_out');
    expect(later.params?.minutes).toBe(3);

    // Restart: the lockout is kept in the keyring, not in memory.
    const again = restart(office, { now: clock.now });
    expectError((await again.tryLogin(ADMIN.username, ADMIN.password)).result, 'auth.locked_out');
    expect(again.backend.store).toBeNull();

    clock.advance(LOCKOUT_MS);
    const view = expectOk((await again.tryLogin(ADMIN.username, ADMIN.password)).result);
    expect(view.user.lockedUntil).toBeNull();
    // And the count starts again from zero.
    expect(expectError((await again.tryLogin(ADMIN.username, 'sai')).result, 'auth.invalid').params).toBeUndefined();
  });

  it('locks one account only, and an administrator sees it in users.list', async () => {
    const clock = manualClock();
    const office = await createOffice({ now: clock.now });
    const officerId = await addUser(office, OFFICER);
    for (let i = 0; i < LOCKOUT_FAILURES; i += 1) await office.tryLogin(OFFICER.username, `sai-${i}`);
    expectError((await office.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.locked_out');
    await office.login(ADMIN.username, ADMIN.password);
    const users = expectOk(await office.call('users.list', {}));
    expect(users.find((u) => u.id === officerId)?.lockedUntil).toBe(clock.now() + LOCKOUT_MS);
    expect(users.find((u) => u.id === office.adminId)?.lockedUntil).toBeNull();
  });

  it('is lifted by an administrator resetting the password', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    for (let i = 0; i < LOCKOUT_FAILURES; i += 1) await office.tryLogin(OFFICER.username, `sai-${i}`);
    expectError((await office.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.locked_out');
    expectOk(await office.call('users.resetPassword', { userId: officerId, password: 'Mới-cấp-lại-01', passwordConfirm: 'Mới-cấp-lại-01' }));
    expect((await office.tryLogin(OFFICER.username, 'Mới-cấp-lại-01')).result.ok).toBe(true);
  });
});

describe('deactivation', () => {
  it('refuses the login and ends an open session at once', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    const officerSession = await office.login(OFFICER.username, OFFICER.password);
    expectOk(await office.callAs(officerSession, 'office.get', {}));

    const view = expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    expect(view.active).toBe(false);

    expectError(await office.callAs(officerSession, 'office.get', {}), 'auth.required');
    expect(expectOk(await office.callAs(officerSession, 'auth.session', {}))).toBeNull();
    const refused = await office.tryLogin(OFFICER.username, OFFICER.password);
    expect(refused.result.ok).toBe(false);
    expect(['auth.invalid', 'auth.inactive']).toContain(refused.result.ok ? '' : refused.result.error.code);
    expect(refused.session.userId).toBeNull();
    // Their key to the store is gone.
    expect(office.backend.keyring().entryForUser(officerId)).toBeUndefined();
  });

  it('also ends a session that was idle-locked', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    const officerSession = await office.login(OFFICER.username, OFFICER.password);
    expectOk(await office.callAs(officerSession, 'auth.lock', {}));
    expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    expectError(await office.callAs(officerSession, 'auth.unlock', { password: OFFICER.password }), 'auth.required');
  });

  it('reactivating with a new password lets the user in with that password only, after a restart too', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    const view = expectOk(await office.call('users.setActive', { userId: officerId, active: true, password: 'Trở-lại-2026-Tràm-Chim', passwordConfirm: 'Trở-lại-2026-Tràm-Chim' }));
    expect(view.active).toBe(true);
    const again = restart(office);
    expectError((await again.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.invalid');
    const back = expectOk((await again.tryLogin(OFFICER.username, 'Trở-lại-2026-Tràm-Chim')).result);
    expect(back.user).toMatchObject({ id: officerId, active: true, role: 'officer' });
  });

  it('reactivation needs the new password typed twice', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    const error = expectError(await office.call('users.setActive', { userId: officerId, active: true, password: 'Trở-lại-2026-Tràm-Chim', passwordConfirm: 'Trở-lại-2027' }), 'validation');
    expect(error.fields).toEqual({ passwordConfirm: 'v.password_mismatch' });
  });
});

describe('password reset by an administrator', () => {
  it('the new password opens the store after a restart, the old one does not, and no data is lost', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    const created = expectOk(await office.call('localities.create', { name: 'Xóm Bãi Ngang', kind: 'xóm' }));
    expectOk(await office.call('users.resetPassword', { userId: officerId, password: 'Cấp-lại-2026-Tràm-Chim', passwordConfirm: 'Cấp-lại-2026-Tràm-Chim' }));

    const again = restart(office);
    expectError((await again.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.invalid');
    // The officer is the first to log in after the restart: their new wrap alone opens the store.
    const session = await again.login(OFFICER.username, 'Cấp-lại-2026-Tràm-Chim');
    // The administrator's password is one-time: the officer chooses their own before anything else.
    expectError(await again.callAs(session, 'localities.list', {}), 'auth.password_change_required');
    expectOk(await again.callAs(session, 'auth.changePassword', { current: 'Cấp-lại-2026-Tràm-Chim', password: 'Tự-chọn-2026-Tràm-Chim', passwordConfirm: 'Tự-chọn-2026-Tràm-Chim' }));
    const localities = expectOk(await again.callAs(session, 'localities.list', {}));
    expect(localities.map((l) => l.name)).toEqual(expect.arrayContaining(['Thôn Đông', 'Thôn Tây', 'Xóm Bãi Ngang']));
    expect(localities.find((l) => l.id === created.id)?.name).toBe('Xóm Bãi Ngang');
    expect(expectOk(await again.callAs(session, 'categories.list', {})).length).toBeGreaterThan(10);
    // The administrator's own password still works too.
    await again.login(ADMIN.username, ADMIN.password);
  });

  it('can recover an administrator who forgot the password, by another administrator', async () => {
    const office = await createOffice();
    await addUser(office, { username: 'minh.pv', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Phạm Văn Minh', role: 'admin' });
    const second = await office.login('minh.pv', 'Phó-trưởng-2026-Tràm-Chim');
    expectOk(await office.callAs(second, 'users.resetPassword', { userId: office.adminId, password: 'Đức-mới-2026-Tràm-Chim', passwordConfirm: 'Đức-mới-2026-Tràm-Chim' }));
    const again = restart(office);
    expectError((await again.tryLogin(ADMIN.username, ADMIN.password)).result, 'auth.invalid');
    const view = expectOk((await again.tryLogin(ADMIN.username, 'Đức-mới-2026-Tràm-Chim')).result);
    expect(view.user.id).toBe(office.adminId);
  });

  it('is refused for a deactivated user', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    expectError(await office.call('users.resetPassword', { userId: officerId, password: 'Cấp-lại-2026-Tràm-Chim', passwordConfirm: 'Cấp-lại-2026-Tràm-Chim' }), 'auth.inactive');
    expect(office.backend.keyring().entryForUser(officerId)).toBeUndefined();
  });
});

describe('changePassword', () => {
  it('checks the current password: a wrong one is a validation error on "current"', async () => {
    const office = await createOffice();
    const error = expectError(await office.call('auth.changePassword', { current: 'không-phải', password: 'Mới-mới-2026-Tràm-Chim', passwordConfirm: 'Mới-mới-2026-Tràm-Chim' }), 'validation');
    expect(Object.keys(error.fields ?? {})).toEqual(['current']);
    expect(error.fields?.current).toMatch(/^v\./);
    // Nothing changed.
    await office.login(ADMIN.username, ADMIN.password);
  });

  it('with the right current password, the new one works after a restart and the old one does not', async () => {
    const office = await createOffice();
    expectOk(await office.call('auth.changePassword', { current: ADMIN.password, password: 'Mới-mới-2026-Tràm-Chim', passwordConfirm: 'Mới-mới-2026-Tràm-Chim' }));
    const again = restart(office);
    expectError((await again.tryLogin(ADMIN.username, ADMIN.password)).result, 'auth.invalid');
    expect((await again.tryLogin(ADMIN.username, 'Mới-mới-2026-Tràm-Chim')).result.ok).toBe(true);
  });

  it('checks the new password: long enough and typed the same twice', async () => {
    const office = await createOffice();
    const short = expectError(await office.call('auth.changePassword', { current: ADMIN.password, password: 'ngắn', passwordConfirm: 'ngắn' }), 'validation');
    expect(short.fields?.password).toBe('v.password_short');
    const mismatch = expectError(await office.call('auth.changePassword', { current: ADMIN.password, password: 'Mới-mới-2026-Tràm-Chim', passwordConfirm: 'Mới-mới-2027-Tràm-Chim' }), 'validation');
    expect(mismatch.fields?.passwordConfirm).toBe('v.password_mismatch');
  });

  it('needs a logged-in session', async () => {
    const office = await createOffice();
    const anonymous = office.backend.sessions.create(office.backend.now());
    expectError(await office.callAs(anonymous, 'auth.changePassword', { current: ADMIN.password, password: 'Mới-mới-2026-Tràm-Chim', passwordConfirm: 'Mới-mới-2026-Tràm-Chim' }), 'auth.required');
  });
});

describe('logout', () => {
  it('ends the session', async () => {
    const office = await createOffice();
    expectOk(await office.call('auth.logout', {}));
    expect(expectOk(await office.call('auth.session', {}))).toBeNull();
    expectError(await office.call('office.get', {}), 'auth.required');
  });
});
