import { z } from 'zod';
import { call, oneRecord } from '../define';
import { id, requiredText } from '../fields';
import type { AttachmentContent, AttachmentView } from '../views';

/** Largest file the office keeps: 50 MiB (a multi-page scan at 300 dpi fits with room to spare). */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
/**
 * Request cap for attachments.add: the base64 of 50 MiB is about 66.7 MiB; 72 MiB leaves room for the
 * JSON around it, so a file just over the limit still reaches the handler and is refused as
 * attachment.too_large (a clear message) instead of as an oversized request.
 */
export const ATTACHMENT_REQUEST_MAX_BYTES = 72 * 1024 * 1024;

/** Records that can carry attachments; later modules add 'persons' and 'hotspots'. */
/** Records that carry files: reports (scans), persons (photos), hotspot checks (photos of what was found). */
export const attachmentOwners = ['reports', 'persons', 'hotspot_checks'] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];

/** What the office keeps: documents and scans, photos. Nothing that runs, nothing that renders scripts. */
export const attachmentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

const startsWith = (bytes: Uint8Array, offset: number, signature: readonly number[]) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/**
 * The type of a file from its first bytes. The name and the type the sender claims are not trusted:
 * an executable renamed "bien-ban.pdf" is still an executable. Pure, so the interface can refuse a file
 * before sending it and the backend decides again on what actually arrived.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, 0, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return 'image/webp';
  // Scanners write TIFF in either byte order: "II*\0" (little-endian) or "MM\0*" (big-endian).
  if (startsWith(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  return null;
}

export const FILE_NAME_MAX = 200;
/**
 * C0 and C1 controls, the bidi controls that can make "hinh\u202Egnp.exe" read as "hinhexe.png", and
 * lone surrogates (half of an emoji: the store keeps UTF-8, where one would become U+FFFD).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The user's file name, kept for display and for saving the file back out (the stored file is named by
 * the attachment's id, never by this). Browsers report "C:\fakepath\x.pdf" and drag-and-drop can give
 * a full path, so only the last path segment is kept. NFC, because macOS gives Vietnamese names
 * decomposed. A name over 200 characters is shortened in its stem so the extension survives.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const name = base.replace(UNSAFE_CHARS, '').trim();
  if (name === '.' || name === '..') return '';
  const chars = Array.from(name); // code points: never cut a surrogate pair in half
  if (chars.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = Array.from(name.slice(0, name.length - ext.length)).slice(0, FILE_NAME_MAX - Array.from(ext).length);
  return stem.join('').trimEnd() + ext;
}

export const fileName = z.string().max(1000, 'v.too_long').transform(cleanFileName).pipe(z.string().min(1, 'v.required'));

/**
 * The file's content as standard base64 (RFC 4648, padded): what both IPC and HTTP carry today. The
 * schema only bounds its length; the handler decodes it strictly and checks the size, so a file just
 * over 50 MiB gets attachment.too_large rather than a validation error.
 */
export const dataBase64 = z.string().min(1, 'v.required').max(ATTACHMENT_REQUEST_MAX_BYTES, 'v.too_long');

export const attachmentAddInput = z.strictObject({
  ownerTable: z.enum(attachmentOwners, { error: 'v.required' }),
  ownerId: id,
  fileName,
  dataBase64,
});

export const attachmentsCalls = {
  'attachments.add': call<AttachmentView>()({ input: attachmentAddInput, permission: 'records.write', maxBytes: ATTACHMENT_REQUEST_MAX_BYTES }),
  /** Decrypts and checks the file against its SHA-256; every open is audited. */
  'attachments.open': call<AttachmentContent>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('attachments') }),
  /** Voided, not deleted: the record and its encrypted file stay. */
  'attachments.void': call<null>()({ input: z.strictObject({ id, reason: requiredText(500) }), permission: 'records.write' }),
  'attachments.list': call<AttachmentView[]>()({
    readOnly: true,
    input: z.strictObject({ ownerTable: z.enum(attachmentOwners, { error: 'v.required' }), ownerId: id }),
    permission: 'session',
  }),
};
