import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupName, backupTo, DEFAULT_KEEP, listBackups, reserveBackup, rotateBackups, settleBackup } from '../../db/backup';
import { storeKeyOf } from '../../db/keyring';
import { openSqlite } from '../../db/store';
import { ADMIN, addUser, cleanup, createOffice, expectError, expectOk, manualClock, restart, tempDir, type TestOffice } from '../support/backend';
import { storeFingerprint } from '../support/call-samples';

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const DAY = 86_400_000;

async function storeKey(office: TestOffice): Promise<string> {
  return (await storeKeyOf(office.backend.keyring().entry(ADMIN.username)!, ADMIN.password))!.toString('hex');
}

const localityNames = async (office: TestOffice) => expectOk(await office.call('localities.list', {})).map((l) => l.name);
const backupsOf = (office: TestOffice, reason: string) => listBackups(office.backend.paths.backups).filter((file) => file.reason === reason);

describe('automatic backups (issue #9, "Backups")', () => {
  it('rotation keeps the newest of each of the last 7 days, 4 weeks and 12 months, and never one taken by hand', () => {
    const dir = tempDir();
    const start = vn('2025-01-01');
    for (let day = 0; day < 400; day += 1) {
      writeFileSync(join(dir, backupName('daily', new Date(start + day * DAY))), '');
      if (day % 3 === 0) writeFileSync(join(dir, backupName('before-import', new Date(start + day * DAY + 3_600_000))), '');
    }
    writeFileSync(join(dir, backupName('before-migration-v6', new Date(start))), '');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    rotateBackups(dir, DEFAULT_KEEP);
    const left = listBackups(dir);
    const automatic = left.filter((file) => file.reason !== 'before-migration-v6');
    // 7 days, plus the weeks and months not already covered by a kept day.
    expect(automatic.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(automatic.length).toBeGreaterThanOrEqual(12);
    const newest = automatic[0]!;
    expect(newest.at).toBeGreaterThanOrEqual(start + 399 * DAY);
    const months = new Set(automatic.map((file) => new Date(file.at + 7 * 3_600_000).toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
    expect(left.some((file) => file.reason === 'before-migration-v6')).toBe(true);
    expect(readdirSync(dir)).toContain('notes.txt');
    // Rotating again changes nothing.
    expect(rotateBackups(dir, DEFAULT_KEEP)).toEqual([]);
  });

  it('two backups reserved in the same second, as by the app and a command line on the same store, both land under their own names', async () => {
    const office = await createOffice();
    await office.backend.backups.settled();
    const { backups } = office.backend.paths;
    const now = Date.now();
    // Both reserve before either has written a byte: the name is claimed on disk, not only looked up.
    const first = reserveBackup(backups, 'daily', now);
    const second = reserveBackup(backups, 'daily', now);
    expect(second.file).not.toBe(first.file);
    const sql = office.backend.requireStore().sql;
    const plan = { dir: backups, keep: DEFAULT_KEEP, external: null };
    backupTo(sql, second.partial);
    backupTo(sql, first.partial);
    const names = [settleBackup(first, plan, now), settleBackup(second, plan, now)].map((taken) => taken.view.name);
    // Both were written whole; the day keeps its newest automatic backup, the one taken second.
    expect(listBackups(backups).filter((file) => file.reason.startsWith('daily')).map((file) => file.name)).toEqual([names[1]]);
    expect(readdirSync(backups).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('the first open of each day backs the store up off the open path, encrypted; a second open that day does not', async () => {
    const clock = manualClock(vn('2026-11-20'));
    let office = await createOffice({ now: clock.now });
    // The day of setup has its backup too (issue #23).
    await office.backend.backups.settled();
    expect(backupsOf(office, 'daily')).toHaveLength(1);
    expectOk(await office.call('localities.create', { name: 'Xóm Bãi Ngang', kind: 'xóm' }));
    office.backend.close();
    clock.advance(DAY);

    // open() returns with the backup still to be written, on a worker thread; the store is usable meanwhile.
    const key = await storeKey(office);
    office.backend.open(Buffer.from(key, 'hex'));
    expect(backupsOf(office, 'daily')).toHaveLength(1);
    const session = await office.login(ADMIN.username, ADMIN.password);
    expectOk(await office.callAs(session, 'localities.create', { name: 'Xóm Trại', kind: 'xóm' }));
    await office.backend.backups.settled();
    const first = backupsOf(office, 'daily');
    expect(first).toHaveLength(2);

    // The backup is the store, encrypted with its key; unreadable without it.
    const file = join(office.backend.paths.backups, first[0]!.name);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const copy = openSqlite(file, key, { readOnly: true });
    expect(copy.prepare("SELECT count(*) FROM localities WHERE name = 'Xóm Bãi Ngang'").pluck().get()).toBe(1);
    copy.close();
    expect(() => openSqlite(file, 'ab'.repeat(32))).toThrow();
    // Nothing half-written is left behind.
    expect(readdirSync(office.backend.paths.backups).filter((name) => name.endsWith('.partial'))).toEqual([]);

    office = restart(office, { now: clock.now });
    await office.login(ADMIN.username, ADMIN.password);
    await office.backend.backups.settled();
    expect(backupsOf(office, 'daily')).toHaveLength(2);
    clock.advance(DAY);
    office = restart(office, { now: clock.now });
    await office.login(ADMIN.username, ADMIN.password);
    await office.backend.backups.settled();
    expect(backupsOf(office, 'daily')).toHaveLength(3);
  });

  it('keeps as many automatic backups as the settings say, and never removes one taken by hand', async () => {
    const clock = manualClock(vn('2026-11-20'));
    let office = await createOffice({ now: clock.now });
    await office.backend.backups.settled();
    const dir = office.backend.paths.backups;
    expectOk(await office.call('backups.create', {}));
    for (let day = 1; day <= 5; day += 1) writeFileSync(join(dir, backupName('daily', new Date(clock.now() - day * DAY))), '');
    expectOk(await office.call('settings.update', { idleLockMinutes: 15, remoteCommune: false, backupKeepDaily: 2, backupKeepWeekly: 0, backupKeepMonthly: 0 }));
    expect(expectOk(await office.call('settings.get', {}))).toMatchObject({ backupKeepDaily: 2, backupKeepWeekly: 0, backupKeepMonthly: 0, idleLockMinutes: 15 });

    clock.advance(DAY);
    office = restart(office, { now: clock.now });
    await office.login(ADMIN.username, ADMIN.password);
    await office.backend.backups.settled();
    const dailies = backupsOf(office, 'daily');
    // Today's and the setup day's (the one written at setup, newer than the file made for that day).
    expect(dailies.map((file) => file.at)).toEqual([clock.now() - (clock.now() % 1000), clock.now() - DAY]);
    expect(backupsOf(office, 'manual')).toHaveLength(1);
  });

  it('copies each backup to the external folder; an unreachable one is reported and the backup kept', async () => {
    const office = await createOffice();
    await office.backend.backups.settled();
    const usb = tempDir();
    const settings = { idleLockMinutes: 15, remoteCommune: false };
    expectOk(await office.call('settings.update', { ...settings, backupExternalDir: usb }));
    const taken = expectOk(await office.call('backups.create', {}));
    expect(taken.kind).toBe('manual');
    expect(taken.external).toMatchObject({ folder: usb, ok: true, errorCode: null });
    expect(readFileSync(join(usb, taken.name))).toEqual(readFileSync(join(office.backend.paths.backups, taken.name)));
    expect(readdirSync(usb)).toEqual([taken.name]);

    const unplugged = join(usb, 'o-usb-chua-cam');
    expectOk(await office.call('settings.update', { ...settings, backupExternalDir: unplugged }));
    const second = expectOk(await office.call('backups.create', {}));
    expect(second.external).toMatchObject({ folder: unplugged, ok: false, errorCode: 'ENOENT' });
    expect(existsSync(join(office.backend.paths.backups, second.name))).toBe(true);
    // The folder is never created: that would put "the USB drive" on the local disk.
    expect(existsSync(unplugged)).toBe(false);
    const list = expectOk(await office.call('backups.list', {}));
    expect(list.externalFolder).toBe(unplugged);
    expect(list.lastExternal).toMatchObject({ folder: unplugged, ok: false, errorCode: 'ENOENT' });
    expect(list.backups.filter((b) => b.kind === 'manual').map((b) => b.name)).toEqual([second.name, taken.name]);

    // A relative path is refused as a setting; an empty one means none.
    expectError(await office.call('settings.update', { ...settings, backupExternalDir: 'usb/sao-luu' }), 'validation');
    expect(expectOk(await office.call('settings.update', { ...settings, backupExternalDir: '' })).backupExternalDir).toBeNull();
  });
});

describe('backups by hand and restore (issue #9, "Backups")', () => {
  it('lists backups newest first and opens one for its counts', async () => {
    const office = await createOffice();
    const taken = expectOk(await office.call('backups.create', {}));
    const list = expectOk(await office.call('backups.list', {}));
    // Beside the setup day's backup, written just before (within the same second the order is open).
    expect(list.backups.map((b) => b.kind).sort()).toEqual(['daily', 'manual']);
    expect(list.backups[0]!.at).toBeGreaterThanOrEqual(list.backups[1]!.at);
    expect(list.backups.find((b) => b.kind === 'manual')).toEqual({ name: taken.name, at: taken.at, kind: 'manual', size: taken.size });
    expect(list.folder).toBe(office.backend.paths.backups);
    const detail = expectOk(await office.call('backups.inspect', { name: taken.name }));
    expect(detail.counts).toEqual({ reports: 0, persons: 0, hotspots: 0, campaigns: 0 });
    expect(detail.schemaVersion).toBeGreaterThan(0);
  });

  it('restores a backup: its data comes back, the store as it was is kept first, integrity and the audit chain hold, other sessions end', async () => {
    const office = await createOffice();
    expectOk(await office.call('localities.create', { name: 'Xóm Cũ', kind: 'xóm' }));
    const taken = expectOk(await office.call('backups.create', {}));
    expectOk(await office.call('localities.create', { name: 'Xóm Mới', kind: 'xóm' }));
    await addUser(office, { username: 'can.bo', password: 'Lúa-chín-2026-abc-Tràm-Chim' });
    const officer = await office.login('can.bo', 'Lúa-chín-2026-abc-Tràm-Chim');
    expect(await localityNames(office)).toContain('Xóm Mới');

    const restored = expectOk(await office.call('backups.restore', { name: taken.name, confirm: true }));
    expect(restored).toMatchObject({ restored: { name: taken.name, kind: 'manual' }, safety: { kind: 'before-restore' }, integrity: 'ok', stillLoggedIn: true });
    const names = await localityNames(office);
    expect(names).toContain('Xóm Cũ');
    expect(names).not.toContain('Xóm Mới');

    // The store as it was before the restore is a backup of its own, with what came after.
    const safety = backupsOf(office, 'before-restore');
    expect(safety.map((file) => file.name)).toEqual([restored.safety.name]);
    const copy = openSqlite(join(office.backend.paths.backups, restored.safety.name), await storeKey(office), { readOnly: true });
    expect(copy.prepare("SELECT count(*) FROM localities WHERE name = 'Xóm Mới'").pluck().get()).toBe(1);
    copy.close();

    const { sql } = office.backend.requireStore();
    expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(expectOk(await office.call('audit.verify', {})).ok).toBe(true);
    const entry = sql.prepare("SELECT user_id, before, after FROM audit_log WHERE action = 'restore'").get() as { user_id: string; before: string; after: string };
    expect(entry.user_id).toBe(office.adminId);
    expect(JSON.parse(entry.after)).toMatchObject({ backup: taken.name });
    expect(JSON.parse(entry.before)).toEqual({ backup: restored.safety.name });

    // The officer's session ended (and the officer did not exist in the backup anyway); the admin's goes on.
    expectError(await office.callAs(officer, 'office.get', {}), 'auth.required');
    expectOk(await office.call('office.get', {}));
    // And the restored store opens again after a restart.
    const again = restart(office);
    await again.login(ADMIN.username, ADMIN.password);
  });

  it('says when the restoring administrator is not in the restored data', async () => {
    const office = await createOffice();
    const taken = expectOk(await office.call('backups.create', {}));
    await addUser(office, { username: 'qt.hai', password: 'Quản-trị-hai-2026-Tràm-Chim', role: 'admin' });
    const second = await office.login('qt.hai', 'Quản-trị-hai-2026-Tràm-Chim');
    const restored = expectOk(await office.callAs(second, 'backups.restore', { name: taken.name, confirm: true }));
    expect(restored.stillLoggedIn).toBe(false);
    expectError(await office.callAs(second, 'office.get', {}), 'auth.required');
    expectError(await office.call('office.get', {}), 'auth.required');
    await office.login(ADMIN.username, ADMIN.password);
  });

  it('refuses a damaged backup, a foreign one, a missing one and a path, and changes nothing', async () => {
    const office = await createOffice();
    const taken = expectOk(await office.call('backups.create', {}));
    const file = join(office.backend.paths.backups, taken.name);
    const bytes = readFileSync(file);
    for (let at = 8192; at < bytes.length; at += 4096) bytes[at + 100] = bytes[at + 100]! ^ 0xff;
    writeFileSync(file, bytes);

    const foreign = await createOffice();
    const foreignBackup = expectOk(await foreign.call('backups.create', {}));
    const foreignName = foreignBackup.name.replace('-manual', '-manual-9');
    writeFileSync(join(office.backend.paths.backups, foreignName), readFileSync(join(foreign.backend.paths.backups, foreignBackup.name)));

    const before = storeFingerprint(office.backend);
    const files = readdirSync(office.backend.paths.backups).sort();
    expectError(await office.call('backups.restore', { name: taken.name, confirm: true }), 'backup.unreadable');
    expectError(await office.call('backups.inspect', { name: taken.name }), 'backup.unreadable');
    expectError(await office.call('backups.restore', { name: foreignName, confirm: true }), 'backup.unreadable');
    expectError(await office.call('backups.restore', { name: '20200101-000000-manual.sqlite', confirm: true }), 'backup.not_found');
    for (const name of ['../so-antt.sqlite', '../../etc/passwd', 'so-antt.sqlite', '20200101-000000-manual.sqlite/..', '/tmp/20200101-000000-manual.sqlite']) {
      expectError(await office.call('backups.restore', { name, confirm: true }), 'validation');
    }
    const unconfirmed = expectError(await office.call('backups.restore', { name: foreignName, confirm: false as true }), 'validation');
    expect(unconfirmed.fields).toEqual({ confirm: 'v.confirm_restore' });
    expect(storeFingerprint(office.backend)).toEqual(before);
    expect(readdirSync(office.backend.paths.backups).sort()).toEqual(files);
    expect(office.backend.requireStore().sql.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('puts the store back as it was when the restored one does not open', async () => {
    const office = await createOffice();
    const taken = expectOk(await office.call('backups.create', {}));
    // A backup that passes every check but is no office's store any more.
    const broken = openSqlite(join(office.backend.paths.backups, taken.name), await storeKey(office));
    broken.exec('DELETE FROM exchange_identity');
    broken.close();
    expectOk(await office.call('localities.create', { name: 'Xóm Giữ Lại', kind: 'xóm' }));
    const entries = expectOk(await office.call('audit.verify', {})).entries;

    expectError(await office.call('backups.restore', { name: taken.name, confirm: true }), 'backup.restore_failed');
    expect(await localityNames(office)).toContain('Xóm Giữ Lại');
    expect(expectOk(await office.call('audit.verify', {}))).toMatchObject({ ok: true, entries });
    expect(backupsOf(office, 'before-restore')).toHaveLength(1);
  });

  it('is for administrators only', async () => {
    const office = await createOffice();
    const taken = expectOk(await office.call('backups.create', {}));
    await addUser(office, { username: 'truong.ca', password: 'Đêm-trực-2026-Tràm-Chim', role: 'chief' });
    const chief = await office.login('truong.ca', 'Đêm-trực-2026-Tràm-Chim');
    for (const [name, input] of [
      ['backups.list', {}],
      ['backups.inspect', { name: taken.name }],
      ['backups.create', {}],
      ['backups.restore', { name: taken.name, confirm: true }],
    ] as const) {
      expectError(await office.callAs(chief, name, input as never), 'auth.forbidden');
    }
    // The manual one and the setup day's.
    expect(listBackups(office.backend.paths.backups).map((b) => b.reason).sort()).toEqual(['daily', 'manual']);
  });
});
