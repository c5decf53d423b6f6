import { describe, expect, it } from 'vitest';
import { loginHost } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { LoginPage } from './support/pages';

/**
 * Voiding an attachment with a reason (issue #18) in Chromium: the file attached to the wrong report is
 * voided from the report page; the reason is required; the file leaves the list (the audit of the void: tests/integration/attachments.test.ts).
 */
describe('voiding an attachment', () => {
  const app = officeInBrowser();
  // A 1×1 PNG, the smallest photo the office keeps.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('voids a scan attached by mistake, with a reason', async () => {
    const asAdmin = await loginHost(app.host, admin.username, admin.password);
    const report = await asAdmin('reports.create', { receivedAt: Date.now() - 3600_000, channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: 'Mất trộm xe máy tại chợ' });
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    for (const fileName of ['bien-ban-tiep-nhan.png', 'anh-nham-vu-khac.png']) {
      const added = await asAdmin('attachments.add', { ownerTable: 'reports', ownerId: report.value.id, fileName, dataBase64: PNG });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
    }

    const { page, screenshot } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await page.goto(`${app.host.url}/#/reports/${report.value.id}`);
    const files = page.getByRole('table', { name: 'Tài liệu đính kèm' });
    await files.getByRole('row').filter({ hasText: 'anh-nham-vu-khac.png' }).waitFor();
    await files.getByRole('button', { name: 'Hủy tệp anh-nham-vu-khac.png' }).click();
    const panel = page.getByRole('region', { name: 'Hủy tệp đính kèm anh-nham-vu-khac.png' });
    await panel.getByRole('button', { name: 'Hủy tệp', exact: true }).click();
    await panel.getByText('Bắt buộc nhập.').waitFor();
    await panel.getByLabel('Lý do hủy', { exact: true }).fill('Đính kèm nhầm ảnh của vụ việc khác');
    await screenshot('attachment-void-01-reason');
    await panel.getByRole('button', { name: 'Hủy tệp', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã hủy tệp anh-nham-vu-khac.png.' }).waitFor();
    await expect.poll(() => files.getByRole('row').filter({ hasText: 'anh-nham-vu-khac.png' }).count()).toBe(0);
    expect(await files.getByRole('row').filter({ hasText: 'bien-ban-tiep-nhan.png' }).count()).toBe(1);
    await screenshot('attachment-void-02-voided');

    const left = await asAdmin('attachments.list', { ownerTable: 'reports', ownerId: report.value.id });
    expect(left.ok && left.value.map((a) => a.fileName)).toEqual(['bien-ban-tiep-nhan.png']);
    expect(app.watched.errors).toEqual([]);
  });
});
