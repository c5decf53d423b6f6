import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Keys that rotate (issue #17, docs/decisions.md "Keys that rotate"): the store records a fingerprint
 * of each keyring entry it accepts (SHA-256 of the user, the public key and the seal, or of a version 1
 * wrap), so a keyring.json edited to put one user's key under another's id is refused at login. A user
 * may have two rows while a rotation is under way (the seal of the current key and of the next). Never
 * exchanged: accounts stay on their PC. Filled at the first login after this migration from the
 * keyring as it is then.
 */
export const keyringSeals: Migration = {
  version: 15,
  name: 'keyring-seals',
  sql: `
CREATE TABLE keyring_seals (
  user_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
  PRIMARY KEY (user_id, fingerprint)
) STRICT, WITHOUT ROWID;
`,
};
