import type { BundleLogRow, ExchangeAlertRow, ExchangeTrustView, OfficesOverview } from '../../api/views';
import { APP_VERSION, compareVersions } from '../app-version';
import { prepared } from '../query';
import { readSettings } from '../settings';
import type { Sqlite } from '../store';

const DAY = 24 * 3600 * 1000;

type CountRow = { office_id: string; n: number };

function countsBy(db: Sqlite, sql: string): Map<string, number> {
  return new Map((prepared(db, sql).all() as CountRow[]).map((row) => [row.office_id, row.n]));
}

/**
 * The offices this store holds records of, other than its own: each one's last bundle, record counts
 * (live reports from the monthly summary, persons and hotspots from small partial indexes), whether it
 * is late by more than the setting, and which reference set it said it holds.
 */
export function officesOverview(db: Sqlite, ownOfficeId: string, now: number): OfficesOverview {
  const lateDays = readSettings(db).exchangeLateDays;
  const reports = countsBy(db, 'SELECT office_id, sum(n) AS n FROM report_months GROUP BY office_id');
  const persons = countsBy(db, 'SELECT office_id, count(*) AS n FROM persons INDEXED BY persons_office WHERE deleted_at IS NULL GROUP BY office_id');
  const hotspots = countsBy(db, 'SELECT office_id, count(*) AS n FROM hotspots INDEXED BY hotspots_found WHERE deleted_at IS NULL GROUP BY office_id');
  const offices = prepared(
    db,
    `SELECT o.id, o.code, o.name, p.role, p.received_at, p.received_seq, p.reference_version, p.app_version
     FROM offices o LEFT JOIN exchange_peers p ON p.office_id = o.id AND p.revoked_at IS NULL AND p.role <> 'sibling'
     WHERE o.id <> ? AND o.deleted_at IS NULL ORDER BY o.code`,
  ).all(ownOfficeId) as { id: string; code: string; name: string; role: 'parent' | 'child' | null; received_at: number | null; received_seq: number | null; reference_version: number | null; app_version: string | null }[];
  // An office enrolled as a child that never sent anything has no record here yet: it is late.
  const listed = new Set(offices.map((office) => office.id));
  const silent = prepared(db, "SELECT office_id AS id, office_code AS code, office_name AS name, role, received_at, received_seq, reference_version, app_version FROM exchange_peers WHERE role = 'child' AND revoked_at IS NULL").all() as typeof offices;
  for (const peer of silent) if (!listed.has(peer.id)) offices.push(peer);
  const published = prepared(db, 'SELECT max(version) AS v FROM reference_sets').get() as { v: number | null };
  return {
    lateDays,
    publishedReference: published.v ?? 0,
    offices: offices.map((office) => ({
      officeId: office.id,
      code: office.code,
      name: office.name,
      role: office.role,
      lastReceivedAt: office.received_at,
      lastSeq: office.received_seq ?? 0,
      reports: reports.get(office.id) ?? 0,
      persons: persons.get(office.id) ?? 0,
      hotspots: hotspots.get(office.id) ?? 0,
      late: office.role === 'child' && (office.received_at === null || now - office.received_at > lateDays * DAY),
      referenceVersion: office.reference_version ?? 0,
      appVersion: office.app_version,
      olderApp: office.app_version !== null && compareVersions(office.app_version, APP_VERSION) < 0,
    })),
  };
}

/** The last 200 bundles sent and received. */
export function bundleLog(db: Sqlite): BundleLogRow[] {
  const rows = prepared(
    db,
    `SELECT b.bundle_id, b.direction, b.kind, b.mode, b.seq, b.at, b.records, b.gap, p.office_code, p.office_name
     FROM exchange_bundles b JOIN exchange_peers p ON p.key_id = b.peer_key_id ORDER BY b.at DESC LIMIT 200`,
  ).all() as { bundle_id: string; direction: 'sent' | 'received'; kind: 'records' | 'reference'; mode: 'full' | 'delta'; seq: number; at: number; records: number; gap: string | null; office_code: string; office_name: string }[];
  return rows.map((row) => ({
    bundleId: row.bundle_id,
    direction: row.direction,
    officeCode: row.office_code,
    officeName: row.office_name,
    kind: row.kind,
    mode: row.mode,
    seq: row.seq,
    at: row.at,
    records: row.records,
    gap: row.gap !== null,
  }));
}

/**
 * What the exchange page tells about trust: the newest alerts (forged records refused, clocks ahead,
 * audit logs rewritten), the records held back per sender, and this PC's own clock: behind the newest
 * version it holds when its date was set wrong ahead before (or is wrong behind now).
 */
export function exchangeTrust(db: Sqlite, now: number): ExchangeTrustView {
  const alerts = prepared(
    db,
    `SELECT a.id, a.at, a.kind, a.bundle_id, a.detail, p.office_code, p.office_name
     FROM exchange_alerts a JOIN exchange_peers p ON p.key_id = a.peer_key_id ORDER BY a.id DESC LIMIT 100`,
  ).all() as { id: number; at: number; kind: ExchangeAlertRow['kind']; bundle_id: string; detail: string; office_code: string; office_name: string }[];
  const pending = prepared(
    db,
    `SELECT p.office_code, p.office_name, count(*) AS records, min(h.at) AS since
     FROM exchange_pending h JOIN exchange_peers p ON p.key_id = h.peer_key_id GROUP BY p.key_id ORDER BY p.office_code`,
  ).all() as { office_code: string; office_name: string; records: number; since: number }[];
  // The latest time this PC's own clock showed at a write, not the hybrid clock: versions received from
  // a PC that is a little fast move that one ahead without anything being wrong here.
  const clock = prepared(db, 'SELECT local_wall FROM clock_state WHERE id = 1').get() as { local_wall: number };
  return {
    appVersion: APP_VERSION,
    clockBehindMs: clock.local_wall - now > 60_000 ? clock.local_wall - now : null,
    alerts: alerts.map((row) => ({ id: row.id, at: row.at, kind: row.kind, detail: JSON.parse(row.detail), bundleId: row.bundle_id, officeCode: row.office_code, officeName: row.office_name }) as ExchangeAlertRow),
    pending: pending.map((row) => ({ officeCode: row.office_code, officeName: row.office_name, records: row.records, since: row.since })),
  };
}
