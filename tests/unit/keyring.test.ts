import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import { DEFAULT_KDF, Keyring, LOCKOUT_FAILURES, LOCKOUT_MS, sameKey, unwrapKey, wrapKey, type KdfParams } from '../../db/keyring';
import { cleanup, tempDir } from '../support/backend';

/** A cheap KDF for unit tests; the real cost is checked separately. */
const FAST: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
const USER = '01900000-0000-7000-8000-0000000000aa';
const OFFICE = { code: '12345', name: 'Công an xã Quảng Hưng', demo: false };

afterEach(() => cleanup());

describe('wrapKey / unwrapKey', () => {
  it('gives the store key back for the right password and null for a wrong one', async () => {
    const key = randomBytes(32);
    const entry = await wrapKey(key, USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST);
    const back = await unwrapKey(entry, 'Mật-khẩu-2026!-Tràm-Chim');
    expect(back && sameKey(back, key)).toBe(true);
    expect(await unwrapKey(entry, 'mật-khẩu-2026!-Tràm-Chim')).toBeNull();
    expect(await unwrapKey(entry, '')).toBeNull();
  });

  it('accepts the password typed in either Unicode form (NFC or NFD)', async () => {
    const key = randomBytes(32);
    const password = 'Đường-Hồ-Chí-Minh-1975';
    const entry = await wrapKey(key, USER, password.normalize('NFD'), FAST);
    const back = await unwrapKey(entry, password.normalize('NFC'));
    expect(back && sameKey(back, key)).toBe(true);
  });

  it('salts every wrap and never stores the key or the password', async () => {
    const key = randomBytes(32);
    const a = await wrapKey(key, USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST);
    const b = await wrapKey(key, USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
    expect(Buffer.from(a.wrapped, 'base64')).toHaveLength(12 + 32 + 16);
    const text = JSON.stringify(a);
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(text).not.toContain('Mật-khẩu');
    expect(a).toMatchObject({ userId: USER, failed: 0, lockedUntil: null });
  });

  it('binds the wrap to the user: moving an entry to another user id does not unwrap', async () => {
    const entry = await wrapKey(randomBytes(32), USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST);
    expect(await unwrapKey({ ...entry, userId: '01900000-0000-7000-8000-0000000000bb' }, 'Mật-khẩu-2026!-Tràm-Chim')).toBeNull();
  });

  it('detects a tampered wrap', async () => {
    const entry = await wrapKey(randomBytes(32), USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST);
    const blob = Buffer.from(entry.wrapped, 'base64');
    blob[20] = blob[20]! ^ 1;
    expect(await unwrapKey({ ...entry, wrapped: blob.toString('base64') }, 'Mật-khẩu-2026!-Tràm-Chim')).toBeNull();
  });

  it('uses a real scrypt cost by default', () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(DEFAULT_KDF.r).toBeGreaterThanOrEqual(8);
  });
});

describe('Keyring file', () => {
  it('writes nothing until the first entry, then persists entries and the office', async () => {
    const file = join(tempDir(), 'keyring.json');
    const keyring = Keyring.create(file, OFFICE);
    expect(existsSync(file)).toBe(false);
    keyring.setEntry('duc.nv', await wrapKey(randomBytes(32), USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST));
    expect(Keyring.exists(file)).toBe(true);
    const loaded = Keyring.load(file);
    expect(loaded.office).toEqual(OFFICE);
    expect(loaded.entry('duc.nv')?.userId).toBe(USER);
    expect(loaded.entryForUser(USER)?.[0]).toBe('duc.nv');
    expect(existsSync(`${file}.tmp`)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('keeps one entry per user: a new wrap replaces the old one, even under a new name', async () => {
    const file = join(tempDir(), 'keyring.json');
    const keyring = Keyring.create(file, OFFICE);
    keyring.setEntry('duc.nv', await wrapKey(randomBytes(32), USER, 'cũ-cũ-cũ-1', FAST));
    keyring.setEntry('duc.nguyen', await wrapKey(randomBytes(32), USER, 'mới-mới-mới-2', FAST));
    expect(keyring.entry('duc.nv')).toBeUndefined();
    expect(keyring.entry('duc.nguyen')?.userId).toBe(USER);
    keyring.removeUser(USER);
    expect(Keyring.load(file).entryForUser(USER)).toBeUndefined();
  });

  it('does not treat inherited object keys as users', () => {
    const keyring = Keyring.create(join(tempDir(), 'keyring.json'), OFFICE);
    expect(keyring.entry('__proto__')).toBeUndefined();
    expect(keyring.entry('constructor')).toBeUndefined();
    expect(keyring.entry('toString')).toBeUndefined();
  });

  it(`locks a user for ${LOCKOUT_MS / 60_000} minutes on the ${LOCKOUT_FAILURES}th failure in a row, and remembers it on disk`, async () => {
    const file = join(tempDir(), 'keyring.json');
    const keyring = Keyring.create(file, OFFICE);
    keyring.setEntry('duc.nv', await wrapKey(randomBytes(32), USER, 'Mật-khẩu-2026!-Tràm-Chim', FAST));
    const now = Date.UTC(2026, 2, 15, 8, 0, 0);
    for (let i = 1; i < LOCKOUT_FAILURES; i += 1) {
      expect(keyring.recordFailure('duc.nv', now)).toMatchObject({ failed: i, lockedUntil: null });
    }
    expect(keyring.recordFailure('duc.nv', now)?.lockedUntil).toBe(now + LOCKOUT_MS);
    expect(Keyring.load(file).entry('duc.nv')?.lockedUntil).toBe(now + LOCKOUT_MS);
    keyring.recordSuccess('duc.nv');
    expect(Keyring.load(file).entry('duc.nv')).toMatchObject({ failed: 0, lockedUntil: null });
    expect(keyring.recordFailure('nobody', now)).toBeUndefined();
  });

  it('refuses a file that is not a keyring with store.corrupt', () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, '{ not json');
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'something-else', version: 1, office: {}, users: {} }));
    for (const file of [garbage, other]) {
      let caught: unknown;
      try {
        Keyring.load(file);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('store.corrupt');
    }
    expect(readFileSync(other, 'utf8')).toContain('something-else');
  });
});

describe('sessions', () => {
  it('forgets anonymous sessions after a day and keeps their number bounded', async () => {
    const { Sessions } = await import('../../db/sessions');
    const sessions = new Sessions();
    const start = Date.UTC(2026, 0, 1);
    const old = sessions.create(start);
    const user = sessions.create(start);
    user.userId = 'someone';
    sessions.create(start + 25 * 3600_000);
    expect(sessions.get(old.id)).toBeUndefined();
    expect(sessions.get(user.id)).toBe(user);
    for (let i = 0; i < 1500; i += 1) sessions.create(start + 26 * 3600_000 + i);
    expect(sessions.size).toBeLessThanOrEqual(1001);
    expect(sessions.get(user.id)).toBe(user);
  });
});
