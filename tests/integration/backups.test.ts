import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupName, DEFAULT_KEEP, listBackups, rotateBackups } from '../../db/backup';
import { unwrapKey } from '../../db/keyring';
import { openSqlite } from '../../db/store';
import { ADMIN, cleanup, createOffice, expectOk, manualClock, restart, tempDir } from '../support/backend';

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const DAY = 86_400_000;

describe('automatic backups (issue #9, "Backups")', () => {
  it('rotation keeps the newest of each of the last 7 days, 4 weeks and 12 months, and never one taken by hand', () => {
    const dir = tempDir();
    const start = vn('2025-01-01');
    for (let day = 0; day < 400; day += 1) {
      writeFileSync(join(dir, backupName('daily', new Date(start + day * DAY))), '');
      if (day % 3 === 0) writeFileSync(join(dir, backupName('before-import', new Date(start + day * DAY + 3_600_000))), '');
    }
    writeFileSync(join(dir, backupName('before-migration-v6', new Date(start))), '');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    rotateBackups(dir, DEFAULT_KEEP);
    const left = listBackups(dir);
    const automatic = left.filter((file) => file.reason !== 'before-migration-v6');
    // 7 days, plus the weeks and months not already covered by a kept day.
    expect(automatic.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(automatic.length).toBeGreaterThanOrEqual(12);
    const newest = automatic[0]!;
    expect(newest.at).toBeGreaterThanOrEqual(start + 399 * DAY);
    const months = new Set(automatic.map((file) => new Date(file.at + 7 * 3_600_000).toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
    expect(left.some((file) => file.reason === 'before-migration-v6')).toBe(true);
    expect(readdirSync(dir)).toContain('notes.txt');
    // Rotating again changes nothing.
    expect(rotateBackups(dir, DEFAULT_KEEP)).toEqual([]);
  });

  it('the first open of each day backs the store up, encrypted; a second open that day does not', async () => {
    const clock = manualClock(vn('2026-11-20'));
    let office = await createOffice({ now: clock.now });
    expectOk(await office.call('localities.create', { name: 'Xóm Bãi Ngang', kind: 'xóm' }));
    office = restart(office, { now: clock.now });
    await office.login(ADMIN.username, ADMIN.password);
    const first = listBackups(office.backend.paths.backups).filter((file) => file.reason === 'daily');
    expect(first).toHaveLength(1);
    office = restart(office, { now: clock.now });
    await office.login(ADMIN.username, ADMIN.password);
    expect(listBackups(office.backend.paths.backups).filter((file) => file.reason === 'daily')).toHaveLength(1);
    clock.advance(DAY);
    office = restart(office, { now: clock.now });
    await office.login(ADMIN.username, ADMIN.password);
    expect(listBackups(office.backend.paths.backups).filter((file) => file.reason === 'daily')).toHaveLength(2);

    // The backup is the store, encrypted with its key.
    const key = await unwrapKey(office.backend.keyring().entry(ADMIN.username)!, ADMIN.password);
    const copy = openSqlite(join(office.backend.paths.backups, first[0]!.name), key!.toString('hex'));
    expect(copy.prepare("SELECT count(*) FROM localities WHERE name = 'Xóm Bãi Ngang'").pluck().get()).toBe(1);
    copy.close();
    expect(() => openSqlite(join(office.backend.paths.backups, first[0]!.name), 'ab'.repeat(32))).toThrow();
  });
});
