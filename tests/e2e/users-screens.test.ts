import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../db/backend';
import { Keyring, storeKeyOf } from '../../db/keyring';
import { legacyEntry } from '../support/legacy-keyring';
import { createUserHost, ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { admin, officer } from './support/people';
import { Layout, LoginPage, UsersPage } from './support/pages';

/**
 * The users page in Chromium at 1366×768 (issue #18): an administrator edits a user's name, rank,
 * position and role; users whose key a rotation dropped or left in the old format are flagged with what
 * to do, and a reset mends it; every user changes their own password from the entry beside their name.
 * The host is stopped once and its keyring edited as an older version and a rotation would leave it.
 */

const second = { fullName: 'Phạm Văn Bình', rank: 'Trung úy', position: 'Cán bộ', username: 'binh.pv', password: 'Bình-gác-đêm-ở-Nam-Sơn' };
const own = 'Sáng-mai-trời-mưa-đổi-khóa';

describe('the users screens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'so-antt-e2e-users-'));
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost({ dataDir: dir });
    await setUpOffice(host);
    const asAdmin = await loginHost(host, admin.username, admin.password);
    for (const account of [officer, second]) {
      const added = await createUserHost(host, asAdmin, { ...account, role: 'officer' });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
    }
    browser = await launchBrowser();
    watched = await openPage(browser);
    await watched.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an administrator edits name, rank, position and role of a user', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Người dùng');
    const users = new UsersPage(page);
    await users.row(officer.fullName).getByRole('button', { name: 'Sửa' }).click();
    const panel = page.getByRole('region', { name: `Sửa thông tin của ${officer.fullName}` });
    await panel.waitFor();
    expect(await panel.getByLabel('Cấp bậc', { exact: true }).inputValue()).toBe(officer.rank);
    // Bad input changes nothing and keeps what was typed.
    await panel.getByLabel('Họ và tên', { exact: true }).fill('');
    await panel.getByLabel('Cấp bậc', { exact: true }).fill('Đại úy');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await panel.getByText('Bắt buộc nhập.').first().waitFor();
    expect(await panel.getByLabel('Cấp bậc', { exact: true }).inputValue()).toBe('Đại úy');
    await panel.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Thu Hằng');
    await panel.getByLabel('Chức vụ', { exact: true }).fill('Phó Trưởng Công an xã');
    await panel.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Trưởng Công an' });
    await screenshot('users-01-edit-panel');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin của Nguyễn Thị Thu Hằng.').waitFor();
    const row = users.row('Nguyễn Thị Thu Hằng');
    expect(await row.textContent()).toContain('Đại úy');
    expect(await row.textContent()).toContain('Phó Trưởng Công an xã');
    expect(await row.textContent()).toContain('Trưởng Công an');
    await screenshot('users-02-edited');
    expect(errors).toEqual([]);
  });

  it('flags a user whose key a rotation dropped and one whose key is in the old format, and says what to do; a reset mends it', async () => {
    const { page, screenshot, errors } = watched;
    await host.stop();
    const file = dataPaths(dir).keyring;
    const keyring = Keyring.load(file);
    const key = await storeKeyOf(keyring.entry(admin.username)!, admin.password);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { users: Record<string, unknown> };
    // The officer's entry dropped by a rotation; the second one's as version 10 of the app wrote it.
    delete data.users[officer.username];
    data.users[second.username] = legacyEntry(key!, keyring.entry(second.username)!.userId, second.password);
    writeFileSync(file, JSON.stringify(data));
    host = await startHost({ dataDir: dir });

    await page.goto(host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Người dùng');
    const users = new UsersPage(page);
    await page.getByText('Có 2 người dùng cần quản trị viên xử lý khóa truy cập.', { exact: false }).waitFor();
    await page.getByText('hãy bấm "Đặt lại mật khẩu" và báo mật khẩu tạm cho họ', { exact: false }).waitFor();
    expect(await users.row('Nguyễn Thị Thu Hằng').textContent()).toContain('Mất khóa truy cập');
    expect(await users.row(second.fullName).textContent()).toContain('Khóa kiểu cũ');
    expect(await users.row(admin.fullName).textContent()).toContain('Đang hoạt động');
    // The table fits the window: nothing scrolls sideways at 1366 px.
    expect(await users.table().evaluate((table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0))).toBe(true);
    await screenshot('users-03-key-problems');

    const panel = await users.rowAction('Nguyễn Thị Thu Hằng', 'Đặt lại mật khẩu');
    const temporary = 'Hằng-nhận-mật-khẩu-tạm-mới';
    await users.setNewPassword(panel, temporary, temporary, 'Đặt lại mật khẩu');
    await page.getByText('Đã đặt lại mật khẩu cho Nguyễn Thị Thu Hằng.', { exact: false }).waitFor();
    await page.getByText('Có 1 người dùng cần quản trị viên xử lý khóa truy cập.', { exact: false }).waitFor();
    expect(await users.row('Nguyễn Thị Thu Hằng').textContent()).toContain('Đang hoạt động');
    expect(errors).toEqual([]);
  });

  it('every user changes their own password from the entry beside their name', async () => {
    const { page, screenshot, errors } = watched;
    const banner = page.getByRole('banner');
    await banner.getByRole('group', { name: 'Tài khoản' }).getByRole('link', { name: 'Đổi mật khẩu' }).click();
    const form = page.getByRole('form', { name: 'Đổi mật khẩu của bạn' });
    await form.waitFor();
    await form.getByLabel('Mật khẩu hiện tại', { exact: true }).fill('không-phải-mật-khẩu-này');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill(own);
    await form.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(own);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.getByText('Mật khẩu hiện tại không đúng', { exact: false }).waitFor();
    expect(await form.getByLabel('Mật khẩu mới', { exact: true }).inputValue()).toBe(own);
    await form.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(admin.password);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu. Lần đăng nhập sau hãy dùng mật khẩu mới.').waitFor();
    await screenshot('users-04-own-password');
    await new Layout(page).logout();
    const login = new LoginPage(page);
    await login.login(admin.username, admin.password);
    await login.alert().getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
    await login.login(admin.username, own);
    await new Layout(page).waitUntilShown();
    expect(errors.filter((line) => !line.includes('401'))).toEqual([]);
  });
});
