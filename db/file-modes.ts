import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Who may read the office's files on this machine (docs/security.md, "Files"): on POSIX the data
 * folder and every folder under it are 0700 and every file 0600, set when each is made and corrected
 * at each open (a store from before this rule, a file copied in by hand). Windows has no such modes:
 * there the data folder sits in the user's own profile (%APPDATA%), which only that user and the
 * administrators can read; see docs/security.md for what the installer does.
 */
const POSIX = process.platform !== 'win32';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Makes a folder (and its parents) private to the user; corrects one that exists. */
export function privateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(path, PRIVATE_DIR_MODE);
}

/** A file made by someone else's code (SQLite, VACUUM INTO, a copy): private to the user. */
export function privateFile(path: string): void {
  if (POSIX && existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * The data folder and everything in it, folders 0700 and files 0600; only what differs is changed, so
 * a daily open costs one stat per file. Symbolic links are left alone (their targets are not ours).
 */
export function privateTree(dir: string): void {
  if (!POSIX || !existsSync(dir)) return;
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return;
  if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) privateTree(path);
    else if (entry.isFile() && (lstatSync(path).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
  }
}
