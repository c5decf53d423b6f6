import type { z } from 'zod';
import type { periodInput } from '../../api/calls/periodic';
import { policeMonthOf } from '../../core/periods';
import { toNumber } from '../forms/convert';

/**
 * The period chooser's values as its inputs hold them (text), the call's input made from them, and
 * the period a page opens on: the police month that today falls in.
 */

export const periodKinds = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface PeriodValues {
  readonly period: {
    readonly kind: PeriodKind;
    readonly year: string;
    /** Month 1–12, quarter 1–4 or half 1–2, as the kind has it. */
    readonly index: string;
    /** A custom range, 'YYYY-MM-DD' as a date input holds it. */
    readonly start: string;
    readonly end: string;
  };
  /** Whose figures: an office's code, '' for every office; absent: the store's default scope. */
  readonly officeId?: string;
}

/** How many periods of a kind a police year has (none for a year or a custom range). */
export function indexCount(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : kind === 'half' ? 2 : 0;
}

/** The police month that today falls in; a custom range starts as today alone. */
export function initialPeriodValues(today: string, cutoff: number): PeriodValues {
  const { year, month } = policeMonthOf(today, cutoff);
  return { period: { kind: 'month', year: String(year), index: String(month), start: today, end: today } };
}

/** Another kind keeps the year; an index beyond the new kind's count goes back to 1. */
export function withKind(values: PeriodValues, kind: PeriodKind): PeriodValues {
  const count = indexCount(kind);
  const index = count > 0 && Number(values.period.index) > count ? '1' : values.period.index;
  return { ...values, period: { ...values.period, kind, index } };
}

type PeriodInput = z.input<typeof periodInput>;

export function toPeriodInput(values: PeriodValues): { period: PeriodInput; officeId?: string | null } {
  const scope = values.officeId === undefined ? {} : { officeId: values.officeId || null };
  return { period: periodOf(values.period), ...scope };
}

function periodOf({ kind, year, index, start, end }: PeriodValues['period']): PeriodInput {
  switch (kind) {
    case 'custom':
      return { kind, start, end };
    case 'year':
      return { kind, year: toNumber(year) };
    default:
      return { kind, year: toNumber(year), index: toNumber(index) };
  }
}
