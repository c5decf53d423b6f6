import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES, sniffAttachmentType, type AttachmentOwner } from '../api/calls/attachments';
import type { AttachmentView } from '../api/views';
import { AppError } from './app-error';
import { appendAudit } from './audit';
import { renameDurably } from './durable';
import { uuidv7 } from './ids';
import { all, first, qb } from './query';
import type { AttachmentsTable, RecordTable } from './schema';
import type { Sqlite } from './store';
import type { WriteContext, WritePath } from './write-path';

/*
 * Attachments: the record (name, type, size, SHA-256 of the content) lives in the store like any other
 * record; the content lives beside it in <dataDir>/attachments/<id>.bin, encrypted, because 50 MiB
 * scans do not belong in SQLite pages (every backup and VACUUM would copy them).
 *
 * File layout: "SOANTT-A" (8 bytes), format version (1 byte), IV (12 bytes), AES-256-GCM ciphertext,
 * GCM tag (16 bytes). The magic and version are authenticated as associated data. Each file has its
 * own key, HKDF-SHA256(store key, salt, info = attachment id): a file copied over another's name
 * fails its tag, and no key is stored anywhere but the keyring's seals of the store key. A rotation of
 * the store key encrypts every file again (rekeyAttachments).
 */

const MAGIC = Buffer.from('SOANTT-A', 'ascii');
const FORMAT_VERSION = 1;
const HEADER = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION])]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Domain separation: the store key is also the database key; this derivation is for attachment files only. */
const HKDF_SALT = Buffer.from('so-antt/attachment-file/v1', 'ascii');

/** Where one attachment's encrypted content is kept. The id is a UUID (ours, or checked by the schema). */
export function attachmentFile(dir: string, id: string): string {
  return join(dir, `${id}.bin`);
}

export function attachmentKey(storeKey: Buffer, id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', storeKey, HKDF_SALT, Buffer.from(id, 'utf8'), 32));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function tooLarge(size: number): AppError {
  return new AppError('attachment.too_large', `the file is ${size} bytes; the limit is ${ATTACHMENT_MAX_BYTES}`, {
    params: { maxBytes: ATTACHMENT_MAX_BYTES },
  });
}

function corrupt(id: string, why: string): AppError {
  return new AppError('attachment.corrupt', `attachment ${id}: ${why}; its content cannot be trusted`);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Encrypts `plain` into `path` atomically: a temporary file, flushed to disk, renamed over the name.
 * A crash leaves either no file or the whole file, never a half-written one under the real name.
 */
function sealFile(path: string, key: Buffer, plain: Uint8Array): void {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(HEADER);
  const temp = `${path}.tmp`;
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      // Written piece by piece so a 50 MiB file is not copied once more into one buffer.
      writeAll(fd, HEADER);
      writeAll(fd, iv);
      writeAll(fd, cipher.update(plain));
      writeAll(fd, cipher.final());
      writeAll(fd, cipher.getAuthTag());
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameDurably(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The content of an attachment file under `key`, or why it cannot be read. */
function decryptFile(data: Buffer, key: Buffer): { readonly plain: Buffer } | { readonly why: string } {
  if (data.length < HEADER.length + IV_BYTES + TAG_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) return { why: 'the stored file is not an attachment file' };
  if (data[MAGIC.length] !== FORMAT_VERSION) return { why: `unknown file format version ${String(data[MAGIC.length])}` };
  const iv = data.subarray(HEADER.length, HEADER.length + IV_BYTES);
  const body = data.subarray(HEADER.length + IV_BYTES, data.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(HEADER);
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return { plain: Buffer.concat([decipher.update(body), decipher.final()]) };
  } catch {
    return { why: 'the stored file fails its authentication tag (altered, damaged, or not this attachment)' };
  }
}

/**
 * Decrypts an attachment's file and checks it against its record. Nothing is returned unless the GCM
 * tag verifies and the size and SHA-256 match: a missing, damaged or swapped file is attachment.corrupt.
 */
function unsealFile(row: AttachmentsTable, dir: string, storeKey: Buffer): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(attachmentFile(dir, row.id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw corrupt(row.id, 'the stored file is missing');
    throw error;
  }
  const opened = decryptFile(data, attachmentKey(storeKey, row.id));
  if ('why' in opened) throw corrupt(row.id, opened.why);
  if (opened.plain.length !== row.size || sha256Hex(opened.plain) !== row.sha256) throw corrupt(row.id, 'the content does not match its SHA-256');
  return opened.plain;
}

const FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.bin$/;

/**
 * A key rotation's step for the attachments (db/rotation.ts): every file in `dir` under the old store
 * key is encrypted again under the new one, each replaced atomically. Files already under the new key
 * (a rotation resumed after a power cut) are left; so are files neither key opens (they were unreadable
 * before: opening them reports attachment.corrupt as it did). `after` runs after each file rewritten.
 */
export function rekeyAttachments(dir: string, oldKey: Buffer, newKey: Buffer, after: () => void = () => undefined): { rekeyed: number; unreadable: number } {
  const counts = { rekeyed: 0, unreadable: 0 };
  if (!existsSync(dir)) return counts;
  for (const name of readdirSync(dir).sort()) {
    const id = FILE_NAME.exec(name)?.[1];
    if (!id) continue;
    const path = attachmentFile(dir, id);
    const data = readFileSync(path);
    if ('plain' in decryptFile(data, attachmentKey(newKey, id))) continue;
    const opened = decryptFile(data, attachmentKey(oldKey, id));
    if ('why' in opened) {
      counts.unreadable += 1;
      continue;
    }
    sealFile(path, attachmentKey(newKey, id), opened.plain);
    counts.rekeyed += 1;
    after();
  }
  return counts;
}

/** The table behind each kind of owner; the type makes a new owner in api/ without a table an error. */
const ownerTables: { readonly [O in AttachmentOwner]: RecordTable } = { reports: 'reports', persons: 'persons', hotspot_checks: 'hotspot_checks' };

function findOwner(db: Sqlite, owner: AttachmentOwner, ownerId: string) {
  const row = first(db, qb.selectFrom(ownerTables[owner] as 'reports').select(['id', 'office_id', 'deleted_at']).where('id', '=', ownerId));
  if (!row) throw new AppError('record.not_found', `${owner} ${ownerId} not found`);
  return row;
}

/** A file is attached only to a live record of this office: only the owner office changes its records. */
function requireWritableOwner(db: Sqlite, owner: AttachmentOwner, ownerId: string, officeId: string): void {
  const row = findOwner(db, owner, ownerId);
  if (row.deleted_at !== null) throw new AppError('record.voided', `${owner} ${ownerId} is voided`);
  if (row.office_id !== officeId) throw new AppError('auth.forbidden', `${owner} ${ownerId} belongs to office ${row.office_id}`);
}

export function attachmentView(row: AttachmentsTable): AttachmentView {
  return { id: row.id, fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256, createdAt: row.created_at };
}

export interface AttachmentDeps {
  readonly db: Sqlite;
  readonly writes: WritePath;
  readonly ctx: WriteContext;
  /** The attachments folder of the data folder. */
  readonly dir: string;
  /** The store key (32 bytes), from which each file's key is derived. */
  readonly storeKey: Buffer;
  readonly now: number;
}

export interface NewAttachment {
  readonly ownerTable: AttachmentOwner;
  readonly ownerId: string;
  /** Already cleaned by the contract's schema. */
  readonly fileName: string;
  readonly bytes: Buffer;
}

/**
 * Checks the file (size, type by its content, a live owner) before anything is written; then writes the
 * encrypted file and, only once it is on disk, inserts the record through the write path (stamped and
 * audited). If the insert fails the file is removed, so there is never a record without its file. A
 * crash between the two leaves an unreferenced encrypted file, which is harmless.
 */
export function addAttachment(deps: AttachmentDeps, input: NewAttachment): AttachmentsTable {
  const { db, writes, ctx } = deps;
  if (input.bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge(input.bytes.length);
  const mime = sniffAttachmentType(input.bytes);
  if (mime === null) throw new AppError('attachment.type', 'only PDF, JPEG, PNG, WebP and TIFF files can be attached');
  requireWritableOwner(db, input.ownerTable, input.ownerId, ctx.officeId);
  const id = uuidv7();
  const sha256 = sha256Hex(input.bytes);
  mkdirSync(deps.dir, { recursive: true, mode: 0o700 });
  const path = attachmentFile(deps.dir, id);
  sealFile(path, attachmentKey(deps.storeKey, id), input.bytes);
  try {
    return db.transaction(() => {
      // Again inside the transaction: the owner's state is read under the write lock.
      requireWritableOwner(db, input.ownerTable, input.ownerId, ctx.officeId);
      const fields = { id, owner_table: input.ownerTable, owner_id: input.ownerId, file_name: input.fileName, mime, size: input.bytes.length, sha256 };
      return writes.insert('attachments', fields, ctx);
    })();
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * The checked content of an attachment (voided ones too: voiding hides, it does not destroy). Reading
 * case files is audited as every read is (the contract's `audit`, db/read-audit.ts); a failed check,
 * which may be tampering, is audited here.
 */
export function openAttachment(deps: AttachmentDeps, id: string): { row: AttachmentsTable; bytes: Buffer } {
  const { db, ctx } = deps;
  const row = first(db, qb.selectFrom('attachments').selectAll().where('id', '=', id));
  if (!row) throw new AppError('record.not_found', `attachment ${id} not found`);
  const audit = (action: string, after?: unknown) =>
    appendAudit(db, { at: deps.now, userId: ctx.userId, call: ctx.call, action, table: 'attachments', recordId: id, after });
  // Bundles carry an attachment's record, not its file: the file stays with the office that scanned it.
  if (row.office_id !== ctx.officeId && !existsSync(attachmentFile(deps.dir, row.id))) {
    throw new AppError('attachment.elsewhere', `attachment ${id} of office ${row.office_id} is kept by that office`, { params: { office: row.office_id } });
  }
  let bytes: Buffer;
  try {
    bytes = unsealFile(row, deps.dir, deps.storeKey);
  } catch (error) {
    if (error instanceof AppError) audit('open_failed', { code: error.code, message: error.message });
    throw error;
  }
  return { row, bytes };
}

/** Voids the record with a reason; the encrypted file stays, as records are never deleted. */
export function voidAttachment(deps: AttachmentDeps, id: string, reason: string): AttachmentsTable {
  return deps.writes.void('attachments', id, reason, deps.ctx);
}

/** The attachments of a record that are not voided, oldest first; the record itself may be voided or another office's. */
export function listAttachments(db: Sqlite, owner: AttachmentOwner, ownerId: string): AttachmentView[] {
  findOwner(db, owner, ownerId);
  const rows = all(
    db,
    qb
      .selectFrom('attachments')
      .selectAll()
      .where('owner_table', '=', owner)
      .where('owner_id', '=', ownerId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id'),
  );
  return rows.map(attachmentView);
}
