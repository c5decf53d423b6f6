import { addMonths as addCalendarMonths, isIsoDate } from '../../../db/rules/calendar';

/**
 * The end of a program for display while the form is filled in: the start date plus the kind's months,
 * on the same day of the month (or that month's last day), by the backend's own calendar rule
 * (db/rules/calendar.ts). Null while the start is not a date. The backend computes the stored end itself.
 */
export function addMonths(isoDate: string, months: number): string | null {
  return isIsoDate(isoDate) ? addCalendarMonths(isoDate, months) : null;
}
