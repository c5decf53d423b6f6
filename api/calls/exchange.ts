import { z } from 'zod';
import { call, listOf } from '../define';
import { id } from '../fields';
import type { BundleLogRow, ConflictView, ExchangeTrustView, ExportView, FileChunk, IdentityView, ImportSummary, KeyFileView, OfficesOverview, PeerView, UploadView } from '../views';
import { peerRoles } from '../vocabulary';
export { peerRoles, type PeerRole } from '../vocabulary';

/** Bundles move in pieces of at most 4 MiB, so a bundle of any size crosses IPC and HTTP alike. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest bundle accepted: about ten years of a large commune's records. */
export const BUNDLE_MAX_BYTES = 2 * 1024 * 1024 * 1024;
const CHUNK_REQUEST_BYTES = Math.ceil((CHUNK_BYTES * 4) / 3) + 64 * 1024;

const publicKey = z.string().min(1, 'v.required').max(8_000, 'v.too_long');
const keyId = z.string().regex(/^[0-9a-f]{16}$/, 'v.invalid');

export const exchangeCalls = {
  /** This installation's key card: office, key id, fingerprint and the public-key file. */
  'exchange.identity': call<IdentityView>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** Reads a public-key file and shows its fingerprint, to compare with the printed card; changes nothing. */
  'exchange.inspectKey': call<KeyFileView>()({ readOnly: true, input: z.strictObject({ publicKey }), permission: 'settings.manage' }),
  /** Enrols the office of a public-key file once its fingerprint was confirmed against the card. */
  'exchange.enrol': call<PeerView>()({
    input: z.strictObject({ publicKey, role: z.enum(peerRoles, { error: 'v.required' }), fingerprint: z.string().min(1, 'v.required').max(60, 'v.too_long') }),
    permission: 'settings.manage',
  }),
  'exchange.revoke': call<null>()({ input: z.strictObject({ keyId }), permission: 'settings.manage' }),
  'exchange.peers': call<PeerView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** Writes a signed, encrypted bundle for the chosen recipients; fetch it with exchange.download. */
  'exchange.export': call<ExportView>()({
    input: z.strictObject({
      kind: z.enum(['records', 'reference']).default('records'),
      recipients: z.array(keyId).min(1, 'v.required').max(50, 'v.too_long'),
      mode: z.enum(['delta', 'full']).default('delta'),
    }),
    permission: 'office.lead',
  }),
  'exchange.download': call<FileChunk>()({
    readOnly: true,
    input: z.strictObject({ bundleId: id, offset: z.number().int().min(0).max(BUNDLE_MAX_BYTES) }),
    permission: 'office.lead',
  }),
  /** Sends a bundle file in pieces: the first without an upload id, the rest with the one returned. */
  'exchange.upload': call<UploadView>()({
    input: z.strictObject({
      uploadId: id.nullable().default(null),
      offset: z.number().int().min(0).max(BUNDLE_MAX_BYTES),
      dataBase64: z.string().max(CHUNK_REQUEST_BYTES, 'v.too_long'),
    }),
    permission: 'office.lead',
    maxBytes: CHUNK_REQUEST_BYTES + 1024,
  }),
  /** The dry run: verifies, decrypts and runs every record through the rules, then changes nothing. */
  'exchange.preview': call<ImportSummary>()({ input: z.strictObject({ uploadId: id }), permission: 'office.lead' }),
  /** The import: the same as the dry run, applied in one transaction. */
  'exchange.apply': call<ImportSummary>()({ input: z.strictObject({ uploadId: id }), permission: 'office.lead' }),
  'exchange.conflicts': call<ConflictView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session', audit: listOf(null, (conflicts) => conflicts.map((conflict) => conflict.recordId)) }),
  /** Keeps this side, takes the other, or merges: the listed columns from the other side, the rest from this one. */
  'exchange.resolve': call<null>()({
    input: z.strictObject({
      id,
      choice: z.enum(['local', 'incoming', 'merge'], { error: 'v.required' }),
      incomingColumns: z.array(z.string().max(64)).max(200).default([]),
    }),
    permission: 'office.lead',
  }),
  /** A higher office's view of the offices below it: last bundle, counts, who is late or behind. */
  'exchange.offices': call<OfficesOverview>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'exchange.history': call<BundleLogRow[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** Forged records refused, clocks ahead, audit logs rewritten, records held back, this app's version and clock. */
  'exchange.trust': call<ExchangeTrustView>()({ input: z.strictObject({}), permission: 'session' }),
};
