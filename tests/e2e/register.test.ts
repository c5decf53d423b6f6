import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserHost, ensureRendererBuilt, launchBrowser, loginHost, openPage, root, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { description, Layout, LoginPage } from './support/pages';
import { admin, officer } from './support/people';
import { RegisterList, ReportForm, ReportView } from './support/register-pages';

/**
 * The crime-report register in a real browser, as an officer: record a report with its people, find
 * it without diacritics, move it along the legal clock, decide a second one, void a third, print the
 * receipt record. The office and the officer are set up through the host's API.
 */

const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
const TRANSFER_TO = 'Cơ quan CSĐT Công an tỉnh Thanh Hóa';
const LOTTERY = 'Tố giác ghi số đề tại chợ Đông';
const THEFT = 'Mất trộm xe máy tại nhà văn hóa thôn Nam Sơn';
const DUPLICATE = 'Tin báo nhập trùng cần hủy';

describe('the crime-report register', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let lotteryNumber = '';

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    await setUpOffice(host);
    const asAdmin = await loginHost(host, admin.username, admin.password);
    const added = await createUserHost(host, asAdmin, { ...officer, role: 'officer' });
    if (!added.ok) throw new Error(`adding the officer failed: ${JSON.stringify(added.error)}`);
    browser = await launchBrowser();
    watched = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows the register and the deadlines to the officer', async () => {
    const { page, screenshot } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(officer.username, officer.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    expect(await layout.navLink('Sổ tiếp nhận tin báo').count()).toBe(1);
    expect(await layout.navLink('Thời hạn').count()).toBe(1);
    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.heading().waitFor();
    await list.total().filter({ hasText: 'Tổng số: 0' }).waitFor();
    await screenshot('register-01-empty');
  });

  it('keeps everything typed when a save is refused (empty summary)', async () => {
    const { page, screenshot } = watched;
    await page.getByRole('link', { name: 'Thêm tin báo' }).click();
    const form = new ReportForm(page);
    await form.form().waitFor();
    await form.fill({
      kind: 'Tố giác về tội phạm',
      summary: '',
      category: 'Số đề',
      locality: 'Thôn Đông Hải',
      reporterName: 'Trần Văn Báo',
      persons: [
        { role: 'Đối tượng', fullName: 'Nguyễn Văn Ánh', birthYear: '1990', citizenId: '038090001234' },
        { role: 'Người bị hại', fullName: 'Đỗ Thị Lan' },
      ],
    });
    await form.submit();
    const summary = form.field('Nội dung tóm tắt');
    await form.form().getByText('Bắt buộc nhập.').waitFor();
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    expect(await description(summary)).toContain('Bắt buộc nhập.');
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await form.field('Họ tên người báo tin').inputValue()).toBe('Trần Văn Báo');
    expect(await form.person(1).getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Văn Ánh');
    expect(await form.person(1).getByLabel('Số CCCD', { exact: true }).inputValue()).toBe('038090001234');
    expect(await form.person(2).getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Đỗ Thị Lan');
    await screenshot('register-02-refused');
  });

  it('marks a bad citizen ID reported for a person on that person’s field', async () => {
    const { page } = watched;
    const form = new ReportForm(page);
    await form.field('Nội dung tóm tắt').fill(LOTTERY);
    const citizenId = form.person(2).getByLabel('Số CCCD', { exact: true });
    await citizenId.fill('12345');
    await form.submit();
    await form.person(2).getByText('Số CCCD gồm 12 chữ số').waitFor();
    expect(await citizenId.getAttribute('aria-invalid')).toBe('true');
    await citizenId.fill('');
  });

  it('records the report with its people and shows the three deadlines', async () => {
    const { page, screenshot } = watched;
    const form = new ReportForm(page);
    await form.submit();
    const view = new ReportView(page);
    await view.heading().waitFor();
    lotteryNumber = await view.number();
    expect(lotteryNumber).toBe(`1/${year}`);
    await page.getByRole('status').filter({ hasText: `Đã ghi vào sổ: số ${lotteryNumber}.` }).waitFor();
    for (const kind of ['Chuyển cơ quan điều tra', 'Thông báo bằng văn bản', 'Ra quyết định'] as const) {
      const row = view.deadline(kind);
      await row.waitFor();
      expect(await row.textContent()).toMatch(/còn \d+ (ngày|giờ)/);
    }
    const persons = await view.persons().textContent();
    expect(persons).toContain('Nguyễn Văn Ánh');
    expect(persons).toContain('Đối tượng');
    expect(persons).toContain('Đỗ Thị Lan');
    expect(persons).toContain('Người bị hại');
    expect(await page.getByText('Số đề', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot('register-03-report');
  });

  it('finds the report without diacritics, by name and by content', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.find('nguyen van anh', 1);
    expect(await list.row(LOTTERY).textContent()).toContain(lotteryNumber);
    await screenshot('register-04-search-name');
    await list.find('so de', 1);
    expect(await list.row(LOTTERY).count()).toBe(1);
    await list.find('khong co gi nhu the', 0);
    await list.find('so de', 1);
    await screenshot('register-05-search-content');
  });

  it('transfers the report to the investigators and records the notice', async () => {
    const { page, screenshot } = watched;
    await new RegisterList(page).row(LOTTERY).click();
    const view = new ReportView(page);
    await view.heading().waitFor();
    const transfer = await view.openStep('Chuyển cơ quan điều tra');
    await transfer.getByLabel('Cơ quan tiếp nhận', { exact: true }).fill(TRANSFER_TO);
    await screenshot('register-06-transfer-form');
    await view.confirmStep(transfer, 'Chuyển cơ quan điều tra');
    await view.deadline('Chuyển cơ quan điều tra').filter({ hasText: 'đã thực hiện' }).waitFor();
    expect(await page.getByText(TRANSFER_TO).count()).toBeGreaterThan(0);

    const notice = await view.openStep('Đã gửi thông báo');
    await view.confirmStep(notice, 'Đã gửi thông báo');
    await view.deadline('Thông báo bằng văn bản').filter({ hasText: 'đã thực hiện' }).waitFor();
    // Transferred: the decision is now the investigators' (done for the commune's clock).
    expect(await page.getByRole('region', { name: 'Lịch sử thay đổi' }).textContent()).toContain('Đã chuyển cơ quan điều tra');
    await screenshot('register-07-transferred');
  });

  it('handles a second report in the commune, reusing a known person, and records the decision', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    await page.getByRole('link', { name: 'Thêm tin báo' }).click();
    const form = new ReportForm(page);
    await form.form().waitFor();
    await form.fill({ summary: THEFT, category: 'Trộm cắp tài sản', locality: 'Thôn Nam Sơn' });
    const entry = await form.addPerson(1, { role: 'Đối tượng', fullName: 'Nguyen Van Anh', citizenId: '038090001234' });
    await entry.getByText('Đã có người này (CCCD 038090001234)').waitFor();
    await screenshot('register-08-person-match');
    await entry.getByRole('button', { name: 'Dùng hồ sơ có sẵn' }).click();
    await entry.getByText('Dùng hồ sơ có sẵn: Nguyễn Văn Ánh').waitFor();
    await form.submit();
    const view = new ReportView(page);
    await view.heading().waitFor();
    expect(await view.number()).toBe(`2/${year}`);
    expect(await view.persons().textContent()).toContain('Nguyễn Văn Ánh');

    await view.confirmStep(await view.openStep('Công an xã thụ lý'), 'Công an xã thụ lý');
    await view.deadline('Chuyển cơ quan điều tra').filter({ hasText: 'đã thực hiện' }).waitFor();
    const decide = await view.openStep('Ra quyết định');
    await decide.getByLabel('Quyết định', { exact: true }).selectOption({ label: 'Không khởi tố vụ án' });
    await decide.getByLabel('Số quyết định', { exact: true }).fill('05/QĐ-CAX');
    await view.confirmStep(decide, 'Ra quyết định');
    await view.deadline('Ra quyết định').filter({ hasText: 'đã thực hiện' }).waitFor();
    expect(await page.getByText('Không khởi tố vụ án').count()).toBeGreaterThan(0);
    expect(await page.getByText('Đã ra quyết định', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot('register-09-decided');
  });

  it('voids a third report with a reason and keeps its number in the register', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    await page.getByRole('link', { name: 'Thêm tin báo' }).click();
    const form = new ReportForm(page);
    await form.form().waitFor();
    await form.fill({ summary: DUPLICATE, kind: 'Tin báo về tội phạm' });
    await form.submit();
    const view = new ReportView(page);
    await view.heading().waitFor();
    const number = await view.number();
    expect(number).toBe(`3/${year}`);
    const voiding = await view.openStep('Hủy mục');
    await voiding.getByRole('button', { name: 'Hủy mục', exact: true }).click();
    await voiding.getByText('Bắt buộc nhập.').waitFor();
    await voiding.getByLabel('Lý do hủy', { exact: true }).fill('Nhập trùng với tin báo số 1');
    await view.confirmStep(voiding, 'Hủy mục');
    await page.getByText('Mục này đã hủy. Lý do: Nhập trùng với tin báo số 1').waitFor();
    expect(await view.heading().textContent()).toBe(`Tin báo số ${number}`);
    await screenshot('register-10-voided');

    await new Layout(page).open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.find('', 2);
    expect(await list.row(DUPLICATE).count()).toBe(0);
    await list.includeVoided().check();
    await list.total().filter({ hasText: 'Tổng số: 3' }).waitFor();
    const row = list.row(DUPLICATE);
    await row.waitFor();
    expect(await row.textContent()).toContain(number);
    expect(await row.textContent()).toContain('Đã hủy');
    await screenshot('register-11-list-with-voided');
    await list.includeVoided().uncheck();
  });

  it('sorts by a column header and says so', async () => {
    const { page } = watched;
    const list = new RegisterList(page);
    const header = list.table().getByRole('columnheader', { name: /Số/ }).first();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await header.getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('th[aria-sort]')?.getAttribute('aria-sort') === 'ascending');
    await list.rows().first().filter({ hasText: lotteryNumber }).waitFor();
    await header.getByRole('button').click();
  });

  it('shows the deadlines page and the overview tiles', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Thời hạn');
    await page.getByRole('heading', { name: 'Thời hạn giải quyết tin báo', level: 1 }).waitFor();
    for (const name of ['Quá hạn', 'Đến hạn hôm nay', 'Sắp đến hạn']) {
      const region = page.getByRole('region', { name: new RegExp(`^${name}`) });
      await region.first().waitFor();
      expect(await region.count()).toBe(1);
    }
    await screenshot('register-12-deadlines');
    await new Layout(page).open('Tổng quan');
    await page.getByText('Tin báo tiếp nhận trong tháng').waitFor();
    await screenshot('register-13-overview');
  });

  it('prints the receipt record of the first report', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.find('so de', 1);
    await list.row(LOTTERY).click();
    const view = new ReportView(page);
    await view.heading().waitFor();
    await page.getByRole('link', { name: 'In biên bản tiếp nhận' }).click();
    await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot('register-14-receipt');
    const outDir = join(root, 'test-output');
    mkdirSync(outDir, { recursive: true });
    const pdf = join(outDir, 'receipt.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(lotteryNumber);
  });

  it('pages through a long register, rendering only the rows in view', async () => {
    const { page, screenshot } = watched;
    const asOfficer = await loginHost(host, officer.username, officer.password);
    const receivedAt = Date.now() - 3_600_000;
    for (let i = 1; i <= 247; i += 1) {
      const made = await asOfficer('reports.create', { receivedAt, channel: 'phone', kind: 'other_incident', summary: `Vụ việc thử số ${i}` });
      if (!made.ok) throw new Error(JSON.stringify(made.error));
    }
    // The print screen before this has no navigation: go to the register by its address.
    await page.evaluate(() => {
      window.location.hash = '#/reports';
    });
    const list = new RegisterList(page);
    await list.heading().waitFor();
    await list.find('', 249);
    expect(await list.rows().count()).toBeLessThan(60);
    await list.table().evaluate((table) => table.parentElement?.scrollTo({ top: table.parentElement.scrollHeight }));
    // The last row of the default order (newest first) is the oldest entry, on the third page.
    await list.row(LOTTERY).waitFor();
    expect(await list.rows().count()).toBeLessThan(60);
    expect(await list.table().getByRole('columnheader', { name: /Nội dung tóm tắt/ }).isVisible()).toBe(true);
    await screenshot('register-15-long-list-end');
  });

  it('logged no console errors', () => {
    expect(watched.errors).toEqual([]);
  });
});
