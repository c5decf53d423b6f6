/**
 * One step of the PostgreSQL schema (issue #21): SQL run, with its version, in one transaction. Its
 * version is that of the SQLite migration it matches (db/migrations/registry.ts): both schemas are equal
 * at every version (tests/integration/postgres-schema-parity.test.ts).
 */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
