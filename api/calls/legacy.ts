import { z } from 'zod';
import { call } from '../define';
import { id, requiredText } from '../fields';
import type { LegacyImportView, LegacyPreview, LegacyUploadView } from '../views';
import { reportKinds } from '../vocabulary';

/**
 * The import of an office's old registers from Excel or CSV (issue 22; docs/domain.md, "Legacy
 * registers"): the crime-report register for now. The file is sent in pieces, kept in the backend's
 * memory only (never written to disk unencrypted), and each dry run or import reads it again with the
 * chosen sheet, header row, mapping and encodings. Chiefs and administrators only.
 */

/** Files larger than this are refused (a register of ten years is a few MiB). */
export const LEGACY_FILE_MAX_BYTES = 32 * 1024 * 1024;
export const LEGACY_CHUNK_BYTES = 4 * 1024 * 1024;
const CHUNK_REQUEST_BYTES = Math.ceil((LEGACY_CHUNK_BYTES * 4) / 3) + 64 * 1024;

/** The fields of a report a register column can fill. */
export const legacyReportFields = [
  'registerNo',
  'registerYear',
  'receivedAt',
  'occurredOn',
  'summary',
  'description',
  'address',
  'reporterName',
  'reporterAddress',
  'reporterContact',
  'kind',
  'status',
  'officer',
] as const;
export type LegacyReportField = (typeof legacyReportFields)[number];

/** The statuses an old report may come in with; "decided:…" carries its decision. */
export const legacyStatusValues = [
  'received',
  'checking',
  'transferred',
  'resolved_admin',
  'resolved_mediation',
  'decided:prosecute',
  'decided:not_prosecute',
  'decided:suspend',
] as const;

export const legacyTextEncodings = ['unicode', 'tcvn3', 'tcvn3_capitals', 'vni'] as const;

const column = z.number().int().min(0).max(199);
const rowNumber = z.number().int().min(1).max(1_048_576);

export const legacyOptions = z.strictObject({
  uploadId: id,
  /** The sheet by name; null: the first visible one. */
  sheet: z.string().max(31).nullable().default(null),
  /** The header row (1-based); null: found from the header words. */
  headerRow: rowNumber.nullable().default(null),
  /** Column → field; null: the mapping the app proposes from the header words. */
  mapping: z.array(z.strictObject({ column, field: z.enum(legacyReportFields) })).max(200).nullable().default(null),
  /** The user's choice of encoding for a column, over the detected one. */
  encodings: z.array(z.strictObject({ column, encoding: z.enum(legacyTextEncodings) })).max(200).default([]),
  /** The office's words for kinds and statuses, mapped (over the app's proposal). */
  values: z
    .array(z.strictObject({ field: z.enum(['kind', 'status']), word: z.string().max(200), value: z.union([z.enum(reportKinds), z.enum(legacyStatusValues)]) }))
    .max(500)
    .default([]),
  /** The kind of rows without a kind column or word. */
  kind: z.enum(reportKinds).default('crime_report'),
  /** Old reports come in settled; these rows (or all) come in open instead, their deadlines running. */
  openRows: z.array(rowNumber).max(200_000).default([]),
  allOpen: z.boolean().default(false),
});

export const legacyCalls = {
  /** Sends the file in pieces: the first without an upload id (with its name), the rest with the one returned. */
  'legacy.upload': call<LegacyUploadView>()({
    input: z.strictObject({
      uploadId: id.nullable().default(null),
      fileName: requiredText(200),
      offset: z.number().int().min(0).max(LEGACY_FILE_MAX_BYTES),
      dataBase64: z.string().max(CHUNK_REQUEST_BYTES, 'v.too_long'),
    }),
    permission: 'office.lead',
    maxBytes: CHUNK_REQUEST_BYTES + 1024,
  }),
  /** The dry run: what would come in, what is refused (why, per cell), what the office already has. Changes nothing. */
  'legacy.preview': call<LegacyPreview>()({ input: legacyOptions, permission: 'office.lead' }),
  /** The import: a backup first, then the dry run's new rows in one transaction. */
  'legacy.apply': call<LegacyPreview>()({ input: legacyOptions, permission: 'office.lead' }),
  'legacy.imports': call<LegacyImportView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'office.lead' }),
  /** Undoes an import: its records are voided with the reason; nothing is deleted. */
  'legacy.undo': call<LegacyImportView>()({ input: z.strictObject({ importId: id, reason: requiredText(500) }), permission: 'office.lead' }),
};
