import type { ActivityKind, ModelKind, SafetyUnitKind } from '../api/vocabulary';
import type { ModelView, SafetySummary, TeamView } from '../api/views';
import { AppError } from './app-error';
import { byVillageName } from './office';
import { all, first, prepared, qb } from './query';
import { endOfDay, startOfDay } from '../core/calendar';
import { communeResult, seriousCategories, unitRecognised } from '../core/safe-unit';
import type { Sqlite } from './store';
import type { WritePath, WriteContext } from './write-path';

export function teamView(db: Sqlite, id: string): TeamView {
  const team = first(db, qb.selectFrom('teams').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!team) throw new AppError('record.not_found', `team ${id} not found`);
  const localities = all(db, qb.selectFrom('team_localities').select('locality_id').where('team_id', '=', id).where('deleted_at', 'is', null));
  const members = all(db, qb.selectFrom('team_members').selectAll().where('team_id', '=', id).where('deleted_at', 'is', null).orderBy('joined_on'));
  const activities = all(db, qb.selectFrom('team_activities').selectAll().where('team_id', '=', id).where('deleted_at', 'is', null).orderBy('date', 'desc'));
  return {
    id: team.id,
    name: team.name,
    foundedOn: team.founded_on,
    localityIds: localities.map((row) => row.locality_id),
    members: members.map((m) => ({ id: m.id, fullName: m.full_name, role: m.role, joinedOn: m.joined_on, leftOn: m.left_on, contact: m.contact })),
    activities: activities.map((a) => ({ id: a.id, kind: a.kind as ActivityKind, date: a.date, description: a.description, result: a.result })),
  };
}

export function listTeams(db: Sqlite): TeamView[] {
  return all(db, qb.selectFrom('teams').select('id').where('deleted_at', 'is', null).orderBy('name')).map((row) => teamView(db, row.id));
}

export function createTeam(db: Sqlite, writes: WritePath, input: { name: string; localityIds: readonly string[]; foundedOn: string | null; notes: string }, ctx: WriteContext): string {
  return db.transaction(() => {
    const team = writes.insert('teams', { name: input.name, founded_on: input.foundedOn, notes: input.notes }, ctx);
    for (const localityId of new Set(input.localityIds)) writes.insert('team_localities', { team_id: team.id, locality_id: localityId }, ctx);
    return team.id;
  })();
}

export function requireTeam(db: Sqlite, id: string): void {
  if (!first(db, qb.selectFrom('teams').select('id').where('id', '=', id).where('deleted_at', 'is', null))) {
    throw new AppError('validation', 'no such team', { fields: { teamId: 'v.invalid' } });
  }
}

export function modelView(db: Sqlite, id: string): ModelView {
  const model = first(db, qb.selectFrom('models').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!model) throw new AppError('record.not_found', `model ${id} not found`);
  const evaluations = all(db, qb.selectFrom('model_evaluations').selectAll().where('model_id', '=', id).where('deleted_at', 'is', null).orderBy('year', 'desc'));
  return {
    id: model.id,
    name: model.name,
    kind: model.kind as ModelKind,
    localityId: model.locality_id,
    startedOn: model.started_on,
    lead: model.lead,
    evaluations: evaluations.map((e) => ({ year: e.year, rating: e.rating, note: e.note })),
  };
}

export function listModels(db: Sqlite): ModelView[] {
  return all(db, qb.selectFrom('models').select('id').where('deleted_at', 'is', null).orderBy('started_on')).map((row) => modelView(db, row.id));
}

/** One rating per model and year: a new one voids the previous. */
export function evaluateModel(db: Sqlite, writes: WritePath, input: { modelId: string; year: number; rating: 'good' | 'fair' | 'weak'; note: string }, ctx: WriteContext): void {
  modelView(db, input.modelId);
  db.transaction(() => {
    const old = all(db, qb.selectFrom('model_evaluations').select('id').where('model_id', '=', input.modelId).where('year', '=', input.year).where('deleted_at', 'is', null));
    for (const row of old) writes.void('model_evaluations', row.id, 'replaced by a new evaluation', ctx);
    writes.insert('model_evaluations', { model_id: input.modelId, year: input.year, rating: input.rating, note: input.note }, ctx);
  })();
}

function criteriaOf(db: Sqlite, unitKind: string): string[] {
  return all(db, qb.selectFrom('safety_criteria').select('code').where('unit_kind', '=', unitKind as 'village').where('deleted_at', 'is', null)).map((row) => row.code);
}

/**
 * Records one unit's checklist for a year and whether it is recognised (every criterion of its kind
 * passed); an earlier evaluation of the same unit and year is voided, so the latest one counts.
 */
export function evaluateUnit(
  db: Sqlite,
  writes: WritePath,
  input: { year: number; unitKind: SafetyUnitKind; unitId: string; results: readonly { criterionCode: string; passed: boolean; evidence: string }[] },
  ctx: WriteContext,
): void {
  const criteria = criteriaOf(db, input.unitKind);
  input.results.forEach((result, index) => {
    if (!criteria.includes(result.criterionCode)) throw new AppError('validation', `criterion ${result.criterionCode} is not for ${input.unitKind}`, { fields: { [`results.${index}.criterionCode`]: 'v.invalid' } });
  });
  const unitExists =
    input.unitKind === 'village'
      ? first(db, qb.selectFrom('localities').select('id').where('id', '=', input.unitId))
      : first(db, qb.selectFrom('safety_units').select('id').where('id', '=', input.unitId).where('unit_kind', '=', input.unitKind));
  if (!unitExists) throw new AppError('validation', 'no such unit', { fields: { unitId: 'v.invalid' } });
  const recognised = unitRecognised(criteria, new Map(input.results.map((r) => [r.criterionCode, r.passed])));
  db.transaction(() => {
    const old = all(
      db,
      qb.selectFrom('safety_evaluations').select('id').where('year', '=', input.year).where('unit_kind', '=', input.unitKind).where('unit_id', '=', input.unitId).where('deleted_at', 'is', null),
    );
    for (const row of old) writes.void('safety_evaluations', row.id, 'replaced by a new evaluation', ctx);
    const evaluation = writes.insert('safety_evaluations', { year: input.year, unit_kind: input.unitKind, unit_id: input.unitId, recognised: recognised ? 1 : 0 }, ctx);
    for (const result of input.results) {
      writes.insert('safety_results', { evaluation_id: evaluation.id, criterion_code: result.criterionCode, passed: result.passed ? 1 : 0, evidence: result.evidence }, ctx);
    }
  })();
}

/** The year's picture: every unit with its result, and the commune's own result by the rule. */
export function safetySummary(db: Sqlite, year: number): SafetySummary {
  const criteria = all(db, qb.selectFrom('safety_criteria').selectAll().where('deleted_at', 'is', null).orderBy('unit_kind').orderBy('sort'));
  const evaluations = new Map(
    all(db, qb.selectFrom('safety_evaluations').select(['unit_kind', 'unit_id', 'recognised']).where('year', '=', year).where('deleted_at', 'is', null)).map((row) => [
      `${row.unit_kind}:${row.unit_id}`,
      row.recognised === 1,
    ]),
  );
  const villages = all(db, qb.selectFrom('localities').select(['id', 'name']).where('deleted_at', 'is', null)).sort(byVillageName);
  const others = all(db, qb.selectFrom('safety_units').select(['id', 'name', 'unit_kind']).where('deleted_at', 'is', null).orderBy('name'));
  const units = [
    ...villages.map((v) => ({ unitKind: 'village' as SafetyUnitKind, unitId: v.id, name: v.name })),
    ...others.map((u) => ({ unitKind: u.unit_kind as SafetyUnitKind, unitId: u.id, name: u.name })),
  ].map((unit) => {
    const key = `${unit.unitKind}:${unit.unitId}`;
    return { ...unit, evaluated: evaluations.has(key), recognised: evaluations.get(key) === true };
  });
  const workingModels = (
    prepared(db, "SELECT count(DISTINCT model_id) AS n FROM model_evaluations WHERE year = ? AND rating IN ('good', 'fair') AND deleted_at IS NULL").get(year) as { n: number }
  ).n;
  const serious = (
    prepared(
      db,
      `SELECT count(*) AS n FROM reports WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ?
         AND (coalesce(deaths, 0) > 0 OR category_code IN (SELECT value FROM json_each(?)))`,
    ).get(startOfDay(`${year}-01-01`), endOfDay(`${year}-12-31`), JSON.stringify(seriousCategories)) as { n: number }
  ).n;
  const villageUnits = units.filter((u) => u.unitKind === 'village');
  const recognised = villageUnits.filter((u) => u.recognised).length;
  const result = communeResult({ workingModels, villagesRecognised: recognised, villagesTotal: villageUnits.length, seriousIncidents: serious });
  return {
    year,
    criteria: criteria.map((c) => ({ code: c.code, unitKind: c.unit_kind, text: c.text, source: c.origin ?? 'office' })),
    units,
    commune: {
      passed: result.passed,
      workingModels,
      villagesRecognised: recognised,
      villagesTotal: villageUnits.length,
      villageShare: result.villageShare,
      seriousIncidents: serious,
      shortfalls: result.shortfalls,
    },
  };
}
