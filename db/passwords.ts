import { randomBytes, timingSafeEqual } from 'node:crypto';
import { passwordProblem } from '../api/password-strength';
import { AppError } from './app-error';
import { DEFAULT_KDF, derivePassword, type KdfParams } from './keyring';
import { prepared } from './query';
import type { Sqlite } from './store';
import type { UserRow } from './users';

/**
 * Each user's passwords, as scrypt hashes with the keyring's own derivation (keyring.ts), newest last
 * (migration 0014): the last five are refused as a new password, and the newest says whether an
 * administrator typed it (one-time: the user must change it). See docs/security.md ("Passwords").
 */
export const PASSWORD_HISTORY = 5;

interface HistoryRow {
  readonly seq: number;
  readonly kdf: string;
  readonly salt: string;
  readonly hash: string;
  readonly one_time: number;
}

function recent(db: Sqlite, userId: string, count: number): HistoryRow[] {
  return prepared(db, 'SELECT seq, kdf, salt, hash, one_time FROM password_history WHERE user_id = ? ORDER BY seq DESC LIMIT ?').all(userId, count) as HistoryRow[];
}

/** A password hash to record; made before the transaction that records it (scrypt is slow). */
export interface PasswordHash {
  readonly kdf: KdfParams;
  readonly salt: string;
  readonly hash: string;
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await derivePassword(password, salt, DEFAULT_KDF);
  return { kdf: DEFAULT_KDF, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export function recordPassword(db: Sqlite, userId: string, hashed: PasswordHash, oneTime: boolean, at: number): void {
  const next = (prepared(db, 'SELECT coalesce(max(seq), 0) + 1 AS seq FROM password_history WHERE user_id = ?').get(userId) as { seq: number }).seq;
  prepared(db, 'INSERT INTO password_history (user_id, seq, at, kdf, salt, hash, one_time) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    userId,
    next,
    at,
    JSON.stringify(hashed.kdf),
    hashed.salt,
    hashed.hash,
    oneTime ? 1 : 0,
  );
  // Older hashes than the ones compared serve nothing: they are dropped.
  prepared(db, 'DELETE FROM password_history WHERE user_id = ? AND seq <= ?').run(userId, next - PASSWORD_HISTORY);
}

/** The newest password was typed by an administrator and not changed since. */
export function isOneTime(db: Sqlite, userId: string): boolean {
  return recent(db, userId, 1)[0]?.one_time === 1;
}

/** Whether the password is one of the user's last five (each compared with its own salt and cost). */
export async function isRecentPassword(db: Sqlite, userId: string, password: string): Promise<boolean> {
  for (const row of recent(db, userId, PASSWORD_HISTORY)) {
    const hash = await derivePassword(password, Buffer.from(row.salt, 'base64'), JSON.parse(row.kdf) as KdfParams);
    const stored = Buffer.from(row.hash, 'base64');
    if (stored.length === hash.length && timingSafeEqual(stored, hash)) return true;
  }
  return false;
}

/**
 * The backend's check of a new password for a stored user (a reset or a change, whose input carries
 * neither the username nor the name): the same rule as the forms, with the user's own words, then the
 * history. Refusals are validation errors on `password`.
 */
export async function checkNewPassword(db: Sqlite, user: UserRow, password: string): Promise<void> {
  const problem = passwordProblem(password, [user.username, user.full_name]);
  if (problem) throw new AppError('validation', 'the password does not meet the rule', { fields: { password: problem } });
  if (await isRecentPassword(db, user.id, password)) {
    throw new AppError('validation', 'the password was used recently', { fields: { password: 'v.password_recent' } });
  }
}

/** Whether a password typed at login must be changed before anything else: one-time, or below the rule. */
export function mustChange(db: Sqlite, user: UserRow, password: string): boolean {
  return isOneTime(db, user.id) || passwordProblem(password, [user.username, user.full_name]) !== null;
}
