import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import {
  DEFAULT_KDF,
  fingerprint,
  isSealed,
  Keyring,
  LOCKOUT_FAILURES,
  LOCKOUT_MS,
  newUserKey,
  rewrap,
  sameKey,
  sealTo,
  storeKeyOf,
  unlock,
  type KdfParams,
} from '../../db/keyring';
import { cleanup, tempDir } from '../support/backend';
import { legacyEntry } from '../support/legacy-keyring';

/** A cheap KDF for unit tests; the real cost is checked separately. */
const FAST: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
const USER = '01900000-0000-7000-8000-0000000000aa';
const OTHER = '01900000-0000-7000-8000-0000000000bb';
const OFFICE = { code: '12345', name: 'Công an xã Quảng Hưng', demo: false };

afterEach(() => cleanup());

describe('user keys', () => {
  it('give the store key back for the right password, in either Unicode form, and nothing for a wrong one', async () => {
    const key = randomBytes(32);
    const password = 'Đường-Hồ-Chí-Minh-1975';
    const entry = await newUserKey(USER, password.normalize('NFD'), key, FAST);
    const back = await storeKeyOf(entry, password.normalize('NFC'));
    expect(back && sameKey(back, key)).toBe(true);
    expect((await unlock(entry, 'đường-Hồ-Chí-Minh-1975')).kind).toBe('wrong_password');
    expect(await storeKeyOf(entry, '')).toBeNull();
  });

  it('salt every wrap, seal with a fresh ephemeral key, and never store the key, the private key or the password', async () => {
    const key = randomBytes(32);
    const a = await newUserKey(USER, 'Mật-khẩu-2026!', key, FAST);
    const b = await newUserKey(USER, 'Mật-khẩu-2026!', key, FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(sealTo(USER, a.publicKey, key)).not.toBe(a.seal);
    expect(Buffer.from(a.seal, 'base64')).toHaveLength(32 + 12 + 32 + 16);
    const opened = await unlock(a, 'Mật-khẩu-2026!');
    if (opened.kind !== 'sealed') throw new Error(opened.kind);
    const text = JSON.stringify(a);
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(text).not.toContain(opened.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
    expect(text).not.toContain('Mật-khẩu');
    expect(a).toMatchObject({ userId: USER, failed: 0, lockedUntil: null });
  });

  it('seal a new key to a public key alone: whoever holds the private key opens it, as the next key', async () => {
    const entry = await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST);
    const next = randomBytes(32);
    const opened = await unlock({ ...entry, nextSeal: sealTo(USER, entry.publicKey, next) }, 'Mật-khẩu-2026!');
    expect(opened.kind === 'sealed' && opened.nextKey && sameKey(opened.nextKey, next)).toBe(true);
  });

  it('bind the entry to its user: moved to another user id it does not open', async () => {
    const entry = await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST);
    expect((await unlock({ ...entry, userId: OTHER }, 'Mật-khẩu-2026!')).kind).toBe('wrong_password');
  });

  it('refuse a seal made for another key pair, or a private key swapped in under another public key', async () => {
    const key = randomBytes(32);
    const mine = await newUserKey(USER, 'Mật-khẩu-2026!', key, FAST);
    const theirs = await newUserKey(USER, 'Khác-hẳn-2026!', key, FAST);
    expect((await unlock({ ...mine, seal: theirs.seal }, 'Mật-khẩu-2026!')).kind).toBe('bad_seal');
    expect((await unlock({ ...mine, nextSeal: sealTo(USER, theirs.publicKey, key) }, 'Mật-khẩu-2026!')).kind).toBe('bad_seal');
  });

  it('detect a tampered seal or wrap', async () => {
    const entry = await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST);
    const flip = (text: string, at: number) => {
      const blob = Buffer.from(text, 'base64');
      blob[at] = blob[at]! ^ 1;
      return blob.toString('base64');
    };
    expect((await unlock({ ...entry, seal: flip(entry.seal, 50) }, 'Mật-khẩu-2026!')).kind).toBe('bad_seal');
    expect((await unlock({ ...entry, privateKey: flip(entry.privateKey, 20) }, 'Mật-khẩu-2026!')).kind).toBe('wrong_password');
  });

  it('rewrap keeps the key pair and changes only the password', async () => {
    const key = randomBytes(32);
    const entry = await newUserKey(USER, 'cũ-cũ-cũ-2026', key, FAST);
    const opened = await unlock(entry, 'cũ-cũ-cũ-2026');
    if (opened.kind !== 'sealed') throw new Error(opened.kind);
    const next = { ...entry, ...(await rewrap(entry, opened.privateKey, 'mới-mới-mới-2026', FAST)) };
    expect(next.publicKey).toBe(entry.publicKey);
    expect(fingerprint(next)).toBe(fingerprint(entry));
    expect(await storeKeyOf(next, 'cũ-cũ-cũ-2026')).toBeNull();
    expect(sameKey((await storeKeyOf(next, 'mới-mới-mới-2026'))!, key)).toBe(true);
  });

  it('still open a version 1 entry (the store key wrapped under the password) until it is upgraded', async () => {
    const key = randomBytes(32);
    const entry = legacyEntry(key, USER, 'Mật-khẩu-2026!', FAST);
    expect(isSealed(entry)).toBe(false);
    const opened = await unlock(entry, 'Mật-khẩu-2026!');
    expect(opened.kind === 'legacy' && sameKey(opened.storeKey, key)).toBe(true);
    expect((await unlock(entry, 'sai')).kind).toBe('wrong_password');
    expect((await unlock({ ...entry, userId: OTHER }, 'Mật-khẩu-2026!')).kind).toBe('wrong_password');
  });

  it('fingerprint the user, the public key and the seal', async () => {
    const entry = await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST);
    const other = await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST);
    expect(fingerprint(entry)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint({ ...entry, userId: OTHER })).not.toBe(fingerprint(entry));
    expect(fingerprint({ ...entry, publicKey: other.publicKey })).not.toBe(fingerprint(entry));
    expect(fingerprint({ ...entry, seal: other.seal })).not.toBe(fingerprint(entry));
    expect(fingerprint({ ...entry, failed: 3 })).toBe(fingerprint(entry));
    expect(fingerprint({ ...entry, nextSeal: other.seal }, 'nextSeal')).toBe(fingerprint({ ...entry, seal: other.seal }));
  });

  it('use scrypt at N = 2^17, r = 8 by default: 128 MiB, run within maxmem', async () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_KDF.r).toBeGreaterThanOrEqual(8);
    const key = randomBytes(32);
    const entry = await newUserKey(USER, 'Mật-khẩu-2026!', key);
    expect(entry.kdf).toEqual(DEFAULT_KDF);
    expect(sameKey((await storeKeyOf(entry, 'Mật-khẩu-2026!'))!, key)).toBe(true);
  });
});

describe('Keyring file', () => {
  it('writes nothing until the first entry, then persists entries and the office', async () => {
    const file = join(tempDir(), 'keyring.json');
    const keyring = Keyring.create(file, OFFICE);
    expect(existsSync(file)).toBe(false);
    keyring.setEntry('duc.nv', await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST));
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
    keyring.setEntry('duc.nv', await newUserKey(USER, 'cũ-cũ-cũ-1', randomBytes(32), FAST));
    keyring.setEntry('duc.nguyen', await newUserKey(USER, 'mới-mới-mới-2', randomBytes(32), FAST));
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
    keyring.setEntry('duc.nv', await newUserKey(USER, 'Mật-khẩu-2026!', randomBytes(32), FAST));
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
