import { PRIVATE_FILE_MODE, privateDir, privateFile } from './file-modes';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupKind, BackupView, ExternalCopyView } from '../api/views';
import { localDate } from '../core/calendar';
import { flushFile, renameDurably } from './durable';
import type { Sqlite } from './store';

/**
 * Writes a consistent copy of the store open on `db` to `file` with VACUUM INTO: the one way a backup
 * is made. It reads one snapshot, so in WAL mode other connections keep reading and writing meanwhile.
 * With SQLite3 Multiple Ciphers the copy is encrypted with the same key as the store. The daily, the
 * before-import and the manual backups run it on a worker thread's own connection (db/backup-thread.ts);
 * the backups before a migration and before a restore run it on the main connection, since nothing may
 * happen meanwhile (db/backup-jobs.ts, takeBlocking).
 */
export function backupTo(db: Sqlite, file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  db.prepare('VACUUM INTO ?').run(file);
  // Whoever reads the folder does not read the copy (db/file-modes.ts).
  privateFile(file);
  return file;
}

/** A file name for a backup: sortable, readable, safe on Windows. */
export function backupName(reason: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-${reason}.sqlite`;
}

/** Backups taken by the app on its own, which rotation thins out; others (before a migration or a restore, by hand) stay. */
const ROTATED = ['daily', 'before-import'] as const;
const rotated = (reason: string) => (ROTATED as readonly string[]).some((kind) => reason === kind || new RegExp(`^${kind}-\\d+$`).test(reason));

export interface BackupFile {
  readonly name: string;
  readonly at: number;
  readonly reason: string;
}

/** A backup's file name (backupName); also the only names a call may name. */
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
    // Within one second, the one taken later has the higher number ("before-import-2").
    .sort((a, b) => b.at - a.at || takenInSecond(b.reason) - takenInSecond(a.reason));
}

const takenInSecond = (reason: string) => Number(/-(\d+)$/.exec(reason)?.[1] ?? 1);

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
 * automatic backups are removed (never `justTaken`). Returns the names removed.
 */
export function rotateBackups(dir: string, keep: KeepPolicy = DEFAULT_KEEP, justTaken?: string): string[] {
  const automatic = listBackups(dir).filter((file) => rotated(file.reason));
  // The backup just taken stays whatever shares its second.
  const kept = new Set<string>(justTaken === undefined ? [] : [justTaken]);
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

/** A file of listBackups, with its size and what it was taken for. */
export function backupView(dir: string, file: BackupFile): BackupView {
  return { name: file.name, at: file.at, kind: backupKind(file.reason), size: statSync(join(dir, file.name)).size };
}

const KINDS: readonly BackupKind[] = ['daily', 'before-import', 'before-migration', 'manual', 'before-restore'];

/** 'daily-2' → daily, 'before-migration-v6' → before-migration. */
export function backupKind(reason: string): BackupKind {
  return KINDS.find((kind) => reason === kind || reason.startsWith(`${kind}-`)) ?? 'other';
}

/** Where a backup goes and how many automatic ones are kept (the office's settings). */
export interface BackupPlan {
  readonly dir: string;
  readonly keep: KeepPolicy;
  /** A second folder each backup is copied to (a USB drive), or null. */
  readonly external: string | null;
}

/** A backup being written: under a temporary name until it is complete, so a cut-off copy never lists. */
export interface PendingBackup {
  readonly file: string;
  readonly partial: string;
}

const PARTIAL = '.partial';
const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

/** A new backup's name in `dir`, and the temporary file it is written to first. */
export function reserveBackup(dir: string, reason: string, now: number): PendingBackup {
  privateDir(dir);
  removeStalePartials(dir, now);
  // Two backups in the same second must not meet: two imports in a row, or the day's first backup taken
  // by two processes on the same store at once (the app and a command line). The name is claimed by
  // creating the empty partial file exclusively, which only one of them can do; VACUUM INTO writes into
  // an empty file but never over a copy.
  for (let n = 1; ; n += 1) {
    const file = join(dir, backupName(n === 1 ? reason : `${reason}-${n}`, new Date(now)));
    if (existsSync(file)) continue;
    try {
      closeSync(openSync(file + PARTIAL, 'wx', PRIVATE_FILE_MODE));
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') continue;
      throw error;
    }
    return { file, partial: file + PARTIAL };
  }
}

/** Copies cut off by a crash or a killed process. */
function removeStalePartials(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    // The copy, and the journal VACUUM INTO keeps beside it while writing.
    if (!name.endsWith(PARTIAL) && !name.endsWith(`${PARTIAL}-journal`)) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
  }
}

export function discardBackup(pending: PendingBackup): void {
  rmSync(pending.partial, { force: true });
}

export interface TakenBackup {
  readonly view: BackupView;
  readonly external: ExternalCopyView | null;
}

/**
 * Puts a written backup in place, thins the automatic ones out, and copies it to the external folder
 * when one is set. The external copy is best effort: a drive that is not plugged in is recorded (see
 * readExternalCopy) and the backup in the data folder stays.
 */
export function settleBackup(pending: PendingBackup, plan: BackupPlan, now: number): TakenBackup {
  // On disk before it takes its name, and the name on disk before the backup counts: after a power cut a
  // backup is whole or absent (written in place, a cut copy rolled back to an empty store that passed
  // for the day's backup: the crash suite found it).
  privateFile(pending.partial);
  flushFile(pending.partial);
  renameDurably(pending.partial, pending.file);
  const name = basename(pending.file);
  const view = backupView(plan.dir, listBackups(plan.dir).find((file) => file.name === name)!);
  rotateBackups(plan.dir, plan.keep, name);
  if (!plan.external) return { view, external: null };
  const external = copyToExternal(pending.file, name, plan, now);
  writeFileSync(join(plan.dir, EXTERNAL_STATUS), JSON.stringify(external));
  return { view, external };
}

const EXTERNAL_STATUS = 'external.json';

function copyToExternal(file: string, name: string, plan: BackupPlan, now: number): ExternalCopyView {
  const folder = plan.external!;
  try {
    // The folder must exist: creating it would put "the USB drive" on the local disk when none is plugged in.
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
    const target = join(folder, name);
    copyFileSync(file, target + PARTIAL);
    renameSync(target + PARTIAL, target);
    rotateBackups(folder, plan.keep, name);
    return { folder, at: now, ok: true, errorCode: null };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { folder, at: now, ok: false, errorCode: typeof code === 'string' ? code : 'EIO' };
  }
}

/** The last copy to the external folder, as settleBackup recorded it. */
export function readExternalCopy(dir: string): ExternalCopyView | null {
  try {
    const value = JSON.parse(readFileSync(join(dir, EXTERNAL_STATUS), 'utf8')) as ExternalCopyView;
    return typeof value.folder === 'string' && typeof value.at === 'number' ? value : null;
  } catch {
    return null;
  }
}
