import type { Role } from '../api/roles';
import type {
  ActivityKind,
  Channel,
  Decision,
  DrugTestResult,
  Gender,
  HotspotRisk,
  HotspotRole,
  HotspotStatus,
  HotspotType,
  MemberRole,
  ModelKind,
  ModelRating,
  OperationKind,
  PeerRole,
  PersonLinkKind,
  PersonRole,
  ProgramEndReason,
  ProgramStatus,
  ReportKind,
  ReportStatus,
  SafetyUnitKind,
} from '../api/vocabulary';

/**
 * Table types for Kysely. Timestamps (`*_at`) are epoch milliseconds; calendar dates are 'YYYY-MM-DD'
 * text; booleans are 0/1. Enum-like columns take the contract's unions (api/vocabulary.ts), so a value
 * written wrong in a query fails to compile.
 */

/** The columns every exchange-ready record carries (docs/architecture.md, "The store"). */
export interface RecordColumns {
  id: string;
  office_id: string;
  version: string;
  base_version: string | null;
  seq: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
  deleted_at: number | null;
  void_reason: string | null;
}

/** The record columns by name: what the exchange leaves out when it compares or copies a record's content. */
export const recordColumnNames = ['id', 'office_id', 'version', 'base_version', 'seq', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'void_reason'] as const satisfies readonly (keyof RecordColumns)[];
/** Identity and version stamps: never a person's choice, never content. */
export const stampColumnNames = recordColumnNames.filter((column) => column !== 'deleted_at' && column !== 'void_reason');

export interface OfficesTable extends RecordColumns {
  code: string;
  name: string;
  level: 'commune' | 'higher';
  parent_code: string;
  parent_name: string;
  demo: number;
}

export interface UsersTable extends RecordColumns {
  username: string;
  full_name: string;
  rank: string;
  position: string;
  role: Role;
  active: number;
}

export interface LocalitiesTable extends RecordColumns {
  name: string;
  kind: string;
}

export interface CategoryGroupsTable extends RecordColumns {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface CategoriesTable extends RecordColumns {
  code: string;
  group_code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: number;
  at: number;
  user_id: string | null;
  call: string;
  table_name: string | null;
  record_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface ClockStateTable {
  id: number;
  node_id: string;
  wall: number;
  counter: number;
  seq: number;
  /** The latest time this PC's own clock showed at a write (exchange: its clock went back). */
  local_wall: number;
}

export interface Schema {
  offices: OfficesTable;
  users: UsersTable;
  localities: LocalitiesTable;
  category_groups: CategoryGroupsTable;
  categories: CategoriesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  clock_state: ClockStateTable;
  holidays: HolidaysTable;
  register_counters: RegisterCountersTable;
  persons: PersonsTable;
  reports: ReportsTable;
  report_persons: ReportPersonsTable;
  attachments: AttachmentsTable;
  report_search: ReportSearchTable;
  person_links: PersonLinksTable;
  program_kinds: ProgramKindsTable;
  programs: ProgramsTable;
  program_checkins: ProgramCheckinsTable;
  hotspots: HotspotsTable;
  hotspot_history: HotspotHistoryTable;
  hotspot_persons: HotspotPersonsTable;
  hotspot_reports: HotspotReportsTable;
  hotspot_checks: HotspotChecksTable;
  measures: MeasuresTable;
  campaigns: CampaignsTable;
  campaign_localities: CampaignLocalitiesTable;
  campaign_categories: CampaignCategoriesTable;
  campaign_targets: CampaignTargetsTable;
  campaign_adjustments: CampaignAdjustmentsTable;
  campaign_reports: CampaignReportsTable;
  operations: OperationsTable;
  operation_seizures: OperationSeizuresTable;
  operation_hotspots: OperationHotspotsTable;
  operation_reports: OperationReportsTable;
  teams: TeamsTable;
  team_localities: TeamLocalitiesTable;
  team_members: TeamMembersTable;
  team_activities: TeamActivitiesTable;
  models: ModelsTable;
  model_evaluations: ModelEvaluationsTable;
  safety_criteria: SafetyCriteriaTable;
  safety_units: SafetyUnitsTable;
  safety_evaluations: SafetyEvaluationsTable;
  safety_results: SafetyResultsTable;
  report_days: ReportDaysTable;
  report_months: ReportMonthsTable;
  report_counts: ReportCountsTable;
  program_months: ProgramMonthsTable;
  report_months_all: ReportMonthsAllTable;
  search_terms: SearchTermsTable;
  keyring_seals: KeyringSealsTable;
  holiday_years: HolidayYearsTable;
  program_months_all: ProgramMonthsAllTable;
  issued_reports: IssuedReportsTable;
  exchange_identity: ExchangeIdentityTable;
  exchange_peers: ExchangePeersTable;
  exchange_bundles: ExchangeBundlesTable;
  exchange_conflicts: ExchangeConflictsTable;
  reference_sets: ReferenceSetsTable;
  exchange_alerts: ExchangeAlertsTable;
  exchange_pending: ExchangePendingTable;
}

/** Tables whose rows are records written through the write path. */
export type RecordTable = { [T in keyof Schema]: Schema[T] extends RecordColumns ? T : never }[keyof Schema];
export const recordTables = ['offices', 'users', 'localities', 'category_groups', 'categories', 'holidays', 'persons', 'reports', 'report_persons', 'attachments', 'person_links', 'program_kinds', 'programs', 'program_checkins', 'hotspots', 'hotspot_history', 'hotspot_persons', 'hotspot_reports', 'hotspot_checks', 'measures', 'campaigns', 'campaign_localities', 'campaign_categories', 'campaign_targets', 'campaign_adjustments', 'campaign_reports', 'operations', 'operation_seizures', 'operation_hotspots', 'operation_reports', 'teams', 'team_localities', 'team_members', 'team_activities', 'models', 'model_evaluations', 'safety_criteria', 'safety_units', 'safety_evaluations', 'safety_results', 'issued_reports'] as const satisfies readonly RecordTable[];

export interface HolidaysTable extends RecordColumns {
  date: string;
  name: string;
  /** 1: a day off added to the computed ones; 0: a computed day that stays a working day (migration 16). */
  off?: number;
  /** 'higher': the higher office's row, from a reference bundle; 'office': the office's own. */
  origin?: 'office' | 'higher';
  /** The version of the higher office's row last applied (db/exchange/import.ts). */
  upstream_version?: string | null;
}

/** A year whose holiday list the chief has confirmed (migration 16; local, not exchanged). */
export interface HolidayYearsTable {
  year: number;
  confirmed_at: number;
  confirmed_by: string;
}

export interface RegisterCountersTable {
  office_id: string;
  book: string;
  year: number;
  last_no: number;
}

export interface PersonsTable extends RecordColumns {
  full_name: string;
  name_fold: string;
  other_names: string;
  gender: Gender;
  birth_date: string | null;
  birth_year: number | null;
  citizen_id: string | null;
  permanent_address: string;
  temporary_address: string;
  locality_id: string | null;
  notes: string;
  merged_into: string | null;
  moved_to: string;
  moved_on: string | null;
}

export interface ReportsTable extends RecordColumns {
  register_year: number;
  register_no: number;
  received_at: number;
  occurred_on: string | null;
  occurred_note: string;
  channel: Channel;
  kind: ReportKind;
  category_code: string | null;
  locality_id: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  reporter_name: string;
  reporter_contact: string;
  reporter_address: string;
  reporter_anonymous: number;
  summary: string;
  description: string;
  deaths: number | null;
  injuries: number | null;
  damage: number | null;
  sanction_decision: string;
  fine: number | null;
  officer_id: string | null;
  status: ReportStatus;
  complex: number;
  transferred_at: number | null;
  transferred_to: string;
  notice_sent_at: number | null;
  decision: Decision | null;
  decision_at: number | null;
  decision_no: string;
  extension_no: string;
  extended_until: string | null;
  resolution_note: string;
  transfer_due_at: number | null;
  notice_due_at: number | null;
  decision_due_at: number | null;
  next_due_at: number | null;
}

export interface ReportPersonsTable extends RecordColumns {
  report_id: string;
  person_id: string;
  role: PersonRole;
}

export interface AttachmentsTable extends RecordColumns {
  owner_table: string;
  owner_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface ReportSearchTable {
  rowid: number;
  text: string;
}

export interface PersonLinksTable extends RecordColumns {
  person_id: string;
  other_id: string;
  kind: PersonLinkKind;
  note: string;
}

export interface ProgramKindsTable extends RecordColumns {
  code: string;
  name_vi: string;
  name_en: string;
  months: number | null;
  checkin_days: number;
  drug_test_days: number | null;
  source: string;
  sort: number;
}

export interface ProgramsTable extends RecordColumns {
  person_id: string;
  kind_code: string;
  decision_no: string;
  decision_date: string | null;
  start_date: string;
  end_date: string | null;
  end_override_reason: string;
  officer_id: string | null;
  status: ProgramStatus;
  ended_on: string | null;
  end_reason: ProgramEndReason | null;
  end_note: string;
  last_checkin_on: string | null;
  next_checkin_on: string | null;
  next_test_on: string | null;
}

export interface ProgramCheckinsTable extends RecordColumns {
  program_id: string;
  date: string;
  officer_id: string | null;
  result: string;
  drug_test: number;
  drug_test_result: DrugTestResult | null;
}

export interface HotspotsTable extends RecordColumns {
  name: string;
  name_fold: string;
  type: HotspotType;
  locality_id: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  risk: HotspotRisk;
  status: HotspotStatus;
  found_on: string;
  cleared_on: string | null;
  review_days: number;
  last_check_on: string | null;
  next_review_on: string;
}

export interface HotspotHistoryTable extends RecordColumns {
  hotspot_id: string;
  status: HotspotStatus;
  on_date: string;
  note: string;
}

export interface HotspotPersonsTable extends RecordColumns {
  hotspot_id: string;
  person_id: string;
  role: HotspotRole;
}

export interface HotspotReportsTable extends RecordColumns {
  hotspot_id: string;
  report_id: string;
}

export interface HotspotChecksTable extends RecordColumns {
  hotspot_id: string;
  date: string;
  officers: string;
  found: string;
}

export interface MeasuresTable extends RecordColumns {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  source: 'reports_detected' | 'cases_solved' | 'persons_handled' | 'hotspots_cleared' | 'operations' | 'seizure';
  sort: number;
}

export interface CampaignsTable extends RecordColumns {
  name: string;
  decision_no: string;
  decision_date: string | null;
  start_date: string;
  end_date: string;
  scope_all: number;
  forces: string;
  notes: string;
}

export interface CampaignLocalitiesTable extends RecordColumns {
  campaign_id: string;
  locality_id: string;
}

export interface CampaignCategoriesTable extends RecordColumns {
  campaign_id: string;
  category_code: string;
}

export interface CampaignTargetsTable extends RecordColumns {
  campaign_id: string;
  measure_code: string;
  target: number;
}

export interface CampaignAdjustmentsTable extends RecordColumns {
  campaign_id: string;
  measure_code: string;
  delta: number;
  reason: string;
}

export interface CampaignReportsTable extends RecordColumns {
  campaign_id: string;
  report_id: string;
}

export interface OperationsTable extends RecordColumns {
  campaign_id: string | null;
  kind: OperationKind;
  started_at: number;
  place: string;
  locality_id: string | null;
  forces: string;
  leader: string;
  persons_arrested: number;
  persons_sanctioned: number;
  notes: string;
}

export interface OperationSeizuresTable extends RecordColumns {
  operation_id: string;
  measure_code: string;
  quantity: number;
}

export interface OperationHotspotsTable extends RecordColumns {
  operation_id: string;
  hotspot_id: string;
}

export interface OperationReportsTable extends RecordColumns {
  operation_id: string;
  report_id: string;
}

export interface TeamsTable extends RecordColumns {
  name: string;
  founded_on: string | null;
  notes: string;
}
export interface TeamLocalitiesTable extends RecordColumns {
  team_id: string;
  locality_id: string;
}
export interface TeamMembersTable extends RecordColumns {
  team_id: string;
  full_name: string;
  role: MemberRole;
  joined_on: string;
  left_on: string | null;
  contact: string;
}
export interface TeamActivitiesTable extends RecordColumns {
  team_id: string;
  kind: ActivityKind;
  date: string;
  description: string;
  result: string;
}
export interface ModelsTable extends RecordColumns {
  name: string;
  kind: ModelKind;
  locality_id: string | null;
  started_on: string;
  lead: string;
}
export interface ModelEvaluationsTable extends RecordColumns {
  model_id: string;
  year: number;
  rating: ModelRating;
  note: string;
}
export interface SafetyCriteriaTable extends RecordColumns {
  code: string;
  unit_kind: SafetyUnitKind;
  text: string;
  sort: number;
  /** As for holidays (migration 16): the higher office's criterion or the office's own. */
  origin?: 'office' | 'higher';
  upstream_version?: string | null;
}
export interface SafetyUnitsTable extends RecordColumns {
  name: string;
  unit_kind: Exclude<SafetyUnitKind, 'village'>;
  locality_id: string | null;
}
export interface SafetyEvaluationsTable extends RecordColumns {
  year: number;
  unit_kind: SafetyUnitKind;
  unit_id: string;
  recognised: number;
}
export interface SafetyResultsTable extends RecordColumns {
  evaluation_id: string;
  criterion_code: string;
  passed: number;
  evidence: string;
}

/** Live reports counted per office, Vietnam day, category ('' for none), kind and status; kept by triggers. */
export interface ReportDaysTable {
  office_id: string;
  day: string;
  category_code: string;
  kind: ReportKind;
  status: ReportStatus;
  n: number;
  deaths: number;
  injuries: number;
  damage: number;
  fine: number;
}

export interface IssuedReportsTable extends RecordColumns {
  year: number;
  number: number;
  symbol: string;
  /** The period asked for, as JSON. */
  period: string;
  start_date: string;
  end_date: string;
  title: string;
  narrative: string;
  /** The report's figures as computed at issue, as JSON. */
  figures: string;
  issued_on: string;
  place: string;
  signer_title: string;
  signer_name: string;
  /** JSON array of lines. */
  recipients: string;
}

/** The same as report_days by police month ('YYYY-MM', from the cut-off day setting); rebuilt when it changes. */
export interface ReportMonthsTable extends Omit<ReportDaysTable, 'day'> {
  month: string;
}

/** Live reports counted per office, category ('' for none), kind and status, whatever their date; kept by triggers. */
export interface ReportCountsTable {
  office_id: string;
  category_code: string;
  kind: ReportKind;
  status: ReportStatus;
  n: number;
}

/** Programs started and ended per office, kind and police month; kept by triggers. */
export interface ProgramMonthsTable {
  office_id: string;
  kind_code: string;
  month: string;
  started: number;
  ended: number;
}

/** report_months with every office together; kept by triggers. */
export type ReportMonthsAllTable = Omit<ReportMonthsTable, 'office_id'>;

/** program_months with every office together; kept by triggers. */
export type ProgramMonthsAllTable = Omit<ProgramMonthsTable, 'office_id'>;

/** The words of the register's search index, for looking up the words a typed word begins. */
export interface SearchTermsTable {
  term: string;
}

/** The keyring entries this store accepts, by fingerprint (db/key-binding.ts). */
export interface KeyringSealsTable {
  user_id: string;
  fingerprint: string;
}

/** This installation's office and exchange keys (one row). */
export interface ExchangeIdentityTable {
  id: number;
  office_id: string;
  key_id: string | null;
  sign_public: string | null;
  sign_private: string | null;
  box_public: string | null;
  box_private: string | null;
  created_at: number | null;
}

/** The exchange's peer roles, as the contract names them (db/exchange imports them from here). */
export type { PeerRole };

export interface ExchangePeersTable {
  key_id: string;
  office_id: string;
  office_code: string;
  office_name: string;
  role: PeerRole;
  sign_public: string;
  box_public: string;
  fingerprint: string;
  enrolled_at: number;
  enrolled_by: string | null;
  revoked_at: number | null;
  sent_seq: number;
  sent_hash: string | null;
  sent_watermark: number;
  received_seq: number;
  received_hash: string | null;
  received_at: number | null;
  reference_version: number;
  /** The app version the peer's last bundle carried (null: sent before bundles carried it). */
  app_version: string | null;
  /** The peer's audit head anchored here by its last bundle: entry count and hash. */
  anchor_count: number;
  anchor_hash: string | null;
}

export interface ExchangeBundlesTable {
  bundle_id: string;
  direction: 'sent' | 'received';
  peer_key_id: string;
  kind: 'records' | 'reference';
  mode: 'full' | 'delta';
  seq: number;
  previous_hash: string | null;
  hash: string;
  at: number;
  by: string | null;
  records: number;
  /** JSON: counts by outcome. */
  summary: string;
  gap: string | null;
  /** Received: the local change sequences the import wrote (its records' provenance). */
  first_seq: number | null;
  last_seq: number | null;
  /** Sent: the sender's audit entry count the bundle anchored. */
  audit_count: number | null;
}

export type ExchangeAlertKind = 'forged' | 'clock_ahead' | 'audit_rewritten';

/** What a sender did that this office must see (a forged record, a clock ahead, a rewritten audit log). */
export interface ExchangeAlertsTable {
  id: number;
  peer_key_id: string;
  at: number;
  kind: ExchangeAlertKind;
  bundle_id: string;
  /** JSON: what was found. */
  detail: string;
}

/** A record that arrived before the record it points at, kept until that one arrives. */
export interface ExchangePendingTable {
  table_name: string;
  record_id: string;
  version: string;
  peer_key_id: string;
  bundle_id: string;
  waiting_table: string;
  waiting_id: string;
  /** JSON: the record as it came. */
  row: string;
  at: number;
}

export interface ExchangeConflictsTable {
  id: string;
  table_name: string;
  record_id: string;
  local_version: string;
  incoming_version: string;
  /** JSON: the incoming record state. */
  incoming: string;
  bundle_id: string;
  sender_key_id: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: 'local' | 'incoming' | 'merge' | null;
}

export interface ReferenceSetsTable {
  version: number;
  content_hash: string;
  published_at: number;
  published_by: string | null;
}
