import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type KeyObject,
  type ScryptOptions,
} from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { AppError } from './app-error';
import { renameDurably } from './durable';
import { privateKeyObject, publicKeyObject } from './exchange/keys';

/**
 * The keyring: a small file beside the store holding, for each user who may log in, an X25519 key pair
 * and the store's random 256-bit key sealed to that user's public key (docs/decisions.md, "Keys that
 * rotate"). The private key is wrapped (AES-256-GCM) under a key derived from the user's password
 * (scrypt): unwrapping it is the password check, a wrong password fails the GCM tag. Sealing needs only
 * the public key, so an administrator re-keys the store and seals the new key to every user without
 * knowing anyone's password.
 *
 * It must be readable before the store is open, so it also keeps the failed-login counters (lockout
 * survives a restart), the office's name for the login screen, and the step a rotation reached.
 *
 * Each entry's public key and seal are fingerprinted in the store (db/key-binding.ts): an entry the
 * store does not know is refused, so editing this file logs nobody in as someone else.
 *
 * Version 1 files wrapped the store key itself under the password ("wrapped"); such an entry still
 * opens the store and is replaced by a key pair at the user's next login.
 */

export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

interface EntryBase {
  readonly userId: string;
  readonly kdf: KdfParams;
  readonly salt: string;
  readonly failed: number;
  readonly lockedUntil: number | null;
  /** Lockouts in a row without a successful login: each one lasts longer (LOCKOUT_STEPS_MS). */
  readonly lockouts?: number;
}

/** A version 1 entry: the store key wrapped under the password (iv 12 + ciphertext 32 + tag 16, base64). */
export interface LegacyEntry extends EntryBase {
  readonly wrapped: string;
}

export interface SealedEntry extends EntryBase {
  /** Raw X25519 public key (32 bytes, base64). */
  readonly publicKey: string;
  /** The private key (PKCS#8 DER) wrapped under the password: iv 12 + ciphertext + tag 16, base64. */
  readonly privateKey: string;
  /** The store key sealed to publicKey: ephemeral public key 32 + iv 12 + ciphertext 32 + tag 16, base64. */
  readonly seal: string;
  /** During a rotation: the next store key, sealed the same way. */
  readonly nextSeal?: string;
}

export type KeyringEntry = LegacyEntry | SealedEntry;

/** How far a rotation got (db/rotation.ts); absent when none is under way. */
export type RotationStep = 'sealed' | 'store' | 'attachments' | 'backups';

export interface KeyringData {
  readonly format: 'so-antt-keyring';
  readonly version: 1 | 2;
  readonly office: { readonly code: string; readonly name: string; readonly demo: boolean };
  readonly users: Readonly<Record<string, KeyringEntry>>;
  readonly rotation?: { readonly step: RotationStep; readonly startedAt: number };
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
/**
 * scrypt cost: N = 2^17, r = 8 is 128 MiB and about 0.4 s per derivation on an office PC; it raises the
 * price of guessing a copied keyring offline. Derivations run one at a time (see derive), so logins sent
 * together cannot take the host past its memory budget. Wraps made at a lower cost are made again at
 * the user's next login.
 */
export const DEFAULT_KDF: KdfParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const IV = 12;
const TAG = 16;

export function isSealed(entry: KeyringEntry): entry is SealedEntry {
  return 'publicKey' in entry && typeof entry.publicKey === 'string';
}

let derivations: Promise<unknown> = Promise.resolve();

/** scrypt, one derivation at a time across the process: each holds 128 MiB while it runs. */
function derive(password: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024 };
  const run = () =>
    new Promise<Buffer>((resolve, reject) => {
      scrypt(password.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
    });
  const result = derivations.then(run, run);
  derivations = result.catch(() => undefined);
  return result;
}

/** The same derivation as a wrap, for the password history's hashes (db/passwords.ts). */
export function derivePassword(password: string, salt: Buffer, kdf: KdfParams = DEFAULT_KDF): Promise<Buffer> {
  return derive(password, salt, kdf);
}

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plain text, or null when the key is wrong or the blob was altered. */
function gcmOpen(key: Buffer, blob: Buffer, aad: Buffer): Buffer | null {
  if (blob.length < IV + TAG) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV));
    decipher.setAAD(aad);
    decipher.setAuthTag(blob.subarray(blob.length - TAG));
    return Buffer.concat([decipher.update(blob.subarray(IV, blob.length - TAG)), decipher.final()]);
  } catch {
    return null;
  }
}

function rawPublicOf(key: KeyObject): string {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  return Buffer.from(pub.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
}

/** The private key's wrap is bound to its user and public key: moved to another entry it does not open. */
function privateAad(userId: string, publicKey: string): Buffer {
  return Buffer.from(`so-antt/user-key/v2\n${userId}\n${publicKey}`);
}

function sealKek(shared: Buffer, ephemeral: string, publicKey: string, userId: string): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeral, 'base64'), Buffer.from(publicKey, 'base64')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from(`so-antt/store-key-seal/v1\n${userId}`), 32));
}

/** Seals a store key to a user's public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM. */
export function sealTo(userId: string, publicKey: string, storeKey: Buffer): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublicOf(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(publicKey, 'X25519') });
  const body = gcmSeal(sealKek(shared, ephemeralPublic, publicKey, userId), storeKey, Buffer.from(userId));
  return Buffer.concat([Buffer.from(ephemeralPublic, 'base64'), body]).toString('base64');
}

function openSeal(userId: string, publicKey: string, privateKey: KeyObject, seal: string): Buffer | null {
  const blob = Buffer.from(seal, 'base64');
  if (blob.length !== 32 + IV + 32 + TAG) return null;
  const ephemeral = blob.subarray(0, 32).toString('base64');
  const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(ephemeral, 'X25519') });
  return gcmOpen(sealKek(shared, ephemeral, publicKey, userId), blob.subarray(32), Buffer.from(userId));
}

async function wrapPrivate(userId: string, publicKey: string, der: Buffer, password: string, kdf: KdfParams): Promise<{ salt: string; privateKey: string }> {
  const salt = randomBytes(16);
  const kek = await derive(password, salt, kdf);
  return { salt: salt.toString('base64'), privateKey: gcmSeal(kek, der, privateAad(userId, publicKey)).toString('base64') };
}

/** A new user key pair, its private key wrapped under `password`, and `storeKey` sealed to it. */
export async function newUserKey(userId: string, password: string, storeKey: Buffer, kdf: KdfParams = DEFAULT_KDF): Promise<SealedEntry> {
  const pair = generateKeyPairSync('x25519');
  const publicKey = rawPublicOf(pair.publicKey);
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const wrapped = await wrapPrivate(userId, publicKey, der, password, kdf);
  return { userId, kdf, ...wrapped, publicKey, seal: sealTo(userId, publicKey, storeKey), failed: 0, lockedUntil: null };
}

/**
 * The private key wrapped again, under a new password or at the current cost: the fields to put over
 * the entry as it is then (its seals may have changed meanwhile; its key pair may not).
 */
export async function rewrap(entry: SealedEntry, privateKey: KeyObject, password: string, kdf: KdfParams = DEFAULT_KDF): Promise<Pick<SealedEntry, 'publicKey' | 'kdf' | 'salt' | 'privateKey'>> {
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { publicKey: entry.publicKey, kdf, ...(await wrapPrivate(entry.userId, entry.publicKey, der, password, kdf)) };
}

/** What a password opens in an entry. */
export type Unlocked =
  | { readonly kind: 'wrong_password' }
  /** The password opens the entry but its seal does not open: the entry was altered. */
  | { readonly kind: 'bad_seal' }
  | { readonly kind: 'legacy'; readonly storeKey: Buffer }
  | { readonly kind: 'sealed'; readonly entry: SealedEntry; readonly privateKey: KeyObject; readonly storeKey: Buffer; readonly nextKey: Buffer | null };

export async function unlock(entry: KeyringEntry, password: string): Promise<Unlocked> {
  const kek = await derive(password, Buffer.from(entry.salt, 'base64'), entry.kdf);
  if (!isSealed(entry)) {
    const storeKey = gcmOpen(kek, Buffer.from(entry.wrapped, 'base64'), Buffer.from(entry.userId));
    return storeKey ? { kind: 'legacy', storeKey } : { kind: 'wrong_password' };
  }
  const der = gcmOpen(kek, Buffer.from(entry.privateKey, 'base64'), privateAad(entry.userId, entry.publicKey));
  if (!der) return { kind: 'wrong_password' };
  let privateKey: KeyObject;
  try {
    privateKey = privateKeyObject(der.toString('base64'));
    // A private key that is not the entry's own (a key pair swapped in under another's public key).
    if (rawPublicOf(privateKey) !== entry.publicKey) return { kind: 'bad_seal' };
  } catch {
    return { kind: 'bad_seal' };
  }
  const storeKey = openSeal(entry.userId, entry.publicKey, privateKey, entry.seal);
  if (!storeKey) return { kind: 'bad_seal' };
  const nextKey = entry.nextSeal === undefined ? null : openSeal(entry.userId, entry.publicKey, privateKey, entry.nextSeal);
  if (entry.nextSeal !== undefined && !nextKey) return { kind: 'bad_seal' };
  return { kind: 'sealed', entry, privateKey, storeKey, nextKey };
}

/** The store key an entry's seal (or version 1 wrap) holds, or null when the password does not open it (tools, tests). */
export async function storeKeyOf(entry: KeyringEntry, password: string): Promise<Buffer | null> {
  const opened = await unlock(entry, password);
  return opened.kind === 'legacy' || opened.kind === 'sealed' ? opened.storeKey : null;
}

/** Spends the same time as a real check, so a missing user cannot be told from a wrong password. */
export async function spendCheck(password: string, kdf: KdfParams = DEFAULT_KDF): Promise<void> {
  await derive(password, randomBytes(16), kdf);
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What the store records of an entry: SHA-256 of its user, public key and seal (a version 1 entry: of
 * its wrap). `seal` picks the seal fingerprinted (the next one during a rotation).
 */
export function fingerprint(entry: KeyringEntry, seal: 'seal' | 'nextSeal' = 'seal'): string {
  const material = isSealed(entry) ? `${entry.publicKey}\n${seal === 'seal' ? entry.seal : (entry.nextSeal ?? '')}` : `legacy\n${entry.wrapped}`;
  return createHash('sha256').update(`so-antt/keyring-entry/v1\n${entry.userId}\n${material}`).digest('hex');
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
    return new Keyring(file, { format: 'so-antt-keyring', version: 2, office, users: {} });
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

  get rotation(): KeyringData['rotation'] {
    return this.data.rotation;
  }

  /** Every entry, by username. */
  get users(): Readonly<Record<string, KeyringEntry>> {
    return this.data.users;
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

  /** Every entry and the rotation's step in one atomic write. */
  replace(users: Readonly<Record<string, KeyringEntry>>, rotation: KeyringData['rotation']): void {
    const { rotation: _previous, ...rest } = this.data;
    this.write(rotation ? { ...rest, users, rotation } : { ...rest, users });
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

  /** Atomic replace: write a temporary file, flush it to disk, rename over the old one. Always written as version 2. */
  private write(data: KeyringData): void {
    const next: KeyringData = { ...data, version: 2 };
    const temp = `${this.file}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(next, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The folder flushed too: a rotation's step must be on disk before the work that counts on it.
    renameDurably(temp, this.file);
    this.data = next;
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
  return data.format === 'so-antt-keyring' && (data.version === 1 || data.version === 2) && typeof data.office === 'object' && typeof data.users === 'object';
}
