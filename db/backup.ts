import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Sqlite } from './store';

/**
 * Writes a consistent copy of the open store to `file` with VACUUM INTO, while the app keeps working.
 * With SQLite3 Multiple Ciphers the copy is encrypted with the same key as the store.
 */
export function backupTo(db: Sqlite, file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}

/** A file name for a backup: sortable, readable, safe on Windows. */
export function backupName(reason: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-${reason}.sqlite`;
}
