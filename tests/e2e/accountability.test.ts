import { describe, expect, it } from 'vitest';
import { createUserHost, loginHost } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin, officer } from './support/people';
import { description, Layout, LoginPage } from './support/pages';
import { RegisterList, ReportForm, ReportView } from './support/register-pages';

/**
 * Accountability at a glance (issue #18): a late action says how late, a transfer passes the decision
 * on, "Việc hôm nay" lists the officer's own due and overdue work first, and every dashboard number
 * opens the list it counts.
 */
const HOUR = 3_600_000;
const LATE = 'Trộm cắp xe đạp, chuyển chậm';
const MINE = 'Cướp giật điện thoại ở chợ';
const OLD = 'Tin báo của tháng trước';

describe('accountability at a glance', () => {
  const app = officeInBrowser();

  it('shows how late a transfer was, and passes the decision on', async () => {
    const { page, screenshot, errors } = app.watched;
    const asAdmin = await loginHost(app.host, admin.username, admin.password);
    const created = await createUserHost(app.host, asAdmin, { ...officer, role: 'officer' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const now = Date.now();
    // Received 47 hours ago: the transfer was due 23 hours ago; done an hour ago, 22 hours late.
    const late = await asAdmin('reports.create', { receivedAt: now - 47 * HOUR, channel: 'phone', kind: 'crime_report', summary: LATE, persons: [] });
    if (!late.ok) throw new Error(JSON.stringify(late.error));
    const moved = await asAdmin('reports.transition', { id: late.value.id, baseVersion: late.value.version, step: { action: 'transfer', at: now - HOUR, to: 'Cơ quan CSĐT Công an huyện' } });
    if (!moved.ok) throw new Error(JSON.stringify(moved.error));
    // The officer's: received 30 hours ago, the transfer 6 hours overdue.
    const mine = await asAdmin('reports.create', { receivedAt: now - 30 * HOUR, channel: 'phone', kind: 'crime_report', summary: MINE, officerId: created.value.id, persons: [] });
    if (!mine.ok) throw new Error(JSON.stringify(mine.error));
    // Last month's (35 days ago): in the register, not in the month's card nor in the list it opens.
    const old = await asAdmin('reports.create', { receivedAt: now - 35 * 24 * HOUR, channel: 'phone', kind: 'other_incident', summary: OLD, persons: [] });
    if (!old.ok) throw new Error(JSON.stringify(old.error));

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).waitUntilShown();
    await page.goto(`${app.host.url}/#/reports/${late.value.id}`);
    const view = new ReportView(page);
    await view.heading().waitFor();
    await view.deadline('Chuyển cơ quan điều tra').filter({ hasText: 'chuyển chậm 22 giờ' }).waitFor();
    await view.deadline('Ra quyết định').filter({ hasText: 'đã chuyển, cơ quan điều tra quyết định' }).waitFor();
    expect(await view.deadline('Ra quyết định').filter({ hasText: 'đã thực hiện' }).count()).toBe(0);
    expect(await view.steps().getByRole('button', { name: 'Ra quyết định', exact: true }).count()).toBe(0);
    expect(await view.steps().getByRole('button', { name: 'Đã gửi thông báo', exact: true }).count()).toBe(1);
    await screenshot('accountability-01-late-transfer');
    expect(errors).toEqual([]);
  });

  it("lists today's work with the officer's own first, and each dashboard number opens its list", async () => {
    const { page, screenshot, errors } = app.watched;
    await new Layout(page).logout();
    await new LoginPage(page).login(officer.username, officer.password);
    await new Layout(page).waitUntilShown();
    const today = page.getByRole('region', { name: 'Việc hôm nay' });
    await today.waitFor();
    const mineTable = today.getByRole('table', { name: /^Của bạn/ });
    await mineTable.getByText(MINE).waitFor();
    expect(await mineTable.getByText(LATE).count()).toBe(0);
    // The first table is the officer's own.
    expect(await today.getByRole('table').first().getByRole('rowheader').count()).toBe(1);
    await screenshot('accountability-02-today');

    // The overdue tile opens the deadlines page showing only what is overdue.
    const overdueTile = page.getByRole('link', { name: /Quá hạn/ }).first();
    const overdueCount = Number(((await overdueTile.locator('.tile-count').textContent()) ?? '').replace(/\D/g, ''));
    await overdueTile.click();
    await page.getByRole('heading', { name: 'Thời hạn giải quyết tin báo', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Quá hạn/, level: 2 }).filter({ hasText: `(${overdueCount})` }).waitFor();
    expect(await page.getByRole('heading', { name: /^Sắp đến hạn/, level: 2 }).count()).toBe(0);
    expect(page.url()).toContain('show=overdue');
    await screenshot('accountability-03-overdue-list');

    // The month's card opens exactly the reports it counts.
    await page.goto(`${app.host.url}/#/`);
    const monthTile = page.getByRole('link', { name: /Tin báo tiếp nhận trong tháng/ });
    await monthTile.locator('.tile-count').filter({ hasText: /^\d+$/ }).waitFor();
    const monthCount = Number(await monthTile.locator('.tile-count').textContent());
    await monthTile.click();
    const list = new RegisterList(page);
    await list.heading().waitFor();
    await list.total().filter({ hasText: `Tổng số: ${monthCount}` }).waitFor();
    expect(await list.row(OLD).count()).toBe(0);
    expect(page.url()).toMatch(/#\/reports\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
    expect(await page.getByLabel('Từ ngày', { exact: true }).inputValue()).toMatch(/^01\/\d{2}\/\d{4}$/);
    await screenshot('accountability-04-month-list');
    // Away to a report and back: the same filtered list.
    await list.row(MINE).click();
    await new ReportView(page).heading().waitFor();
    await page.goBack();
    await list.total().filter({ hasText: `Tổng số: ${monthCount}` }).waitFor();
    // A filter chosen on the page goes into the address without reloading the page (the choice keeps focus).
    const status = page.getByLabel('Trạng thái', { exact: true });
    await page.locator('main').evaluate((main) => main.setAttribute('data-before', 'yes'));
    await status.selectOption({ label: 'Đã chuyển cơ quan điều tra' });
    await expect.poll(() => page.url()).toContain('status=transferred');
    expect(await page.locator('main').getAttribute('data-before')).toBe('yes');
    await list.total().filter({ hasText: 'Tổng số: 1' }).waitFor();
    // The side menu opens the whole register.
    await new Layout(page).navLink('Sổ tiếp nhận tin báo').click();
    await list.total().filter({ hasText: 'Tổng số: 3' }).waitFor();
    expect(await status.inputValue()).toBe('');

    // A receipt dated after today: the message says the limit, and what was typed stays.
    await page.getByRole('link', { name: 'Thêm tin báo' }).click();
    const form = new ReportForm(page);
    await form.form().waitFor();
    await form.field('Nội dung tóm tắt').fill('Tin báo ghi nhầm ngày');
    const received = form.field('Ngày tiếp nhận');
    await received.fill('31/12/2099');
    await form.submit();
    await expect.poll(() => received.getAttribute('aria-invalid')).toBe('true');
    expect(await description(received)).toContain('Ngày tiếp nhận không được sau hôm nay.');
    expect(await received.inputValue()).toBe('31/12/2099');
    expect(await form.field('Nội dung tóm tắt').inputValue()).toBe('Tin báo ghi nhầm ngày');
    await screenshot('accountability-05-future-receipt');
    expect(errors).toEqual([]);
  });
});
