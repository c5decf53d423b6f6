import { z } from 'zod';
import { call } from '../define';
import { folderPath, id, isoDate, optionalText, requiredText } from '../fields';
import type { CategoryView, HolidayView, HolidayYearView, LocalityView, OfficeListItem, OfficeView, Settings } from '../views';

export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 60;
export const SESSION_HOURS_MIN = 1;
export const SESSION_HOURS_MAX = 24;

const keepCount = (min: number, max: number) => z.number({ error: 'v.number' }).int('v.number').min(min, 'v.too_small').max(max, 'v.too_big').optional();

export const settingsInput = z.strictObject({
  /** 1 to 60 minutes: the idle lock cannot be turned off (docs/security.md, "Sessions"). */
  idleLockMinutes: z.number({ error: 'v.number' }).int('v.number').min(IDLE_LOCK_MIN, 'v.too_small').max(IDLE_LOCK_MAX, 'v.too_big'),
  /** Hours a login lasts whatever the activity; left out, it stays. */
  sessionHours: z.number({ error: 'v.number' }).int('v.number').min(SESSION_HOURS_MIN, 'v.too_small').max(SESSION_HOURS_MAX, 'v.too_big').optional(),
  remoteCommune: z.boolean(),
  /**
   * The day police statistical months start on (docs/domain.md, "Reports and the police month"); left out, it
   * stays as it is.
   */
  reportCutoffDay: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(28, 'v.too_big').optional(),
  /** A higher office: an office with no bundle for longer than this is shown as late; left out, it stays. */
  exchangeLateDays: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(365, 'v.too_big').optional(),
  /** No import moves the clock past now plus this many hours; left out, it stays. */
  exchangeClockBoundHours: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(720, 'v.too_big').optional(),
  /** Automatic backups kept (grandfather-father-son): the newest of each of the last N days, weeks, months. */
  backupKeepDaily: keepCount(1, 90),
  backupKeepWeekly: keepCount(0, 52),
  backupKeepMonthly: keepCount(0, 120),
  /** A folder each backup is also copied to (a USB drive); empty or null: none. Left out, it stays. */
  backupExternalDir: folderPath.nullable().optional(),
  /** Who signs the office's documents (Decree 30/2020): the chief's name; left out, it stays. */
  chiefName: optionalText(100).optional(),
  /** The deputies who may sign "KT. TRƯỞNG …" in the chief's place (at most 5); left out, they stay. */
  deputyNames: z.array(requiredText(100)).max(5, 'v.too_big').optional(),
});

const holidayYear = z.number({ error: 'v.number' }).int('v.number').min(2000, 'v.too_small').max(2100, 'v.too_big');

export const localityInput = z.strictObject({ name: requiredText(100), kind: requiredText(40).default('thôn') });

export const officeCalls = {
  'office.get': call<OfficeView>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** The offices whose records the store holds (the own office first): a higher office's filter. */
  'offices.list': call<OfficeListItem[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'settings.get': call<Settings>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'settings.update': call<Settings>()({ input: settingsInput, permission: 'settings.manage' }),
  'localities.list': call<LocalityView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'localities.create': call<LocalityView>()({ input: localityInput, permission: 'settings.manage' }),
  'categories.list': call<CategoryView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** Days off besides weekends, for the working-day count of legal limits. */
  'holidays.list': call<HolidayView[]>()({ readOnly: true, input: z.strictObject({ year: z.number().int().min(2000).max(2100).nullable().default(null) }), permission: 'session' }),
  /** A year's list: the computed days, the higher office's and the office's changes, and whether it is confirmed. */
  'holidays.year': call<HolidayYearView>()({ readOnly: true, input: z.strictObject({ year: holidayYear }), permission: 'session' }),
  /** A day off added (a bridge day, an extra day), or a weekend day worked in a swap, with its name (chief or administrator). */
  'holidays.create': call<HolidayView>()({
    // worked: a Saturday or a Sunday worked instead of a day off (the Government's swap), not a day off added.
    input: z.strictObject({ date: isoDate, name: requiredText(100), worked: z.boolean().default(false) }),
    permission: 'office.lead',
  }),
  /** A day off taken out with a reason: an added day is voided, a computed day is recorded as a working day. */
  'holidays.remove': call<null>()({ input: z.strictObject({ date: isoDate, reason: requiredText(200) }), permission: 'office.lead' }),
  /** A row voided with a reason: an added day, or a removal (the computed day comes back). */
  'holidays.void': call<null>()({ input: z.strictObject({ id, reason: requiredText(200) }), permission: 'office.lead' }),
  /** The year's list checked against the Government's schedule. */
  'holidays.confirm': call<HolidayYearView>()({ input: z.strictObject({ year: holidayYear }), permission: 'office.lead' }),
  /** The year whose list should be confirmed now (next year's, from 1 October), or null. */
  'holidays.pending': call<{ readonly year: number | null }>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
};
