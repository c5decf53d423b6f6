import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { AppError } from './app-error';

/**
 * The keyring: a small file beside the store holding, for each user who may log in, the store's
 * random 256-bit key wrapped (AES-256-GCM) under a key derived from that user's password (scrypt).
 * Unwrapping is the password check: a wrong password fails the GCM tag. It must be readable before
 * the store is open, so it also keeps the failed-login counters (lockout survives a restart) and the
 * office's name for the login screen. Deactivating a user removes their entry; an administrator
 * resets a password by wrapping the key again, so no data is lost.
 */

export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface KeyringEntry {
  readonly userId: string;
  readonly kdf: KdfParams;
  readonly salt: string;
  /** base64 of iv (12) + ciphertext (32) + tag (16). */
  readonly wrapped: string;
  readonly failed: number;
  readonly lockedUntil: number | null;
  /** Lockouts in a row without a successful login: each one lasts longer (LOCKOUT_STEPS_MS). */
  readonly lockouts?: number;
}

export interface KeyringData {
  readonly format: 'so-antt-keyring';
  readonly version: 1;
  readonly office: { readonly code: string; readonly name: string; readonly demo: boolean };
  readonly users: Readonly<Record<string, KeyringEntry>>;
}

export const LOCKOUT_FAILURES = 5;
/** A lockout lasts 5 minutes, then 15, then an hour at most, until a successful login or an administrator's unlock. */
export const LOCKOUT_STEPS_MS: readonly number[] = Object.freeze([5 * 60_000, 15 * 60_000, 60 * 60_000]);
/** The first lockout. */
export const LOCKOUT_MS = 5 * 60_000;

/** How long the n-th lockout in a row lasts (n from 1). */
export function lockoutMs(lockouts: number): number {
  return LOCKOUT_STEPS_MS[Math.min(lockouts, LOCKOUT_STEPS_MS.length) - 1] ?? LOCKOUT_STEPS_MS[0]!;
}
/** scrypt cost: about 100 ms and 32 MiB on an office PC; raises the price of guessing offline. */
export const DEFAULT_KDF: KdfParams = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

function derive(password: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The same derivation as a wrap, for the password history's hashes (db/passwords.ts). */
export function derivePassword(password: string, salt: Buffer, kdf: KdfParams = DEFAULT_KDF): Promise<Buffer> {
  return derive(password, salt, kdf);
}

export async function wrapKey(storeKey: Buffer, userId: string, password: string, kdf: KdfParams = DEFAULT_KDF): Promise<KeyringEntry> {
  const salt = randomBytes(16);
  const kek = await derive(password, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(storeKey), cipher.final()]);
  return { userId, kdf, salt: salt.toString('base64'), wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'), failed: 0, lockedUntil: null };
}

/** The store key, or null when the password is wrong. */
export async function unwrapKey(entry: KeyringEntry, password: string): Promise<Buffer | null> {
  const kek = await derive(password, Buffer.from(entry.salt, 'base64'), entry.kdf);
  const blob = Buffer.from(entry.wrapped, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, 12));
    decipher.setAAD(Buffer.from(entry.userId));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Spends the same time as a real check, so a missing user cannot be told from a wrong password. */
export async function spendCheck(password: string): Promise<void> {
  await derive(password, randomBytes(16), DEFAULT_KDF);
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export class Keyring {
  private constructor(
    private readonly file: string,
    private data: KeyringData,
  ) {}

  static exists(file: string): boolean {
    return existsSync(file);
  }

  static create(file: string, office: KeyringData['office']): Keyring {
    const keyring = new Keyring(file, { format: 'so-antt-keyring', version: 1, office, users: {} });
    return keyring;
  }

  static load(file: string): Keyring {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new AppError('store.corrupt', `the keyring ${file} cannot be read: ${(cause as Error).message}`);
    }
    if (!isKeyringData(data)) throw new AppError('store.corrupt', `the keyring ${file} is not a Sổ ANTT keyring`);
    return new Keyring(file, data);
  }

  get office(): KeyringData['office'] {
    return this.data.office;
  }

  entry(username: string): KeyringEntry | undefined {
    return Object.prototype.hasOwnProperty.call(this.data.users, username) ? this.data.users[username] : undefined;
  }

  entryForUser(userId: string): [string, KeyringEntry] | undefined {
    return Object.entries(this.data.users).find(([, entry]) => entry.userId === userId);
  }

  setEntry(username: string, entry: KeyringEntry): void {
    this.write({ ...this.data, users: { ...this.withoutUser(entry.userId), [username]: entry } });
  }

  removeUser(userId: string): void {
    this.write({ ...this.data, users: this.withoutUser(userId) });
  }

  setOffice(office: KeyringData['office']): void {
    this.write({ ...this.data, office });
  }

  /** Counts a failed login; the fifth in a row locks the account, each lockout in a row longer. */
  recordFailure(username: string, now: number): KeyringEntry | undefined {
    const entry = this.entry(username);
    if (!entry) return undefined;
    const next = nextFailure(entry, now);
    this.setEntry(username, next);
    return next;
  }

  /** A successful login, or an administrator's unlock (users.unlock): the counters start again. */
  recordSuccess(username: string): void {
    const entry = this.entry(username);
    if (entry && (entry.failed !== 0 || entry.lockedUntil !== null || (entry.lockouts ?? 0) !== 0)) {
      this.setEntry(username, { ...entry, failed: 0, lockedUntil: null, lockouts: 0 });
    }
  }

  save(): void {
    this.write(this.data);
  }

  private withoutUser(userId: string): Record<string, KeyringEntry> {
    return Object.fromEntries(Object.entries(this.data.users).filter(([, entry]) => entry.userId !== userId));
  }

  /** Atomic replace: write a temporary file, flush it to disk, rename over the old one. */
  private write(data: KeyringData): void {
    const temp = `${this.file}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(data, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
    this.data = data;
  }
}

/** The counters after one more failed login (also kept in memory for names no account has). */
export function nextFailure<T extends Pick<KeyringEntry, 'failed' | 'lockedUntil' | 'lockouts'>>(entry: T, now: number): T {
  const failed = entry.failed + 1;
  if (failed < LOCKOUT_FAILURES) return { ...entry, failed };
  const lockouts = (entry.lockouts ?? 0) + 1;
  return { ...entry, failed: 0, lockouts, lockedUntil: now + lockoutMs(lockouts) };
}

function isKeyringData(value: unknown): value is KeyringData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<KeyringData>;
  return data.format === 'so-antt-keyring' && data.version === 1 && typeof data.office === 'object' && typeof data.users === 'object';
}
