import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { KdfParams, LegacyEntry } from '../../db/keyring';

/**
 * A version 1 keyring entry, as the app wrote it before keys rotated: the store key itself wrapped
 * (AES-256-GCM, the user id as associated data) under scrypt of the password. Tests make them to show
 * such keyrings still log in and are upgraded.
 */
export function legacyEntry(key: Buffer, userId: string, password: string, kdf: KdfParams = { N: 2 ** 15, r: 8, p: 1 }): LegacyEntry {
  const salt = randomBytes(16);
  const kek = scryptSync(password.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return { userId, kdf, salt: salt.toString('base64'), wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'), failed: 0, lockedUntil: null };
}
