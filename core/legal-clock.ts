import { addDays, addMonths, addWorkingDays, endOfDay, localDate, onOrNextWorkingDay, type DaysOff, type IsoDate } from './calendar';

/**
 * The legal clock of a crime report, with its sources. Durations that change with the law live here
 * and nowhere else; the office can adjust the ones marked as settings.
 *
 * - Transfer to the investigating body within 24 hours of receipt, 48 hours in remote communes and
 *   islands: Criminal Procedure Code 2015 art. 146(3), as amended by Law 02/2021/QH15.
 * - Written notice of receipt to the procuracy and to the reporter within 3 working days:
 *   Joint Circular 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC art. 14.
 * - Decision (prosecute, not prosecute, suspend) within 20 days of receipt; up to 2 months when the case
 *   is complex; extendable once by up to 2 months: CPC 2015 art. 147(1), (2).
 * - Counting (CPC 2015 art. 134): a limit in days ends at 24:00 of its last day; a limit in months ends on
 *   the corresponding date of its last month, or that month's last day; a limit ending on a day off ends on
 *   the first working day after it. Hours are counted as hours. Whether the day of receipt counts is not
 *   settled in the texts read: `countFromNextDay` (default true, as Civil Code 2015 art. 147) decides.
 */
export interface LegalClockRules {
  readonly transferHours: number;
  readonly transferHoursRemote: number;
  readonly noticeWorkingDays: number;
  readonly decisionDays: number;
  readonly complexMonths: number;
  readonly extensionMaxMonths: number;
  readonly countFromNextDay: boolean;
}

export const defaultLegalClockRules: LegalClockRules = Object.freeze({
  transferHours: 24,
  transferHoursRemote: 48,
  noticeWorkingDays: 3,
  decisionDays: 20,
  complexMonths: 2,
  extensionMaxMonths: 2,
  countFromNextDay: true,
});

export interface ClockInput {
  /** When the report was received (epoch ms). */
  readonly receivedAt: number;
  readonly remoteCommune: boolean;
  readonly complex: boolean;
  /** The last day of an extension granted by decision, if any. */
  readonly extendedUntil: IsoDate | null;
}

export interface Deadlines {
  /** Instants (epoch ms, exclusive end: a limit ending "at 24:00 of D" is the start of D+1). */
  readonly transferDueAt: number;
  readonly noticeDueAt: number;
  readonly decisionDueAt: number;
  /** The latest day an extension may reach: the decision limit without extension plus the maximum. */
  readonly extensionLimit: IsoDate;
}

/** The last day of a limit of `days` days from the day of receipt, before the day-off rule. */
function lastDayOfDays(received: IsoDate, days: number, rules: LegalClockRules): IsoDate {
  return addDays(received, rules.countFromNextDay ? days : days - 1);
}

function lastDayOfMonths(received: IsoDate, months: number, rules: LegalClockRules): IsoDate {
  const corresponding = addMonths(received, months);
  return rules.countFromNextDay ? corresponding : addDays(corresponding, -1);
}

export function computeDeadlines(input: ClockInput, holidays: DaysOff, rules: LegalClockRules = defaultLegalClockRules): Deadlines {
  const received = localDate(input.receivedAt);
  const hours = input.remoteCommune ? rules.transferHoursRemote : rules.transferHours;
  const base = input.complex ? lastDayOfMonths(received, rules.complexMonths, rules) : lastDayOfDays(received, rules.decisionDays, rules);
  const baseEnd = onOrNextWorkingDay(base, holidays);
  const extensionLimit = addMonths(baseEnd, rules.extensionMaxMonths);
  // Only a complex case's limit is extended (art. 147(2)).
  const extended = input.complex && input.extendedUntil !== null && input.extendedUntil > baseEnd;
  const decisionDay = extended ? onOrNextWorkingDay(input.extendedUntil!, holidays) : baseEnd;
  return {
    transferDueAt: input.receivedAt + hours * 60 * 60 * 1000,
    noticeDueAt: endOfDay(addWorkingDays(received, rules.noticeWorkingDays, holidays)),
    decisionDueAt: endOfDay(decisionDay),
    extensionLimit,
  };
}

/**
 * How late an action was against its limit (ms; 0 when in time or when the time it was done is not
 * known). Limits are exclusive ends: an action at the very instant `dueAt` is already late.
 */
export function lateBy(dueAt: number, doneAt: number | null): number {
  return doneAt === null || doneAt < dueAt ? 0 : doneAt - dueAt;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * A lateness in whole units for display: hours up to two days ("chuyển chậm 23 giờ"), whole days
 * beyond. A part of an hour counts as an hour (a transfer a minute late is late).
 */
export function lateSpan(ms: number): { readonly unit: 'hours' | 'days'; readonly n: number } {
  const hours = Math.max(1, Math.ceil(ms / HOUR_MS));
  return hours < 48 ? { unit: 'hours', n: hours } : { unit: 'days', n: Math.floor(hours / 24) };
}
