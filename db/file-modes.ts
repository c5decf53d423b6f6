import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Who may read the office's files on this machine (docs/security.md, "Files"): on POSIX the data
 * folder and every folder under it are 0700 and every file 0600, set when each is made and corrected
 * at each open (a store from before this rule, a file copied in by hand). Windows has no such modes:
 * there the data folder's access list is cut to the current user alone at each open (icacls, below).
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
  if (!existsSync(dir)) return;
  if (!POSIX) return restrictToCurrentUser(dir);
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return;
  if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) privateTree(path);
    else if (entry.isFile() && (lstatSync(path).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

// Windows: the access list.

/** The SID in `whoami /user /fo csv /nh` output (`"pc\\user","S-1-5-21-…"`), or null. */
export function sidOf(whoamiOutput: string): string | null {
  return /"(S-1-\d+(?:-\d+)+)"\s*$/.exec(whoamiOutput.trim())?.[1] ?? null;
}

/**
 * icacls arguments that leave `dir` to one account: the entries it inherits from the profile folder
 * (SYSTEM, Administrators) are removed and the account alone gets full control, inherited by every
 * folder and file in it (Windows passes the change down to children that inherit, so existing files
 * follow). By SID, so a renamed account or a domain account stays right.
 */
export function windowsAclArgs(dir: string, sid: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', `*${sid}:(OI)(CI)F`, '/Q'];
}

const restricted = new Set<string>();

/**
 * Cuts the data folder's access list to the current Windows account, once per process and folder. A
 * failure (a tool missing, a policy) leaves the folder as it was: the store is encrypted in any case,
 * and opening must not fail for it. An administrator of the PC can still take ownership of any folder:
 * docs/security.md says so.
 */
function restrictToCurrentUser(dir: string): void {
  if (restricted.has(dir)) return;
  restricted.add(dir);
  try {
    const sid = sidOf(execFileSync('whoami', ['/user', '/fo', 'csv', '/nh'], { encoding: 'utf8', windowsHide: true }));
    if (sid) execFileSync('icacls', windowsAclArgs(dir, sid), { windowsHide: true, stdio: 'ignore' });
  } catch {
    // left as it was (see above)
  }
}
