import type { Settings } from '../api/views';
import { appendAudit } from './audit';
import { DEFAULT_KEEP } from './backup';
import { all, prepared, qb } from './query';
import type { Sqlite } from './store';

export const defaultSettings: Settings = Object.freeze({
  idleLockMinutes: 15,
  sessionHours: 12,
  remoteCommune: false,
  reportCutoffDay: 15,
  exchangeLateDays: 35,
  exchangeClockBoundHours: 24,
  // Grandfather-father-son rotation of the automatic backups (db/backup.ts).
  backupKeepDaily: DEFAULT_KEEP.daily,
  backupKeepWeekly: DEFAULT_KEEP.weekly,
  backupKeepMonthly: DEFAULT_KEEP.monthly,
  backupExternalDir: null,
  // Who signs documents: chosen at print between the chief and a deputy.
  chiefName: '',
  deputyNames: [],
});

/** The office's settings: stored values over the defaults. */
export function readSettings(db: Sqlite): Settings {
  const stored = Object.fromEntries(all(db, qb.selectFrom('settings').select(['key', 'value'])).map((row) => [row.key, JSON.parse(row.value) as unknown]));
  return { ...defaultSettings, ...pick(stored) };
}

function pick(stored: Record<string, unknown>): Partial<Settings> {
  const known: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) if (key in stored) known[key] = stored[key];
  return known as Partial<Settings>;
}

export function writeSettings(db: Sqlite, next: Settings, by: { userId: string | null; call: string; at: number }): Settings {
  const before = readSettings(db);
  db.transaction(() => {
    const upsert = prepared(
      db,
      'INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
    );
    for (const [key, value] of Object.entries(next)) upsert.run(key, JSON.stringify(value), by.at, by.userId);
    appendAudit(db, { at: by.at, userId: by.userId, call: by.call, action: 'settings', table: 'settings', before, after: next });
  })();
  return readSettings(db);
}
