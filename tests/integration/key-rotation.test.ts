import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { verifyAuditChain } from '../../db/audit';
import { Backend, dataPaths } from '../../db/backend';
import { listBackups } from '../../db/backup';
import { knowsEntry } from '../../db/key-binding';
import { isSealed, Keyring, newUserKey, sealTo, storeKeyOf, unlock, type KdfParams } from '../../db/keyring';
import { onRotationPoint, type RotationPoint } from '../../db/rotation';
import { openSqlite } from '../../db/store';
import { legacyEntry } from '../support/legacy-keyring';
import { ADMIN, addUser, bind, cleanup, createOffice, expectError, expectOk, newBackend, restart, tempDir, TEST_KDF, type TestOffice } from '../support/backend';

/**
 * Keys that rotate (issue #17; docs/decisions.md, "Keys that rotate"), on real encrypted stores:
 * deactivation and an administrator's reset re-key the store, its attachments and its backups; an old
 * keyring with an old password opens nothing; a keyring entry forged under another user's id is refused
 * and recorded; a rotation cut short at any step is finished by the next login.
 */

const OFFICER = { username: 'huong.tt', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Trần Thị Hương' };
const CHIEF = { username: 'lan.pt', password: 'Lan-phó-trưởng-2026', fullName: 'Phạm Thị Lan', role: 'chief' as const };
const FAST: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

afterEach(cleanup);

function paths(office: { dir: string }) {
  return dataPaths(office.dir);
}

/** The store key the administrator's keyring entry holds now. */
async function adminKey(dir: string): Promise<Buffer> {
  const key = await storeKeyOf(Keyring.load(dataPaths(dir).keyring).entry(ADMIN.username)!, ADMIN.password);
  if (!key) throw new Error('the administrator cannot open the keyring');
  return key;
}

function opensWith(file: string, key: Buffer): boolean {
  try {
    openSqlite(file, key.toString('hex'), { quickCheck: false, readOnly: true }).close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the store as a kill left it opens with `key` the way the app opens it (read-write, so a hot
 * journal of a cut-off rekey is rolled back, and checked page by page): on a copy, so the folder stays
 * as the kill left it.
 */
function recoversWith(dir: string, key: Buffer): boolean {
  const copy = tempDir();
  const store = dataPaths(dir).store;
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    if (existsSync(store + suffix)) cpSync(store + suffix, join(copy, `s.sqlite${suffix}`));
  }
  try {
    openSqlite(join(copy, 's.sqlite'), key.toString('hex')).close();
    return true;
  } catch {
    return false;
  }
}

async function addReportWithFiles(office: TestOffice): Promise<string[]> {
  const report = expectOk(
    await office.call('reports.create', {
      receivedAt: Date.parse('2026-03-02T10:00:00+07:00'),
      channel: 'in_person',
      kind: 'crime_report',
      categoryCode: 'theft',
      summary: 'Mất trộm xe máy',
    }),
  );
  const upload = (fileName: string): CallInput<'attachments.add'> => ({ ownerTable: 'reports', ownerId: report.id, fileName, dataBase64: PNG.toString('base64') });
  const ids: string[] = [];
  for (const name of ['hiện trường 1.png', 'hiện trường 2.png']) ids.push(expectOk(await office.call('attachments.add', upload(name))).id);
  return ids;
}

async function expectAttachmentsOpen(office: TestOffice, ids: readonly string[]): Promise<void> {
  for (const id of ids) expect(Buffer.from(expectOk(await office.call('attachments.open', { id })).dataBase64, 'base64').equals(PNG)).toBe(true);
}

/** Runs tests/support/rotate-child.ts on `dir` and kills it with SIGKILL `delayMs` after it has logged in. */
function rotateAndKill(dir: string, userId: string, delayMs: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/rotate-child.ts', import.meta.url)), dir, userId], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let armed = false;
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.startsWith('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out.includes('done') ? 'finished before the kill' : 'killed'));
  });
}

/** Logs in with a keyring file put in place of the real one (then put back); returns the login's result. */
async function loginWithKeyring(dir: string, keyringText: string, username: string, password: string) {
  const file = dataPaths(dir).keyring;
  const real = readFileSync(file, 'utf8');
  writeFileSync(file, keyringText);
  try {
    const backend = newBackend(dir);
    const { result } = await bind(backend, backend.sessions.create(backend.now()), '', dir).tryLogin(username, password);
    const opened = backend.store !== null;
    await backend.closeWhenIdle();
    return { result, opened };
  } finally {
    writeFileSync(file, real);
  }
}

function auditActions(office: TestOffice, action: string): { user_id: string | null; record_id: string | null; after: string | null }[] {
  return office.backend.requireStore().sql.prepare('SELECT user_id, record_id, after FROM audit_log WHERE action = ? ORDER BY id').all(action) as never;
}

describe('deactivating a user rotates the store key', () => {
  it('re-keys the store, its attachments and backups; the old keyring and password open nothing; restore still works', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    await addUser(office, CHIEF);
    const files = await addReportWithFiles(office);
    const backup = expectOk(await office.call('backups.create', {}));
    const oldKey = await adminKey(office.dir);
    const oldKeyring = readFileSync(paths(office).keyring, 'utf8');

    const row = expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    expect(row.active).toBe(false);

    const newKey = await adminKey(office.dir);
    expect(newKey.equals(oldKey)).toBe(false);
    const keyring = Keyring.load(paths(office).keyring);
    expect(keyring.rotation).toBeUndefined();
    expect(keyring.entryForUser(officerId)).toBeUndefined();
    for (const entry of Object.values(keyring.users)) expect(isSealed(entry) && entry.nextSeal === undefined).toBe(true);
    // The live store, and every backup in the app's folder, open with the new key only.
    office.backend.requireStore().sql.pragma('wal_checkpoint(TRUNCATE)');
    expect(opensWith(paths(office).store, oldKey)).toBe(false);
    expect(opensWith(paths(office).store, newKey)).toBe(true);
    for (const file of listBackups(paths(office).backups)) {
      expect(opensWith(join(paths(office).backups, file.name), oldKey)).toBe(false);
      expect(opensWith(join(paths(office).backups, file.name), newKey)).toBe(true);
    }
    await expectAttachmentsOpen(office, files);
    expect(auditActions(office, 'rekey')).toHaveLength(1);

    // The deactivated officer with the keyring copied before, and their old password: refused, store closed.
    await office.backend.closeWhenIdle();
    const officer = await loginWithKeyring(office.dir, oldKeyring, OFFICER.username, OFFICER.password);
    expectError(officer.result, 'auth.invalid');
    expect(officer.opened).toBe(false);
    // The administrator's own old entry holds the old key too: it opens nothing either.
    expectError((await loginWithKeyring(office.dir, oldKeyring, ADMIN.username, ADMIN.password)).result, 'auth.invalid');

    // Everyone else still logs in with their own password; the backup taken before restores.
    const again = bind(newBackend(office.dir), office.session, office.adminId, office.dir);
    const admin = await again.login(ADMIN.username, ADMIN.password);
    await again.login(CHIEF.username, CHIEF.password);
    expectOk(await again.callAs(admin, 'backups.inspect', { name: backup.name }));
    expectOk(await again.callAs(admin, 'backups.restore', { name: backup.name, confirm: true }));
    for (const id of files) expect(expectOk(await again.callAs(admin, 'attachments.open', { id })).fileName).toMatch(/hiện trường/);
    expect(verifyAuditChain(again.backend.requireStore().sql).ok).toBe(true);
    // After the restore, the keyring of today still opens it after a restart.
    again.backend.close();
    const third = bind(newBackend(office.dir), office.session, office.adminId, office.dir);
    await third.login(CHIEF.username, CHIEF.password);
    await third.login(ADMIN.username, ADMIN.password);
  });
});

describe("an administrator's reset of a password rotates the store key", () => {
  it('the old password and the old keyring open nothing; the new password and every other user log in', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    await addUser(office, CHIEF);
    const files = await addReportWithFiles(office);
    const oldKey = await adminKey(office.dir);
    const oldKeyring = readFileSync(paths(office).keyring, 'utf8');
    const newPassword = 'Mới-được-cấp-2026';

    expectOk(await office.call('users.resetPassword', { userId: officerId, password: newPassword, passwordConfirm: newPassword }));
    expect((await adminKey(office.dir)).equals(oldKey)).toBe(false);
    expect(auditActions(office, 'password_reset').map((entry) => entry.record_id)).toEqual([officerId]);

    await office.backend.closeWhenIdle();
    expectError((await loginWithKeyring(office.dir, oldKeyring, OFFICER.username, OFFICER.password)).result, 'auth.invalid');
    const again = bind(newBackend(office.dir), office.session, office.adminId, office.dir);
    expectError((await again.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.invalid');
    const officer = await again.login(OFFICER.username, newPassword);
    // A password the administrator typed is one-time: the officer chooses their own first.
    const chosen = 'Hương-về-thăm-Hội-An-muộn';
    expectOk(await again.callAs(officer, 'auth.changePassword', { current: newPassword, password: chosen, passwordConfirm: chosen }));
    await again.login(CHIEF.username, CHIEF.password);
    for (const id of files) expectOk(await again.callAs(officer, 'attachments.open', { id }));
  });
});

describe('the keyring is bound to the store', () => {
  it("an officer's key re-wrapped under the administrator's id with a password of their choosing is refused and recorded", async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    await office.backend.closeWhenIdle();
    const file = paths(office).keyring;
    const real = readFileSync(file, 'utf8');

    // The officer opens the store key with their own password, as they may…
    const keyring = Keyring.load(file);
    const opened = await unlock(keyring.entry(OFFICER.username)!, OFFICER.password);
    if (opened.kind !== 'sealed') throw new Error(`the officer's entry: ${opened.kind}`);
    // …and makes an entry for the administrator's id under a password they chose.
    const forged = await newUserKey(office.adminId, 'Tôi-là-admin-2026', opened.storeKey, FAST);
    const data = JSON.parse(real) as { users: Record<string, unknown> };
    data.users[ADMIN.username] = forged;
    const result = await loginWithKeyring(office.dir, JSON.stringify(data), ADMIN.username, 'Tôi-là-admin-2026');
    expectError(result.result, 'auth.invalid');

    // Nor does an entry in the old format (the store key wrapped under the chosen password).
    data.users[ADMIN.username] = legacyEntry(opened.storeKey, office.adminId, 'Tôi-là-admin-2026', FAST);
    expectError((await loginWithKeyring(office.dir, JSON.stringify(data), ADMIN.username, 'Tôi-là-admin-2026')).result, 'auth.invalid');

    // Their own entry copied under the administrator's name, with the administrator's id, opens nothing either.
    data.users[ADMIN.username] = { ...keyring.entry(OFFICER.username)!, userId: office.adminId };
    expectError((await loginWithKeyring(office.dir, JSON.stringify(data), ADMIN.username, OFFICER.password)).result, 'auth.invalid');

    // The real administrator logs in and finds the attempt in the audit log.
    const again = bind(newBackend(office.dir), office.session, office.adminId, office.dir);
    await again.login(ADMIN.username, ADMIN.password);
    const refused = auditActions(again, 'login_refused');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused[0]).toMatchObject({ record_id: office.adminId });
    expect(refused[0]!.after).toContain('does not know');
    expect(officerId).not.toBe(office.adminId);
  });
});

describe('a version 1 keyring', () => {
  it('still logs in, is bound at the first login, upgraded user by user; rotation leaves those not yet upgraded to a reset', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    const chiefId = await addUser(office, CHIEF);
    const key = await adminKey(office.dir);
    // The store and keyring as version 10 of the app left them: no fingerprints, version 1 entries.
    office.backend.requireStore().sql.prepare('DELETE FROM keyring_seals').run();
    await office.backend.closeWhenIdle();
    const v1 = {
      format: 'so-antt-keyring',
      version: 1,
      office: Keyring.load(paths(office).keyring).office,
      users: {
        [ADMIN.username]: legacyEntry(key, office.adminId, ADMIN.password),
        [OFFICER.username]: legacyEntry(key, officerId, OFFICER.password),
        [CHIEF.username]: legacyEntry(key, chiefId, CHIEF.password),
      },
    };
    writeFileSync(paths(office).keyring, JSON.stringify(v1));

    const again = bind(newBackend(office.dir), office.session, office.adminId, office.dir);
    const admin = await again.login(ADMIN.username, ADMIN.password);
    await again.login(CHIEF.username, CHIEF.password);
    const keyring = Keyring.load(paths(office).keyring);
    const upgraded = keyring.entry(ADMIN.username)!;
    expect(isSealed(upgraded) && upgraded.kdf).toEqual(TEST_KDF);
    expect(isSealed(keyring.entry(CHIEF.username)!)).toBe(true);
    expect(isSealed(keyring.entry(OFFICER.username)!)).toBe(false);

    // Deactivating someone else rotates: the officer, still without a key pair, loses their entry…
    const other = await addUser(again, { username: 'tam.lv', password: 'Tâm-qua-cầu-Long-Biên-đêm', fullName: 'Lê Văn Tâm' });
    expectOk(await again.callAs(admin, 'users.setActive', { userId: other, active: false }));
    expect(Keyring.load(paths(office).keyring).entryForUser(officerId)).toBeUndefined();
    expectError((await again.tryLogin(OFFICER.username, OFFICER.password)).result, 'auth.invalid');
    // …until an administrator resets their password, which gives them a key pair.
    const fresh = 'Hương-mới-cấp-2026';
    expectOk(await again.callAs(admin, 'users.resetPassword', { userId: officerId, password: fresh, passwordConfirm: fresh }));
    await again.login(OFFICER.username, fresh);
  });
});

describe('a wrap made at a lower scrypt cost', () => {
  it('is made again at the next login, with the same key pair and seal, so the store still knows it', async () => {
    const office = await createOffice();
    await office.backend.closeWhenIdle();
    const before = Keyring.load(paths(office).keyring).entry(ADMIN.username)!;
    const higher = { ...TEST_KDF, N: TEST_KDF.N * 2 };
    const backend = new Backend({ dataDir: office.dir, log: () => undefined, kdf: higher });
    try {
      const again = bind(backend, office.session, office.adminId, office.dir);
      await again.login(ADMIN.username, ADMIN.password);
      const after = Keyring.load(paths(office).keyring).entry(ADMIN.username)!;
      expect(after.kdf).toEqual(higher);
      expect(after.salt).not.toBe(before.salt);
      expect(isSealed(after) && isSealed(before) && after.publicKey === before.publicKey && after.seal === before.seal).toBe(true);
      await again.login(ADMIN.username, ADMIN.password);
      expectError((await again.tryLogin(ADMIN.username, 'sai-mật-khẩu')).result, 'auth.invalid');
    } finally {
      await backend.closeWhenIdle();
    }
  });
});

describe('a power cut after the keyring was written, before the store committed', () => {
  it('the next login finishes the rotation, and every user with a known key logs in after it', async () => {
    const office = await createOffice();
    await addUser(office, CHIEF);
    await office.backend.closeWhenIdle();
    // The keyring as the rotation's first write leaves it; the store never saw the new seals' fingerprints.
    const keyring = Keyring.load(paths(office).keyring);
    const next = randomBytes(32);
    const users = Object.fromEntries(Object.entries(keyring.users).map(([name, entry]) => [name, isSealed(entry) ? { ...entry, nextSeal: sealTo(entry.userId, entry.publicKey, next) } : entry]));
    keyring.replace(users, { step: 'sealed', startedAt: Date.now() });

    const backend = newBackend(office.dir);
    const again = bind(backend, backend.sessions.create(backend.now()), office.adminId, office.dir);
    await again.login(CHIEF.username, CHIEF.password);
    const rotated = Keyring.load(paths(office).keyring);
    expect(rotated.rotation).toBeUndefined();
    expect((await adminKey(office.dir)).equals(next)).toBe(true);
    // The store knows every promoted seal (not left empty, which the next login would take as a first binding).
    for (const entry of Object.values(rotated.users)) expect(knowsEntry(backend.requireStore().sql, entry, 'seal')).toBe(true);
    const third = restart(again);
    await third.login(ADMIN.username, ADMIN.password);
    await third.login(CHIEF.username, CHIEF.password);
  });
});

describe('a rotation cut short at any step', () => {
  let template = '';
  let files: string[] = [];
  let officerId = '';
  let oldKeyring = '';

  beforeAll(async () => {
    const office = await createOffice();
    officerId = await addUser(office, OFFICER);
    await addUser(office, CHIEF);
    files = await addReportWithFiles(office);
    expectOk(await office.call('backups.create', {}));
    expectOk(await office.call('backups.create', {}));
    await office.backend.closeWhenIdle();
    oldKeyring = readFileSync(paths(office).keyring, 'utf8');
    // Outside tempDir: cleanup() after each test would remove it.
    template = mkdtempSync(join(tmpdir(), 'so-antt-template-'));
    cpSync(office.dir, template, { recursive: true });
  });

  afterAll(() => rmSync(template, { recursive: true, force: true }));

  const points: RotationPoint[] = ['sealed', 'copied', 'rekeyed', 'store', 'attachment', 'attachments', 'backup', 'backups', 'promoted'];

  it('killed (SIGKILL) at random moments of a rotation, in a process of its own: one keyring opens the store, the next login finishes it', async () => {
    for (const delayMs of [0, 15, 40, 80, 150]) {
      const dir = tempDir();
      cpSync(template, dir, { recursive: true });
      const oldKey = await adminKey(dir);
      const outcome = await rotateAndKill(dir, officerId, delayMs);
      const entry = Keyring.load(dataPaths(dir).keyring).entry(CHIEF.username)!;
      const opened = await unlock(entry, CHIEF.password);
      if (opened.kind !== 'sealed') throw new Error(`${delayMs} ms (${outcome}): ${opened.kind}`);
      const keys = [opened.storeKey, opened.nextKey].filter((key): key is Buffer => key !== null);
      expect(keys.some((key) => recoversWith(dir, key)), `${delayMs} ms (${outcome}), journal ${existsSync(`${dataPaths(dir).store}-journal`)}`).toBe(true);

      const restarted = newBackend(dir);
      const next = bind(restarted, restarted.sessions.create(restarted.now()), '', dir);
      const chief = await next.login(CHIEF.username, CHIEF.password);
      await next.backend.backups.settled();
      for (const id of files) expect(Buffer.from(expectOk(await next.callAs(chief, 'attachments.open', { id })).dataBase64, 'base64').equals(PNG)).toBe(true);
      expect(verifyAuditChain(next.backend.requireStore().sql).ok).toBe(true);
      const keyring = Keyring.load(dataPaths(dir).keyring);
      expect(keyring.rotation).toBeUndefined();
      for (const file of listBackups(dataPaths(dir).backups)) expect(opensWith(join(dataPaths(dir).backups, file.name), await adminKey(dir))).toBe(true);
      // Killed before the deactivation committed, the officer is still active and the key unchanged; after, it rotated.
      const officerActive = keyring.entryForUser(officerId) !== undefined;
      expect((await adminKey(dir)).equals(oldKey)).toBe(officerActive);
      await next.backend.closeWhenIdle();
    }
  }, 240_000);

  it.each(points)('at "%s" leaves a store one keyring opens, and the next login finishes it', async (point) => {
    const dir = tempDir();
    cpSync(template, dir, { recursive: true });
    const oldKey = await adminKey(dir);
    const backend = newBackend(dir);
    const office = bind(backend, backend.sessions.create(backend.now()), '', dir);
    const admin = await office.login(ADMIN.username, ADMIN.password);
    await backend.backups.settled();
    onRotationPoint(backend, (reached) => {
      if (reached === point) throw new Error(`power cut at ${point}`);
    });
    // The deactivation committed before the sequence began: it stands, and the call says so (the rest is the next login's).
    expectOk(await office.callAs(admin, 'users.setActive', { userId: officerId, active: false }));
    // The power cut: the process stops; nothing more is written (the connection's pages are already on disk).
    backend.requireStore().sql.close();

    // Whatever the step, a key the keyring holds opens the store.
    const entry = Keyring.load(dataPaths(dir).keyring).entry(CHIEF.username)!;
    const opened = await unlock(entry, CHIEF.password);
    if (opened.kind !== 'sealed') throw new Error(opened.kind);
    const keys = [opened.storeKey, opened.nextKey].filter((key): key is Buffer => key !== null);
    expect(keys.some((key) => opensWith(dataPaths(dir).store, key))).toBe(true);

    // The next login (not the administrator's) finishes the rotation.
    const next = bind(newBackend(dir), admin, '', dir);
    const chief = await next.login(CHIEF.username, CHIEF.password);
    await next.backend.backups.settled();
    const keyring = Keyring.load(dataPaths(dir).keyring);
    expect(keyring.rotation).toBeUndefined();
    expect(keyring.entryForUser(officerId)).toBeUndefined();
    const newKey = await adminKey(dir);
    expect(newKey.equals(oldKey)).toBe(false);
    next.backend.requireStore().sql.pragma('wal_checkpoint(TRUNCATE)');
    expect(opensWith(dataPaths(dir).store, newKey)).toBe(true);
    expect(opensWith(dataPaths(dir).store, oldKey)).toBe(false);
    for (const file of listBackups(dataPaths(dir).backups)) expect(opensWith(join(dataPaths(dir).backups, file.name), newKey)).toBe(true);
    for (const id of files) expect(Buffer.from(expectOk(await next.callAs(chief, 'attachments.open', { id })).dataBase64, 'base64').equals(PNG)).toBe(true);
    expect(verifyAuditChain(next.backend.requireStore().sql).ok).toBe(true);
    await next.backend.closeWhenIdle();

    // The officer's copy of the keyring from before, with their password, opens nothing.
    const officer = await loginWithKeyring(dir, oldKeyring, OFFICER.username, OFFICER.password);
    expectError(officer.result, 'auth.invalid');
    expect(officer.opened).toBe(false);
  });
});

/** A hot journal beside `file`: a process of its own writes to it without committing and is killed once the journal is on disk. */
function leaveHotJournal(file: string, key: Buffer): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/hot-journal-child.ts', import.meta.url)), file, key.toString('hex')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('hot')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => (out.includes('hot') ? resolve() : reject(new Error(`the child left no hot journal: ${err}`))));
  });
}

/** A setting's value is JSON text. */
const PROBE = JSON.stringify('written by another process');

const reportInput = (i: number): CallInput<'reports.create'> => ({
  receivedAt: Date.parse('2026-03-02T10:00:00+07:00') + i * 60_000,
  channel: 'in_person',
  kind: 'crime_report',
  categoryCode: 'theft',
  summary: `Mất trộm xe máy số ${i}`,
});

describe('the re-keyed copy, as a power cut, another process and a full disk meet it', () => {
  it('a copy cut off with its hot journal is removed with the journal: it is never rolled back into the next copy', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    await addUser(office, CHIEF);
    const store = paths(office).store;
    const sql = () => office.backend.requireStore().sql;
    sql().pragma('wal_checkpoint(TRUNCATE)');
    // A rotation cut off in the copy's re-key, long ago: its copy and the copy's hot journal stay.
    cpSync(store, `${store}.rekeying`);
    await leaveHotJournal(`${store}.rekeying`, office.backend.requireStore().key);
    expect(existsSync(`${store}.rekeying-journal`)).toBe(true);
    // Work went on since: reports the old copy does not hold.
    for (let i = 0; i < 20; i += 1) expectOk(await office.call('reports.create', reportInput(i)));
    const reports = () => sql().prepare('SELECT count(*) FROM reports').pluck().get() as number;
    const before = reports();

    expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    expect(Keyring.load(paths(office).keyring).rotation).toBeUndefined();
    expect(existsSync(`${store}.rekeying`) || existsSync(`${store}.rekeying-journal`)).toBe(false);
    expect(sql().pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reports()).toBe(before);
    expect(verifyAuditChain(sql()).ok).toBe(true);
    expect(opensWith(store, await adminKey(office.dir))).toBe(true);
    // The session's open marker was kept through the swap (a cut there is no clean end), and the reopen
    // on the new file started no check of its own.
    expect(existsSync(paths(office).openMarker)).toBe(true);
    expect(office.backend.storeCheck.status().state).toBe('none');
  });

  it('another connection on the store (a command line on the same folder): the file is not swapped under it; the change stands and the next login finishes', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    await addUser(office, CHIEF);
    const store = paths(office).store;
    const oldKey = office.backend.requireStore().key;
    const other = openSqlite(store, oldKey.toString('hex'), { quickCheck: false });
    try {
      expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
      // Not swapped: the other connection's write lands in the store the app reads.
      expect(Keyring.load(paths(office).keyring).rotation?.step).toBe('sealed');
      other.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('probe', ?, 0)").run(PROBE);
    } finally {
      other.close();
    }
    const written = () => office.backend.requireStore().sql.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get();
    expect(written()).toBe(PROBE);
    await office.backend.closeWhenIdle();

    const logged: string[] = [];
    const next = restart(office, { log: (message, error) => logged.push(`${message}: ${String(error)}`) });
    await next.login(CHIEF.username, CHIEF.password).catch((error: unknown) => {
      throw new Error(`${String(error)}; logged: ${logged.join(' | ')}`);
    });
    await next.backend.backups.settled();
    expect(Keyring.load(paths(office).keyring).rotation).toBeUndefined();
    expect((await adminKey(office.dir)).equals(oldKey)).toBe(false);
    expect(next.backend.requireStore().sql.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe(PROBE);
    await next.backend.closeWhenIdle();
  });

  it('a rotation the disk cannot hold is refused before anything changes, with the space it needs', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, OFFICER);
    // A backup as large as a disk (sparse: it takes no room): twice it cannot be free.
    const huge = join(paths(office).backups, '20260302-100000-manual.sqlite');
    writeFileSync(huge, '');
    truncateSync(huge, 2 ** 40);
    const keyring = readFileSync(paths(office).keyring, 'utf8');
    const refused = await office.call('users.setActive', { userId: officerId, active: false });
    expectError(refused, 'store.no_space');
    if (!refused.ok) expect(Number(refused.error.params?.mb)).toBeGreaterThan(2 ** 20);
    expect(readFileSync(paths(office).keyring, 'utf8')).toBe(keyring);
    expect(office.backend.requireStore().sql.prepare('SELECT active FROM users WHERE id = ?').pluck().get(officerId)).toBe(1);
    rmSync(huge);
  });
});
