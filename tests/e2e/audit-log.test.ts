import { describe, expect, it } from 'vitest';
import { createUserHost, loginHost, type HostSession } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin, officer } from './support/people';
import { Layout, LoginPage } from './support/pages';
import { exportToExcel } from './support/xlsx-download';

/**
 * Issue #17 in a real browser: the audit page ("Nhật ký thao tác") of an administrator, filtered,
 * paged and exported to .xlsx (read back with exceljs); and an officer opening a report whose reporter
 * asked for secrecy, who sees that it is kept secret and never the reporter's name, contact or address.
 */

const SECRET = { reporterName: 'Phạm Văn Kín', reporterContact: '0912 345 678', reporterAddress: 'Số 5 ngõ 7 Thôn Đông Hải' };
const READS = 130;

function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('the audit log and secret reporters', () => {
  const app = officeInBrowser();
  let anonymous: { id: string; number: string };
  let other: { id: string; number: string };

  it('an administrator filters the log, pages through it and exports it', async () => {
    const adminApi: HostSession = await loginHost(app.host, admin.username, admin.password);
    // Created with a one-time password, which the officer changes at the first login.
    ok(await createUserHost(app.host, adminApi, { ...officer, role: 'officer' }));
    const received = Date.now() - 3_600_000;
    anonymous = ok(await adminApi('reports.create', { receivedAt: received, channel: 'phone', kind: 'crime_report', summary: 'Trộm cắp xe máy', ...SECRET, reporterAnonymous: true }));
    other = ok(await adminApi('reports.create', { receivedAt: received, channel: 'in_person', kind: 'crime_report', summary: 'Mất trộm gà' }));
    const officerApi = await loginHost(app.host, officer.username, officer.password);
    for (let i = 0; i < READS; i += 1) ok(await officerApi('reports.get', { id: i % 2 ? anonymous.id : other.id }));
    ok(await officerApi('reports.list', { filters: { q: 'trộm' } }));

    const { page, screenshot, errors } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Nhật ký thao tác');
    const table = page.getByRole('table', { name: 'Các thao tác' });
    const rows = table.locator('tbody tr[tabindex="0"]');
    const total = page.getByText(/^Tổng số: /);
    await rows.first().waitFor();

    // The officer's entries: the first login with the one-time password, the change of it, the login
    // with their own, 130 openings of a report, one list read.
    const filters = page.getByRole('search');
    await filters.getByLabel('Người thực hiện', { exact: true }).selectOption({ label: officer.fullName });
    await total.filter({ hasText: `Tổng số: ${READS + 4}` }).waitFor();
    await rows.filter({ hasText: 'Xem danh sách tin báo' }).filter({ hasText: '2 bản ghi, tìm “trộm”' }).first().waitFor();
    expect(await rows.first().textContent()).toContain(officer.fullName);
    // Scrolled to the end, the second page shows the oldest entry: the officer's login.
    await page.locator('.vtable-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await rows.filter({ hasText: 'Đăng nhập' }).last().waitFor();

    // A report by its register number: the officer's openings of it, named by its number.
    await filters.getByLabel('Bản ghi (số tin báo hoặc mã)', { exact: true }).fill(anonymous.number);
    await total.filter({ hasText: `Tổng số: ${READS / 2 + 1}` }).waitFor();
    await rows.filter({ hasText: `Xem tin báo${anonymous.number}` }).first().waitFor();
    await screenshot('audit-log');

    // The export holds the rows of the filters on screen, in words, with Vietnam times.
    const sheet = await exportToExcel(page);
    expect(sheet.headers).toEqual(['Thời gian', 'Người thực hiện', 'Thao tác', 'Bản ghi']);
    expect(sheet.rows.length).toBe(READS / 2 + 1);
    expect(new Set(sheet.rows.map((row) => row['Người thực hiện']))).toEqual(new Set([officer.fullName]));
    expect(new Set(sheet.rows.map((row) => row['Thao tác']))).toEqual(new Set(['Xem tin báo', 'Xem danh sách tin báo']));
    expect(sheet.rows.every((row) => row['Thời gian'] instanceof Date)).toBe(true);

    // Everybody, reveals only: the administrator's own creation of the secret report.
    await filters.getByLabel('Bản ghi (số tin báo hoặc mã)', { exact: true }).fill('');
    await filters.getByLabel('Người thực hiện', { exact: true }).selectOption({ label: 'Tất cả' });
    await filters.getByLabel('Thao tác', { exact: true }).selectOption({ label: 'Xem người báo tin giấu tên' });
    await total.filter({ hasText: 'Tổng số: 1' }).waitFor();
    await rows.filter({ hasText: admin.fullName }).filter({ hasText: anonymous.number }).waitFor();

    // Dates: nothing tomorrow; a range that ends before it starts is refused in words.
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    await filters.getByLabel('Từ ngày', { exact: true }).fill(tomorrow);
    await page.getByText('Không có thao tác nào khớp bộ lọc.').waitFor();
    await filters.getByLabel('Đến ngày', { exact: true }).fill('2020-01-01');
    await page.getByText('Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.').waitFor();
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await total.filter({ hasText: new RegExp(`Tổng số: (\\d\\.)?\\d+`) }).waitFor();
    expect(errors).toEqual([]);
  });

  it('an officer opens an anonymous report: kept secret on the page, in its form and in its history', async () => {
    const { page, screenshot } = app.watched;
    await new Layout(page).logout();
    await new LoginPage(page).login(officer.username, officer.password);
    await new Layout(page).waitUntilShown();
    await page.goto(`${app.host.url}/#/reports/${anonymous.id}`);
    await page.getByRole('heading', { name: `Tin báo số ${anonymous.number}`, level: 1 }).waitFor();
    await page.getByText('Người báo tin đề nghị giữ bí mật: chỉ lãnh đạo đơn vị xem được họ tên, liên lạc và địa chỉ.').first().waitFor();
    await page.getByText('Họ tên người báo tin: giữ bí mật').first().waitFor();
    await screenshot('anonymous-report-officer');
    const html = await page.content();
    for (const value of Object.values(SECRET)) expect(html).not.toContain(value);

    await page.goto(`${app.host.url}/#/reports/${anonymous.id}/edit`);
    await page.getByRole('form', { name: /Sửa tin báo/ }).waitFor();
    await page.getByRole('form', { name: /Sửa tin báo/ }).getByText('Người báo tin đề nghị giữ bí mật', { exact: false }).waitFor();
    expect(await page.getByLabel('Họ tên người báo tin', { exact: true }).count()).toBe(0);
    for (const value of Object.values(SECRET)) expect(await page.content()).not.toContain(value);
  });
});
