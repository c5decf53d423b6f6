import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files replaced so that a power cut leaves the old one or the new one, whole: the new content is
 * written beside the name and flushed, renamed over the name (one step), and the folder flushed so the
 * rename itself is on disk before anything that counts on it is written (docs/decisions.md, "Key
 * rotation"; backups, restores and attachments follow the same rule).
 */

/**
 * fsync of a file's content. Opened for writing: Windows flushes (FlushFileBuffers) only a handle with
 * write access, and refuses a read-only one.
 */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsync of a folder, which makes the renames in it durable (POSIX). Windows cannot open a folder, and
 * its renames are journalled by NTFS: nothing to do there. A file system that cannot flush a folder
 * (EINVAL, ENOTSUP) is taken as it is, as SQLite does.
 */
export function flushFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
  } finally {
    closeSync(fd);
  }
}

/** Renames `temp` (already flushed) over `target` and makes the rename durable. */
export function renameDurably(temp: string, target: string): void {
  renameOver(temp, target);
  flushFolder(dirname(target));
}

/**
 * A rename over an existing file. On Windows a virus scanner or the search indexer may hold the target
 * for a moment (EPERM, EBUSY, EACCES): tried again for up to about two seconds.
 */
function renameOver(temp: string, target: string): void {
  for (let attempt = 0; ; attempt += 1) {
    try {
      renameSync(temp, target);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (process.platform !== 'win32' || attempt >= 20 || !['EPERM', 'EBUSY', 'EACCES'].includes(String(code))) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/** A SQLite file and what SQLite keeps beside it (a rollback journal, a WAL and its shared memory). */
export function removeSqliteFile(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * Puts `temp` (a whole SQLite file, flushed) in place of the closed store at `store`. What SQLite kept
 * beside the old file goes first: a WAL or a journal left beside the new file would be replayed into it.
 */
export function replaceStoreFile(temp: string, store: string): void {
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(store + suffix, { force: true });
  renameDurably(temp, store);
}
