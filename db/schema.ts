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
}

/** Tables whose rows are records written through the write path. */
export type RecordTable = { [T in keyof Schema]: Schema[T] extends RecordColumns ? T : never }[keyof Schema];
export const recordTables = ['offices', 'users', 'localities', 'category_groups', 'categories'] as const satisfies readonly RecordTable[];
