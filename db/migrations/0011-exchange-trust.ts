import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Exchange you can trust (docs/decisions.md, "Exchange: a bundle writes only what its sender owns"):
 * - exchange_alerts: what a sender did that this office must see: a bundle refused because it wrote a
 *   record its sender may not write, versions from a PC whose clock is ahead, an audit log rewritten
 *   since the last anchor. Kept even when the bundle itself changed nothing.
 * - exchange_pending: a record that arrived before the record it points at (a link whose person comes
 *   in a later delta), kept until that record arrives, never dropped.
 * - On each peer: the app version its last bundle carried and the audit head it anchored here.
 * - On each bundle: the local change sequences an import wrote (which bundle last wrote a record is the
 *   one whose range holds the record's seq) and, for a bundle sent, the audit entry count it carried.
 */
export const exchangeTrust: Migration = {
  version: 11,
  name: 'exchange-trust',
  sql: `
-- The latest time this PC's own clock showed at a write: when its clock now shows an earlier time, its
-- date was set wrong ahead before (or is wrong now), and its own edits lose against its own records.
ALTER TABLE clock_state ADD COLUMN local_wall INTEGER NOT NULL DEFAULT 0;

ALTER TABLE exchange_peers ADD COLUMN app_version TEXT;
ALTER TABLE exchange_peers ADD COLUMN anchor_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchange_peers ADD COLUMN anchor_hash TEXT;

ALTER TABLE exchange_bundles ADD COLUMN first_seq INTEGER;
ALTER TABLE exchange_bundles ADD COLUMN last_seq INTEGER;
ALTER TABLE exchange_bundles ADD COLUMN audit_count INTEGER;
CREATE INDEX exchange_bundles_written ON exchange_bundles (last_seq) WHERE direction = 'received' AND last_seq IS NOT NULL;

CREATE TABLE exchange_alerts (
  id INTEGER PRIMARY KEY,
  peer_key_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('forged', 'clock_ahead', 'audit_rewritten')),
  bundle_id TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX exchange_alerts_peer ON exchange_alerts (peer_key_id, at);

CREATE TABLE exchange_pending (
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version TEXT NOT NULL,
  peer_key_id TEXT NOT NULL,
  bundle_id TEXT NOT NULL,
  waiting_table TEXT NOT NULL,
  waiting_id TEXT NOT NULL,
  row TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (peer_key_id, table_name, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX exchange_pending_waiting ON exchange_pending (waiting_table, waiting_id);
`,
};
