import { describe, expect, it } from 'vitest';
import { officeInBrowser } from './support/office-browser';
import { admin, office } from './support/people';
import { Layout, LoginPage, SettingsPage } from './support/pages';

/**
 * Backup and restore in a real browser (issue #9, "Backups"): the administrator backs up by hand, adds
 * a village, looks at the backup, restores it after confirming, and the village is gone again.
 */
describe('backup and restore', () => {
  const app = officeInBrowser();
  const village = 'Xóm Sau Sao Lưu';

  it('backs up by hand, restores after a confirmation, and what was added since is gone', async () => {
    const { page, screenshot, errors } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.open('Sao lưu và khôi phục');
    const list = page.getByRole('region', { name: 'Bản sao lưu' });
    await list.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await list.getByRole('status').filter({ hasText: /^Đã sao lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/ }).waitFor();
    const row = list.getByRole('row').filter({ hasText: 'Thủ công' });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    await layout.open('Cài đặt');
    const settings = new SettingsPage(page);
    await settings.addLocality(village, 'Xóm');
    await settings.localities().getByRole('rowheader', { name: village, exact: true }).waitFor();

    await layout.open('Sao lưu và khôi phục');
    await row.getByRole('button', { name: /^Xem/ }).click();
    const details = page.getByRole('region', { name: /^Bản sao lưu lúc / });
    await details.getByText('Tin báo', { exact: true }).waitFor();
    for (const label of ['Đối tượng', 'Tụ điểm', 'Phong trào']) await details.getByText(label, { exact: true }).waitFor();
    await screenshot('backups-01-details');
    await details.getByRole('button', { name: 'Khôi phục bản này' }).click();

    const confirm = page.getByRole('region', { name: /^Khôi phục bản sao lưu lúc / });
    await confirm.getByRole('button', { name: 'Khôi phục' }).click();
    await confirm.getByText('Hãy đánh dấu xác nhận trước khi khôi phục.').waitFor();
    await confirm.getByLabel('Tôi hiểu và muốn khôi phục bản sao lưu này').check();
    await screenshot('backups-02-confirm');
    await confirm.getByRole('button', { name: 'Khôi phục' }).click();
    await list.getByRole('status').filter({ hasText: /^Đã khôi phục bản sao lưu lúc .*dữ liệu đã được kiểm tra toàn vẹn/ }).waitFor();
    await list.getByRole('row').filter({ hasText: 'Trước khi khôi phục' }).waitFor();
    await screenshot('backups-03-restored');

    await layout.open('Cài đặt');
    await settings.localities().getByRole('rowheader', { name: office.localities[0], exact: true }).waitFor();
    expect(await settings.localities().getByRole('rowheader', { name: village, exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('sets an external folder; a drive that is not plugged in is reported and the backup kept', async () => {
    const { page, screenshot, errors } = app.watched;
    await new Layout(page).open('Sao lưu và khôi phục');
    const settings = page.getByRole('form', { name: 'Cài đặt sao lưu' });
    await settings.getByLabel('Giữ theo ngày (số ngày)').fill('0');
    await settings.getByLabel('Thư mục ngoài (ổ USB)').fill('o-usb');
    await settings.getByRole('button', { name: 'Lưu' }).click();
    await settings.getByText('Giữ theo ngày (số ngày) không được nhỏ hơn 1.').waitFor();
    await settings.getByText('Nhập đường dẫn đầy đủ của thư mục, ví dụ E:\\SaoLuu hoặc /media/usb/SaoLuu.').waitFor();
    await settings.getByLabel('Giữ theo ngày (số ngày)').fill('10');
    await settings.getByLabel('Thư mục ngoài (ổ USB)').fill('/khong-co-o-usb/SaoLuu');
    await settings.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt sao lưu.' }).waitFor();

    const list = page.getByRole('region', { name: 'Bản sao lưu' });
    const manual = list.getByRole('row').filter({ hasText: 'Thủ công' });
    await list.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await list.getByRole('alert').filter({ hasText: /sang thư mục ngoài \/khong-co-o-usb\/SaoLuu: không tìm thấy thư mục \(ổ USB chưa cắm\?\)\. Bản sao lưu vẫn được giữ/ }).waitFor();
    expect(await manual.count()).toBe(2);
    await screenshot('backups-04-external-missing');
    expect(errors).toEqual([]);
  });
});
