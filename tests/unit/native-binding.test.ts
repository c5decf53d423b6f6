import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerData, WorkerOutcome } from '../../db/backup-thread';
import { currentRuntime, SQLITE_BINDING_ENV, sqliteBinding } from '../../db/native-binding';
import { openSqlite } from '../../db/store';

/**
 * The one choice of native SQLite build (db/native-binding.ts): under Node the module's own build,
 * whatever the environment says; under Electron the build the shell names. And the choice reaches
 * better-sqlite3 in the main thread (openSqlite) and in the backup worker (its workerData).
 */

const ELECTRON_BUILD = path.join('/project', 'node_modules', '.cache', 'so-antt-electron', '39.8.10', 'better_sqlite3.node');
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
/** The Node build npm ci made: loading it by path must work like the default. */
const NODE_BUILD = path.join(projectRoot, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
const MISSING = path.join(os.tmpdir(), 'no-such-folder', 'better_sqlite3.node');
const KEY = 'cd'.repeat(32);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempStore(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'so-antt-binding-'));
  dirs.push(dir);
  return path.join(dir, 'store.sqlite');
}

describe('the binding chosen', () => {
  it('under Node is the default, even when the variable is set', () => {
    expect(sqliteBinding({ electron: undefined, env: {} })).toBeUndefined();
    expect(sqliteBinding({ electron: undefined, env: { [SQLITE_BINDING_ENV]: ELECTRON_BUILD } })).toBeUndefined();
  });

  it('under Electron is the build the shell named', () => {
    expect(sqliteBinding({ electron: '39.8.10', env: { [SQLITE_BINDING_ENV]: ELECTRON_BUILD } })).toBe(ELECTRON_BUILD);
  });

  it('under a packaged Electron, which names none, is the default (the packaged copy rebuilt for Electron)', () => {
    expect(sqliteBinding({ electron: '39.8.10', env: {} })).toBeUndefined();
    expect(sqliteBinding({ electron: '39.8.10', env: { [SQLITE_BINDING_ENV]: '  ' } })).toBeUndefined();
  });

  it('in this test run is the default: vitest runs under Node', () => {
    expect(currentRuntime().electron).toBeUndefined();
    expect(sqliteBinding()).toBeUndefined();
  });
});

describe('the store loads the build it is given', () => {
  it('opens with the Node build named by path, and fails with a build that is not there', () => {
    const db = openSqlite(tempStore(), KEY, { nativeBinding: NODE_BUILD });
    expect(db.prepare('SELECT 1 + 1').pluck().get()).toBe(2);
    db.close();
    expect(() => openSqlite(tempStore(), KEY, { nativeBinding: MISSING })).toThrow(/no-such-folder/);
  });

  /** Runs db/backup-worker.ts on a worker thread from the sources, as db/backup-thread.ts does under tsx. */
  function backupWorker(data: WorkerData): Promise<WorkerOutcome> {
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
    const source = path.join(projectRoot, 'db', 'backup-worker.ts');
    const worker = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData: data });
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  }

  it('the backup worker loads the build its parent names in workerData', async () => {
    const store = tempStore();
    openSqlite(store, KEY).close();
    const target = `${store}.backup`;
    expect(await backupWorker({ kind: 'backup', store, keyHex: KEY, target, nativeBinding: NODE_BUILD })).toEqual({ ok: true, problems: [] });
    const refused = await backupWorker({ kind: 'backup', store, keyHex: KEY, target: `${store}.again`, nativeBinding: MISSING });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toContain('no-such-folder');
  });
});
