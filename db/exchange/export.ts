import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { APP_VERSION } from '../app-version';
import { appendAudit, GENESIS_HASH } from '../audit';
import { AppError } from '../app-error';
import { uuidv7 } from '../ids';
import { schemaVersion } from '../migrations/registry';
import { first, prepared, qb, run } from '../query';
import type { ExchangePeersTable, RecordTable } from '../schema';
import type { Sqlite } from '../store';
import { BundleWriter, type AuditPoint } from './bundle';
import { findPeer, identity, receiverOf } from './identity';
import { referencesIn, storedOwner } from './references';
import type { Receiver } from './ownership';
import { localColumns, ownedReference, recordBundleTables, referenceBundleTables, withoutLocalColumns } from './tables';

export type BundleKind = 'records' | 'reference';

export interface ExportRequest {
  readonly kind: BundleKind;
  readonly recipients: readonly string[];
  /** Full: every record; delta: what changed since the last bundle sent to each recipient. */
  readonly mode: 'full' | 'delta';
  readonly path: string;
  readonly now: number;
  readonly userId: string | null;
  /** The bundle's id (the caller names the file after it); made here when left out. */
  readonly bundleId?: string;
}

export interface ExportResult {
  readonly bundleId: string;
  readonly kind: BundleKind;
  readonly mode: 'full' | 'delta';
  readonly records: number;
  readonly counts: Record<string, number>;
  readonly bytes: number;
  readonly hash: string;
  readonly recipients: readonly { keyId: string; officeCode: string; officeName: string; seq: number }[];
  readonly referenceVersion: number;
}

/** A line of the payload: one complete record state, voids included. */
export interface RecordLine {
  readonly t: string;
  readonly r: Record<string, unknown>;
}

/** The last line: counts by table and the SHA-256 of the record lines, checked on import. */
export interface ManifestLine {
  readonly manifest: { readonly counts: Record<string, number>; readonly records: number; readonly sha256: string; readonly fromSeq: number; readonly toSeq: number };
}

const rolesFor: Record<BundleKind, readonly ExchangePeersTable['role'][]> = {
  records: ['parent', 'sibling'],
  reference: ['child'],
};

function changedRows(db: Sqlite, table: RecordTable, from: number, to: number): IterableIterator<Record<string, unknown>> {
  const { sql, parameters } = qb
    .selectFrom(table as 'reports')
    .selectAll()
    .where('seq', '>', from)
    .where('seq', '<=', to)
    .orderBy('seq')
    .compile();
  const rows = prepared(db, sql).iterate(...(parameters as unknown[])) as IterableIterator<Record<string, unknown>>;
  return localColumns[table] ? withoutLocal(table, rows) : rows;
}

function* withoutLocal(table: RecordTable, rows: IterableIterator<Record<string, unknown>>): Generator<Record<string, unknown>, undefined, undefined> {
  for (const row of rows) yield withoutLocalColumns(table, row);
  return undefined;
}

/** The rows of a reference bundle: all keyed reference data, the directory, and this office's campaigns. */
function* referenceRows(db: Sqlite, officeId: string): Generator<RecordLine> {
  for (const table of referenceBundleTables) {
    const owned = (ownedReference as readonly string[]).includes(table) && table !== 'offices';
    for (const row of changedRows(db, table, 0, Number.MAX_SAFE_INTEGER)) {
      if (owned && row.office_id !== officeId) continue;
      yield { t: table, r: row };
    }
  }
}

/**
 * The number of the reference set now: the last one published, or a new one when the content changed
 * since (a higher office publishes by sending; the same content keeps its number).
 */
function publishReference(db: Sqlite, officeId: string, now: number, userId: string | null): number {
  const digest = createHash('sha256');
  for (const line of referenceRows(db, officeId)) digest.update(JSON.stringify(line)).update('\n');
  const hash = digest.digest('hex');
  const last = first(db, qb.selectFrom('reference_sets').selectAll().orderBy('version', 'desc').limit(1));
  if (last?.content_hash === hash) return last.version;
  const version = (last?.version ?? 0) + 1;
  run(db, qb.insertInto('reference_sets').values({ version, content_hash: hash, published_at: now, published_by: userId }));
  return version;
}

/** The reference set version this office holds from its parent (0 when it never received one). */
function heldReference(db: Sqlite): number {
  const row = prepared(db, "SELECT max(reference_version) AS v FROM exchange_peers WHERE role = 'parent' AND revoked_at IS NULL").get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * This store's audit chain now: the number of its last entry and that entry's hash. Entries are looked
 * up by their number, so an anchor costs one read however long the log.
 */
function auditHead(db: Sqlite): AuditPoint {
  const row = prepared(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { count: row?.id ?? 0, hash: row?.hash ?? GENESIS_HASH };
}

/**
 * The points of the audit chain the last bundles to this peer anchored, as the chain holds them now
 * (an entry edited, removed or re-chained since gives another hash there): the recipient compares the
 * one it kept.
 */
function auditAnchors(db: Sqlite, peerKeyId: string): AuditPoint[] {
  const counts = prepared(
    db,
    "SELECT DISTINCT audit_count AS count FROM exchange_bundles WHERE direction = 'sent' AND peer_key_id = ? AND audit_count > 0 ORDER BY at DESC LIMIT 16",
  ).all(peerKeyId) as { count: number }[];
  const entry = prepared(db, 'SELECT hash FROM audit_log WHERE id = ?');
  return counts.map(({ count }) => ({ count, hash: (entry.get(count) as { hash: string } | undefined)?.hash ?? GENESIS_HASH }));
}

/**
 * Whether a recipient takes this row (db/exchange/ownership.ts, seen from the recipient): the parent
 * only this office's own records; another PC of this office also the records of this office's
 * children and the parent's directory and campaigns. A row sent that its recipient may not take would
 * refuse the whole bundle there.
 */
function takenBy(db: Sqlite, role: ExchangePeersTable['role'], me: string, related: Receiver, table: RecordTable, row: Record<string, unknown>): boolean {
  const owner = row.office_id as string;
  if (role === 'parent') return owner === me && (table !== 'offices' || row.id === me) && !pointsAtChildren(db, related, table, row);
  if (owner === me || related.children.has(owner)) return true;
  return table === 'offices' || (related.parents.has(owner) && (ownedReference as readonly string[]).includes(table));
}

/**
 * Whether a row of this office points at a child's record (a province's campaign counting a commune's
 * report): the parent never receives the children's records, so it could never resolve the link, and
 * would hold it forever. Such links stay here.
 */
function pointsAtChildren(db: Sqlite, related: Receiver, table: string, row: Record<string, unknown>): boolean {
  if (related.children.size === 0) return false;
  return referencesIn(db, table, row).some((reference) => {
    const target = row[reference.column];
    if (typeof target !== 'string' || reference.table === '') return false;
    const owner = storedOwner(db, reference.table, target);
    return owner !== undefined && related.children.has(owner);
  });
}

/**
 * Writes one bundle for the chosen recipients and records it as sent to each: their sequence moves on,
 * the chain hash is kept, and (for records) the next delta starts after what this one covered. Runs in
 * one transaction, so the records read are one consistent state and a failure records nothing.
 */
export function exportBundle(db: Sqlite, request: ExportRequest): ExportResult {
  const me = identity(db, request.now);
  const peers = [...new Set(request.recipients)].map((keyId) => findPeer(db, keyId));
  if (peers.length === 0 || peers.some((peer) => peer === undefined)) throw new AppError('exchange.no_recipient', 'choose enrolled recipients');
  const recipients = peers as ExchangePeersTable[];
  const wrong = recipients.find((peer) => !rolesFor[request.kind].includes(peer.role));
  if (wrong) throw new AppError('exchange.wrong_kind', `${request.kind} bundles do not go to a ${wrong.role} (${wrong.office_code})`);
  // The parent takes only this office's records, another PC more: one bundle cannot serve both.
  if (new Set(recipients.map((peer) => peer.role)).size > 1) throw new AppError('exchange.wrong_kind', 'one bundle goes either to the higher office or to other PCs of this office');
  const office = first(db, qb.selectFrom('offices').selectAll().where('id', '=', me.officeId))!;

  return db.transaction((): ExportResult => {
    const bundleId = request.bundleId ?? uuidv7(request.now);
    const toSeq = (prepared(db, 'SELECT seq FROM clock_state WHERE id = 1').get() as { seq: number }).seq;
    const fromSeq = request.mode === 'full' || request.kind === 'reference' ? 0 : Math.min(...recipients.map((peer) => peer.sent_watermark));
    const referenceVersion = request.kind === 'reference' ? publishReference(db, me.officeId, request.now, request.userId) : heldReference(db);
    const audit = auditHead(db);
    const writer = new BundleWriter(
      request.path,
      {
        schemaVersion,
        bundleId,
        kind: request.kind,
        mode: request.kind === 'reference' ? 'full' : request.mode,
        createdAt: request.now,
        sender: { officeId: me.officeId, officeCode: office.code, officeName: office.name, keyId: me.keyId },
        referenceVersion,
        appVersion: APP_VERSION,
        audit,
      },
      recipients.map((peer) => ({
        keyId: peer.key_id,
        officeId: peer.office_id,
        boxPublic: peer.box_public,
        seq: peer.sent_seq + 1,
        previousHash: peer.sent_hash,
        auditAnchors: auditAnchors(db, peer.key_id),
      })),
      me.signPrivate,
    );
    try {
      const counts: Record<string, number> = {};
      const digest = createHash('sha256');
      let records = 0;
      const emit = (line: RecordLine) => {
        counts[line.t] = (counts[line.t] ?? 0) + 1;
        records += 1;
        const text = `${JSON.stringify(line)}\n`;
        digest.update(text);
        writer.text(text);
      };
      if (request.kind === 'reference') {
        for (const line of referenceRows(db, me.officeId)) emit(line);
      } else {
        const role = recipients[0]!.role;
        const related = receiverOf(db, me.officeId);
        // Each table's foreign keys read now: no pragma may run while its rows are being read.
        for (const table of recordBundleTables) referencesIn(db, table, {});
        for (const table of recordBundleTables) {
          for (const row of changedRows(db, table, fromSeq, toSeq)) if (takenBy(db, role, me.officeId, related, table, row)) emit({ t: table, r: row });
        }
      }
      const manifest: ManifestLine = { manifest: { counts, records, sha256: digest.digest('hex'), fromSeq, toSeq } };
      writer.line(manifest);
      const { hash, bytes } = writer.finish();
      const summary = JSON.stringify(counts);
      for (const peer of recipients) {
        const seq = peer.sent_seq + 1;
        run(
          db,
          qb
            .updateTable('exchange_peers')
            .set({ sent_seq: seq, sent_hash: hash, ...(request.kind === 'records' ? { sent_watermark: toSeq } : {}) })
            .where('key_id', '=', peer.key_id),
        );
        run(
          db,
          qb.insertInto('exchange_bundles').values({
            bundle_id: bundleId,
            direction: 'sent',
            peer_key_id: peer.key_id,
            kind: request.kind,
            mode: request.kind === 'reference' ? 'full' : request.mode,
            seq,
            previous_hash: peer.sent_hash,
            hash,
            at: request.now,
            by: request.userId,
            records,
            summary,
            gap: null,
            first_seq: null,
            last_seq: null,
            audit_count: audit.count,
          }),
        );
      }
      appendAudit(db, {
        at: request.now,
        userId: request.userId,
        call: 'exchange.export',
        action: 'export',
        recordId: bundleId,
        after: { kind: request.kind, mode: request.mode, recipients: recipients.map((peer) => peer.office_code), records, hash },
      });
      return {
        bundleId,
        kind: request.kind,
        mode: request.kind === 'reference' ? 'full' : request.mode,
        records,
        counts,
        bytes,
        hash,
        recipients: recipients.map((peer) => ({ keyId: peer.key_id, officeCode: peer.office_code, officeName: peer.office_name, seq: peer.sent_seq + 1 })),
        referenceVersion,
      };
    } catch (error) {
      writer.abort();
      rmSync(request.path, { force: true });
      throw error;
    }
  })();
}
