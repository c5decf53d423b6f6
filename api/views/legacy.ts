/** What the calls of api/calls/legacy.ts return: the import of an office's old registers (issue 22). */

export type LegacyTextEncoding = 'unicode' | 'tcvn3' | 'tcvn3_capitals' | 'vni';

export interface LegacyUploadView {
  readonly uploadId: string;
  /** Bytes received so far. */
  readonly size: number;
}

export interface LegacySheetView {
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: number;
}

export interface LegacyColumnView {
  /** 0-based, as the mapping names it. */
  readonly column: number;
  /** Its header, converted to Unicode. */
  readonly header: string;
  readonly field: string | null;
  /** The encoding its text is read in: the user's choice, else what was detected. */
  readonly encoding: LegacyTextEncoding;
  readonly detected: LegacyTextEncoding;
}

/** A problem of one cell: which field, which column, why, and the text as converted. */
export interface LegacyCellIssue {
  readonly field: string;
  readonly column: number | null;
  /** An i18n key under legacy.reason.* */
  readonly reason: string;
  readonly text: string;
}

export interface LegacyRowView {
  /** The row's number in the sheet, as Excel shows it. */
  readonly row: number;
  readonly outcome: 'new' | 'refused' | 'matched';
  readonly registerNo: number | null;
  readonly registerYear: number | null;
  /** dd/mm/yyyy. */
  readonly receivedOn: string | null;
  readonly summary: string;
  readonly reporterName: string;
  readonly status: string | null;
  /** Why it is refused (outcome refused); what was kept aside in a note (outcome new, flagged). */
  readonly issues: readonly LegacyCellIssue[];
  /** The report it matches (outcome matched). */
  readonly matchedId: string | null;
}

/** A word of the office's own in a kind or status column, and the app's value it is mapped to (null: not mapped). */
export interface LegacyValueView {
  readonly field: 'kind' | 'status';
  readonly word: string;
  readonly value: string | null;
  readonly count: number;
}

export interface LegacyPreview {
  readonly fileName: string;
  readonly format: 'xlsx' | 'csv';
  readonly byteEncoding: string | null;
  readonly sheets: readonly LegacySheetView[];
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly LegacyColumnView[];
  readonly values: readonly LegacyValueView[];
  readonly counts: { readonly rows: number; readonly new: number; readonly refused: number; readonly matched: number; readonly flagged: number };
  /** The first rows of each outcome (at most 200 of each), for the screen. */
  readonly rows: readonly LegacyRowView[];
  /** Set once applied: the import's id (to undo it). */
  readonly importId: string | null;
  readonly backup: string | null;
}

export interface LegacyImportView {
  readonly id: string;
  readonly fileName: string;
  readonly sheet: string;
  readonly at: number;
  readonly userName: string | null;
  readonly records: number;
  readonly undoneAt: number | null;
  readonly undoReason: string | null;
}
