import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { appendAudit } from '../audit';
import { AppError } from '../app-error';
import { uuidv7 } from '../ids';
import { schemaVersion } from '../migrations/registry';
import { first, prepared, qb, run } from '../query';
import type { ExchangePeersTable, RecordTable } from '../schema';
import type { Sqlite } from '../store';
import { BundleWriter } from './bundle';
import { findPeer, identity } from './identity';
import { ownedReference, recordBundleTables, referenceBundleTables } from './tables';

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
  return prepared(db, sql).iterate(...(parameters as unknown[])) as IterableIterator<Record<string, unknown>>;
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
  const office = first(db, qb.selectFrom('offices').selectAll().where('id', '=', me.officeId))!;

  return db.transaction((): ExportResult => {
    const bundleId = request.bundleId ?? uuidv7(request.now);
    const toSeq = (prepared(db, 'SELECT seq FROM clock_state WHERE id = 1').get() as { seq: number }).seq;
    const fromSeq = request.mode === 'full' || request.kind === 'reference' ? 0 : Math.min(...recipients.map((peer) => peer.sent_watermark));
    const referenceVersion = request.kind === 'reference' ? publishReference(db, me.officeId, request.now, request.userId) : heldReference(db);
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
      },
      recipients.map((peer) => ({ keyId: peer.key_id, officeId: peer.office_id, boxPublic: peer.box_public, seq: peer.sent_seq + 1, previousHash: peer.sent_hash })),
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
        // A parent already holds its own records: they are not sent back up.
        const skip = new Set(recipients.filter((peer) => peer.role === 'parent').map((peer) => peer.office_id));
        for (const table of recordBundleTables) {
          for (const row of changedRows(db, table, fromSeq, toSeq)) if (!skip.has(row.office_id as string)) emit({ t: table, r: row });
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
