import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FigureKey } from '../../api/views';
import * as v from '../../api/vocabulary';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { qb } from '../../db/query';
import type { Schema } from '../../db/schema';
import { openSqlite } from '../../db/store';
import { cleanup, tempDir } from '../support/backend';

afterEach(cleanup);

/** True when A and B are the same type; a call `same<A, B>(true)` compiles only then. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(proof: Same<A, B>): boolean => proof;

/**
 * The enum-like columns of the store and the contract's vocabulary each takes (api/vocabulary.ts). The
 * compiler holds db/schema.ts to the unions (`same`, checked by `npm run typecheck`); this file holds the
 * store's CHECK constraints, where a column has one, to the same lists.
 */
const columns = [
  { table: 'persons', column: 'gender', values: v.genders, typed: same<Schema['persons']['gender'], v.Gender>(true) },
  { table: 'reports', column: 'channel', values: v.channels, typed: same<Schema['reports']['channel'], v.Channel>(true) },
  { table: 'reports', column: 'kind', values: v.reportKinds, typed: same<Schema['reports']['kind'], v.ReportKind>(true) },
  { table: 'reports', column: 'status', values: v.reportStatuses, typed: same<Schema['reports']['status'], v.ReportStatus>(true) },
  { table: 'reports', column: 'decision', values: v.decisions, typed: same<Schema['reports']['decision'], v.Decision | null>(true) },
  { table: 'report_persons', column: 'role', values: v.personRoles, typed: same<Schema['report_persons']['role'], v.PersonRole>(true) },
  { table: 'person_links', column: 'kind', values: v.personLinkKinds, typed: same<Schema['person_links']['kind'], v.PersonLinkKind>(true) },
  { table: 'programs', column: 'status', values: v.programStatuses, typed: same<Schema['programs']['status'], v.ProgramStatus>(true) },
  { table: 'programs', column: 'end_reason', values: v.programEndReasons, typed: same<Schema['programs']['end_reason'], v.ProgramEndReason | null>(true) },
  { table: 'program_checkins', column: 'drug_test_result', values: v.drugTestResults, typed: same<Schema['program_checkins']['drug_test_result'], v.DrugTestResult | null>(true) },
  { table: 'hotspots', column: 'type', values: v.hotspotTypes, typed: same<Schema['hotspots']['type'], v.HotspotType>(true) },
  { table: 'hotspots', column: 'risk', values: v.hotspotRisks, typed: same<Schema['hotspots']['risk'], v.HotspotRisk>(true) },
  { table: 'hotspots', column: 'status', values: v.hotspotStatuses, typed: same<Schema['hotspots']['status'], v.HotspotStatus>(true) },
  { table: 'hotspot_history', column: 'status', values: v.hotspotStatuses, typed: same<Schema['hotspot_history']['status'], v.HotspotStatus>(true) },
  { table: 'hotspot_persons', column: 'role', values: v.hotspotRoles, typed: same<Schema['hotspot_persons']['role'], v.HotspotRole>(true) },
  { table: 'operations', column: 'kind', values: v.operationKinds, typed: same<Schema['operations']['kind'], v.OperationKind>(true) },
  { table: 'team_members', column: 'role', values: v.memberRoles, typed: same<Schema['team_members']['role'], v.MemberRole>(true) },
  { table: 'team_activities', column: 'kind', values: v.activityKinds, typed: same<Schema['team_activities']['kind'], v.ActivityKind>(true) },
  { table: 'models', column: 'kind', values: v.modelKinds, typed: same<Schema['models']['kind'], v.ModelKind>(true) },
  { table: 'model_evaluations', column: 'rating', values: v.modelRatings, typed: same<Schema['model_evaluations']['rating'], v.ModelRating>(true) },
  { table: 'safety_criteria', column: 'unit_kind', values: v.safetyUnitKinds, typed: same<Schema['safety_criteria']['unit_kind'], v.SafetyUnitKind>(true) },
  { table: 'safety_units', column: 'unit_kind', values: v.safetyUnitKinds.filter((kind) => kind !== 'village'), typed: same<Schema['safety_units']['unit_kind'], Exclude<v.SafetyUnitKind, 'village'>>(true) },
  { table: 'safety_evaluations', column: 'unit_kind', values: v.safetyUnitKinds, typed: same<Schema['safety_evaluations']['unit_kind'], v.SafetyUnitKind>(true) },
  { table: 'exchange_peers', column: 'role', values: v.peerRoles, typed: same<Schema['exchange_peers']['role'], v.PeerRole>(true) },
] as const;

/**
 * Never run: what the typecheck (`npm run typecheck`, before every test run in CI) must refuse. An
 * `@ts-expect-error` with no error under it fails the typecheck, so each line below is a check.
 */
function refusedByTheCompiler(): void {
  // @ts-expect-error: "recieved" is not a report status.
  qb.selectFrom('reports').select('id').where('status', '=', 'recieved');
  // @ts-expect-error: "theft" is a category, not a report kind.
  qb.updateTable('reports').set({ kind: 'theft' });
  // @ts-expect-error: no such figure.
  const wrongKey: FigureKey = 'reports.totl';
  // @ts-expect-error: a report kind's figure names a kind of the vocabulary.
  const wrongKind: FigureKey = 'reports.kind.crime';
  const rightKeys: FigureKey[] = ['reports.total', 'reports.kind.crime_report', 'group.none', 'seized.heroin', 'programs.active', 'programs.active.drug_user'];
  void [wrongKey, wrongKind, rightKeys];
}
void refusedByTheCompiler;

/** The values a column's CHECK (column IN (...)) allows in a table's CREATE statement, or null without one. */
function checkedValues(createSql: string, column: string): string[] | null {
  const match = new RegExp(`\\b${column} TEXT[^,]*?CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(createSql.replace(/\s+/g, ' '));
  return match ? [...match[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : null;
}

describe('the store speaks the contract’s vocabulary', () => {
  it('each enum-like column with a CHECK constraint allows exactly the contract’s values', () => {
    const db = openSqlite(join(tempDir(), 'vocabulary.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    const tables = new Map((db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[]).map((row) => [row.name, row.sql]));
    db.close();
    let checked = 0;
    for (const { table, column, values, typed } of columns) {
      expect(typed, `${table}.${column} typed with the vocabulary`).toBe(true);
      const createSql = tables.get(table);
      expect(createSql, table).toBeDefined();
      const allowed = checkedValues(createSql!, column);
      if (allowed === null) continue;
      checked += 1;
      expect([...allowed].sort(), `${table}.${column}`).toEqual([...values].sort());
    }
    // Most of them are checked by the store too (reports' channel, kind and status by the contract alone).
    expect(checked).toBeGreaterThanOrEqual(18);
  });
});
