import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserHost, ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { Layout, LoginPage, description, type AccountData } from './support/pages';
import { admin, office } from './support/people';
import { flatText, pdfText, printToPdf, renderPng, waitForDocument } from './support/print-support';

/**
 * Peak campaigns in a real browser: the chief opens a campaign with targets, records two operations
 * (arrests and seizures, one quantity typed with a decimal comma), links a report found in the
 * register, watches results and percentages move, adjusts a result with its reason, and prints the
 * result report (read back from the PDF). Then the related reports: the direct link is taken off with
 * a reason, and an operation that opened a report is voided with a reason, its figures and its report
 * leaving the results. The office, the chief and the reports are set up through the API.
 */

const chief: AccountData = {
  fullName: 'Trần Văn Trưởng',
  rank: 'Trung tá',
  position: 'Trưởng Công an xã',
  username: 'truong.tv',
  password: 'mat-khau-truong-cong-an-Tràm-Chim',
};

const NAME = 'Đợt cao điểm tấn công, trấn áp tội phạm ma túy tháng 6/2026';
const TITLE = 'BÁO CÁO KẾT QUẢ ĐỢT CAO ĐIỂM TẤN CÔNG, TRẤN ÁP TỘI PHẠM MA TÚY THÁNG 6/2026';
const SUMMARY = 'Mua bán trái phép chất ma túy tại bãi sông';
/** Received before the campaign too; it comes in only through the third operation. */
const SECOND_SUMMARY = 'Tàng trữ trái phép chất ma túy tại khu nhà trọ';
const exact = { exact: true } as const;

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** The row of the results table for one measure. */
const resultRow = (page: Page, measure: string): Locator => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: measure, exact: true }) });

describe('peak campaigns', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let reportNumber = '';
  let secondNumber = '';

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    await setUpOffice(host);
    const asAdmin = await loginHost(host, admin.username, admin.password);
    const added = await createUserHost(host, asAdmin, { ...chief, role: 'chief' });
    if (!added.ok) throw new Error(`adding the chief failed: ${JSON.stringify(added.error)}`);
    const asChief = await loginHost(host, chief.username, chief.password);
    // Received before the campaign: it counts only once linked to the campaign.
    const report = await asChief('reports.create', {
      receivedAt: Date.parse('2026-05-25T10:00:00+07:00'),
      channel: 'found_by_officers',
      kind: 'crime_report',
      categoryCode: 'drug_trafficking',
      summary: SUMMARY,
      persons: [],
    });
    if (!report.ok) throw new Error(`the report failed: ${JSON.stringify(report.error)}`);
    reportNumber = report.value.number;
    const second = await asChief('reports.create', {
      receivedAt: Date.parse('2026-05-27T15:30:00+07:00'),
      channel: 'found_by_officers',
      kind: 'crime_report',
      categoryCode: 'drug_trafficking',
      summary: SECOND_SUMMARY,
      persons: [],
    });
    if (!second.ok) throw new Error(`the second report failed: ${JSON.stringify(second.error)}`);
    secondNumber = second.value.number;
    browser = await launchBrowser();
    watched = await openPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('logs in as the chief and opens a campaign with targets', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(chief.username, chief.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.open('Đợt cao điểm');
    await page.getByText('Chưa có đợt cao điểm nào.').waitFor();
    await page.getByRole('link', { name: 'Mở đợt cao điểm' }).click();
    await page.getByRole('heading', { name: 'Mở đợt cao điểm', level: 1 }).waitFor();

    await page.getByLabel('Tên đợt', exact).fill(NAME);
    await page.getByLabel('Số quyết định, kế hoạch', exact).fill('15/KH-CAX');
    await page.getByLabel('Ngày quyết định', exact).fill('2026-05-28');
    await page.getByLabel('Từ ngày', exact).fill('2026-06-01');
    await page.getByLabel('Đến ngày', exact).fill('2026-06-30');
    await page.getByLabel('Mua bán trái phép chất ma túy', exact).check();
    await page.getByLabel('Lực lượng tham gia', exact).fill('Công an xã, dân quân, bảo vệ dân phố');
    // An empty target is refused under its field.
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await page.getByRole('button', { name: 'Lưu đợt cao điểm' }).click();
    const first = page.getByRole('group', { name: 'Chỉ tiêu 1' });
    await expect.poll(() => first.getByLabel('Mức giao', exact).getAttribute('aria-invalid')).toBe('true');
    await first.getByLabel('Chỉ tiêu', exact).selectOption({ label: 'Người bị bắt, xử lý (người)' });
    await first.getByLabel('Mức giao', exact).fill('4');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const second = page.getByRole('group', { name: 'Chỉ tiêu 2' });
    await second.getByLabel('Chỉ tiêu', exact).selectOption({ label: 'Heroin thu giữ (gam)' });
    await second.getByLabel('Mức giao', exact).fill('100');
    await screenshot('campaign-form');
    await page.getByRole('button', { name: 'Lưu đợt cao điểm' }).click();

    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.getByText('Đã mở đợt cao điểm.').waitFor();
    expect(await resultRow(page, 'Người bị bắt, xử lý').textContent()).toContain('4 người');
    expect(await resultRow(page, 'Heroin thu giữ').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    expect(errors).toEqual([]);
  });

  async function recordOperation(page: Page, op: { kind: string; date: string; time: string; place: string; leader: string; arrested: string; sanctioned: string; heroin: string; report?: string }) {
    const form = page.getByRole('region', { name: 'Ghi nhận đợt ra quân' });
    await form.getByLabel('Hình thức', exact).selectOption({ label: op.kind });
    await form.getByLabel('Ngày', exact).fill(op.date);
    await form.getByLabel('Giờ', exact).fill(op.time);
    await form.getByLabel('Địa điểm', exact).fill(op.place);
    await form.getByLabel('Thôn, tổ dân phố', exact).selectOption({ label: office.localities[0] ?? '' });
    await form.getByLabel('Chỉ huy', exact).fill(op.leader);
    await form.getByLabel('Số người bị bắt', exact).fill(op.arrested);
    await form.getByLabel('Số người bị xử lý', exact).fill(op.sanctioned);
    await form.getByRole('button', { name: 'Thêm tang vật' }).click();
    const seizure = form.getByRole('group', { name: 'Tang vật 1' });
    await seizure.getByLabel('Loại tang vật', exact).selectOption({ label: 'Heroin thu giữ (gam)' });
    await seizure.getByLabel('Số lượng', exact).fill(op.heroin);
    if (op.report) {
      await form.getByLabel('Tìm tin báo', exact).fill(op.report);
      await form.getByRole('listitem').filter({ hasText: op.report }).getByRole('button', { name: 'Chọn' }).click();
    }
    await form.getByRole('button', { name: 'Lưu đợt ra quân' }).click();
  }

  it('records two operations and sees the results and percentages move', async () => {
    const { page, screenshot, errors } = watched;
    await recordOperation(page, { kind: 'Đột kích', date: '2026-06-10', time: '22:00', place: 'Bãi sông Thôn Đông Hải', leader: 'Nguyễn Văn Đức', arrested: '2', sanctioned: '1', heroin: '30' });
    await page.getByText('Đã ghi nhận đợt ra quân.').waitFor();
    const persons = resultRow(page, 'Người bị bắt, xử lý');
    await persons.getByText('75%').waitFor();

    // A decimal comma, as Vietnamese writes it.
    await recordOperation(page, { kind: 'Truy quét', date: '2026-06-15', time: '09:00', place: 'Khu nhà trọ Nam Sơn', leader: 'Lê Văn Hùng', arrested: '1', sanctioned: '0', heroin: '45,5' });
    await persons.getByText('100%').waitFor();
    const heroin = resultRow(page, 'Heroin thu giữ');
    await heroin.getByText('75,5%').waitFor();
    expect(flatText((await persons.textContent()) ?? '')).toContain('4 người');
    expect(flatText((await heroin.textContent()) ?? '')).toContain('75,5 gam');
    expect(await persons.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await heroin.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75.5');
    // Nothing last year to compare with.
    expect(await heroin.textContent()).toContain('chưa có số liệu');

    const timeline = flatText((await page.getByRole('list', { name: 'Các đợt ra quân' }).textContent()) ?? '');
    for (const expected of ['10/06/2026 22:00', 'Đột kích', 'Bãi sông Thôn Đông Hải', 'Nguyễn Văn Đức', 'Bắt 2, xử lý 1 người', 'Heroin thu giữ: 30 gam', '15/06/2026 09:00', 'Truy quét', 'Heroin thu giữ: 45,5 gam']) {
      expect(timeline, `the timeline has "${expected}"`).toContain(expected);
    }
    await screenshot('campaign-results');
    expect(errors).toEqual([]);
  });

  it('links a report found in the register to the campaign', async () => {
    const { page, errors } = watched;
    const detected = resultRow(page, 'Vụ việc phát hiện');
    expect(flatText((await detected.textContent()) ?? '')).toContain('0 vụ');
    await page.getByRole('button', { name: 'Gắn tin báo vào đợt' }).click();
    const panel = page.getByRole('region', { name: 'Gắn tin báo vào đợt' });
    await panel.getByLabel('Tìm tin báo', exact).fill('bãi sông');
    await panel.getByRole('listitem').filter({ hasText: SUMMARY }).getByRole('button', { name: 'Chọn' }).click();
    await page.getByText(`Đã gắn tin báo ${reportNumber} vào đợt.`).waitFor();
    await detected.getByText('1 vụ', exact).waitFor();
    expect(errors).toEqual([]);
  });

  it('prints the campaign result report', async () => {
    const { page, screenshot, errors } = watched;
    await page.getByRole('link', { name: 'In báo cáo' }).click();
    await waitForDocument(page);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await screenshot('campaign-print');
    const file = await printToPdf(page, 'campaign');
    const flat = flatText(pdfText(file));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CÔNG AN XÃ QUẢNG HƯNG',
      '/BC-CAX',
      TITLE,
      'Kế hoạch, Quyết định số 15/KH-CAX ngày 28/05/2026',
      'từ ngày 01/06/2026 đến ngày 30/06/2026',
      'Cùng kỳ năm trước',
      'Người bị bắt, xử lý người 4 4 100%',
      'Heroin thu giữ gam 100 75,5 75,5%',
      'Tổng số đợt ra quân: 2.',
      'TRƯỞNG CÔNG AN XÃ',
      'Nơi nhận:',
      '- Lưu: VT, hồ sơ.',
    ]) {
      expect(flat, `the report has "${expected}"`).toContain(expected);
    }
    renderPng(file, 'campaign');
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });

  it('adjusts a result by hand only with a reason, and shows it as a manual adjustment', async () => {
    const { page, screenshot, errors } = watched;
    const form = page.getByRole('region', { name: 'Điều chỉnh kết quả' });
    await form.getByLabel('Chỉ tiêu', exact).selectOption({ label: 'Vụ việc phát hiện (vụ)' });
    await form.getByLabel('Số điều chỉnh', exact).fill('1');
    await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await expect.poll(() => form.getByLabel('Lý do', exact).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Lý do', exact).fill('Phối hợp Công an tỉnh triệt phá');
    await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByText('Đã điều chỉnh kết quả.').waitFor();
    const detected = resultRow(page, 'Vụ việc phát hiện');
    await detected.getByText('2 vụ', exact).waitFor();
    expect(flatText((await detected.textContent()) ?? '')).toContain('+1 – điều chỉnh thủ công: Phối hợp Công an tỉnh triệt phá');
    await screenshot('campaign-adjusted');
    expect(errors).toEqual([]);
  });

  it('lists the related reports and takes a direct link off only with a reason', async () => {
    const { page, screenshot, errors } = watched;
    const related = region(page, 'Tin báo liên quan');
    const row = related.getByRole('row').filter({ has: page.getByRole('rowheader', { name: reportNumber, exact: true }) });
    const text = flatText((await row.textContent()) ?? '');
    for (const expected of ['25/05/2026', SUMMARY, 'Mới tiếp nhận', 'Gắn trực tiếp vào đợt']) expect(text, `the row has "${expected}"`).toContain(expected);
    expect(await row.getByRole('link', { name: SUMMARY }).getAttribute('href')).toMatch(/^#\/reports\/[0-9a-f-]{36}$/);

    await row.getByRole('button', { name: `Bỏ liên kết tin báo ${reportNumber}`, exact: true }).click();
    const panel = region(page, `Bỏ liên kết tin báo ${reportNumber} với đợt`);
    await panel.getByRole('button', { name: 'Bỏ liên kết', exact: true }).click();
    const reason = panel.getByLabel('Lý do bỏ liên kết', exact);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await description(reason)).toContain('Bắt buộc nhập.');
    // Still linked: the report counts until the link is taken off.
    const detected = resultRow(page, 'Vụ việc phát hiện');
    await detected.getByText('2 vụ', exact).waitFor();

    await reason.fill('Gắn nhầm: tin báo tiếp nhận trước đợt, không thuộc kế hoạch');
    await panel.getByRole('button', { name: 'Bỏ liên kết', exact: true }).click();
    await page.getByText(`Đã bỏ liên kết tin báo ${reportNumber} với đợt.`).waitFor();
    await related.getByText('Chưa có tin báo nào liên quan đến đợt.').waitFor();
    // Only the manual adjustment is left.
    await detected.getByText('1 vụ', exact).waitFor();
    expect(await panel.count()).toBe(0);
    await screenshot('campaign-unlinked');
    expect(errors).toEqual([]);
  });

  it('voids an operation with its reason: it leaves the timeline, and its figures and report leave the results', async () => {
    const { page, screenshot, errors } = watched;
    const operation = '20/06/2026 08:30 – Kiểm tra';
    await recordOperation(page, { kind: 'Kiểm tra', date: '2026-06-20', time: '08:30', place: 'Khu nhà trọ Bắc Hà', leader: 'Phạm Văn Minh', arrested: '2', sanctioned: '1', heroin: '10', report: SECOND_SUMMARY });
    await page.getByText('Đã ghi nhận đợt ra quân.').waitFor();
    const persons = resultRow(page, 'Người bị bắt, xử lý');
    const heroin = resultRow(page, 'Heroin thu giữ');
    const detected = resultRow(page, 'Vụ việc phát hiện');
    const operations = resultRow(page, 'Đợt ra quân');
    await persons.getByText('175%').waitFor();
    await heroin.getByText('85,5%').waitFor();
    await detected.getByText('2 vụ', exact).waitFor();
    await operations.getByText('3 đợt', exact).waitFor();
    const timeline = page.getByRole('list', { name: 'Các đợt ra quân' });
    const item = timeline.getByRole('listitem').filter({ hasText: '20/06/2026 08:30' }).first();
    expect(flatText((await item.textContent()) ?? '')).toContain(`Thôn, tổ dân phố: ${office.localities[0]}`);
    // The report came only through the operation: listed with it, and nothing to unlink.
    const related = region(page, 'Tin báo liên quan');
    const row = related.getByRole('row').filter({ has: page.getByRole('rowheader', { name: secondNumber, exact: true }) });
    expect(flatText((await row.textContent()) ?? '')).toContain(`Đợt ra quân ${operation}`);
    expect(await row.getByRole('button').count()).toBe(0);

    await page.getByRole('button', { name: `Hủy đợt ra quân ${operation}`, exact: true }).click();
    const panel = region(page, `Hủy đợt ra quân ${operation}`);
    await panel.getByRole('button', { name: 'Hủy đợt ra quân', exact: true }).click();
    const reason = panel.getByLabel('Lý do hủy', exact);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await description(reason)).toContain('Bắt buộc nhập.');
    await screenshot('campaign-void-operation');
    await reason.fill('Nhập trùng với biên bản kiểm tra đã báo cáo');
    await panel.getByRole('button', { name: 'Hủy đợt ra quân', exact: true }).click();
    await page.getByText(`Đã hủy đợt ra quân ${operation}.`).waitFor();

    await persons.getByText('100%').waitFor();
    expect(flatText((await persons.textContent()) ?? '')).toContain('4 người');
    await heroin.getByText('75,5%').waitFor();
    expect(flatText((await heroin.textContent()) ?? '')).toContain('75,5 gam');
    await detected.getByText('1 vụ', exact).waitFor();
    await operations.getByText('2 đợt', exact).waitFor();
    expect(flatText((await timeline.textContent()) ?? '')).not.toContain('20/06/2026');
    expect(await timeline.getByRole('listitem').filter({ has: page.locator('time') }).count()).toBe(2);
    await related.getByText('Chưa có tin báo nào liên quan đến đợt.').waitFor();
    expect(errors).toEqual([]);
  });
});
