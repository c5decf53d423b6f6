import { first, qb } from '../query';
import { AppError } from '../app-error';
import type { Sqlite } from '../store';
import { createTeam, evaluateModel, evaluateUnit, listModels, listTeams, modelView, requireTeam, safetySummary, teamView } from '../movement';
import { storeFor, type HandlersOf } from './context';
import { codeFromName } from '../code-names';

export const movementHandlers: HandlersOf<'teams.' | 'models.' | 'safety.'> = {
  'teams.list': (ctx) => listTeams(storeFor(ctx).store.sql),
  'teams.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return teamView(store.sql, createTeam(store.sql, store.writes, input, write));
  },
  'teams.addMember': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    requireTeam(store.sql, input.teamId);
    store.writes.insert('team_members', { team_id: input.teamId, full_name: input.fullName, role: input.role, joined_on: input.joinedOn, left_on: null, contact: input.contact }, write);
    return teamView(store.sql, input.teamId);
  },
  'teams.endMember': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const member = first(store.sql, qb.selectFrom('team_members').selectAll().where('id', '=', input.memberId).where('deleted_at', 'is', null));
    if (!member) throw new AppError('record.not_found', `member ${input.memberId} not found`);
    if (input.leftOn < member.joined_on) throw new AppError('validation', 'left before joining', { fields: { leftOn: 'v.date' } });
    store.writes.update('team_members', member.id, member.version, { left_on: input.leftOn }, write);
    return teamView(store.sql, member.team_id);
  },
  'teams.addActivity': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    requireTeam(store.sql, input.teamId);
    store.writes.insert('team_activities', { team_id: input.teamId, kind: input.kind, date: input.date, description: input.description, result: input.result }, write);
    return teamView(store.sql, input.teamId);
  },
  'models.list': (ctx) => listModels(storeFor(ctx).store.sql),
  'models.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const row = store.writes.insert('models', { name: input.name, kind: input.kind, locality_id: input.localityId, started_on: input.startedOn, lead: input.lead }, write);
    return modelView(store.sql, row.id);
  },
  'models.evaluate': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    evaluateModel(store.sql, store.writes, input, write);
    return modelView(store.sql, input.modelId);
  },
  'safety.addUnit': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return { id: store.writes.insert('safety_units', { name: input.name, unit_kind: input.unitKind, locality_id: input.localityId }, write).id };
  },
  'safety.addCriterion': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const taken = (code: string) => first(store.sql, qb.selectFrom('safety_criteria').select('id').where('code', '=', code)) !== undefined;
    if (input.code !== '' && taken(input.code)) {
      throw new AppError('validation', 'this code is taken', { fields: { code: 'v.invalid' } });
    }
    // Left out: made from the wording (a code is bookkeeping, never typed nor shown).
    const code = input.code !== '' ? input.code : codeFromName(input.text, taken, 'criterion', 48);
    const sort = (store.sql.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM safety_criteria').get() as { n: number }).n;
    store.writes.insert('safety_criteria', { code, unit_kind: input.unitKind, text: input.text, sort }, write);
    return null;
  },
  'safety.updateCriterion': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const criterion = liveCriterion(store.sql, input.code);
    // Reworded here, the criterion is the office's own until the higher office sends a change (migration 16).
    store.writes.update('safety_criteria', criterion.id, criterion.version, { text: input.text, origin: 'office' }, write);
    return null;
  },
  'safety.retireCriterion': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    store.writes.void('safety_criteria', liveCriterion(store.sql, input.code).id, input.reason, write);
    return null;
  },
  'safety.evaluate': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    evaluateUnit(store.sql, store.writes, input, write);
    return safetySummary(store.sql, input.year);
  },
  'safety.summary': (ctx, input) => safetySummary(storeFor(ctx).store.sql, input.year),
};

function liveCriterion(db: Sqlite, code: string): { id: string; version: string } {
  const row = first(db, qb.selectFrom('safety_criteria').select(['id', 'version']).where('code', '=', code).where('deleted_at', 'is', null));
  if (!row) throw new AppError('record.not_found', `criterion ${code} not found`);
  return row;
}
