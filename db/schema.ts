import type { Role } from '../api/roles';

/**
 * Table types for Kysely. Timestamps (`*_at`) are epoch milliseconds; calendar dates are 'YYYY-MM-DD'
 * text; booleans are 0/1.
 */

/** The columns every exchange-ready record carries (ARCHITECTURE.md, "Records are exchange-ready"). */
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
}

/** Tables whose rows are records written through the write path. */
export type RecordTable = { [T in keyof Schema]: Schema[T] extends RecordColumns ? T : never }[keyof Schema];
export const recordTables = ['offices', 'users', 'localities', 'category_groups', 'categories', 'holidays', 'persons', 'reports', 'report_persons', 'attachments'] as const satisfies readonly RecordTable[];

export interface HolidaysTable extends RecordColumns {
  date: string;
  name: string;
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
  gender: 'male' | 'female' | 'unknown';
  birth_date: string | null;
  birth_year: number | null;
  citizen_id: string | null;
  permanent_address: string;
  temporary_address: string;
  locality_id: string | null;
  notes: string;
}

export interface ReportsTable extends RecordColumns {
  register_year: number;
  register_no: number;
  received_at: number;
  occurred_on: string | null;
  occurred_note: string;
  channel: string;
  kind: string;
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
  status: string;
  complex: number;
  transferred_at: number | null;
  transferred_to: string;
  notice_sent_at: number | null;
  decision: 'prosecute' | 'not_prosecute' | 'suspend' | null;
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
  role: string;
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
