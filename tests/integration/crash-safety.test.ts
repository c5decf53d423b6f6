import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyBackupDone, listBackups, takeBackup } from '../../db/backup';
import { openSqlite } from '../../db/store';
import { cleanup, createOffice, OFFICE } from '../support/backend';
import { fillRegister } from '../support/register-store';

afterEach(cleanup);

describe('crash safety', () => {
  it('a backup cut short by a kill leaves no file named as a backup, and the next backup clears it away', async () => {
    const office = await createOffice();
    fillRegister(office.backend.requireStore().sql, 4_000, { officeId: OFFICE.code, now: Date.now() });
    const { store, backups } = office.backend.paths;
    const keyHex = office.backend.requireStore().key.toString('hex');
    office.backend.close();

    // Another process takes the backup; it is killed as soon as a file appears in the backups folder.
    const module = (path: string) => JSON.stringify(pathToFileURL(fileURLToPath(new URL(`../../${path}`, import.meta.url))).href);
    const code = `import { openSqlite } from ${module('db/store.ts')}; import { takeBackup } from ${module('db/backup.ts')};
      takeBackup(openSqlite(process.env.STORE, process.env.KEY, { quickCheck: false }), process.env.BACKUPS, 'daily', Date.now());`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, STORE: store, KEY: keyHex, BACKUPS: backups },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const files = () => {
      try {
        return readdirSync(backups);
      } catch {
        return [];
      }
    };
    const deadline = Date.now() + 60_000;
    while (files().length === 0 && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    child.kill('SIGKILL');
    await exited;
    expect(files().length).toBeGreaterThan(0);
    expect(listBackups(backups)).toEqual([]);
    expect(files().every((name) => name.includes('.sqlite.partial'))).toBe(true);
    expect(dailyBackupDone(backups, Date.now())).toBe(false);

    // The next backup is whole and leaves nothing of the one cut short.
    const db = openSqlite(store, keyHex);
    const { file } = takeBackup(db, backups, 'daily', Date.now());
    db.close();
    expect(files()).toEqual([listBackups(backups)[0]!.name]);
    const copy = openSqlite(file, keyHex);
    expect(copy.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(4_000);
    copy.close();
  });
});
