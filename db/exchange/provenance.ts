import type { HistoryEntry } from '../../api/views';
import { prepared } from '../query';
import type { Sqlite } from '../store';

/**
 * Which peer's bundle last wrote a record: the received bundle whose import wrote the local change
 * sequences that hold the record's `seq` (an edit made here since takes a later seq, so it is the
 * import's no longer). Null when the record was last written here.
 */
export function receivedIn(db: Sqlite, seq: number): (HistoryEntry & { bundle: NonNullable<HistoryEntry['bundle']> }) | null {
  const row = prepared(
    db,
    `SELECT b.bundle_id, b.seq, b.at, p.office_code, p.office_name, u.full_name
     FROM exchange_bundles b INDEXED BY exchange_bundles_written JOIN exchange_peers p ON p.key_id = b.peer_key_id LEFT JOIN users u ON u.id = b.by
     WHERE b.direction = 'received' AND b.last_seq IS NOT NULL AND b.last_seq >= ? AND b.first_seq <= ? ORDER BY b.last_seq LIMIT 1`,
  ).get(seq, seq) as { bundle_id: string; seq: number; at: number; office_code: string; office_name: string; full_name: string | null } | undefined;
  if (!row) return null;
  return {
    at: row.at,
    userName: row.full_name,
    action: 'received',
    reporterAnonymous: false,
    changes: [],
    bundle: { officeCode: row.office_code, officeName: row.office_name, seq: row.seq, bundleId: row.bundle_id },
  };
}
