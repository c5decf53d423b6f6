import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files replaced so that a power cut leaves the old one or the new one, whole: the new content is
 * written beside the name and flushed, renamed over the name (one step), and the folder flushed so the
 * rename itself is on disk before anything that counts on it is written (docs/decisions.md, "Key
 * rotation"; backups, restores and attachments follow the same rule).
 */

/** fsync of a file's content. */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsync of a folder, which makes the renames in it durable (POSIX). Windows cannot open a folder, and
 * its renames are journalled by NTFS: nothing to do there.
 */
export function flushFolder(dir: string): void {
  if (process.platform === 'win32') return;
  flushFile(dir);
}

/** Renames `temp` (already flushed) over `target` and makes the rename durable. */
export function renameDurably(temp: string, target: string): void {
  renameSync(temp, target);
  flushFolder(dirname(target));
}

/**
 * Puts `temp` (a whole SQLite file, flushed) in place of the closed store at `store`. Its WAL and
 * shared-memory files go first: a WAL left beside the new file would be replayed into it.
 */
export function replaceStoreFile(temp: string, store: string): void {
  rmSync(`${store}-wal`, { force: true });
  rmSync(`${store}-shm`, { force: true });
  renameDurably(temp, store);
}
