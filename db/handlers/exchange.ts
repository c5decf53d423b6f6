import { existsSync } from 'node:fs';
import type { PeerView } from '../../api/views';
import { AppError } from '../app-error';
import { resolveConflict, listConflicts } from '../exchange/conflicts';
import { exportBundle } from '../exchange/export';
import { appendChunk, inboxPath, outboxPath, readChunk, removeStaged } from '../exchange/files';
import { enrolledWithOldCard, enrolPeer, findPeer, listPeers, publicKeyFile, revokePeer } from '../exchange/identity';
import { verifyBundle } from '../exchange/import';
import { parsePublicKeyFile } from '../exchange/keys';
import { bundleLog, exchangeTrust, officesOverview } from '../exchange/offices';
import { uuidv7 } from '../ids';
import { first, qb } from '../query';
import type { ExchangePeersTable } from '../schema';
import { decodeBase64Strict } from './attachments';
import { storeFor, type Context, type HandlersOf } from './context';

function peerView(peer: ExchangePeersTable): PeerView {
  return {
    keyId: peer.key_id,
    officeCode: peer.office_code,
    officeName: peer.office_name,
    role: peer.role,
    fingerprint: peer.fingerprint,
    enrolledAt: peer.enrolled_at,
    sentSeq: peer.sent_seq,
    receivedSeq: peer.received_seq,
    receivedAt: peer.received_at,
    referenceVersion: peer.reference_version,
    appVersion: peer.app_version,
    oldCard: enrolledWithOldCard(peer),
  };
}

/** A file name that says what the bundle is: "26881-gui-38-20261126-0003.soantt". */
function bundleFileName(from: string, recipients: readonly { officeCode: string; seq: number }[], now: number, kind: 'records' | 'reference'): string {
  const day = new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
  const to = recipients.map((r) => r.officeCode).join('-');
  const seq = String(recipients[0]?.seq ?? 0).padStart(4, '0');
  return `${from}-${kind === 'reference' ? 'danh-muc' : 'du-lieu'}-gui-${to}-${day}-${seq}.soantt`;
}

/**
 * A dry run or the import itself, on a worker thread (db/exchange/import-job.ts): the register goes on
 * answering meanwhile. An import changes many records at once: once the file is verified, the store as it
 * was is backed up first (rotated like the daily backups), and the import waits for it.
 */
async function importRun(ctx: Context, uploadId: string, apply: boolean) {
  const { store, write } = storeFor(ctx);
  const path = inboxPath(ctx.backend.dataDir, uploadId);
  if (!existsSync(path)) throw new AppError('record.not_found', 'no bundle was received with this id');
  const request = { path, apply, now: ctx.backend.now(), userId: write.userId };
  if (apply) {
    // A file that is not a bundle from an enrolled sender is refused before any backup is taken.
    verifyBundle(store.sql, path, request.now);
    await ctx.backend.backups.take('before-import');
  }
  return ctx.backend.importBundle(request);
}

export const exchangeHandlers: HandlersOf<'exchange.'> = {
  'exchange.identity': (ctx) => {
    const { store } = storeFor(ctx);
    const file = publicKeyFile(store.sql, ctx.backend.now());
    const office = first(store.sql, qb.selectFrom('offices').select('parent_name').where('id', '=', store.officeId));
    return {
      office: { code: file.office.code, name: file.office.name, level: file.office.level, parentName: office?.parent_name ?? '' },
      keyId: file.keyId,
      fingerprint: file.fingerprint,
      publicKeyFile: JSON.stringify(file, null, 2),
      fileName: `khoa-cong-khai-${file.office.code}-${file.keyId.slice(0, 8)}.json`,
    };
  },
  'exchange.inspectKey': (ctx, input) => {
    const { store } = storeFor(ctx);
    const file = parsePublicKeyFile(input.publicKey);
    return { office: { code: file.office.code, name: file.office.name, level: file.office.level }, keyId: file.keyId, fingerprint: file.fingerprint, enrolledAs: findPeer(store.sql, file.keyId)?.role ?? null };
  },
  'exchange.enrol': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const file = parsePublicKeyFile(input.publicKey);
    if (input.fingerprint.replace(/\s+/g, '') !== file.fingerprint.replace(/\s+/g, '')) {
      throw new AppError('exchange.fingerprint', 'the confirmed fingerprint is not the key file\'s');
    }
    return peerView(enrolPeer(store.sql, file, input.role, { userId: write.userId, now: ctx.backend.now() }));
  },
  'exchange.revoke': (ctx, input) => {
    revokePeer(storeFor(ctx).store.sql, input.keyId, ctx.backend.now());
    return null;
  },
  'exchange.peers': (ctx) => listPeers(storeFor(ctx).store.sql).map(peerView),
  'exchange.export': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const now = ctx.backend.now();
    const bundleId = uuidv7(now);
    const path = outboxPath(ctx.backend.dataDir, bundleId);
    const result = exportBundle(store.sql, { kind: input.kind, recipients: input.recipients, mode: input.mode, path, now, userId: write.userId, bundleId });
    return {
      bundleId: result.bundleId,
      fileName: bundleFileName(store.officeId, result.recipients, now, result.kind),
      bytes: result.bytes,
      records: result.records,
      counts: result.counts,
      kind: result.kind,
      mode: result.mode,
      recipients: result.recipients.map(({ officeCode, officeName, seq }) => ({ officeCode, officeName, seq })),
      referenceVersion: result.referenceVersion,
    };
  },
  'exchange.download': (ctx, input) => {
    storeFor(ctx);
    return readChunk(ctx.backend.dataDir, input.bundleId, input.offset);
  },
  'exchange.upload': (ctx, input) => {
    storeFor(ctx);
    return appendChunk(ctx.backend.dataDir, input.uploadId, input.offset, input.dataBase64 === '' ? Buffer.alloc(0) : decodeBase64Strict(input.dataBase64));
  },
  'exchange.preview': (ctx, input) => importRun(ctx, input.uploadId, false),
  'exchange.apply': async (ctx, input) => {
    const summary = await importRun(ctx, input.uploadId, true);
    removeStaged(ctx.backend.dataDir, input.uploadId);
    return summary;
  },
  'exchange.conflicts': (ctx) => listConflicts(storeFor(ctx).store.sql),
  'exchange.resolve': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    resolveConflict(store.sql, store.writes, input, write, ctx.backend.now());
    return null;
  },
  'exchange.offices': (ctx) => {
    const { store } = storeFor(ctx);
    return officesOverview(store.sql, store.officeId, ctx.backend.now());
  },
  'exchange.history': (ctx) => bundleLog(storeFor(ctx).store.sql),
  'exchange.trust': (ctx) => exchangeTrust(storeFor(ctx).store.sql, ctx.backend.now()),
};
