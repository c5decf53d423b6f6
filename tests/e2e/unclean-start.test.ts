import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, type BackupFile } from '../../db/backup';
import { formatDateAndTime } from '../../renderer/format';
import { Keyring, storeKeyOf } from '../../db/keyring';
import { openSqlite } from '../../db/store';
import { ensureRendererBuilt, launchBrowser, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage, SettingsPage } from './support/pages';

/**
 * The app started again after a session that did not end (a power cut): the login screen says the
 * store will be checked, the login answers at once, the check's progress shows above the page while
 * reading works and a save is refused with a message; once the check passes the save works. The host
 * holds the check for a few seconds (SO_ANTT_TEST_CHECK_PAUSE_MS), as long as a province's store takes.
 */
describe('starting again after a session that did not end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'so-antt-unclean-'));
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    const first = await startHost({ dataDir });
    await setUpOffice(first);
    await first.stop();
    // What a power cut leaves: the marker of the open session (a clean close removes it).
    writeFileSync(join(dataDir, 'so-antt.sqlite.open'), '4242');
    host = await startHost({ dataDir, env: { SO_ANTT_TEST_CHECK_PAUSE_MS: '8000' } });
    browser = await launchBrowser();
    watched = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells on the login screen that the data is checked first, then logs in', async () => {
    const { page, screenshot } = watched;
    await page.goto(host.url);
    const login = new LoginPage(page);
    await login.heading().waitFor();
    const notice = page.getByText('Lần trước phần mềm không được đóng bình thường');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('kiểm tra toàn bộ dữ liệu');
    await screenshot('unclean-01-login-notice');
    const started = Date.now();
    await login.login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.nav().waitFor();
    // The login does not wait for the check (the host holds it 8 s).
    expect(Date.now() - started).toBeLessThan(6000);
    // The host holds the check before its first table: it is starting.
    const checking = page.getByRole('status').filter({ hasText: 'Đang bắt đầu kiểm tra dữ liệu sau lần tắt máy đột ngột' });
    await checking.waitFor();
    expect(await page.getByRole('progressbar', { name: 'Tiến độ kiểm tra dữ liệu' }).count()).toBe(1);
    // Reading works; a save is refused with the message, and what was typed stays.
    await layout.open('Cài đặt');
    const settings = new SettingsPage(page);
    await settings.idleLock().fill('7');
    await settings.save();
    await page.getByText('Dữ liệu đang được kiểm tra sau lần tắt máy đột ngột').first().waitFor();
    expect(await settings.idleLock().inputValue()).toBe('7');
    await screenshot('unclean-02-checking-save-refused');
    // The check passes: the page says so, and the same save works.
    await page.getByRole('status').filter({ hasText: 'Đã kiểm tra xong: dữ liệu nguyên vẹn' }).waitFor({ timeout: 30_000 });
    await settings.save();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt.' }).waitFor();
    await screenshot('unclean-03-check-passed-saved');
    await layout.logout();
    await login.heading().waitFor();
    await page.reload();
    await login.heading().waitFor();
    expect(await page.getByText('Lần trước phần mềm không được đóng bình thường').count()).toBe(0);
    expect(watched.errors).toEqual([]);
  });
});

/**
 * The check finds damage: the page says so above every screen, names the last backup and links to the
 * backups page; a save is refused.
 */
describe('starting again on a damaged store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'so-antt-damaged-'));
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let lastBackup: BackupFile;

  beforeAll(async () => {
    ensureRendererBuilt();
    const first = await startHost({ dataDir });
    await setUpOffice(first);
    await first.stop();
    // The day of setup has its backup.
    lastBackup = listBackups(join(dataDir, 'backups'))[0]!;
    // Pages at the end of the file that no login reads (a table of its own), then one of them damaged.
    const key = (await storeKeyOf(Keyring.load(join(dataDir, 'keyring.json')).entry(admin.username)!, admin.password))!;
    const db = openSqlite(join(dataDir, 'so-antt.sqlite'), key.toString('hex'), { quickCheck: false });
    db.exec('CREATE TABLE e2e_filler (text TEXT)');
    const insert = db.prepare('INSERT INTO e2e_filler VALUES (?)');
    for (let i = 0; i < 200; i += 1) insert.run('x'.repeat(2000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = join(dataDir, 'so-antt.sqlite');
    const fd = openSync(file, 'r+');
    const at = statSync(file).size - 2 * 4096 + 500;
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, at);
    closeSync(fd);
    writeFileSync(join(dataDir, 'so-antt.sqlite.open'), '4242');
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    watched = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the user, names the last backup and offers it; a save is refused', async () => {
    const { page, screenshot } = watched;
    await page.goto(host.url);
    const login = new LoginPage(page);
    await login.heading().waitFor();
    await login.login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.nav().waitFor();
    const damaged = page.getByRole('alert').filter({ hasText: 'Kiểm tra phát hiện tệp dữ liệu bị hỏng' });
    await damaged.waitFor({ timeout: 30_000 });
    // The backup by its time (dd/mm/yyyy, Vietnam time), as the backups page lists it.
    expect(await damaged.textContent()).toContain(formatDateAndTime(lastBackup.at));
    await damaged.getByRole('link', { name: 'Mở trang Sao lưu và khôi phục' }).waitFor();
    await screenshot('unclean-04-damaged');
    await layout.open('Cài đặt');
    const settings = new SettingsPage(page);
    await settings.idleLock().fill('9');
    await settings.save();
    await page.getByText('Tệp dữ liệu bị hỏng').first().waitFor();
    expect(watched.errors).toEqual([]);
  });
});
