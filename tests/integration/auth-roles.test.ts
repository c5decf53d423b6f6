import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, type CallInput, type CallName } from '../../api/contract';
import { LOCKOUT_FAILURES } from '../../db/keyring';
import { ADMIN, addUser, callOn, cleanup, createOffice, expectError, expectOk, manualClock, restart } from '../support/backend';

const OFFICER = { username: 'huong.tt', password: 'Hương-2026-an-ninh-Tràm-Chim', fullName: 'Trần Thị Hương' };
const CHIEF = { username: 'tuan.lq', password: 'Tuấn-phó-trưởng-1', fullName: 'Lê Quốc Tuấn', role: 'chief' as const };
const SOME_ID = '01900000-0000-7000-8000-000000000001';

/** A valid input for each call, so the permission check (not validation) decides. */
const samples: Partial<{ [N in CallName]: CallInput<N> }> = {
  'auth.lock': {},
  'auth.changePassword': { current: 'Mật-khẩu-cũ-Tràm-Chim', password: 'Mật-khẩu-mới-1-Tràm-Chim', passwordConfirm: 'Mật-khẩu-mới-1-Tràm-Chim' },
  'users.list': {},
  'users.create': { fullName: 'Võ Văn Kiệt', username: 'kiet.vv', role: 'officer', password: 'Kiệt-2026-abc-Tràm-Chim', passwordConfirm: 'Kiệt-2026-abc-Tràm-Chim' },
  'users.update': { userId: SOME_ID, fullName: 'Võ Văn Kiệt', role: 'chief' },
  'users.resetPassword': { userId: SOME_ID, password: 'Kiệt-2026-abc-Tràm-Chim', passwordConfirm: 'Kiệt-2026-abc-Tràm-Chim' },
  'users.setActive': { userId: SOME_ID, active: false },
  'office.get': {},
  'settings.get': {},
  'settings.update': { idleLockMinutes: 5, remoteCommune: true },
  'localities.list': {},
  'localities.create': { name: 'Thôn Mới', kind: 'thôn' },
  'categories.list': {},
};

function sample(name: CallName): unknown {
  return samples[name] ?? {};
}

afterEach(() => cleanup());

describe('permissions', () => {
  it('an unauthenticated session gets auth.required on every call that is not public', async () => {
    const office = await createOffice();
    const anonymous = office.backend.sessions.create(office.backend.now());
    const gated = (Object.keys(contract) as CallName[]).filter((name) => contract[name].permission !== 'public');
    expect(gated.length).toBeGreaterThan(5);
    for (const name of gated) {
      const result = await callOn(office.backend, anonymous, name, sample(name) as never);
      expect(result.ok, name).toBe(false);
      // Calls added later without a sample here may fail validation first; known ones must say auth.required.
      const code = result.ok ? '' : result.error.code;
      if (name in samples) expect(code, name).toBe('auth.required');
      else expect(['auth.required', 'validation'], name).toContain(code);
    }
  });

  it('also when the store is not open yet (after a restart, before any login)', async () => {
    const office = await createOffice();
    const again = restart(office);
    expectError(await again.call('users.list', {}), 'auth.required');
    expectError(await again.call('office.get', {}), 'auth.required');
    const status = expectOk(await again.call('setup.status', {}));
    expect(status.state).toBe('ready');
    // The app was closed cleanly: the login does not check the whole store first.
    expect(status.checkOnOpen).toBe(false);
    expect(expectOk(await again.call('auth.session', {}))).toBeNull();
  });

  it('says before the login when the last session did not end, and not once the store is open', async () => {
    const office = await createOffice();
    const again = restart(office);
    // What a power cut leaves: the marker of the open session.
    writeFileSync(again.backend.paths.openMarker, '4242');
    expect(expectOk(await again.call('setup.status', {})).checkOnOpen).toBe(true);
    const session = await again.login(ADMIN.username, ADMIN.password);
    expect(again.backend.requireStore().checked).toBe(true);
    expect(expectOk(await again.callAs(session, 'setup.status', {})).checkOnOpen).toBe(false);
  });

  it('an officer gets auth.forbidden on user management and settings, and nothing changes', async () => {
    const office = await createOffice();
    await addUser(office, OFFICER);
    const officer = await office.login(OFFICER.username, OFFICER.password);
    for (const name of ['users.list', 'users.create', 'users.update', 'users.resetPassword', 'users.setActive', 'settings.update', 'localities.create'] as const) {
      expectError(await office.callAs(officer, name, sample(name) as never), 'auth.forbidden');
    }
    expect(expectOk(await office.call('users.list', {})).map((u) => u.username).sort()).toEqual([ADMIN.username, OFFICER.username].sort());
    expect(expectOk(await office.call('settings.get', {})).idleLockMinutes).toBe(15);
    expect(expectOk(await office.call('localities.list', {})).map((l) => l.name)).not.toContain('Thôn Mới');
  });

  it('an officer may read the office, settings, localities and categories', async () => {
    const office = await createOffice();
    await addUser(office, OFFICER);
    const officer = await office.login(OFFICER.username, OFFICER.password);
    expect(expectOk(await office.callAs(officer, 'office.get', {})).code).toBe('12345');
    expectOk(await office.callAs(officer, 'settings.get', {}));
    expect(expectOk(await office.callAs(officer, 'localities.list', {}))).toHaveLength(2);
    expect(expectOk(await office.callAs(officer, 'categories.list', {})).length).toBeGreaterThan(0);
    expect(expectOk(await office.callAs(officer, 'auth.session', {}))?.user.role).toBe('officer');
  });

  it('a chief cannot manage users either', async () => {
    const office = await createOffice();
    await addUser(office, CHIEF);
    const chief = await office.login(CHIEF.username, CHIEF.password);
    expectError(await office.callAs(chief, 'users.list', {}), 'auth.forbidden');
    expectError(await office.callAs(chief, 'settings.update', { idleLockMinutes: 0, remoteCommune: false }), 'auth.forbidden');
  });

  it('an administrator can', async () => {
    const office = await createOffice();
    expect(expectOk(await office.call('users.list', {}))).toHaveLength(1);
    const created = expectOk(await office.call('users.create', samples['users.create']!));
    expect(created).toMatchObject({ username: 'kiet.vv', role: 'officer', active: true });
    const settings = { idleLockMinutes: 5, sessionHours: 12, remoteCommune: true, reportCutoffDay: 15, exchangeLateDays: 35, exchangeClockBoundHours: 24, backupKeepDaily: 7, backupKeepWeekly: 4, backupKeepMonthly: 12, backupExternalDir: null, chiefName: '', deputyNames: [] };
    expect(expectOk(await office.call('settings.update', { idleLockMinutes: 5, remoteCommune: true }))).toEqual(settings);
    expect(expectOk(await office.call('settings.get', {}))).toEqual(settings);
  });

  it('a role change takes effect at once: the demoted user is logged out', async () => {
    const office = await createOffice();
    const minhId = await addUser(office, { username: 'minh.pv', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Phạm Văn Minh', role: 'admin' });
    const minh = await office.login('minh.pv', 'Phó-trưởng-2026-Tràm-Chim');
    expectOk(await office.callAs(minh, 'users.list', {}));
    expectOk(await office.call('users.update', { userId: minhId, fullName: 'Phạm Văn Minh', role: 'officer' }));
    expectError(await office.callAs(minh, 'users.list', {}), 'auth.required');
    const again = await office.login('minh.pv', 'Phó-trưởng-2026-Tràm-Chim');
    expectError(await office.callAs(again, 'users.list', {}), 'auth.forbidden');
  });
});

describe('idle lock', () => {
  async function idleOffice() {
    const clock = manualClock();
    const office = await createOffice({ now: clock.now });
    expectOk(await office.call('settings.update', { idleLockMinutes: 1, remoteCommune: false }));
    return { clock, office };
  }

  it('locks a session after the idle time; the password opens it again', async () => {
    const { clock, office } = await idleOffice();
    clock.advance(50_000);
    expectOk(await office.call('office.get', {}));
    clock.advance(50_000);
    // 100 s since login but only 50 s since the last call: still open.
    expectOk(await office.call('office.get', {}));
    clock.advance(2 * 60_000);
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
    expectError(await office.call('users.list', {}), 'auth.idle_locked');
    expect(expectOk(await office.call('auth.session', {}))?.locked).toBe(true);

    expectError(await office.call('auth.unlock', { password: 'sai-mật-khẩu' }), 'auth.invalid');
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
    const view = expectOk(await office.call('auth.unlock', { password: ADMIN.password }));
    expect(view.locked).toBe(false);
    expect(view.user.id).toBe(office.adminId);
    expectOk(await office.call('office.get', {}));
  });

  it('reports the session as locked once the idle time has passed, before any other call', async () => {
    const { clock, office } = await idleOffice();
    clock.advance(2 * 60_000);
    // The interface asks auth.session on start-up (e.g. after a reload) to decide what to show.
    expect(expectOk(await office.call('auth.session', {}))?.locked).toBe(true);
  });

  it('locks only the idle session, not other sessions of the same user', async () => {
    const { clock, office } = await idleOffice();
    clock.advance(2 * 60_000);
    const fresh = await office.login(ADMIN.username, ADMIN.password);
    expectOk(await office.callAs(fresh, 'office.get', {}));
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
  });

  it('wrong unlock passwords count toward the lockout', async () => {
    const { clock, office } = await idleOffice();
    clock.advance(2 * 60_000);
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
    for (let i = 1; i < LOCKOUT_FAILURES; i += 1) expectError(await office.call('auth.unlock', { password: `sai-${i}` }), 'auth.invalid');
    expectError(await office.call('auth.unlock', { password: 'sai-cuối' }), 'auth.locked_out');
    expectError(await office.call('auth.unlock', { password: ADMIN.password }), 'auth.locked_out');
    expectError((await office.tryLogin(ADMIN.username, ADMIN.password)).result, 'auth.locked_out');
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
  });

  it('auth.lock locks at once; logout from a locked session works', async () => {
    const office = await createOffice();
    expectOk(await office.call('auth.lock', {}));
    expectError(await office.call('localities.list', {}), 'auth.idle_locked');
    expectOk(await office.call('auth.logout', {}));
    expect(expectOk(await office.call('auth.session', {}))).toBeNull();
    expectError(await office.call('localities.list', {}), 'auth.required');
  });

  it('cannot be turned off: 0 and anything over 60 minutes are refused, and nothing changes', async () => {
    const clock = manualClock();
    const office = await createOffice({ now: clock.now });
    for (const idleLockMinutes of [0, -1, 61, 240]) {
      expect(expectError(await office.call('settings.update', { idleLockMinutes, remoteCommune: false }), 'validation').fields).toEqual({ idleLockMinutes: idleLockMinutes < 1 ? 'v.too_small' : 'v.too_big' });
    }
    expect(expectOk(await office.call('settings.get', {})).idleLockMinutes).toBe(15);
    expectOk(await office.call('settings.update', { idleLockMinutes: 60, remoteCommune: false }));
    clock.advance(60 * 60_000 + 1);
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
  });

  it('uses the default of 15 minutes before any setting is saved', async () => {
    const clock = manualClock();
    const office = await createOffice({ now: clock.now });
    clock.advance(14 * 60_000);
    expectOk(await office.call('office.get', {}));
    clock.advance(15 * 60_000 + 1);
    expectError(await office.call('office.get', {}), 'auth.idle_locked');
  });
});
