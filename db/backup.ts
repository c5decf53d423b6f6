import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localDate } from './rules/calendar';
import type { Sqlite } from './store';

/**
 * Writes a consistent copy of the open store to `file` with VACUUM INTO, while the app keeps working.
 * With SQLite3 Multiple Ciphers the copy is encrypted with the same key as the store.
 *
 * The copy is written as `<file>.partial`, flushed to disk, then renamed: a backup cut short (a killed
 * process, a power cut) leaves a file no listing takes for a backup. Written in place, it left the
 * backup's name with an empty database (VACUUM INTO's journal rolls the unfinished copy back to
 * nothing), which passed for the day's backup, so none was taken that day (the crash suite found it).
 */
export function backupTo(db: Sqlite, file: string): string {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  rmSync(`${partial}-journal`, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  syncFolder(dir);
  return file;
}

/** Makes a rename in `dir` durable; folders cannot be opened for this on Windows, where it is skipped. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes what backups cut short left behind (`*.partial` and its journal): never a backup. */
function removePartials(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (/\.sqlite\.partial(-journal)?$/.test(name)) rmSync(join(dir, name), { force: true });
}

/** A file name for a backup: sortable, readable, safe on Windows. */
export function backupName(reason: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-${reason}.sqlite`;
}

/** Backups taken by the app on its own, which rotation thins out; others (before a migration, by hand) stay. */
const ROTATED = ['daily', 'before-import'] as const;
const rotated = (reason: string) => (ROTATED as readonly string[]).some((kind) => reason === kind || new RegExp(`^${kind}-\\d+$`).test(reason));

export interface BackupFile {
  readonly name: string;
  readonly at: number;
  readonly reason: string;
}

const NAME = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z0-9-]+)\.sqlite$/;

/** The backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => {
      const match = NAME.exec(name);
      if (!match) return null;
      const [, y, mo, d, h, mi, s, reason] = match;
      return { name, at: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)), reason: reason! };
    })
    .filter((file): file is BackupFile => file !== null)
    .sort((a, b) => b.at - a.at);
}

export interface KeepPolicy {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

export const DEFAULT_KEEP: KeepPolicy = Object.freeze({ daily: 7, weekly: 4, monthly: 12 });

/** The Monday of a Vietnam day's week, as the week's name. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * Grandfather-father-son rotation of the automatic backups: the newest of each of the last `daily`
 * days that have one, of the last `weekly` weeks and of the last `monthly` months are kept; the other
 * automatic backups are removed. Returns the names removed.
 */
export function rotateBackups(dir: string, keep: KeepPolicy = DEFAULT_KEEP): string[] {
  const automatic = listBackups(dir).filter((file) => rotated(file.reason));
  const kept = new Set<string>();
  const keepNewestBy = (bucket: (file: BackupFile) => string, count: number) => {
    const seen = new Set<string>();
    for (const file of automatic) {
      const key = bucket(file);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(file.name);
    }
  };
  keepNewestBy((file) => localDate(file.at), keep.daily);
  keepNewestBy((file) => weekOf(localDate(file.at)), keep.weekly);
  keepNewestBy((file) => localDate(file.at).slice(0, 7), keep.monthly);
  const removed = automatic.filter((file) => !kept.has(file.name)).map((file) => file.name);
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

/** Whether a daily backup was taken on the Vietnam day of `now`. */
export function dailyBackupDone(dir: string, now: number): boolean {
  const today = localDate(now);
  return listBackups(dir).some((file) => file.reason === 'daily' && localDate(file.at) === today);
}

/**
 * Takes a backup into `dir`, thins the automatic ones out, and copies it to the external folder when
 * one is set (a USB drive). The external copy is best effort: a missing drive is reported, not fatal.
 */
export function takeBackup(db: Sqlite, dir: string, reason: string, now: number, options: { keep?: KeepPolicy; external?: string | null } = {}): { file: string; externalError: string | null } {
  // Two backups in the same second (two imports in a row) must not meet: VACUUM INTO never overwrites.
  let file = join(dir, backupName(reason, new Date(now)));
  for (let n = 2; existsSync(file); n += 1) file = join(dir, backupName(`${reason}-${n}`, new Date(now)));
  removePartials(dir);
  backupTo(db, file);
  rotateBackups(dir, options.keep);
  let externalError: string | null = null;
  if (options.external) {
    try {
      mkdirSync(options.external, { recursive: true });
      copyFileSync(file, join(options.external, basename(file)));
      rotateBackups(options.external, options.keep);
    } catch (error) {
      externalError = (error as Error).message;
    }
  }
  return { file, externalError };
}
