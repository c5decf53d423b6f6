import { describe, expect, it } from 'vitest';
import { officeInBrowser } from './support/office-browser';
import { admin, officer } from './support/people';
import { description, Layout, LockScreen, LoginPage, SettingsPage, UsersPage } from './support/pages';

/**
 * The administrator's tasks in a real browser: a refused username from the backend shown under its
 * field, password reset, deactivation and reactivation, settings and villages, and the idle lock.
 * The office is set up through the host's API; setup itself is covered by foundation.test.ts.
 */

describe('administrator tasks', () => {
  const app = officeInBrowser();

  it('logs the administrator in and adds an officer', async () => {
    const { page } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Người dùng');
    const users = new UsersPage(page);
    await users.addUser(officer, 'Cán bộ');
    await users.row(officer.fullName).waitFor();
  });

  it('shows the backend’s "username taken" under the username field and keeps the form filled', async () => {
    const { page, screenshot } = app.watched;
    const users = new UsersPage(page);
    await users.addUser({ ...officer, fullName: 'Trần Văn Trùng' }, 'Cán bộ');
    const username = users.addForm().getByLabel('Tên đăng nhập', { exact: true });
    await users.addForm().getByText('Tên đăng nhập này đã có người dùng.').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await description(username)).toContain('Tên đăng nhập này đã có người dùng.');
    expect(await users.addForm().getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Trần Văn Trùng');
    await screenshot('admin-01-username-taken');
  });

  it('resets a password, refusing a mismatch first', async () => {
    const { page, screenshot } = app.watched;
    const users = new UsersPage(page);
    const panel = await users.rowAction(officer.fullName, 'Đặt lại mật khẩu');
    await users.setNewPassword(panel, 'mat-khau-moi-1-Tràm-Chim', 'mat-khau-moi-2-Tràm-Chim', 'Đặt lại mật khẩu');
    await panel.getByText('Mật khẩu nhập lại không khớp.').waitFor();
    await screenshot('admin-02-reset-mismatch');
    await users.setNewPassword(panel, 'mat-khau-moi-1-Tràm-Chim', 'mat-khau-moi-1-Tràm-Chim', 'Đặt lại mật khẩu');
    await page.getByRole('status').filter({ hasText: `Đã đặt lại mật khẩu cho ${officer.fullName}.` }).waitFor();
  });

  it('deactivates and reactivates the officer', async () => {
    const { page, screenshot } = app.watched;
    const users = new UsersPage(page);
    const confirm = await users.rowAction(officer.fullName, 'Vô hiệu hóa');
    await confirm.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await page.getByRole('status').filter({ hasText: `Đã vô hiệu hóa tài khoản ${officer.fullName}.` }).waitFor();
    await users.row(officer.fullName).getByText('Đã vô hiệu hóa').waitFor();
    await screenshot('admin-03-deactivated');

    const panel = await users.rowAction(officer.fullName, 'Kích hoạt lại');
    await users.setNewPassword(panel, 'mat-khau-kich-hoat', 'mat-khau-kich-hoat', 'Kích hoạt lại');
    await page.getByRole('status').filter({ hasText: `Đã kích hoạt lại tài khoản ${officer.fullName}.` }).waitFor();
    await users.row(officer.fullName).getByText('Đang hoạt động').waitFor();
  });

  it('does not offer the administrator to deactivate their own account', async () => {
    const users = new UsersPage(app.watched.page);
    expect(await users.row(admin.fullName).getByRole('button', { name: 'Vô hiệu hóa' }).count()).toBe(0);
  });

  it('refuses a non-number for the idle lock, then saves the settings', async () => {
    const { page, screenshot } = app.watched;
    // The add-user form still holds what was typed (the refused username): leaving asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await new Layout(page).open('Cài đặt');
    expect(await asked).toMatch(/^Có nội dung đã nhập nhưng chưa lưu. Rời trang này và bỏ phần chưa lưu?/);
    const settings = new SettingsPage(page);
    await settings.idleLock().fill('mười');
    await settings.save();
    await settings.generalForm().getByText('Nhập một số nguyên.').waitFor();
    expect(await settings.idleLock().evaluate((element) => element === document.activeElement)).toBe(true);

    await settings.idleLock().fill('5');
    await settings.remoteCommune().check();
    await settings.save();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt.' }).waitFor();
    await screenshot('admin-04-settings-saved');
  });

  it('adds a neighbourhood to the list', async () => {
    const { page, screenshot } = app.watched;
    const settings = new SettingsPage(page);
    await settings.addLocality('Tổ dân phố Trung Tâm', 'Tổ dân phố');
    const row = settings.localities().getByRole('row').filter({ hasText: 'Tổ dân phố Trung Tâm' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Tổ dân phố']);
    await screenshot('admin-05-locality-added');
  });

  it('sets the reporting cut-off day and adds a seized item to count, keeping the form after a refusal', async () => {
    const { page, screenshot } = app.watched;
    const settings = new SettingsPage(page);
    const cutoff = settings.generalForm().getByLabel('Ngày bắt đầu tháng báo cáo');
    expect(await cutoff.inputValue()).toBe('15');
    await cutoff.fill('40');
    await settings.save();
    // The message states the limit (issue #18).
    await settings.generalForm().getByText('Ngày bắt đầu tháng báo cáo không được lớn hơn 28.').waitFor();
    await cutoff.fill('20');
    // The exchange's clock bound: kept as typed when refused, then saved.
    const bound = settings.generalForm().getByLabel('Giới hạn lệch giờ khi nhận dữ liệu (giờ)');
    expect(await bound.inputValue()).toBe('24');
    await bound.fill('0');
    await settings.save();
    await settings.generalForm().getByText('Giới hạn lệch giờ khi nhận dữ liệu (giờ) không được nhỏ hơn 1.').waitFor();
    expect(await cutoff.inputValue()).toBe('20');
    await bound.fill('48');
    await settings.save();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt.' }).waitFor();
    await page.reload();
    await settings.heading().waitFor();
    expect(await settings.generalForm().getByLabel('Giới hạn lệch giờ khi nhận dữ liệu (giờ)').inputValue()).toBe('48');
    expect(await settings.generalForm().getByLabel('Ngày bắt đầu tháng báo cáo').inputValue()).toBe('20');

    const section = page.getByRole('region', { name: 'Chỉ tiêu và tang vật thu giữ' });
    const form = section.getByRole('form', { name: 'Thêm tang vật' });
    // No code on screen: the item's code is made from its name.
    expect(await form.getByLabel('Mã', { exact: true }).count()).toBe(0);
    await form.getByLabel('Đơn vị tính', { exact: true }).fill('kg');
    await form.getByRole('button', { name: 'Thêm tang vật' }).click();
    await form.getByText('Bắt buộc nhập.').waitFor();
    expect(await form.getByLabel('Đơn vị tính', { exact: true }).inputValue()).toBe('kg');
    await form.getByLabel('Tên tiếng Việt', { exact: true }).fill('Pháo nổ thu giữ');
    await screenshot('measures-add-no-code');
    await form.getByRole('button', { name: 'Thêm tang vật' }).click();
    await section.getByText('Đã thêm Pháo nổ thu giữ.').waitFor();
    // The list is read again after the message: wait for the new row before reading it.
    // Listed by its name, never by its code.
    const row = section.getByRole('row').filter({ hasText: 'Pháo nổ thu giữ' });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe('Pháo nổ thu giữ');
    expect(await row.getByRole('cell').allTextContents()).toEqual(['kg', 'Tang vật thu giữ (cộng từ các đợt ra quân)']);
    expect(await section.getByText('phao_no_thu_giu').count()).toBe(0);
  });

  it('locks the session after the idle time and unlocks it with the password', async () => {
    const { page, screenshot } = app.watched;
    await page.clock.install();
    await page.reload();
    const layout = new Layout(page);
    await layout.waitUntilShown();

    await page.clock.fastForward('06:00');
    const lock = new LockScreen(page);
    await lock.heading().waitFor();
    expect(await layout.nav().isVisible()).toBe(false);
    await screenshot('admin-06-locked');

    await lock.unlock('sai-mat-khau-Tràm-Chim');
    await page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
    await lock.unlock(admin.password);
    await layout.waitUntilShown();
    expect(await lock.heading().count()).toBe(0);
  });

  it('logged no console errors and no uncaught exceptions', () => {
    expect(app.watched.errors).toEqual([]);
  });
});
