import type { Migration } from './migration';

/**
 * Exchange between offices (docs/architecture.md, "Exchange"): this installation's identity
 * and keys, the peers it enrolled, the bundles it sent and received, the conflicts kept for a person to
 * resolve, and the reference sets a higher office published.
 */
export const exchange: Migration = {
  version: 7,
  name: 'exchange',
  sql: `
-- Which office this installation serves, and its exchange keys (DER, base64). The private keys live only
-- here, inside the encrypted store. Keys are made at setup, or on first use in a store set up before.
CREATE TABLE exchange_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  office_id TEXT NOT NULL,
  key_id TEXT,
  sign_public TEXT,
  sign_private TEXT,
  box_public TEXT,
  box_private TEXT,
  created_at INTEGER
) STRICT;
INSERT INTO exchange_identity (id, office_id)
  SELECT 1, id FROM offices WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1;

-- Offices (or other PCs of this office) whose public keys were imported and whose fingerprint a person
-- confirmed against their printed key card.
CREATE TABLE exchange_peers (
  key_id TEXT PRIMARY KEY NOT NULL,
  office_id TEXT NOT NULL,
  office_code TEXT NOT NULL,
  office_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('parent', 'child', 'sibling')),
  sign_public TEXT NOT NULL,
  box_public TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  enrolled_at INTEGER NOT NULL,
  enrolled_by TEXT,
  revoked_at INTEGER,
  -- What was last sent to this peer: its bundle sequence, the hash that bundle ends the chain with,
  -- and the local change sequence it covered (the next delta starts after it).
  sent_seq INTEGER NOT NULL DEFAULT 0,
  sent_hash TEXT,
  sent_watermark INTEGER NOT NULL DEFAULT 0,
  -- What was last received from it.
  received_seq INTEGER NOT NULL DEFAULT 0,
  received_hash TEXT,
  received_at INTEGER,
  -- The reference set version the peer said it holds (a child), or this office holds from it (a parent).
  reference_version INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE exchange_bundles (
  bundle_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  peer_key_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('records', 'reference')),
  mode TEXT NOT NULL CHECK (mode IN ('full', 'delta')),
  seq INTEGER NOT NULL,
  previous_hash TEXT,
  hash TEXT NOT NULL,
  at INTEGER NOT NULL,
  by TEXT,
  records INTEGER NOT NULL,
  summary TEXT NOT NULL,
  gap TEXT,
  PRIMARY KEY (bundle_id, direction, peer_key_id)
) STRICT;
CREATE INDEX exchange_bundles_peer ON exchange_bundles (peer_key_id, direction, at);

-- Two edits of one record made from the same base on two PCs: the local row stays as it is, the
-- incoming one waits here until a person chooses or merges. Never dropped.
CREATE TABLE exchange_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  local_version TEXT NOT NULL,
  incoming_version TEXT NOT NULL,
  incoming TEXT NOT NULL,
  bundle_id TEXT NOT NULL,
  sender_key_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by TEXT,
  resolution TEXT CHECK (resolution IN ('local', 'incoming', 'merge'))
) STRICT;
CREATE UNIQUE INDEX exchange_conflicts_once ON exchange_conflicts (table_name, record_id, incoming_version);
CREATE INDEX exchange_conflicts_open ON exchange_conflicts (created_at) WHERE resolved_at IS NULL;

-- Reference sets this office published (a higher office), numbered 1, 2, … with the hash of their content.
CREATE TABLE reference_sets (
  version INTEGER PRIMARY KEY NOT NULL,
  content_hash TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT
) STRICT;

-- A higher office holds many communes' persons: a citizen ID is unique within its office.
DROP INDEX persons_citizen_id;
CREATE UNIQUE INDEX persons_citizen_id ON persons (office_id, citizen_id) WHERE citizen_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX persons_citizen ON persons (citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX persons_office ON persons (office_id) WHERE deleted_at IS NULL;

-- A higher office filters every list by office and reports across all offices by period.
CREATE INDEX reports_office_register ON reports (office_id, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX persons_office_name ON persons (office_id, name_fold) WHERE deleted_at IS NULL;
CREATE INDEX hotspots_office_review ON hotspots (office_id, next_review_on) WHERE deleted_at IS NULL;
CREATE INDEX campaigns_office_period ON campaigns (office_id, start_date) WHERE deleted_at IS NULL;
CREATE INDEX report_months_month ON report_months (month);
CREATE INDEX report_days_day ON report_days (day);
CREATE INDEX program_months_month ON program_months (month);
`,
};
