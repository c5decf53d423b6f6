import { z } from 'zod';
import { call, listOf } from '../define';
import { id, isoDate, optionalText, requiredText } from '../fields';
import type { ModelView, SafetySummary, TeamView } from '../views';
import { memberRoles, activityKinds, modelKinds, modelRatings, safetyUnitKinds } from '../vocabulary';
export { memberRoles, activityKinds, modelKinds, modelRatings, safetyUnitKinds, type MemberRole, type ActivityKind, type ModelKind, type ModelRating, type SafetyUnitKind } from '../vocabulary';

const year = z.number().int().min(2000).max(2100);

export const movementCalls = {
  'teams.list': call<TeamView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session', audit: listOf('teams', (teams) => teams.map((team) => team.id)) }),
  'teams.create': call<TeamView>()({
    input: z.strictObject({ name: requiredText(200), localityIds: z.array(id).max(100).default([]), foundedOn: isoDate.nullable().default(null), notes: optionalText(2000) }),
    permission: 'records.write',
  }),
  'teams.addMember': call<TeamView>()({
    input: z.strictObject({ teamId: id, fullName: requiredText(100), role: z.enum(memberRoles, { error: 'v.required' }), joinedOn: isoDate, contact: optionalText(100) }),
    permission: 'records.write',
  }),
  'teams.endMember': call<TeamView>()({ input: z.strictObject({ memberId: id, leftOn: isoDate }), permission: 'records.write' }),
  'teams.addActivity': call<TeamView>()({
    input: z.strictObject({ teamId: id, kind: z.enum(activityKinds, { error: 'v.required' }), date: isoDate, description: optionalText(2000), result: optionalText(2000) }),
    permission: 'records.write',
  }),
  'models.list': call<ModelView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session', audit: listOf('models', (models) => models.map((model) => model.id)) }),
  'models.create': call<ModelView>()({
    input: z.strictObject({ name: requiredText(200), kind: z.enum(modelKinds, { error: 'v.required' }), localityId: id.nullable().default(null), startedOn: isoDate, lead: optionalText(200) }),
    permission: 'records.write',
  }),
  'models.evaluate': call<ModelView>()({
    input: z.strictObject({ modelId: id, year, rating: z.enum(modelRatings, { error: 'v.required' }), note: optionalText(2000) }),
    permission: 'office.lead',
  }),
  'safety.addUnit': call<{ id: string }>()({
    input: z.strictObject({ name: requiredText(200), unitKind: z.enum(['agency', 'enterprise', 'school'], { error: 'v.required' }), localityId: id.nullable().default(null) }),
    permission: 'records.write',
  }),
  'safety.addCriterion': call<null>()({
    /** `code` left out (or empty): made from the wording; nobody types a code name. */
    input: z.strictObject({ code: z.string().trim().regex(/^([a-z0-9_]{2,60})?$/, 'v.invalid').default(''), unitKind: z.enum(safetyUnitKinds), text: requiredText(500) }),
    permission: 'settings.manage',
  }),
  /** Edits a criterion's wording; evaluations already recorded keep their results. */
  'safety.updateCriterion': call<null>()({ input: z.strictObject({ code: z.string().min(1).max(60), text: requiredText(500) }), permission: 'settings.manage' }),
  /** Retires a criterion: later evaluations no longer ask for it. */
  'safety.retireCriterion': call<null>()({ input: z.strictObject({ code: z.string().min(1).max(60), reason: requiredText(500) }), permission: 'settings.manage' }),
  /** One unit's checklist for a year; a new evaluation of the same unit and year replaces the old one. */
  'safety.evaluate': call<SafetySummary>()({
    input: z.strictObject({
      year,
      unitKind: z.enum(safetyUnitKinds, { error: 'v.required' }),
      unitId: id,
      results: z.array(z.strictObject({ criterionCode: z.string().min(1).max(60), passed: z.boolean(), evidence: optionalText(2000) })).min(1, 'v.required').max(100),
    }),
    permission: 'office.lead',
  }),
  'safety.summary': call<SafetySummary>()({ readOnly: true, input: z.strictObject({ year }), permission: 'session' }),
};
