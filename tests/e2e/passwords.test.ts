import { describe, expect, it } from 'vitest';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage, UsersPage, type AccountData } from './support/pages';

/**
 * Passwords and lockout in Chromium (docs/security.md, "Passwords"): the single-administrator warning,
 * a weak password refused with its reason, the one-time password an administrator types and the
 * change-password form the login then shows, a lockout lifted by the administrator.
 */

const newcomer: AccountData = {
  fullName: 'Đỗ Minh Khoa',
  rank: 'Trung úy',
  position: 'Cán bộ Công an xã',
  username: 'khoa.dm',
  password: 'Cầu-tre-lắt-lẻo-gập-ghềnh',
};
const chosen = 'Gió-Lào-thổi-qua-đồi-sim';

describe('passwords in the browser', () => {
  const app = officeInBrowser();

  it('warns while the office has one administrator, and refuses a weak password with its reason', async () => {
    const { page, screenshot } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Người dùng');
    const users = new UsersPage(page);
    await page.getByText('Đơn vị chỉ có một quản trị viên.').waitFor();
    await users.addUser({ ...newcomer, password: 'congan113hanoi' }, 'Cán bộ');
    await users.addForm().getByText('Mật khẩu gồm những từ, tên người, địa danh hoặc mật khẩu phổ biến nên dễ bị đoán.', { exact: false }).first().waitFor();
    // What was typed stays.
    expect(await users.addForm().getByLabel('Họ và tên', { exact: true }).inputValue()).toBe(newcomer.fullName);
    await screenshot('passwords-01-weak-refused');
    await users.addUser({ ...newcomer, password: 'Khoa-dm-khoa.dm-2026' }, 'Cán bộ');
    await users.addForm().getByText('Mật khẩu không được chứa tên đăng nhập hay họ tên của người dùng.').waitFor();
    await users.addUser(newcomer, 'Cán bộ');
    await users.row(newcomer.fullName).waitFor();
  });

  it('a password typed by the administrator must be changed at the first login', async () => {
    const { page, screenshot } = app.watched;
    await new Layout(page).logout();
    await new LoginPage(page).login(newcomer.username, newcomer.password);
    const form = page.getByRole('form', { name: 'Đổi mật khẩu' });
    await form.waitFor();
    await page.getByText('Đỗ Minh Khoa cần đặt mật khẩu mới trước khi tiếp tục').waitFor();
    // The navigation is not there: nothing but the change is possible.
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await screenshot('passwords-02-must-change');
    await form.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(newcomer.password);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill(newcomer.password);
    await form.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(newcomer.password);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.getByText('Mật khẩu này đã được dùng gần đây').waitFor();
    await form.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(newcomer.password);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill(chosen);
    await form.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(chosen);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await new Layout(page).waitUntilShown();
    await new Layout(page).logout();
  });

  it('five wrong passwords lock the account; the administrator unlocks it from the users page', async () => {
    const { page, screenshot } = app.watched;
    const login = new LoginPage(page);
    await login.heading().waitFor();
    await screenshot('passwords-03-before-wrong');
    const tryWrong = async (password: string) => {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth.login'));
      await login.login(newcomer.username, password);
      return (await (await answered).json()) as { ok: boolean; error?: { code: string; params?: unknown } };
    };
    for (let i = 1; i <= 4; i += 1) {
      // No count of tries left: a known name answers as an unknown one.
      expect(await tryWrong(`sai-${i}`)).toEqual({ ok: false, error: { code: 'auth.invalid', message: 'wrong username or password' } });
      await login.alert().getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
      expect(await login.alert().textContent()).not.toContain('lần thử');
    }
    expect((await tryWrong('sai-5')).error?.code).toBe('auth.locked_out');
    await page.getByText('Thử lại sau 5 phút', { exact: false }).waitFor();

    await login.login(admin.username, admin.password);
    await new Layout(page).open('Người dùng');
    const users = new UsersPage(page);
    const row = users.row(newcomer.fullName);
    await row.getByText('Tạm khóa đến', { exact: false }).waitFor();
    await screenshot('passwords-04-locked');
    await row.getByRole('button', { name: 'Mở khóa' }).click();
    await page.getByText(`Đã mở khóa tài khoản ${newcomer.fullName}.`).waitFor();
    await row.getByText('Đang hoạt động').waitFor();
    await new Layout(page).logout();
    await login.login(newcomer.username, chosen);
    await new Layout(page).waitUntilShown();
    expect(app.watched.errors).toEqual([]);
  });
});
