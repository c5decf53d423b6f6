import { z } from 'zod';
import { call } from '../define';
import { id, requiredText } from '../fields';
import type { LegacyImportView, LegacyMappingView, LegacyPreview, LegacyProgressView, LegacyUploadView } from '../views';
import { hotspotTypes, reportKinds } from '../vocabulary';

/**
 * The import of an office's old registers from Excel or CSV (issue 22; docs/domain.md, "Legacy
 * registers"): the crime-report register, the registers of persons under management (drug users, after
 * rehabilitation, back from prison: each row a person and their management program) and the watchlists
 * of hotspots. The file is sent in pieces, kept in the backend's
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

/** The registers an import reads: crime reports, persons under management, hotspots. */
export const legacyRegisters = ['reports', 'persons', 'hotspots'] as const;
export type LegacyRegister = (typeof legacyRegisters)[number];

/** The fields of a person under management (and of their program) a column can fill. */
export const legacyPersonFields = [
  'fullName',
  'otherNames',
  'gender',
  'birthDate',
  'citizenId',
  'permanentAddress',
  'temporaryAddress',
  'notes',
  'programKind',
  'decisionNo',
  'startDate',
  'endDate',
  'officer',
] as const;
export type LegacyPersonField = (typeof legacyPersonFields)[number];

/** The fields of a hotspot a column can fill. */
export const legacyHotspotFields = ['name', 'type', 'address', 'description', 'risk', 'foundOn', 'status'] as const;
export type LegacyHotspotField = (typeof legacyHotspotFields)[number];

export const legacyFieldsOf = { reports: legacyReportFields, persons: legacyPersonFields, hotspots: legacyHotspotFields } as const;
export type LegacyField = LegacyReportField | LegacyPersonField | LegacyHotspotField;
const legacyFields = [...new Set<LegacyField>([...legacyReportFields, ...legacyPersonFields, ...legacyHotspotFields])] as [LegacyField, ...LegacyField[]];

/** The fields whose cells are the office's own words, mapped to the app's values through a table. */
export const legacyWordFields = ['kind', 'status', 'programKind', 'type', 'gender', 'risk'] as const;
export type LegacyWordField = (typeof legacyWordFields)[number];

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
  /** Which register the file is: its rows become reports, persons under management, or hotspots. */
  register: z.enum(legacyRegisters).default('reports'),
  /** The sheet by name; null: the first visible one. */
  sheet: z.string().max(31).nullable().default(null),
  /** The header row (1-based); null: found from the header words. */
  headerRow: rowNumber.nullable().default(null),
  /** Column → field; null: the mapping the app proposes from the header words. */
  mapping: z.array(z.strictObject({ column, field: z.enum(legacyFields) })).max(200).nullable().default(null),
  /** The user's choice of encoding for a column, over the detected one. */
  encodings: z.array(z.strictObject({ column, encoding: z.enum(legacyTextEncodings) })).max(200).default([]),
  /**
   * The office's words for kinds, statuses, program kinds, hotspot types, genders and risks, mapped (over
   * the app's proposal); a value that is not one of the register's for that field refuses its rows.
   */
  values: z
    .array(z.strictObject({ field: z.enum(legacyWordFields), word: z.string().max(200), value: z.string().regex(/^[a-z0-9_:]{1,60}$/, 'v.invalid') }))
    .max(500)
    .default([]),
  /** A saved mapping to use (by name) when no mapping is sent; null: the one saved for these headers, if any. */
  savedMapping: z.string().trim().max(100).nullable().default(null),
  /** The kind of rows without a kind column or word. */
  kind: z.enum(reportKinds).default('crime_report'),
  /** Old reports come in settled; these rows (or all) come in open instead, their deadlines running. */
  openRows: z.array(rowNumber).max(200_000).default([]),
  allOpen: z.boolean().default(false),
  /** Persons: the program kind (its code) of rows without a program kind column or word; null: no program. */
  programKind: z.string().regex(/^[a-z0-9_]{1,60}$/, 'v.invalid').nullable().default(null),
  /** Hotspots: the type of rows without a type column or word. */
  hotspotType: z.enum(hotspotTypes).nullable().default(null),
  /**
   * Rows the user confirmed to be a record the office already has (a person of the same folded name and
   * birth year, a hotspot of the same name): merged into it instead of coming in as new.
   */
  merges: z.array(z.strictObject({ row: rowNumber, id })).max(10_000).default([]),
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
  /** The mappings the office saved for a register. */
  'legacy.mappings': call<LegacyMappingView[]>()({ readOnly: true, input: z.strictObject({ register: z.enum(legacyRegisters) }), permission: 'office.lead' }),
  /**
   * Saves the mapping of a dry run under a name (replacing one of that name): its columns → fields and
   * the office's words → the app's values, offered again for the next file with the same headers.
   */
  'legacy.saveMapping': call<LegacyMappingView>()({
    input: z.strictObject({
      register: z.enum(legacyRegisters),
      name: requiredText(100),
      headers: z.array(z.string().max(300)).min(1).max(200),
      mapping: z.array(z.strictObject({ column, field: z.enum(legacyFields) })).max(200),
      values: z.array(z.strictObject({ field: z.enum(legacyWordFields), word: z.string().max(200), value: z.string().regex(/^[a-z0-9_:]{1,60}$/, 'v.invalid') })).max(500).default([]),
    }),
    permission: 'office.lead',
  }),
  /** How far the dry run or import of an upload has come; null when none is under way. */
  'legacy.progress': call<LegacyProgressView | null>()({ readOnly: true, input: z.strictObject({ uploadId: id }), permission: 'office.lead' }),
  /** Stops the dry run or import of an upload at its next pause, before anything is written; false once it is writing. */
  'legacy.cancel': call<{ cancelled: boolean }>()({ readOnly: true, input: z.strictObject({ uploadId: id }), permission: 'office.lead' }),
  /** Undoes an import: its records are voided with the reason; nothing is deleted. */
  'legacy.undo': call<LegacyImportView>()({ input: z.strictObject({ importId: id, reason: requiredText(500) }), permission: 'office.lead' }),
};
