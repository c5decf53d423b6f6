import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Sessions and passwords (issue #17, docs/security.md):
 * - The idle lock is 1 to 60 minutes and never off: a stored value outside that range (0 turned it
 *   off; up to 240 was accepted) is moved to the nearest bound.
 * - password_history: each password a user is given, as a scrypt hash (db/passwords.ts), newest last.
 *   The last five are refused as a new password; `one_time` marks a password an administrator typed
 *   (users.create, users.resetPassword, reactivation), which the user must change at the next login.
 *   Local to this installation, like the keyring: never in a bundle.
 */
export const sessionsPasswords: Migration = {
  version: 14,
  name: 'sessions-passwords',
  sql: `
UPDATE settings SET value = '1' WHERE key = 'idleLockMinutes' AND CAST(value AS INTEGER) < 1;
UPDATE settings SET value = '60' WHERE key = 'idleLockMinutes' AND CAST(value AS INTEGER) > 60;

CREATE TABLE password_history (
  user_id TEXT NOT NULL REFERENCES users (id),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  kdf TEXT NOT NULL,
  salt TEXT NOT NULL,
  hash TEXT NOT NULL,
  one_time INTEGER NOT NULL CHECK (one_time IN (0, 1)),
  PRIMARY KEY (user_id, seq)
) STRICT, WITHOUT ROWID;
`,
};
