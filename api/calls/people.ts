import { z } from 'zod';
import { call, listOf, oneRecord } from '../define';
import { changesOf, id, isoDate, officeFilter, optionalText, requiredText } from '../fields';
import type { DuplicateGroup, GraphView, Page, PersonRow, PersonOverview, ProgramKindView, ProgramView, ReminderBoard } from '../views';
import { personInput } from './register';
import { personLinkKinds, personScopes, programStatuses, programEndReasons, drugTestResults } from '../vocabulary';
export { personLinkKinds, personScopes, programStatuses, programEndReasons, drugTestResults, type PersonLinkKind, type PersonScope, type ProgramStatus, type ProgramEndReason, type DrugTestResult } from '../vocabulary';

const target = z.strictObject({ id, baseVersion: z.string().min(1) });
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };

export const personListInput = z.strictObject({
  q: z.string().max(200).default(''),
  localityId: id.nullable().default(null),
  programKind: z.string().max(60).nullable().default(null),
  /**
   * "subjects": the Đối tượng only, suspects in a report or under an active management program;
   * "all": everyone on record, with the người liên quan (victims, witnesses, reporters). docs/domain.md.
   */
  scope: z.enum(personScopes).default('all'),
  sort: z.enum(['name', 'birth_year', 'created_at']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  officeId: officeFilter,
  ...page,
});

export const programInput = z.strictObject({
  personId: id,
  kindCode: requiredText(60),
  decisionNo: optionalText(60),
  decisionDate: isoDate.nullable().default(null),
  startDate: isoDate,
  /** Required when the kind has no fixed duration; otherwise computed, and a different date needs a reason. */
  endDate: isoDate.nullable().default(null),
  endOverrideReason: optionalText(300),
  officerId: id.nullable().default(null),
});

export const programListInput = z.strictObject({
  q: z.string().max(200).default(''),
  kindCode: z.string().max(60).nullable().default(null),
  status: z.enum(programStatuses).nullable().default('active'),
  officerId: id.nullable().default(null),
  officeId: officeFilter,
  ...page,
});

export const peopleCalls = {
  'persons.list': call<Page<PersonRow>>()({ readOnly: true, input: personListInput, permission: 'session', audit: listOf('persons', (page) => page.rows.map((row) => row.id)) }),
  'persons.create': call<{ id: string }>()({ input: personInput, permission: 'records.write' }),
  /** Everything that names a person: reports, hotspots, programs, links. */
  'persons.overview': call<PersonOverview>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('persons') }),
  'persons.link': call<null>()({
    input: z.strictObject({ personId: id, otherId: id, kind: z.enum(personLinkKinds, { error: 'v.required' }), note: optionalText(300) }),
    permission: 'records.write',
  }),
  'persons.unlink': call<null>()({ input: z.strictObject({ linkId: id, reason: requiredText(300) }), permission: 'records.write' }),
  'persons.duplicates': call<DuplicateGroup[]>()({
    readOnly: true,
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    permission: 'session',
    audit: listOf('persons', (groups) => groups.flatMap((group) => group.persons.map((person) => person.id))),
  }),
  'persons.duplicatesOf': call<DuplicateGroup>()({
    readOnly: true,
    input: z.strictObject({ id }),
    permission: 'session',
    audit: listOf('persons', (group) => group.persons.map((person) => person.id)),
  }),
  /** Keeps one record: every link of the other moves to it; the other is voided, pointing at it. */
  'persons.merge': call<PersonOverview>()({
    input: z.strictObject({ keepId: id, keepVersion: z.string().min(1), dropId: id, dropVersion: z.string().min(1) }),
    permission: 'records.write',
  }),
  'persons.moveAway': call<PersonOverview>()({ input: z.strictObject({ ...target.shape, to: requiredText(200), on: isoDate }), permission: 'records.write' }),
  'programs.kinds': call<ProgramKindView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'programs.createKind': call<ProgramKindView>()({
    input: z.strictObject({
      /** Left out (or empty): made from the Vietnamese name; nobody types a code name. */
      code: z.string().trim().regex(/^([a-z0-9_]{2,40})?$/, 'v.invalid').default(''),
      nameVi: requiredText(150),
      /** Empty: the English interface shows the Vietnamese name. */
      nameEn: optionalText(150),
      months: z.number().int().min(1).max(240).nullable().default(null),
      checkinDays: z.number().int().min(1).max(365).default(30),
      drugTestDays: z.number().int().min(1).max(365).nullable().default(null),
      source: optionalText(300),
    }),
    permission: 'settings.manage',
  }),
  'programs.list': call<Page<ProgramView>>()({ readOnly: true, input: programListInput, permission: 'session', audit: listOf('programs', (page) => page.rows.map((row) => row.id)) }),
  'programs.get': call<ProgramView>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('programs') }),
  'programs.create': call<ProgramView>()({ input: programInput, permission: 'records.write' }),
  'programs.update': call<ProgramView>()({ input: z.strictObject({ ...target.shape, fields: changesOf(programInput) }), permission: 'records.write' }),
  'programs.checkin': call<ProgramView>()({
    input: z.strictObject({
      programId: id,
      date: isoDate,
      officerId: id.nullable().default(null),
      result: optionalText(2000),
      drugTestResult: z.enum(drugTestResults).nullable().default(null),
    }),
    permission: 'records.write',
  }),
  'programs.end': call<ProgramView>()({
    input: z.strictObject({ ...target.shape, on: isoDate, reason: z.enum(programEndReasons, { error: 'v.required' }), note: optionalText(1000) }),
    permission: 'records.write',
  }),
  'programs.reminders': call<ReminderBoard>()({
    readOnly: true,
    input: z.strictObject({ withinDays: z.number().int().min(0).max(90).default(7) }),
    permission: 'session',
    audit: listOf('programs', (board) => [...board.overdue, ...board.upcoming].map((item) => item.programId)),
  }),
  /** People, hotspots and reports up to two links out from a person or a hotspot. */
  'graph.around': call<GraphView>()({
    readOnly: true,
    input: z.strictObject({ kind: z.enum(['person', 'hotspot']), id, depth: z.number().int().min(1).max(2).default(2) }),
    permission: 'session',
    audit: listOf(null, (graph) => graph.nodes.map((node) => node.id)),
  }),
};
