import { z } from 'zod';
import { call } from '../define';
import { folderPath, id, isoDate, requiredText } from '../fields';
import type { CategoryView, HolidayView, LocalityView, OfficeListItem, OfficeView, Settings } from '../views';

export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 60;
export const SESSION_HOURS_MIN = 1;
export const SESSION_HOURS_MAX = 24;

const keepCount = (min: number, max: number) => z.number({ error: 'v.number' }).int('v.number').min(min, 'v.too_small').max(max, 'v.too_big').optional();

export const settingsInput = z.object({
  /** 1 to 60 minutes: the idle lock cannot be turned off (docs/security.md, "Sessions"). */
  idleLockMinutes: z.number({ error: 'v.number' }).int('v.number').min(IDLE_LOCK_MIN, 'v.too_small').max(IDLE_LOCK_MAX, 'v.too_big'),
  /** Hours a login lasts whatever the activity; left out, it stays. */
  sessionHours: z.number({ error: 'v.number' }).int('v.number').min(SESSION_HOURS_MIN, 'v.too_small').max(SESSION_HOURS_MAX, 'v.too_big').optional(),
  remoteCommune: z.boolean(),
  /** The day police statistical months start on (DOMAIN.md, "Reports"); left out, it stays as it is. */
  reportCutoffDay: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(28, 'v.too_big').optional(),
  /** A higher office: an office with no bundle for longer than this is shown as late; left out, it stays. */
  exchangeLateDays: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(365, 'v.too_big').optional(),
  /** Automatic backups kept (grandfather-father-son): the newest of each of the last N days, weeks, months. */
  backupKeepDaily: keepCount(1, 90),
  backupKeepWeekly: keepCount(0, 52),
  backupKeepMonthly: keepCount(0, 120),
  /** A folder each backup is also copied to (a USB drive); empty or null: none. Left out, it stays. */
  backupExternalDir: folderPath.nullable().optional(),
});

export const localityInput = z.object({ name: requiredText(100), kind: requiredText(40).default('thôn') });

export const officeCalls = {
  'office.get': call<OfficeView>()({ input: z.object({}), permission: 'session' }),
  /** The offices whose records the store holds (the own office first): a higher office's filter. */
  'offices.list': call<OfficeListItem[]>()({ input: z.object({}), permission: 'session' }),
  'settings.get': call<Settings>()({ input: z.object({}), permission: 'session' }),
  'settings.update': call<Settings>()({ input: settingsInput, permission: 'settings.manage' }),
  'localities.list': call<LocalityView[]>()({ input: z.object({}), permission: 'session' }),
  'localities.create': call<LocalityView>()({ input: localityInput, permission: 'settings.manage' }),
  'categories.list': call<CategoryView[]>()({ input: z.object({}), permission: 'session' }),
  /** Days off besides weekends, for the working-day count of legal limits. */
  'holidays.list': call<HolidayView[]>()({ input: z.object({ year: z.number().int().min(2000).max(2100).nullable().default(null) }), permission: 'session' }),
  'holidays.create': call<HolidayView>()({ input: z.object({ date: isoDate, name: requiredText(100) }), permission: 'settings.manage' }),
  'holidays.void': call<null>()({ input: z.object({ id, reason: requiredText(200) }), permission: 'settings.manage' }),
};
