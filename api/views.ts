import type { Role } from './roles';

/** Shapes of what calls return. Plain data: they cross IPC and HTTP as JSON. */

export type OfficeLevel = 'commune' | 'higher';

export interface OfficeView {
  readonly code: string;
  readonly name: string;
  readonly level: OfficeLevel;
  readonly parentCode: string;
  readonly parentName: string;
  readonly demo: boolean;
}

/** An office whose records the store holds. */
export interface OfficeListItem {
  readonly code: string;
  readonly name: string;
  readonly level: OfficeLevel;
  readonly parentCode: string;
  /** The office this store belongs to (the only one whose records it may change). */
  readonly own: boolean;
}

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly rank: string;
  readonly position: string;
  readonly role: Role;
  readonly active: boolean;
  /** Epoch ms until which logins are refused after repeated failures; null when not locked out. */
  readonly lockedUntil: number | null;
}

export interface OfficerView {
  readonly id: string;
  readonly fullName: string;
  readonly rank: string;
}

export interface SessionView {
  readonly user: UserView;
  readonly office: OfficeView;
  /** Minutes of inactivity after which the session locks (1 to 60; never off). */
  readonly idleLockMinutes: number;
  /** The session is locked after idle time and waits for the password. */
  readonly locked: boolean;
  /**
   * The password was set by an administrator (one-time) or no longer meets the rule: every call but
   * auth.changePassword, auth.logout and auth.session answers auth.password_change_required.
   */
  readonly mustChangePassword: boolean;
}

/** What the interface needs before anyone logs in. */
export interface SetupStatus {
  /** new: nothing set up on this machine; ready: set up, log in to open the store. */
  readonly state: 'new' | 'ready';
  readonly office: { readonly code: string; readonly name: string; readonly demo: boolean } | null;
  /**
   * The last session did not end cleanly (a power cut, the computer turned off): the next login checks
   * every page of the store before opening it, which takes a while on a large store (half a minute at a
   * province's million reports).
   */
  readonly checkOnOpen: boolean;
  /** The app's version (package.json), for About: asked before anyone logs in, so the login screen shows it too. */
  readonly appVersion: string;
}

export interface Settings {
  /** Minutes without input before the session locks: 1 to 60, never off (docs/security.md). */
  readonly idleLockMinutes: number;
  /** Hours after login at which a session ends whatever the activity (default 12). */
  readonly sessionHours: number;
  /** Remote commune or island: 48 hours instead of 24 to transfer a report (CPC 2015 art. 146). */
  readonly remoteCommune: boolean;
  /** Police months run from this day of the previous month to the day before it (default 15). */
  readonly reportCutoffDay: number;
  /** A higher office shows an office as late after this many days without a bundle (default 35). */
  readonly exchangeLateDays: number;
  /**
   * No import moves this PC's clock past its wall time plus this many hours (default 24): a version
   * beyond it (the writing PC's date is wrong) is taken but flagged, and the clock stays in bounds.
   */
  readonly exchangeClockBoundHours: number;
  /** Automatic backups kept: the newest of each of the last N days, weeks and months (7, 4, 12). */
  readonly backupKeepDaily: number;
  readonly backupKeepWeekly: number;
  readonly backupKeepMonthly: number;
  /** A second folder each backup is copied to (a USB drive), or null. */
  readonly backupExternalDir: string | null;
  /** The chief who signs the office's documents ('' until set). */
  readonly chiefName: string;
  /** Deputies who may sign in the chief's place ("KT. TRƯỞNG CÔNG AN XÃ / PHÓ TRƯỞNG CÔNG AN XÃ"). */
  readonly deputyNames: readonly string[];
}

export interface LocalityView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly voided: boolean;
}

export interface HolidayView {
  readonly id: string;
  readonly date: string;
  readonly name: string;
}

export interface CategoryView {
  readonly id: string;
  readonly code: string;
  readonly groupCode: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly sort: number;
}

export interface CallInfo {
  readonly name: string;
  readonly permission: string;
  readonly input: unknown;
}

export interface PersonView {
  readonly id: string;
  readonly version: string;
  /** The owning office's code: only that office changes the record. */
  readonly officeId: string;
  readonly fullName: string;
  readonly otherNames: string;
  readonly gender: 'male' | 'female' | 'unknown';
  readonly birthDate: string | null;
  readonly birthYear: number | null;
  readonly citizenId: string | null;
  readonly permanentAddress: string;
  readonly temporaryAddress: string;
  readonly localityId: string | null;
  readonly notes: string;
}

/** Candidates for "is this someone we already have?" while a person is typed in. */
export interface PersonMatch {
  /** The person with this citizen ID, who is linked instead of a new record. */
  readonly sameCitizenId: PersonView | null;
  /** Same folded name and birth year: maybe the same person. */
  readonly similar: readonly PersonView[];
}

export interface Deadline {
  readonly kind: 'transfer' | 'notice' | 'decision';
  /** Exclusive end, epoch ms: a limit "until 24:00 of D" ends at the start of D+1. */
  readonly dueAt: number;
  readonly done: boolean;
}

/** One row of the register list. */
export interface ReportRow {
  readonly id: string;
  readonly officeId: string;
  readonly number: string;
  readonly receivedAt: number;
  readonly kind: string;
  readonly categoryCode: string | null;
  readonly categoryName: string | null;
  readonly status: string;
  readonly summary: string;
  readonly localityName: string | null;
  readonly officerName: string | null;
  readonly nextDueAt: number | null;
  readonly voided: boolean;
  readonly voidReason: string | null;
  /** What a register extract prints beside each entry: the source and the outcome. */
  readonly channel: string;
  readonly reporterName: string;
  readonly reporterAnonymous: boolean;
  readonly transferredAt: number | null;
  readonly transferredTo: string;
  readonly decision: string | null;
  readonly decisionAt: number | null;
  readonly decisionNo: string;
  readonly resolutionNote: string;
}

export interface ReportPage {
  /** Reports matching the filters; null when the call said `count: false` (a later page of the same list). */
  readonly total: number | null;
  /** Set when more reports match than were counted (a search's count stops at 10,000): "hơn 10.000 kết quả". */
  readonly totalCapped?: true;
  readonly rows: readonly ReportRow[];
}

export interface ReportPerson {
  readonly linkId: string;
  readonly role: string;
  readonly person: PersonView;
}

export interface AttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: number;
}

/** An opened attachment: its content, checked against the SHA-256 kept when it was added. */
export interface AttachmentContent {
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  /** Standard padded base64, as both transports carry it today. */
  readonly dataBase64: string;
}

export interface ReportDetail {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly number: string;
  readonly registerYear: number;
  readonly registerNo: number;
  readonly receivedAt: number;
  readonly occurredOn: string | null;
  readonly occurredNote: string;
  readonly channel: string;
  readonly kind: string;
  readonly categoryCode: string | null;
  readonly localityId: string | null;
  readonly address: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly reporterName: string;
  readonly reporterContact: string;
  readonly reporterAddress: string;
  readonly reporterAnonymous: boolean;
  readonly summary: string;
  readonly description: string;
  readonly deaths: number | null;
  readonly injuries: number | null;
  readonly damage: number | null;
  readonly sanctionDecision: string;
  readonly fine: number | null;
  readonly officerId: string | null;
  readonly status: string;
  readonly complex: boolean;
  readonly transferredAt: number | null;
  readonly transferredTo: string;
  readonly noticeSentAt: number | null;
  readonly decision: string | null;
  readonly decisionAt: number | null;
  readonly decisionNo: string;
  readonly extensionNo: string;
  readonly extendedUntil: string | null;
  readonly extensionLimit: string;
  readonly resolutionNote: string;
  readonly deadlines: readonly Deadline[];
  readonly persons: readonly ReportPerson[];
  readonly attachments: readonly AttachmentView[];
  readonly voided: boolean;
  readonly voidReason: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface HistoryEntry {
  readonly at: number;
  readonly userName: string | null;
  readonly action: string;
  /** The reporter's values in this entry are secret (db/secrets.ts): only chiefs and administrators get them. */
  readonly reporterAnonymous: boolean;
  /** Field (column) → value before and after; only the fields that changed. `secret`: the values were withheld. */
  readonly changes: readonly { readonly field: string; readonly before: unknown; readonly after: unknown; readonly secret?: boolean }[];
  /** For the entry "received in a bundle": which office's bundle (as enrolled here) last wrote the record. */
  readonly bundle?: { readonly officeCode: string; readonly officeName: string; readonly seq: number; readonly bundleId: string };
}

export interface DeadlineItem {
  readonly reportId: string;
  readonly officeId: string;
  readonly number: string;
  readonly summary: string;
  readonly kind: Deadline['kind'];
  readonly dueAt: number;
  readonly officerId: string | null;
  readonly officerName: string | null;
}

/** Open deadlines: overdue, due today, due within the next N days; the interface groups by officer. */
export interface DeadlineBoard {
  readonly now: number;
  /** How many open deadlines each list has; the lists hold the most urgent first, up to a limit. */
  readonly counts: { readonly overdue: number; readonly today: number; readonly soon: number };
  readonly overdue: readonly DeadlineItem[];
  readonly today: readonly DeadlineItem[];
  readonly soon: readonly DeadlineItem[];
}

export interface PersonPage {
  readonly total: number;
  readonly rows: readonly PersonView[];
}

export interface PersonLinkView {
  readonly linkId: string;
  readonly kind: string;
  readonly note: string;
  readonly person: PersonView;
}

/** A person with everything that names them. */
export interface PersonOverview {
  readonly person: PersonView & { readonly mergedInto: string | null; readonly movedTo: string; readonly movedOn: string | null; readonly voided: boolean };
  readonly links: readonly PersonLinkView[];
  readonly reports: readonly { readonly reportId: string; readonly number: string; readonly summary: string; readonly role: string; readonly receivedAt: number }[];
  readonly hotspots: readonly { readonly hotspotId: string; readonly name: string; readonly role: string; readonly status: string }[];
  readonly programs: readonly ProgramView[];
}

export interface DuplicateGroup {
  /** Why these records look like one person: the same citizen ID, or the same folded name, birth year and locality. */
  readonly reason: 'citizen_id' | 'name_birth_locality';
  readonly persons: readonly PersonView[];
}

export interface ProgramKindView {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly months: number | null;
  readonly checkinDays: number;
  readonly drugTestDays: number | null;
  readonly source: string;
}

export interface CheckinView {
  readonly id: string;
  readonly date: string;
  readonly officerName: string | null;
  readonly result: string;
  readonly drugTestResult: 'negative' | 'positive' | 'refused' | null;
}

export interface ProgramView {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly personId: string;
  readonly personName: string;
  readonly kindCode: string;
  readonly decisionNo: string;
  readonly decisionDate: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly endOverrideReason: string;
  readonly officerId: string | null;
  readonly officerName: string | null;
  readonly status: 'active' | 'ended';
  readonly endedOn: string | null;
  readonly endReason: string | null;
  readonly endNote: string;
  readonly nextCheckinOn: string | null;
  readonly nextTestOn: string | null;
  readonly checkins: readonly CheckinView[];
}

export interface ProgramPage {
  readonly total: number;
  readonly rows: readonly ProgramView[];
}

export interface ReminderItem {
  readonly programId: string;
  readonly personId: string;
  readonly personName: string;
  readonly kindCode: string;
  readonly what: 'ending' | 'checkin' | 'drug_test';
  readonly on: string;
  readonly officerName: string | null;
}

export interface ReminderBoard {
  readonly today: string;
  readonly overdue: readonly ReminderItem[];
  readonly upcoming: readonly ReminderItem[];
}

export interface HotspotView {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly name: string;
  readonly type: string;
  readonly localityId: string | null;
  readonly address: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly description: string;
  readonly risk: 'low' | 'medium' | 'high';
  readonly status: string;
  readonly foundOn: string;
  readonly clearedOn: string | null;
  readonly reviewDays: number;
  readonly lastCheckOn: string | null;
  readonly nextReviewOn: string;
  readonly history: readonly { readonly status: string; readonly on: string; readonly note: string }[];
  readonly persons: readonly { readonly linkId: string; readonly role: string; readonly person: PersonView }[];
  readonly reports: readonly { readonly linkId: string; readonly reportId: string; readonly number: string; readonly summary: string }[];
  readonly checks: readonly { readonly id: string; readonly date: string; readonly officers: string; readonly found: string }[];
}

export interface HotspotRow {
  readonly id: string;
  readonly officeId: string;
  readonly name: string;
  readonly type: string;
  readonly status: string;
  readonly risk: string;
  readonly localityName: string | null;
  readonly foundOn: string;
  readonly nextReviewOn: string;
}

export interface HotspotPage {
  readonly total: number;
  readonly rows: readonly HotspotRow[];
}

export interface HotspotDue {
  readonly today: string;
  /** Hotspots whose review date has come (or comes within the window). */
  readonly review: readonly HotspotRow[];
  /** Cleared hotspots due to be checked again, since cleared spots come back. */
  readonly recheck: readonly HotspotRow[];
}

export interface GraphNode {
  readonly id: string;
  readonly kind: 'person' | 'hotspot' | 'report';
  readonly label: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The link's kind or role: family, same_ring, suspect, dealer, linked report… */
  readonly kind: string;
}

export interface GraphView {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface MeasureView {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly source: string;
}

export interface MeasureResult {
  readonly measure: MeasureView;
  readonly target: number | null;
  /** Counted from the records plus adjustments. */
  readonly result: number;
  readonly counted: number;
  readonly adjustments: readonly { readonly delta: number; readonly reason: string }[];
  readonly percent: number | null;
  readonly previousCampaign: number | null;
  readonly sameTimeLastYear: number;
}

export interface OperationView {
  readonly id: string;
  readonly kind: string;
  readonly startedAt: number;
  readonly place: string;
  readonly localityId: string | null;
  readonly leader: string;
  readonly forces: string;
  readonly personsArrested: number;
  readonly personsSanctioned: number;
  readonly seizures: readonly { readonly measureCode: string; readonly quantity: number }[];
  readonly hotspotIds: readonly string[];
  readonly reportIds: readonly string[];
}

export interface CampaignView {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly name: string;
  readonly decisionNo: string;
  readonly decisionDate: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly localityIds: readonly string[];
  readonly categoryCodes: readonly string[];
  readonly forces: string;
  readonly notes: string;
  readonly previousCampaign: { readonly id: string; readonly name: string } | null;
  readonly results: readonly MeasureResult[];
  readonly operations: readonly OperationView[];
  /** Reports linked to the campaign, directly (with the link's id, to unlink) or through an operation. */
  readonly linkedReports: readonly CampaignReportLink[];
}

export interface CampaignReportLink {
  readonly reportId: string;
  readonly number: string;
  readonly summary: string;
  readonly receivedAt: number;
  readonly status: string;
  /** The direct link, which can be removed; null when the report comes only through operations. */
  readonly linkId: string | null;
  readonly operationIds: readonly string[];
}

export interface CampaignPage {
  readonly total: number;
  readonly rows: readonly {
    readonly id: string;
    readonly officeId: string;
    readonly name: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly decisionNo: string;
  }[];
}

export interface TeamView {
  readonly id: string;
  readonly name: string;
  readonly foundedOn: string | null;
  readonly localityIds: readonly string[];
  readonly members: readonly { readonly id: string; readonly fullName: string; readonly role: string; readonly joinedOn: string; readonly leftOn: string | null; readonly contact: string }[];
  readonly activities: readonly { readonly id: string; readonly kind: string; readonly date: string; readonly description: string; readonly result: string }[];
}

export interface ModelView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly localityId: string | null;
  readonly startedOn: string;
  readonly lead: string;
  readonly evaluations: readonly { readonly year: number; readonly rating: 'good' | 'fair' | 'weak'; readonly note: string }[];
}

export interface SafetySummary {
  readonly year: number;
  readonly criteria: readonly { readonly code: string; readonly unitKind: string; readonly text: string }[];
  readonly units: readonly { readonly unitKind: string; readonly unitId: string; readonly name: string; readonly evaluated: boolean; readonly recognised: boolean }[];
  readonly commune: {
    readonly passed: boolean;
    readonly workingModels: number;
    readonly villagesRecognised: number;
    readonly villagesTotal: number;
    readonly villageShare: number | null;
    readonly seriousIncidents: number;
    readonly shortfalls: readonly string[];
  };
}

/** A name in both languages of the interface. */
export interface LocalName {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export interface DateSpan {
  readonly start: string;
  readonly end: string;
}

/** The ranges a periodic report compares. */
export interface ComparedSpans {
  readonly current: DateSpan;
  readonly lastYear: DateSpan;
  readonly previous: DateSpan;
  readonly yearToDate: DateSpan;
  readonly yearToDateLastYear: DateSpan;
}

/**
 * A periodic report's figures, by key, for each compared range; the interface lays them out in
 * sections and words them. Keys: reports.total, reports.solved, reports.kind.<kind>,
 * reports.status.<status>, group.<group code> (group.none: no category), crime.received, crime.solved,
 * traffic.accidents|deaths|injuries, fire.count|deaths|injuries|damage, administrative.count|fines,
 * operations.count, persons.arrested|sanctioned, seized.<measure>, hotspots.found|cleared|relapsed|active,
 * programs.active|started|ended[.<kind>], teams.count|members|activities, models.count.
 */
export interface PeriodicFigures {
  readonly period: ReportPeriod;
  /** Whose figures: an office's code, or null for every office in the store. */
  readonly officeId: string | null;
  /**
   * For every office (officeId null): the main figures of the current range office by office
   * (BREAKDOWN_KEYS and seized.<measure>), in the order of the office list; empty for one office.
   */
  readonly breakdown: readonly OfficeFigures[];
  readonly cutoffDay: number;
  readonly ranges: ComparedSpans;
  readonly figures: { readonly [R in keyof ComparedSpans]: Readonly<Record<string, number>> };
  readonly groups: readonly LocalName[];
  readonly programKinds: readonly LocalName[];
  readonly measures: readonly (LocalName & { readonly unit: string })[];
  /** Campaigns that overlap the period, with their results against their targets. */
  readonly campaigns: readonly {
    readonly id: string;
    readonly name: string;
    readonly decisionNo: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly results: readonly { readonly measure: LocalName & { readonly unit: string }; readonly target: number; readonly result: number; readonly percent: number | null }[];
  }[];
  /** Reports received in each police month of the period's police year and of the year before. */
  readonly trend: readonly { readonly month: number; readonly current: DateSpan & { readonly reports: number }; readonly lastYear: DateSpan & { readonly reports: number } }[];
  readonly policeYear: number;
}

export interface OfficeFigures {
  readonly officeId: string;
  readonly name: string;
  readonly figures: Readonly<Record<string, number>>;
}

export type ReportPeriod =
  | { readonly kind: 'month' | 'quarter' | 'half'; readonly year: number; readonly index: number }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'custom'; readonly start: string; readonly end: string };

export interface IssuedReportRow {
  readonly id: string;
  readonly number: number;
  readonly year: number;
  readonly symbol: string;
  readonly title: string;
  readonly period: ReportPeriod;
  readonly issuedOn: string;
}

export interface IssuedReportView extends IssuedReportRow {
  readonly narrative: string;
  readonly place: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
  /** The figures as they were at issue. */
  readonly report: PeriodicFigures;
  /** Figures of the period that the records now give differently, for a re-run to show. */
  readonly changes: readonly { readonly range: keyof ComparedSpans; readonly key: string; readonly issued: number; readonly now: number }[];
  readonly issuedBy: string | null;
}

// Exchange between offices (api/calls/exchange.ts)

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

/** The audit chain check: every entry's hash covers the one before, so an edit or a removal breaks it. */
export interface AuditCheckView {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry that does not match, when the chain is broken. */
  readonly broken: { readonly id: number; readonly at: number; readonly call: string; readonly action: string } | null;
}

/** Why a backup was taken: the app's own ones, or by hand. */
export type BackupKind = 'daily' | 'before-import' | 'before-migration' | 'manual' | 'before-restore' | 'other';

export interface BackupView {
  /** The file's name in the data folder's backups/, which is also its id. */
  readonly name: string;
  readonly at: number;
  readonly kind: BackupKind;
  /** Bytes. */
  readonly size: number;
}

/** The last copy of a backup to the external folder: when, where, and the system's error code if it failed. */
export interface ExternalCopyView {
  readonly folder: string;
  readonly at: number;
  readonly ok: boolean;
  /** e.g. ENOENT (drive not plugged in), EACCES, ENOSPC; null when it worked. */
  readonly errorCode: string | null;
}

export interface BackupListView {
  /** Newest first. */
  readonly backups: readonly BackupView[];
  /** Where they are kept (the data folder's backups/). */
  readonly folder: string;
  readonly externalFolder: string | null;
  readonly lastExternal: ExternalCopyView | null;
}

/** Live records in a backup; null where its schema had no such table yet. */
export interface BackupCounts {
  readonly reports: number | null;
  readonly persons: number | null;
  readonly hotspots: number | null;
  readonly campaigns: number | null;
}

export interface BackupDetailView extends BackupView {
  readonly schemaVersion: number;
  readonly counts: BackupCounts;
}

export interface BackupTakenView extends BackupView {
  /** The copy to the external folder, when one is set. */
  readonly external: ExternalCopyView | null;
}

export interface RestoreView {
  readonly restored: BackupView;
  /** The backup of the store as it was just before the restore. */
  readonly safety: BackupView;
  /** integrity_check of the restored store: always "ok" (a restore that fails it is undone). */
  readonly integrity: 'ok';
  /** False when the restoring user does not exist (or is inactive) in the restored data: log in again. */
  readonly stillLoggedIn: boolean;
}

/** One entry of the audit log as the audit page lists it. */
export interface AuditRow {
  /** The entry's number in the chain, as text (the list's row key). */
  readonly id: string;
  readonly at: number;
  readonly userId: string | null;
  /** The user's full name; null for the system (a migration, an import without a session). */
  readonly userName: string | null;
  /** The call that wrote it (shown in words, never as code, by the interface). */
  readonly call: string;
  readonly action: string;
  readonly table: string | null;
  readonly recordId: string | null;
  /** What names the record to a person: a report's number, a person's, user's or hotspot's name. */
  readonly recordLabel: string | null;
  /** For a read: how many records the call returned; null for other entries. */
  readonly rows: number | null;
  /** For a list or a search: the words searched, if any. */
  readonly search: string | null;
}

export interface AuditPage {
  /** Entries matching the filters; null when the call said `count: false`. */
  readonly total: number | null;
  readonly rows: readonly AuditRow[];
  /** The newest entry this list holds (see audit.list's `upTo`); null on an empty log. */
  readonly head: number | null;
  /** Whose entries the caller may see, to filter by (deactivated users included). */
  readonly users: readonly { readonly id: string; readonly fullName: string }[];
}
