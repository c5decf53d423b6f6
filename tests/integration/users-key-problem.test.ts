import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../db/backend';
import { Keyring, storeKeyOf } from '../../db/keyring';
import { legacyEntry } from '../support/legacy-keyring';
import { ADMIN, addUser, cleanup, createOffice, expectError, expectOk, restart } from '../support/backend';

/**
 * The users page flags an active user whose keyring entry a key rotation dropped, or whose entry is a
 * version 1 one the next rotation would drop (db/rotation.ts); an administrator's reset mends both.
 */

afterEach(cleanup);

const OFFICER = { username: 'huong.tt', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Trần Thị Hương' };
const OTHER = { username: 'tam.lv', password: 'Tâm-qua-cầu-Long-Biên-đêm', fullName: 'Lê Văn Tâm' };

describe('users.list keyProblem', () => {
  it('is null for every user with a key pair, old_format for a version 1 entry, missing once a rotation dropped it, null again after a reset', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    const otherId = await addUser(office, OTHER);
    const problems = async (of: typeof office) => Object.fromEntries(expectOk(await of.call('users.list', {})).map((user) => [user.username, user.keyProblem]));
    expect(await problems(office)).toEqual({ [ADMIN.username]: null, [OFFICER.username]: null, [OTHER.username]: null });

    // The officer's entry as version 10 of the app wrote it (they have not logged in since the upgrade).
    const keyFile = dataPaths(office.dir).keyring;
    const key = await storeKeyOf(Keyring.load(keyFile).entry(ADMIN.username)!, ADMIN.password);
    await office.backend.closeWhenIdle();
    const data = JSON.parse(readFileSync(keyFile, 'utf8')) as { users: Record<string, unknown> };
    data.users[OFFICER.username] = legacyEntry(key!, officerId, OFFICER.password);
    writeFileSync(keyFile, JSON.stringify(data));
    const again = restart(office);
    const admin = await again.login(ADMIN.username, ADMIN.password);
    const list = async () => Object.fromEntries(expectOk(await again.callAs(admin, 'users.list', {})).map((user) => [user.username, user.keyProblem]));
    expect(await list()).toEqual({ [ADMIN.username]: null, [OFFICER.username]: 'old_format', [OTHER.username]: null });

    // Deactivating someone else rotates the key: the officer's entry is dropped. An inactive user is not flagged.
    expectOk(await again.callAs(admin, 'users.setActive', { userId: otherId, active: false }));
    expect(await list()).toEqual({ [ADMIN.username]: null, [OFFICER.username]: 'missing', [OTHER.username]: null });
    expectError((await again.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.invalid');

    // The administrator's reset gives the officer a key pair: flag gone, and they log in.
    const fresh = 'Hương-mới-cấp-năm-2026';
    expectOk(await again.callAs(admin, 'users.resetPassword', { userId: officerId, password: fresh, passwordConfirm: fresh }));
    expect(await list()).toEqual({ [ADMIN.username]: null, [OFFICER.username]: null, [OTHER.username]: null });
    await again.login(OFFICER.username, fresh);
  });
});

describe('users.update from the users page', () => {
  it('saves name, rank, position and role; a field left out keeps its value; the last administrator keeps the role', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    const edited = expectOk(await office.call('users.update', { userId: officerId, fullName: 'Trần Thị Thu Hương', rank: 'Thượng úy', position: 'Phó Trưởng Công an xã', role: 'chief' }));
    expect(edited).toMatchObject({ fullName: 'Trần Thị Thu Hương', rank: 'Thượng úy', position: 'Phó Trưởng Công an xã', role: 'chief', keyProblem: null });
    const kept = expectOk(await office.call('users.update', { userId: officerId, rank: 'Đại úy' }));
    expect(kept).toMatchObject({ fullName: 'Trần Thị Thu Hương', rank: 'Đại úy', role: 'chief' });
    const refused = expectError(await office.call('users.update', { userId: office.adminId, role: 'officer' }), 'validation');
    expect(refused.fields).toEqual({ role: 'v.last_admin' });
    expect(expectOk(await office.call('users.list', {})).find((user) => user.id === office.adminId)?.role).toBe('admin');
  });
});
