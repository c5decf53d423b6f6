import { z } from 'zod';
import { call } from '../define';
import { id, isoDate, requiredText, unitCode } from '../fields';
import type { IssuedReportRow, IssuedReportView, PeriodicFigures } from '../views';

const year = z.number({ error: 'v.number' }).int('v.number').min(2000, 'v.too_small').max(2100, 'v.too_big');
const index = (max: number) => z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(max, 'v.too_big');

/**
 * A reporting period (docs/domain.md, "Reports and the police month"): a police month (1–12), quarter (1–4),
 * half (1–2) or year of a police year, or any range of dates up to ten years.
 */
export const periodInput = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('month'), year, index: index(12) }),
    z.strictObject({ kind: z.literal('quarter'), year, index: index(4) }),
    z.strictObject({ kind: z.literal('half'), year, index: index(2) }),
    z.strictObject({ kind: z.literal('year'), year }),
    z.strictObject({ kind: z.literal('custom'), start: isoDate, end: isoDate }),
  ], { error: 'v.required' })
  .superRefine((value, ctx) => {
    if (value.kind !== 'custom') return;
    if (value.end < value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'v.invalid' });
    else if (Number(value.end.slice(0, 4)) - Number(value.start.slice(0, 4)) > 10) ctx.addIssue({ code: 'custom', path: ['end'], message: 'v.too_big' });
  });

export type PeriodInput = z.output<typeof periodInput>;

/**
 * Whose figures a periodic report counts: an office's code, or null for every office in the store (a
 * higher office's aggregate, broken down by office). Left out: the own office in a commune's store,
 * every office in a higher office's store.
 */
export const reportScope = unitCode.nullable().optional();

/** The main figures a report for every office breaks down by office, besides each seized item (seized.<measure>). */
export const BREAKDOWN_KEYS = [
  'reports.total',
  'crime.received',
  'crime.solved',
  'operations.count',
  'persons.arrested',
  'hotspots.cleared',
  'programs.active',
] as const;

export const issueInput = z.strictObject({
  period: periodInput,
  officeId: reportScope,
  /** The chief's text, edited from the draft; paragraphs separated by blank lines. */
  narrative: requiredText(50_000),
  /** The kind of document and the office's abbreviation after the number: "BC-CAX". */
  symbol: z.string().trim().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, 'v.invalid').max(30, 'v.too_long'),
  issuedOn: isoDate,
  place: requiredText(100),
  signerTitle: requiredText(200),
  signerName: requiredText(100),
  recipients: z.array(requiredText(200)).max(30).default([]),
});

export const periodicCalls = {
  /** The figures of a period beside the same period last year, the previous period and the year so far, counted live. */
  'periodic.compute': call<PeriodicFigures>()({ readOnly: true, input: z.strictObject({ period: periodInput, officeId: reportScope }), permission: 'session' }),
  /** Issues a report: the next number of the year, the chief's text, and the figures frozen as they are now. */
  'periodic.issue': call<IssuedReportView>()({ input: issueInput, permission: 'office.lead' }),
  'periodic.list': call<IssuedReportRow[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** An issued report as issued, with the figures that have changed in the records since. */
  'periodic.get': call<IssuedReportView>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session' }),
};
