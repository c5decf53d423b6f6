import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { schemaVersion } from '../../db/migrations/registry';
import { BundleWriter, type AuditPoint } from '../../db/exchange/bundle';
import { fingerprintOf, generateKeyPairs, keyIdOf, type KeyPairs, type PublicKeyFile } from '../../db/exchange/keys';
import { uuidv7 } from '../../db/ids';
import { expectOk, tempDir, type TestOffice } from './backend';

/**
 * Another installation's keys without a store of its own: for the permission samples and for hostile
 * bundles (a sender that signs what a real app never writes). Real exchanges in tests run between two
 * real stores (tests/integration/exchange.test.ts).
 */
export interface ForeignOffice {
  readonly keys: KeyPairs;
  readonly file: PublicKeyFile;
  readonly text: string;
}

export function foreignOffice(office: PublicKeyFile['office']): ForeignOffice {
  const keys = generateKeyPairs();
  const file: PublicKeyFile = {
    format: 'so-antt-public-key',
    version: 2,
    office,
    keyId: keyIdOf(keys.signPublic, keys.boxPublic),
    signPublic: keys.signPublic,
    boxPublic: keys.boxPublic,
    fingerprint: fingerprintOf(keys.signPublic, keys.boxPublic, office),
  };
  return { keys, file, text: JSON.stringify(file) };
}

export interface HandBundle {
  readonly from: ForeignOffice;
  /** The recipient's public-key file (from exchange.identity). */
  readonly to: PublicKeyFile;
  readonly kind?: 'records' | 'reference';
  readonly lines?: readonly { t: string; r: Record<string, unknown> }[];
  readonly seq?: number;
  readonly previousHash?: string | null;
  readonly schema?: number;
  /** Extra lines after the records (hostile input): strings written verbatim, other values as JSON. */
  readonly raw?: readonly unknown[];
  /** The manifest line: left out, the right one; null, none at all; a value, that value. */
  readonly manifest?: unknown;
  /** Where to write it (default: a new temp folder). */
  readonly path?: string;
  /** The sender's audit head and the points its last bundles anchored (format 2; left out, none). */
  readonly audit?: { readonly head: AuditPoint; readonly anchors: readonly AuditPoint[] };
}

/** Writes a bundle signed by a foreign office, as the app would (unless told otherwise); returns its path. */
export function handBundle(spec: HandBundle): string {
  const path = spec.path ?? join(tempDir(), 'bundle.soantt');
  const bundleId = uuidv7();
  const writer = new BundleWriter(
    path,
    {
      schemaVersion: spec.schema ?? schemaVersion,
      bundleId,
      kind: spec.kind ?? 'records',
      mode: 'delta',
      createdAt: Date.now(),
      sender: { officeId: spec.from.file.office.id, officeCode: spec.from.file.office.code, officeName: spec.from.file.office.name, keyId: spec.from.file.keyId },
      referenceVersion: 0,
      ...(spec.audit ? { audit: spec.audit.head } : {}),
    },
    [{ keyId: spec.to.keyId, officeId: spec.to.office.id, boxPublic: spec.to.boxPublic, seq: spec.seq ?? 1, previousHash: spec.previousHash ?? null, ...(spec.audit ? { auditAnchors: spec.audit.anchors } : {}) }],
    spec.from.keys.signPrivate,
  );
  const digest = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const line of spec.lines ?? []) {
    digest.update(JSON.stringify(line)).update('\n');
    counts[line.t] = (counts[line.t] ?? 0) + 1;
    writer.line(line);
  }
  for (const line of spec.raw ?? []) {
    if (typeof line === 'string') writer.text(`${line}\n`);
    else writer.line(line);
  }
  const manifest = spec.manifest === undefined ? { manifest: { counts, records: spec.lines?.length ?? 0, sha256: digest.digest('hex'), fromSeq: 0, toSeq: 0 } } : spec.manifest;
  if (manifest !== null) writer.line(manifest);
  writer.finish();
  return path;
}

/** What a refused forged bundle leaves behind on purpose: the alert and its audit entry. */
export const REFUSAL_LOG = ['exchange_alerts', 'audit_log'] as const;

/**
 * Every table's rows, hashed (the search index's own tables included): what a dry run or a refused
 * bundle must leave as it was, but for the tables named in `except`. (SQLite's total_changes() counts
 * rolled-back writes too, so it cannot tell.)
 */
export function contentOf(office: TestOffice, except: readonly string[] = []): Record<string, string> {
  const sql = office.backend.requireStore().sql;
  const tables = (sql.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter(
    (table) => !except.includes(table),
  );
  return Object.fromEntries(tables.map((table) => [table, createHash('sha256').update(JSON.stringify(sql.prepare(`SELECT * FROM "${table}" ORDER BY 1`).raw().all())).digest('hex')]));
}

/** Two offices enrol each other (`b` as `roleOfB` of `a`), confirming the fingerprint as a person would; the key id of `b` at `a`. */
export async function enrolPeer(a: TestOffice, b: TestOffice, roleOfB: 'parent' | 'child' | 'sibling'): Promise<string> {
  const card = expectOk(await b.call('exchange.identity', {}));
  const seen = expectOk(await a.call('exchange.inspectKey', { publicKey: card.publicKeyFile }));
  return expectOk(await a.call('exchange.enrol', { publicKey: card.publicKeyFile, role: roleOfB, fingerprint: seen.fingerprint })).keyId;
}

/** Exports a bundle through the calls and imports it at `to` (upload, preview, apply): what a person does with a USB stick. */
export async function carryBundle(from: TestOffice, peerKeyId: string, to: TestOffice, kind: 'records' | 'reference', mode: 'delta' | 'full' = 'full') {
  const exported = expectOk(await from.call('exchange.export', { recipients: [peerKeyId], mode, kind }));
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = expectOk(await from.call('exchange.download', { bundleId: exported.bundleId, offset }));
    const data = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(data);
    offset += data.length;
    if (chunk.done) break;
  }
  const bytes = Buffer.concat(parts);
  const { uploadId } = expectOk(await to.call('exchange.upload', { uploadId: null, offset: 0, dataBase64: bytes.toString('base64') }));
  expectOk(await to.call('exchange.preview', { uploadId }));
  return expectOk(await to.call('exchange.apply', { uploadId }));
}
