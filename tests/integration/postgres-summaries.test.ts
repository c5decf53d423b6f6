import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../core/calendar';
import { policeMonthOf } from '../../core/periods';
import { Random } from '../../db/demo/random';
import { day, policeMonthSql } from '../../db/migrations/0006-reports';
import { migrations } from '../../db/migrations/registry';
import { migrate } from '../../db/migrations/runner';
import { postgresMigrations } from '../../db/migrations/postgres/registry';
import { migratePostgres } from '../../db/migrations/postgres/runner';
import { refillPoliceMonths } from '../../db/reports/figures';
import { openSqlite, type Sqlite } from '../../db/store';
import { openPostgresStore } from '../../db/stores/postgres';
import { cleanup, tempDir } from '../support/backend';
import { freshDatabase, type TestDatabase } from '../support/postgres';

/**
 * The summary tables on PostgreSQL (db/migrations/postgres/summaries.ts) against SQLite's triggers: the
 * same writes on a new store of each dialect leave the same rows in every summary, before and after the
 * cut-off day changes; the Vietnam-day and police-month functions agree with SQLite's expressions and
 * with core/periods.ts; a transaction-local setting sets the triggers aside.
 */

const SUMMARIES = {
  report_days: 'office_id, day, category_code, kind, status, n, deaths, injuries, damage, fine',
  report_months: 'office_id, month, category_code, kind, status, n, deaths, injuries, damage, fine',
  report_months_all: 'month, category_code, kind, status, n, deaths, injuries, damage, fine',
  report_counts: 'office_id, category_code, kind, status, n',
  program_months: 'office_id, kind_code, month, started, ended',
  program_months_all: 'month, kind_code, started, ended',
} as const;

/** PostgreSQL's type id of bigint. */
const INT8 = 20;
const OFFICES = ['11111', '22222', '33333'];
const CATEGORIES = ['NULL', "'theft'", "'fraud'", "'drugs'"];
const KINDS = ["'crime_report'", "'information'", "'petition'"];
const STATUSES = ["'received'", "'verifying'", "'decided'", "'transferred'"];
/** 2024-01-01 to 2026-12-31 (UTC+7), with instants on the edges of a Vietnam day and of police months. */
const FROM = Date.parse('2024-01-01T00:00:00+07:00');
const TO = Date.parse('2026-12-31T23:59:59+07:00');
const EDGES = ['2025-03-14T23:59:59.999+07:00', '2025-03-15T00:00:00+07:00', '2024-12-14T23:59:59.999+07:00', '2024-12-15T00:00:00+07:00', '2024-02-29T12:00:00+07:00', '2025-12-31T17:00:00Z'].map(Date.parse);

/** Statements both dialects run as they are (literal values only). */
class Script {
  readonly statements: string[] = [];
  private seq = 0;
  constructor(readonly random: Random) {}

  private header(id: string, office: string): string {
    this.seq += 1;
    return `'${id}', '${office}', 'v${this.seq}', ${this.seq}, 0, 0`;
  }

  report(index: number, at: number): string {
    const r = this.random;
    const id = `r${index}`;
    const figure = () => (r.chance(0.3) ? String(r.int(0, 5)) : 'NULL');
    this.statements.push(
      `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind, category_code, summary, status, deaths, injuries, damage, fine)
       VALUES (${this.header(id, r.pick(OFFICES))}, 2025, ${index}, ${at}, 'in_person', ${r.pick(KINDS)}, ${r.pick(CATEGORIES)}, 'Tin báo ${index}', ${r.pick(STATUSES)}, ${figure()}, ${figure()}, ${r.chance(0.2) ? r.int(0, 9_000_000) : 'NULL'}, ${r.chance(0.2) ? r.int(0, 5_000_000) : 'NULL'})`,
    );
    return id;
  }

  change(id: string): void {
    const r = this.random;
    const set = r.pick([
      `status = ${r.pick(STATUSES)}`,
      `category_code = ${r.pick(CATEGORIES)}`,
      `kind = ${r.pick(KINDS)}`,
      `deleted_at = ${FROM}`,
      'deleted_at = NULL',
      `received_at = ${r.int(FROM, TO)}`,
      `office_id = '${r.pick(OFFICES)}'`,
      `deaths = ${r.int(0, 3)}, fine = ${r.int(0, 1000)}`,
      "summary = 'Sửa lời tóm tắt'",
    ]);
    this.statements.push(`UPDATE reports SET ${set} WHERE id = '${id}'`);
  }

  program(index: number): string {
    const r = this.random;
    const id = `p${index}`;
    const start = addDays('2024-01-01' as IsoDate, r.int(0, 1000));
    const ended = r.chance(0.4) ? `'${addDays(start, r.int(0, 400))}'` : 'NULL';
    this.statements.push(
      `INSERT INTO programs (id, office_id, version, seq, created_at, updated_at, person_id, kind_code, start_date, status, ended_on)
       VALUES (${this.header(id, r.pick(OFFICES))}, 'person-1', '${r.pick(['k_one', 'k_two'])}', '${start}', ${ended === 'NULL' ? "'active'" : "'ended'"}, ${ended})`,
    );
    return id;
  }

  changeProgram(id: string): void {
    const r = this.random;
    const set = r.pick([
      `ended_on = '${addDays('2025-01-01' as IsoDate, r.int(0, 600))}', status = 'ended'`,
      "ended_on = NULL, status = 'active'",
      `start_date = '${addDays('2024-01-01' as IsoDate, r.int(0, 900))}'`,
      `deleted_at = ${FROM}`,
      'deleted_at = NULL',
      "kind_code = 'k_two'",
      `office_id = '${r.pick(OFFICES)}'`,
    ]);
    this.statements.push(`UPDATE programs SET ${set} WHERE id = '${id}'`);
  }
}

const SETUP = [
  ...['k_one', 'k_two'].map(
    (code, i) =>
      `INSERT INTO program_kinds (id, office_id, version, seq, created_at, updated_at, code, name_vi, name_en, checkin_days, sort) VALUES ('${code}', '11111', 'v0', 0, 0, 0, '${code}', 'Diện ${i}', 'Kind ${i}', 30, ${100 + i})`,
  ),
  "INSERT INTO persons (id, office_id, version, seq, created_at, updated_at, full_name, name_fold) VALUES ('person-1', '11111', 'v0', 0, 0, 0, 'Nguyễn Văn An', 'nguyen van an')",
];

function writes(seed: number): string[] {
  const script = new Script(new Random(seed));
  const reports: string[] = [];
  const programs: string[] = [];
  EDGES.forEach((at, i) => reports.push(script.report(i, at)));
  for (let i = EDGES.length; i < 400; i += 1) reports.push(script.report(i, script.random.int(FROM, TO)));
  for (let i = 0; i < 60; i += 1) programs.push(script.program(i));
  const random = new Random(seed + 1);
  for (let i = 0; i < 300; i += 1) script.change(random.pick(reports));
  for (let i = 0; i < 60; i += 1) script.changeProgram(random.pick(programs));
  return script.statements;
}

async function postgresRows(client: pg.Client): Promise<Record<string, unknown[][]>> {
  const out: Record<string, unknown[][]> = {};
  for (const [table, columns] of Object.entries(SUMMARIES)) {
    const result = await client.query({ text: `SELECT ${columns} FROM ${table} ORDER BY ${columns}`, rowMode: 'array' });
    // bigint columns come as text from pg: as numbers, as SQLite gives them.
    const bigint = result.fields.map((field) => field.dataTypeID === INT8);
    out[table] = result.rows.map((row: unknown[]) => row.map((value, i) => (bigint[i] ? Number(value) : value)));
  }
  return out;
}

function sqliteRows(db: Sqlite): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  // ORDER BY with the C collation on both sides: byte order.
  for (const [table, columns] of Object.entries(SUMMARIES)) out[table] = db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`).raw().all() as unknown[][];
  return out;
}

describe('the summary tables on PostgreSQL', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let sqlite: Sqlite;

  beforeAll(async () => {
    database = await freshDatabase();
    const store = await openPostgresStore<unknown>({ connection: database.config });
    await migratePostgres(store, postgresMigrations);
    await store.close();
    client = new pg.Client(database.config);
    await client.connect();
    sqlite = openSqlite(join(tempDir(), 'summaries.sqlite'), randomBytes(32).toString('hex'));
    migrate(sqlite, migrations.slice(0, postgresMigrations.at(-1)!.version));
  });
  afterAll(async () => {
    sqlite?.close();
    await client?.end();
    await database?.drop();
    cleanup();
  });

  it('vn_day and police_month agree with SQLite’s expressions and with core/periods.ts', async () => {
    const memory = new Database(':memory:');
    const instants = [...EDGES, ...Array.from({ length: 2000 }, (_, i) => FROM + Math.floor(((TO - FROM) * i) / 2000) + (i % 7) * 3_600_000)];
    const sqliteDays = instants.map((at) => memory.prepare(`SELECT ${day('?')}`).pluck().get(at) as string);
    const pgDays = (await client.query<{ d: string }>('SELECT vn_day(x) AS d FROM unnest($1::bigint[]) WITH ORDINALITY AS t(x, i) ORDER BY i', [instants])).rows.map((row) => row.d);
    expect(pgDays).toEqual(sqliteDays);
    expect(pgDays[0]).toBe('2025-03-14');
    expect(pgDays[1]).toBe('2025-03-15');
    expect(pgDays[5]).toBe('2026-01-01');

    const days: string[] = [];
    for (let d = '2023-12-01' as IsoDate; d <= '2026-12-31'; d = addDays(d, 1)) days.push(d);
    for (const cutoff of [1, 2, 15, 28]) {
      memory.exec(`DROP VIEW IF EXISTS report_cutoff; CREATE VIEW report_cutoff AS SELECT ${cutoff} AS cutoff`);
      const fromSqlite = days.map((d) => memory.prepare(`SELECT ${policeMonthSql('@d')}`).pluck().get({ d }) as string);
      const fromCore = days.map((d) => {
        const month = policeMonthOf(d as IsoDate, cutoff);
        return `${month.year}-${String(month.month).padStart(2, '0')}`;
      });
      const fromPg = (await client.query<{ m: string }>('SELECT police_month(d, $2) AS m FROM unnest($1::text[]) WITH ORDINALITY AS t(d, i) ORDER BY i', [days, cutoff])).rows.map((row) => row.m);
      expect(fromPg).toEqual(fromSqlite);
      expect(fromPg).toEqual(fromCore);
    }
    memory.close();
  });

  it('the same writes leave the same rows in every summary, before and after the cut-off day changes', async () => {
    const run = async (statements: readonly string[]) => {
      sqlite.transaction(() => statements.forEach((statement) => sqlite.exec(statement)))();
      await client.query('BEGIN');
      for (const statement of statements) await client.query(statement);
      await client.query('COMMIT');
    };
    await run([...SETUP, ...writes(7)]);
    const first = sqliteRows(sqlite);
    expect(first.report_days!.length).toBeGreaterThan(200);
    expect(first.program_months_all!.length).toBeGreaterThan(20);
    expect(await postgresRows(client)).toEqual(first);

    // The office moves its cut-off day to the 1st: calendar months.
    await run(["INSERT INTO settings (key, value, updated_at) VALUES ('reportCutoffDay', '1', 0)"]);
    refillPoliceMonths(sqlite);
    await client.query('SELECT refill_police_months()');
    const refilled = sqliteRows(sqlite);
    expect(refilled.report_months).not.toEqual(first.report_months);
    expect(await postgresRows(client)).toEqual(refilled);

    // Writes after the change count in the new months on both.
    await run(writes(8).map((statement) => statement.replace(/'([rp])(\d+)'/g, "'$1b$2'").replace(/'v(\d+)'/g, "'w$1'").replace(/, 2025, (\d+), /, ', 2026, $1, ')));
    expect(await postgresRows(client)).toEqual(sqliteRows(sqlite));
  });

  it('a transaction-local setting sets the triggers aside for its transaction only', async () => {
    const total = async () => Number((await client.query<{ n: string }>('SELECT coalesce(sum(n), 0) AS n FROM report_counts')).rows[0]!.n);
    const before = await total();
    const insert = (id: string, no: number) =>
      `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind, summary, status)
       VALUES ('${id}', '11111', 'x${no}', ${100_000 + no}, 0, 0, 2027, ${no}, ${TO}, 'in_person', 'crime_report', 'Tin báo', 'received')`;
    await client.query('BEGIN');
    await client.query("SET LOCAL so_antt.summaries = 'deferred'");
    await client.query(insert('deferred-1', 1));
    expect(await total()).toBe(before);
    await client.query('COMMIT');
    await client.query(insert('kept-2', 2));
    expect(await total()).toBe(before + 1);
  });
});
