import { z } from 'zod';
import { call, listOf, oneRecord } from '../define';
import { changesOf, citizenId, id, isoDate, officeFilter, optionalText, requiredText } from '../fields';
import type { DeadlineBoard, HistoryEntry, Page, PersonMatch, PersonView, ReportDetail, ReportRow } from '../views';
import { channels, reportKinds, reportStatuses, decisions, personRoles, genders } from '../vocabulary';
export { channels, reportKinds, reportStatuses, decisions, personRoles, genders, type Channel, type ReportKind, type ReportStatus, type Decision, type PersonRole, type Gender } from '../vocabulary';

export const sortColumns = ['register', 'received_at', 'kind', 'category', 'status', 'locality', 'officer', 'next_due_at', 'summary'] as const;

export type SortColumn = (typeof sortColumns)[number];

const money = z.number({ error: 'v.number' }).int('v.number').min(0, 'v.too_small').max(1e15, 'v.too_big');
const count = z.number({ error: 'v.number' }).int('v.number').min(0, 'v.too_small').max(100_000, 'v.too_big');

export const personInput = z.strictObject({
  fullName: requiredText(100),
  otherNames: optionalText(200),
  gender: z.enum(genders).default('unknown'),
  birthDate: isoDate.nullable().default(null),
  birthYear: z.number({ error: 'v.number' }).int('v.number').min(1900, 'v.too_small').max(2100, 'v.too_big').nullable().default(null),
  citizenId: citizenId.nullable().default(null),
  permanentAddress: optionalText(300),
  temporaryAddress: optionalText(300),
  localityId: id.nullable().default(null),
  notes: optionalText(2000),
});

/** A person named in a report: an existing person by id, or a new one. */
export const reportPersonInput = z.union([
  z.strictObject({ personId: id, role: z.enum(personRoles, { error: 'v.required' }) }),
  z.strictObject({ person: personInput, role: z.enum(personRoles, { error: 'v.required' }) }),
]);

export const reportFields = z.strictObject({
  receivedAt: z.number({ error: 'v.required' }).int().min(Date.UTC(1990, 0, 1), 'v.date').max(Date.UTC(2200, 0, 1), 'v.date'),
  occurredOn: isoDate.nullable().default(null),
  occurredNote: optionalText(200),
  channel: z.enum(channels, { error: 'v.required' }),
  kind: z.enum(reportKinds, { error: 'v.required' }),
  categoryCode: z.string().max(60).nullable().default(null),
  localityId: id.nullable().default(null),
  address: optionalText(300),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  reporterName: optionalText(100),
  reporterContact: optionalText(100),
  reporterAddress: optionalText(300),
  reporterAnonymous: z.boolean().default(false),
  summary: requiredText(300),
  description: optionalText(20_000),
  deaths: count.nullable().default(null),
  injuries: count.nullable().default(null),
  damage: money.nullable().default(null),
  sanctionDecision: optionalText(100),
  fine: money.nullable().default(null),
  officerId: id.nullable().default(null),
  persons: z.array(reportPersonInput).max(200, 'v.too_long').default([]),
});

/** Moves along the status path; each step carries what the law asks to record with it. */
export const transitionInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start_check') }),
  z.strictObject({ action: z.literal('transfer'), at: z.number().int(), to: requiredText(200) }),
  z.strictObject({ action: z.literal('handle_in_commune') }),
  z.strictObject({ action: z.literal('notice_sent'), at: z.number().int() }),
  z.strictObject({ action: z.literal('mark_complex'), complex: z.boolean() }),
  z.strictObject({ action: z.literal('extend'), until: isoDate, decisionNo: requiredText(60) }),
  z.strictObject({ action: z.literal('decide'), decision: z.enum(decisions, { error: 'v.required' }), at: z.number().int(), decisionNo: requiredText(60) }),
  z.strictObject({ action: z.literal('resolve'), how: z.enum(['resolved_admin', 'resolved_mediation']), note: requiredText(2000) }),
]);

export const reportFilters = z.strictObject({
  q: z.string().max(200).default(''),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  kind: z.enum(reportKinds).nullable().default(null),
  categoryCode: z.string().max(60).nullable().default(null),
  status: z.enum(reportStatuses).nullable().default(null),
  localityId: id.nullable().default(null),
  officerId: id.nullable().default(null),
  overdue: z.boolean().default(false),
  includeVoided: z.boolean().default(false),
  officeId: officeFilter,
});

export const reportListInput = z.strictObject({
  filters: reportFilters.default(reportFilters.parse({})),
  sort: z.strictObject({ column: z.enum(sortColumns), direction: z.enum(['asc', 'desc']) }).default({ column: 'register', direction: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Whether to count the matching reports (the total): a list asks once per query, with its first page. */
  count: z.boolean().default(true),
});

const target = z.strictObject({ id, baseVersion: z.string().min(1) });

export const registerCalls = {
  'reports.list': call<Page<ReportRow, number | null>>()({ readOnly: true, input: reportListInput, permission: 'session', audit: listOf('reports', (page) => page.rows.map((row) => row.id)) }),
  'reports.get': call<ReportDetail>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('reports') }),
  'reports.history': call<HistoryEntry[]>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('reports') }),
  'reports.create': call<ReportDetail>()({ input: reportFields, permission: 'records.write' }),
  'reports.update': call<ReportDetail>()({ input: z.strictObject({ ...target.shape, fields: changesOf(reportFields) }), permission: 'records.write' }),
  'reports.transition': call<ReportDetail>()({ input: z.strictObject({ ...target.shape, step: transitionInput }), permission: 'records.write' }),
  'reports.void': call<ReportDetail>()({ input: z.strictObject({ ...target.shape, reason: requiredText(500) }), permission: 'records.write' }),
  'reports.deadlines': call<DeadlineBoard>()({
    readOnly: true,
    input: z.strictObject({ withinDays: z.number().int().min(0).max(60).default(3), officeId: officeFilter }),
    permission: 'session',
    audit: listOf('reports', (board) => [...board.overdue, ...board.today, ...board.soon].map((item) => item.reportId)),
  }),
  'persons.match': call<PersonMatch>()({
    readOnly: true,
    input: z.strictObject({ fullName: z.string().max(100).default(''), birthYear: z.number().int().nullable().default(null), citizenId: z.string().max(12).default('') }),
    permission: 'session',
    audit: listOf('persons', (match) => [...(match.sameCitizenId ? [match.sameCitizenId.id] : []), ...match.similar.map((person) => person.id)]),
  }),
  'persons.search': call<PersonView[]>()({
    readOnly: true,
    input: z.strictObject({ q: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
    permission: 'session',
    audit: listOf('persons', (persons) => persons.map((person) => person.id)),
  }),
  'persons.get': call<PersonView>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('persons') }),
  'persons.update': call<PersonView>()({ input: z.strictObject({ ...target.shape, fields: changesOf(personInput) }), permission: 'records.write' }),
};
