import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { BAD_TEXT_CHARS } from '../../api/fields';
import { AppError } from '../app-error';

/**
 * An office's exchange keys: Ed25519 to sign the bundles it sends, X25519 to receive the content key of
 * the bundles sent to it. Public keys travel as their raw 32 bytes (base64); private keys are stored as
 * PKCS#8 DER (base64) inside the encrypted store and never leave it.
 */
export interface KeyPairs {
  readonly signPublic: string;
  readonly signPrivate: string;
  readonly boxPublic: string;
  readonly boxPrivate: string;
}

export function generateKeyPairs(): KeyPairs {
  const sign = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  return {
    signPublic: rawPublic(sign.publicKey),
    signPrivate: sign.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    boxPublic: rawPublic(box.publicKey),
    boxPrivate: box.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

function rawPublic(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

const RAW_KEY = /^[A-Za-z0-9+/]{43}=$/;

export function publicKeyObject(raw: string, curve: 'Ed25519' | 'X25519'): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: Buffer.from(raw, 'base64').toString('base64url') }, format: 'jwk' });
}

export function privateKeyObject(der: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
}

function keyDigest(signPublic: string, boxPublic: string): Buffer {
  return createHash('sha256').update('so-antt key\n').update(Buffer.from(signPublic, 'base64')).update(Buffer.from(boxPublic, 'base64')).digest();
}

/** The short name of a key pair in bundle headers: 16 hex digits of its digest. */
export function keyIdOf(signPublic: string, boxPublic: string): string {
  return keyDigest(signPublic, boxPublic).subarray(0, 8).toString('hex');
}

/** The office a key card names: part of what its fingerprint covers. */
export interface KeyOffice {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

function groupsOf(digest: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 1) groups.push(String(digest.readUInt32BE(i * 4) % 100_000).padStart(5, '0'));
  return groups.join(' ');
}

/**
 * The fingerprint a person compares with the printed key card: 40 decimal digits in eight groups of five
 * (digits read aloud over the phone more safely than hex), from the digest of both public keys and of
 * the office the card names, so a key file whose office was edited no longer matches its card.
 */
export function fingerprintOf(signPublic: string, boxPublic: string, office: KeyOffice): string {
  const digest = createHash('sha256')
    .update('so-antt key card 2\n')
    .update(Buffer.from(signPublic, 'base64'))
    .update(Buffer.from(boxPublic, 'base64'))
    .update(JSON.stringify([office.id, office.code, office.name]))
    .digest();
  return groupsOf(digest);
}

/**
 * The fingerprint of key cards printed before it covered the office (public-key files of version 1):
 * peers enrolled with one keep working until enrolled again; a new enrolment needs a card of today.
 */
export function legacyFingerprintOf(signPublic: string, boxPublic: string): string {
  return groupsOf(keyDigest(signPublic, boxPublic));
}

/** The public-key file an office hands to the offices it exchanges with, beside its printed key card. */
export interface PublicKeyFile {
  readonly format: 'so-antt-public-key';
  /** 2: the fingerprint covers the office too. */
  readonly version: 2;
  readonly office: { readonly id: string; readonly code: string; readonly name: string; readonly level: 'commune' | 'higher' };
  readonly keyId: string;
  readonly signPublic: string;
  readonly boxPublic: string;
  readonly fingerprint: string;
}

/** An administrative unit code, as setup takes it (api/fields.ts, unitCode), without the trim: a file is not typed. */
const officeCode = z.string().regex(/^\d{2}$|^\d{3}$|^\d{5}$/);

const publicKeyFileSchema = z.object({
  format: z.literal('so-antt-public-key'),
  version: z.union([z.literal(1), z.literal(2)]),
  office: z.object({
    id: officeCode,
    code: officeCode,
    // Kept in the peers' table: nothing the store would change (a lone surrogate) or an export would drop.
    name: z
      .string()
      .min(1)
      .max(200)
      .refine((name) => !BAD_TEXT_CHARS.test(name)),
    level: z.enum(['commune', 'higher']),
  }),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signPublic: z.string().regex(RAW_KEY),
  boxPublic: z.string().regex(RAW_KEY),
  fingerprint: z.string().max(60),
});

/**
 * Reads a public-key file. Its key id and fingerprint are recomputed from the keys and the office, so
 * a file whose printed fingerprint or office was edited does not match the card.
 */
export function parsePublicKeyFile(text: string): PublicKeyFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('exchange.bad_key_file', 'the public-key file is not JSON');
  }
  const parsed = publicKeyFileSchema.safeParse(data);
  if (!parsed.success) throw new AppError('exchange.bad_key_file', 'the file is not a Sổ ANTT public-key file');
  const file = parsed.data;
  if (file.version === 1) {
    throw new AppError('exchange.old_key_card', 'the public-key file is of the old format, whose fingerprint does not cover the office: ask the office for a new card and file');
  }
  try {
    publicKeyObject(file.signPublic, 'Ed25519');
    publicKeyObject(file.boxPublic, 'X25519');
  } catch {
    throw new AppError('exchange.bad_key_file', 'the public keys in the file are not valid');
  }
  if (keyIdOf(file.signPublic, file.boxPublic) !== file.keyId || fingerprintOf(file.signPublic, file.boxPublic, file.office) !== file.fingerprint) {
    throw new AppError('exchange.bad_key_file', 'the key id or fingerprint does not match the keys');
  }
  return file as PublicKeyFile;
}
