/** What the calls of api/calls/exchange.ts return (docs/architecture.md, "The contract"). */

export type PeerRole = 'parent' | 'child' | 'sibling';

/** This installation's public identity: what its key card prints and its public-key file holds. */
export interface IdentityView {
  readonly office: { readonly code: string; readonly name: string; readonly level: 'commune' | 'higher'; readonly parentName: string };
  readonly keyId: string;
  /** 40 digits in groups of five, compared by a person against the printed card. */
  readonly fingerprint: string;
  /** The public-key file's content (JSON) and a file name for it. */
  readonly publicKeyFile: string;
  readonly fileName: string;
}

export interface KeyFileView {
  readonly office: { readonly code: string; readonly name: string; readonly level: 'commune' | 'higher' };
  readonly keyId: string;
  readonly fingerprint: string;
  /** The role it is enrolled with already, if it is. */
  readonly enrolledAs: PeerRole | null;
}

export interface PeerView {
  readonly keyId: string;
  readonly officeCode: string;
  readonly officeName: string;
  readonly role: PeerRole;
  readonly fingerprint: string;
  readonly enrolledAt: number;
  readonly sentSeq: number;
  readonly receivedSeq: number;
  readonly receivedAt: number | null;
  readonly referenceVersion: number;
  /** The app version its last bundle carried. */
  readonly appVersion: string | null;
  /** Enrolled from a key card printed before the fingerprint covered the office: enrol it again. */
  readonly oldCard: boolean;
}

export interface ExportView {
  readonly bundleId: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly records: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly kind: 'records' | 'reference';
  readonly mode: 'full' | 'delta';
  readonly recipients: readonly { readonly officeCode: string; readonly officeName: string; readonly seq: number }[];
  readonly referenceVersion: number;
}

export interface FileChunk {
  readonly dataBase64: string;
  readonly offset: number;
  readonly size: number;
  readonly done: boolean;
}

export interface UploadView {
  readonly uploadId: string;
  readonly size: number;
}

/** pending: kept until the record it points at arrives (a link whose person comes in a later bundle). */
export const importOutcomes = ['new', 'updated', 'unchanged', 'deleted', 'conflicts', 'pending', 'rejected'] as const;

export type ImportOutcome = (typeof importOutcomes)[number];

export type ImportCounts = Readonly<Record<ImportOutcome, number>>;

/**
 * Why a record was not simply taken (translated as `x.<reason>`): older: a newer version is here;
 * voided_here: voided here, an old state never restores it; same_content: both sides hold the same
 * content; own_office: this office's records change only here; owner: it belongs to another office
 * here; invalid: not a valid record of its table; table: this table does not travel in this bundle;
 * unique: a unique value (a register number, a citizen ID) is taken; missing_parent: a record it refers
 * to is not here; concurrent: edited here and there from the same base (a conflict kept for a person);
 * not_enrolled: another PC of this office passed on a record of an office this PC has not enrolled.
 */
export const importReasons = ['older', 'voided_here', 'same_content', 'own_office', 'owner', 'invalid', 'table', 'unique', 'missing_parent', 'concurrent', 'not_enrolled'] as const;

export type ImportReason = (typeof importReasons)[number];

export interface ClockAheadView {
  readonly officeId: string;
  /** "Name (code)" as this store knows the office. */
  readonly office: string;
  readonly records: number;
  /** The newest version's wall time (ms). */
  readonly newestAt: number;
}

export interface ImportItem {
  readonly outcome: ImportOutcome;
  readonly table: string;
  readonly id: string;
  readonly reason: ImportReason | null;
}

/** The dry run's (and then the import's) account of a bundle, record by record. */
export interface ImportSummary {
  readonly bundleId: string;
  readonly kind: 'records' | 'reference';
  readonly mode: 'full' | 'delta';
  readonly createdAt: number;
  readonly sender: { readonly officeId: string; readonly officeCode: string; readonly officeName: string; readonly keyId: string; readonly role: PeerRole };
  readonly seq: number;
  /** A jump or a broken chain in this sender's sequence: reported, never blocking. */
  readonly gap: { readonly expected: number; readonly got: number; readonly chainBroken: boolean } | null;
  /** Imported before: importing it again changes nothing. */
  readonly duplicate: boolean;
  /** The app version the sender ran (null: an app from before bundles carried it). */
  readonly appVersion: string | null;
  /** Records versioned beyond this PC's clock plus the bound: the writing office's PC has a wrong date. */
  readonly clockAhead: readonly ClockAheadView[];
  /** The sender's audit log no longer holds the entry its last bundle anchored here. */
  readonly auditRewritten: { readonly anchoredCount: number; readonly count: number } | null;
  readonly referenceVersion: number;
  readonly records: number;
  readonly counts: ImportCounts;
  readonly byTable: Readonly<Record<string, ImportCounts>>;
  /** Every outcome other than a plain new or updated record, up to 500. */
  readonly items: readonly ImportItem[];
  readonly itemsLeftOut: number;
  readonly applied: boolean;
}

export interface ConflictView {
  readonly id: string;
  readonly table: string;
  readonly recordId: string;
  readonly fromOffice: string;
  readonly createdAt: number;
  /** The fields whose values differ, side by side; everything else is the same on both sides. */
  readonly fields: readonly { readonly column: string; readonly local: unknown; readonly incoming: unknown; readonly secret?: boolean }[];
  /** A report whose reporter asked for secrecy, on either side: the reporter's values go to chiefs and administrators only. */
  readonly reporterAnonymous: boolean;
  readonly localVoided: boolean;
  readonly incomingVoided: boolean;
}

export interface OfficeExchangeRow {
  readonly officeId: string;
  readonly code: string;
  readonly name: string;
  readonly role: PeerRole | null;
  readonly lastReceivedAt: number | null;
  readonly lastSeq: number;
  readonly reports: number;
  readonly persons: number;
  readonly hotspots: number;
  /** No bundle for longer than the setting allows. */
  readonly late: boolean;
  readonly referenceVersion: number;
  /** The app version its last bundle carried (null: none yet, or an app from before bundles carried it). */
  readonly appVersion: string | null;
  /** Runs an older app than this office (most communes update from a USB stick). */
  readonly olderApp: boolean;
}

export type ExchangeAlertView =
  | { readonly kind: 'forged'; readonly detail: { readonly table: string; readonly id: string; readonly owner: string; readonly why: string } }
  | { readonly kind: 'clock_ahead'; readonly detail: ClockAheadView }
  | { readonly kind: 'audit_rewritten'; readonly detail: { readonly anchoredCount: number; readonly count: number } };

/** What a sender did that this office must see, with the sender as enrolled here. */
export type ExchangeAlertRow = ExchangeAlertView & {
  readonly id: number;
  readonly at: number;
  readonly bundleId: string;
  readonly officeCode: string;
  readonly officeName: string;
};

/** What the exchange page tells about trust: warnings, records held back, this app's version and clock. */
export interface ExchangeTrustView {
  readonly appVersion: string;
  /** This PC's clock is behind the newest version it holds by this many ms (its date was wrong ahead, or is wrong behind now). */
  readonly clockBehindMs: number | null;
  /** The newest 100 alerts. */
  readonly alerts: readonly ExchangeAlertRow[];
  /** Records held back per sender until the record they point at arrives. */
  readonly pending: readonly { readonly officeCode: string; readonly officeName: string; readonly records: number; readonly since: number }[];
}

export interface OfficesOverview {
  readonly lateDays: number;
  /** The reference set this office last published (0: never). */
  readonly publishedReference: number;
  readonly offices: readonly OfficeExchangeRow[];
}

export interface BundleLogRow {
  readonly bundleId: string;
  readonly direction: 'sent' | 'received';
  readonly officeCode: string;
  readonly officeName: string;
  readonly kind: 'records' | 'reference';
  readonly mode: 'full' | 'delta';
  readonly seq: number;
  readonly at: number;
  readonly records: number;
  readonly gap: boolean;
}
