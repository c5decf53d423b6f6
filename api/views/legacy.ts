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
  /**
   * new; refused; matched (the office has it: same register number and year, same citizen ID, a
   * confirmed merge); possible (maybe a record the office has: same folded name and birth year, or a
   * hotspot's name: it comes in as new unless the user confirms it is one of `candidates`).
   */
  readonly outcome: 'new' | 'refused' | 'matched' | 'possible';
  readonly registerNo: number | null;
  readonly registerYear: number | null;
  /** dd/mm/yyyy. */
  readonly receivedOn: string | null;
  readonly summary: string;
  readonly reporterName: string;
  readonly status: string | null;
  /** Why it is refused (outcome refused); what was kept aside in a note (outcome new, flagged). */
  readonly issues: readonly LegacyCellIssue[];
  /** The record it matches (outcome matched). */
  readonly matchedId: string | null;
  /** Persons and hotspots: the row's values as shown, under the preview's `shownFields`; an i18n key where the value is one. */
  readonly shown: readonly string[];
  /** Outcome possible: the records it may be. */
  readonly candidates: readonly LegacyCandidateView[];
  /** Whether importing the row writes anything (a matched person still gets a program they lack). */
  readonly writes: boolean;
}

/** A record the office has that a row may be: a person (with birth year, citizen ID, address) or a hotspot. */
export interface LegacyCandidateView {
  readonly id: string;
  readonly name: string;
  readonly birthYear: number | null;
  readonly citizenId: string | null;
  readonly address: string;
}

/** A word of the office's own in a kind or status column, and the app's value it is mapped to (null: not mapped). */
export interface LegacyValueView {
  readonly field: 'kind' | 'status' | 'programKind' | 'type' | 'gender' | 'risk';
  readonly word: string;
  readonly value: string | null;
  readonly count: number;
}

export interface LegacyPreview {
  readonly register: 'reports' | 'persons' | 'hotspots';
  readonly fileName: string;
  readonly format: 'xlsx' | 'csv';
  readonly byteEncoding: string | null;
  readonly sheets: readonly LegacySheetView[];
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly LegacyColumnView[];
  readonly values: readonly LegacyValueView[];
  readonly counts: {
    readonly rows: number;
    readonly new: number;
    readonly refused: number;
    readonly matched: number;
    readonly possible: number;
    readonly flagged: number;
    /** Rows the import writes something for. */
    readonly writes: number;
  };
  /** Persons and hotspots: the i18n keys of the values each row shows (`shown`). */
  readonly shownFields: readonly string[];
  /** The saved mapping used for this dry run, if one was. */
  readonly savedMapping: string | null;
  /** The first rows of each outcome (at most 200 of each), for the screen. */
  readonly rows: readonly LegacyRowView[];
  /** Set once applied: the import's id (to undo it). */
  readonly importId: string | null;
  readonly backup: string | null;
}

export interface LegacyImportView {
  readonly id: string;
  readonly register: 'reports' | 'persons' | 'hotspots';
  readonly fileName: string;
  readonly sheet: string;
  readonly at: number;
  readonly userName: string | null;
  readonly records: number;
  readonly undoneAt: number | null;
  readonly undoReason: string | null;
}

export interface LegacyMappingView {
  readonly id: string;
  readonly register: 'reports' | 'persons' | 'hotspots';
  readonly name: string;
  /** The headers it was saved for, folded (the key a file is matched by). */
  readonly headers: readonly string[];
  readonly mapping: readonly { readonly column: number; readonly field: string }[];
  readonly values: readonly { readonly field: string; readonly word: string; readonly value: string }[];
  readonly at: number;
}

/**
 * Where a record came from when an import of an old register wrote it (db/legacy/provenance.ts): the
 * file, sheet and row, when and by whom; shown on the person and hotspot pages and in a report's history.
 */
export interface ImportedFromView {
  readonly importId: string;
  readonly fileName: string;
  readonly sheet: string;
  readonly row: number;
  readonly at: number;
  readonly userName: string | null;
}

/** A dry run or import of a register file under way (legacy.progress): what it is doing and how far. */
export interface LegacyProgressView {
  /** reading the file, checking its rows (the dry run), taking the backup, writing (no longer cancellable). */
  readonly phase: 'reading' | 'checking' | 'backup' | 'writing';
  readonly done: number;
  readonly total: number;
  /** A cancel was asked and is honoured at the next pause. */
  readonly cancelled: boolean;
}
