import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserHost, ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { description, Layout, LoginPage, type AccountData } from './support/pages';
import { exportToExcel } from './support/xlsx-download';
import { flatText, openPrintPage, pdfFonts, pdfInfo, pdfText, printToPdf, renderPng, waitForDocument } from './support/print-support';
import type { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';
import { isoDateOf } from '../../core/vn-time';

/**
 * The periodic report (issue #6) in a real browser. Reports are arranged through the API in the second
 * half of police year 2026 (15/06–14/12/2026, all before today) and in the same half of 2025, so the
 * comparison is known: 3 reports against 2. The chief chooses "6 tháng cuối năm 2026", reads a figure
 * in the table, sees both charts drawn, adds a sentence to the draft, issues the report (a missing
 * signer is refused first, keeping what was typed), and prints it; the PDF is read back. A report
 * added afterwards shows as a changed figure on the issued report; an officer cannot issue.
 */

const chief: AccountData = { fullName: 'Trần Văn Trưởng', rank: 'Trung tá', position: 'Trưởng Công an xã', username: 'truong.tv', password: 'mat-khau-truong-cong-an-Tràm-Chim' };
const officer: AccountData = { fullName: 'Phạm Thị Cán', rank: 'Thượng úy', position: 'Cán bộ', username: 'can.pt', password: 'mat-khau-can-bo-cong-an-Tràm-Chim' };

const TITLE = 'Tình hình an ninh, trật tự 6 tháng cuối năm 2026';
const COMPARISON = 'tiếp nhận 3 tin báo, tăng 1 tin (50%) so với cùng kỳ năm 2025';
const ADDED = 'Tình hình an ninh chính trị trên địa bàn cơ bản ổn định, không để xảy ra đột xuất, bất ngờ.';
const REPORTS_SECTION = 'Tin báo, tố giác, kiến nghị khởi tố và tin báo vụ việc';
const exact = { exact: true } as const;

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

/** The cells after the row header of a figure's row in a section's table. */
async function figureCells(page: Page, section: string, figure: string): Promise<string[]> {
  const row = page.getByRole('table', { name: section }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: figure, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

/** How many drawn lines and bars a chart figure holds (its SVG, found by the figure's caption). */
async function drawn(scope: Page | Locator, caption: string): Promise<{ svg: number; lines: number; bars: number }> {
  const figure = scope.getByRole('figure', { name: caption });
  await figure.locator('svg').first().waitFor();
  return {
    svg: await figure.locator('.recharts-wrapper > svg').count(),
    lines: await figure.locator('path.recharts-line-curve').count(),
    bars: await figure.locator('.recharts-bar-rectangle path').count(),
  };
}

/** Confirms "Ban hành" in the dialog it opens. */
async function confirmIssue(page: Page): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: 'Ban hành báo cáo?' });
  await dialog.getByRole('button', { name: 'Xác nhận ban hành' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the periodic report', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: ApiClient;
  let issuedUrl = '';
  /** The last paragraph of the issued text: printed on the page of the signature. */
  let lastParagraph = '';

  const report = (date: string, categoryCode: string, summary: string) =>
    api.call('reports.create', { receivedAt: vn(date), channel: 'phone', kind: 'crime_report', categoryCode, summary, persons: [] });

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    api = await setUpOffice(host, { login: true });
    const asAdmin: Parameters<typeof createUserHost>[1] = async (name, input) => ({ ok: true as const, value: await api.call(name, input) });
    await createUserHost(host, asAdmin, { ...chief, role: 'chief' });
    await createUserHost(host, asAdmin, { ...officer, role: 'officer' });
    // This period: two thefts (social order) and a drug case; the same half of 2025: two social order cases.
    await report('2026-07-10', 'theft', 'Trộm cắp xe máy tại chợ');
    await report('2026-09-05', 'drug_trafficking', 'Mua bán trái phép chất ma túy tại bãi sông');
    await report('2026-11-02', 'theft', 'Trộm cắp tài sản tại nhà dân');
    await report('2025-08-01', 'theft', 'Trộm cắp gia cầm');
    await report('2025-10-20', 'assault', 'Cố ý gây thương tích');
    // Outside both: the first half of 2026.
    await report('2026-03-01', 'theft', 'Trộm cắp đầu năm');
    browser = await launchBrowser();
    watched = await openPrintPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows the figures of the second half of 2026 beside the same half of 2025', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(chief.username, chief.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.open('Báo cáo định kỳ');
    await page.getByRole('heading', { name: 'Báo cáo định kỳ', level: 1 }).waitFor();

    await page.getByLabel('Loại kỳ', exact).selectOption({ label: '6 tháng' });
    await page.getByLabel('Năm', exact).fill('2026');
    await page.getByLabel('Kỳ', exact).selectOption({ label: '6 tháng cuối năm' });
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();

    const ranges = await page
      .getByRole('region', { name: TITLE })
      .getByRole('term')
      .evaluateAll((terms) => terms.map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`));
    expect(ranges).toEqual([
      'Kỳ này: Từ 15/06/2026 đến 14/12/2026',
      'Cùng kỳ năm trước: Từ 15/06/2025 đến 14/12/2025',
      'Kỳ trước: Từ 15/12/2025 đến 14/06/2026',
      'Lũy kế từ đầu năm: Từ 15/12/2025 đến 14/12/2026',
      'Lũy kế cùng kỳ: Từ 15/12/2024 đến 14/12/2025',
    ]);

    // Đơn vị | Kỳ này | Cùng kỳ năm trước | So sánh | Kỳ trước | Lũy kế từ đầu năm | Lũy kế cùng kỳ
    expect(await figureCells(page, REPORTS_SECTION, 'Tổng số tin tiếp nhận')).toEqual(['tin', '3', '2', 'tăng 1 (50%)', '1', '4', '2']);
    expect((await figureCells(page, 'Tình hình theo lĩnh vực', 'Tội phạm về ma túy')).slice(0, 4)).toEqual(['vụ', '1', '0', 'cùng kỳ không có']);

    const trend = await drawn(page, 'Tin báo tiếp nhận theo tháng năm 2026 so với năm 2025');
    expect(trend.svg).toBe(1);
    expect(trend.lines).toBe(2);
    const groups = await drawn(page, 'Số vụ theo lĩnh vực: kỳ này so với cùng kỳ năm trước');
    expect(groups.svg).toBe(1);
    // Social order 2 and 2, drugs 1 (and nothing last year, drawn as no bar).
    expect(groups.bars).toBeGreaterThanOrEqual(3);
    await screenshot('periodic-figures');

    // The same figures as an .xlsx: the first sheet is the reports section, numbers as numbers.
    const xlsx = await exportToExcel(page);
    expect(xlsx.fileName).toMatch(/^bao-cao-6-thang-cuoi-nam-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(xlsx.sheet.name).toBe('Tin báo');
    expect(xlsx.headers.slice(0, 4)).toEqual(['Chỉ tiêu', 'Đơn vị', 'Kỳ này', 'Cùng kỳ năm trước']);
    expect(xlsx.rows.find((row) => row['Chỉ tiêu'] === 'Tổng số tin tiếp nhận')).toMatchObject({ 'Kỳ này': 3, 'Cùng kỳ năm trước': 2, 'Tăng (+), giảm (-)': 1, 'Tỷ lệ tăng, giảm (%)': 50 });
    expect(errors).toEqual([]);
  });

  it('issues the edited draft, refusing it first without a signer and keeping what was typed', async () => {
    const { page, screenshot, errors } = watched;
    const text = page.getByLabel('Nội dung báo cáo', exact);
    await expect.poll(() => text.inputValue()).toContain('6 tháng cuối năm 2026');
    const draft = await text.inputValue();
    expect(draft).toContain(`Trong kỳ, ${COMPARISON}`);
    const [first = '', ...rest] = draft.split('\n\n');
    const edited = [`${first} ${ADDED}`, ...rest].join('\n\n');
    await text.fill(edited);

    // Asked to, the edited text stays when another period is shown; not asked to, that period's draft replaces it.
    const keep = page.getByLabel('Giữ nội dung đã sửa khi xem số liệu kỳ khác', exact);
    await keep.check();
    await page.getByLabel('Kỳ', exact).selectOption({ label: '6 tháng đầu năm' });
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.getByRole('heading', { name: 'Tình hình an ninh, trật tự 6 tháng đầu năm 2026', level: 2 }).waitFor();
    expect(await text.inputValue()).toBe(edited);
    await keep.uncheck();
    await page.getByLabel('Kỳ', exact).selectOption({ label: '6 tháng cuối năm' });
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    await expect.poll(() => text.inputValue()).toBe(draft);
    // "Tạo lại bản nháp" throws the edits away too.
    await text.fill(edited);
    await page.getByRole('button', { name: 'Tạo lại bản nháp' }).click();
    await expect.poll(() => text.inputValue()).toBe(draft);
    await text.fill(edited);
    lastParagraph = edited.split('\n\n').at(-1) ?? '';

    expect(await page.getByLabel('Ký hiệu', exact).inputValue()).toBe('BC-CAX');
    expect(await page.getByLabel('Chức vụ người ký', exact).inputValue()).toBe('TRƯỞNG CÔNG AN XÃ');
    const signer = page.getByLabel('Họ tên người ký', exact);
    expect(await signer.inputValue()).toBe(chief.fullName);
    await signer.fill('');
    await page.getByRole('button', { name: 'Ban hành báo cáo' }).click();
    await confirmIssue(page);
    await expect.poll(() => signer.getAttribute('aria-invalid')).toBe('true');
    expect(await description(signer)).toContain('Bắt buộc nhập.');
    expect(await text.inputValue()).toContain(ADDED);

    await signer.fill(chief.fullName);
    // "Ban hành" asks first; going back issues nothing and keeps the text.
    await page.getByRole('button', { name: 'Ban hành báo cáo' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Ban hành báo cáo?' });
    await dialog.waitFor();
    // The half ends on 14/12/2026: until then the chief is told the period has not ended.
    const notEnded = dialog.getByText('Lưu ý: kỳ báo cáo chưa kết thúc (đến hết ngày 14/12/2026), số liệu còn có thể thay đổi.');
    expect(await notEnded.count()).toBe(isoDateOf(Date.now()) <= '2026-12-14' ? 1 : 0);
    await screenshot('periodic-confirm');
    await dialog.getByRole('button', { name: 'Quay lại sửa' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await text.inputValue()).toContain(ADDED);
    expect(await api.call('periodic.list', {})).toHaveLength(0);
    await page.getByRole('button', { name: 'Ban hành báo cáo' }).click();
    await confirmIssue(page);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('Đã ban hành báo cáo số 01/BC-CAX.').waitFor();
    issuedUrl = page.url();
    expect(issuedUrl).toMatch(/#\/periodic\/[0-9a-f-]{36}$/);
    expect(flatText((await page.getByRole('region', { name: 'Nội dung báo cáo' }).textContent()) ?? '')).toContain(ADDED);
    await screenshot('periodic-issued');
    expect(errors).toEqual([]);
  });

  it('prints the issued report with its figures, charts and the edited text', async () => {
    const { page, screenshot, errors } = watched;
    await page.getByRole('link', { name: 'In báo cáo' }).click();
    await waitForDocument(page);
    await page.getByRole('heading', { name: 'BÁO CÁO', level: 1 }).waitFor();
    const sheet = page.locator('article.doc');
    const trend = await drawn(sheet, 'Biểu đồ 1. Tin báo tiếp nhận theo tháng năm 2026 so với năm 2025');
    expect(trend.lines).toBe(2);
    const groups = await drawn(sheet, 'Biểu đồ 2. Số vụ theo lĩnh vực: kỳ này so với cùng kỳ năm trước');
    expect(groups.bars).toBeGreaterThanOrEqual(3);
    await screenshot('periodic-print');

    const file = await printToPdf(page, 'periodic');
    renderPng(file, 'periodic');
    renderPng(file, 'periodic', 2);
    for (const font of pdfFonts(file)) expect(font.name).toMatch(/^Tinos/);
    const flat = flatText(pdfText(file));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'CÔNG AN XÃ QUẢNG HƯNG',
      'Số: 01/BC-CAX',
      'BÁO CÁO',
      TITLE,
      COMPARISON,
      ADDED,
      'PHỤ LỤC SỐ LIỆU TÌNH HÌNH AN NINH, TRẬT TỰ',
      '(Kèm theo Báo cáo số 01/BC-CAX ngày',
      'Tổng số tin tiếp nhận tin 3 2 tăng 1 (50%) 4',
      'Biểu đồ 1. Tin báo tiếp nhận theo tháng năm 2026 so với năm 2025',
      'Năm 2025',
      'Biểu đồ 2. Số vụ theo lĩnh vực: kỳ này so với cùng kỳ năm trước',
      'TRƯỞNG CÔNG AN XÃ',
      chief.fullName,
      'Nơi nhận:',
      '- Công an tỉnh Thanh Hóa (để báo cáo);',
      '- Lưu: VT, hồ sơ.',
    ]) {
      expect(flat, `the report has "${expected}"`).toContain(expected);
    }
    expect(flat).toMatch(/Quảng Hưng, ngày \d{2} tháng \d{2} năm 2026/);
    // Body, then "Nơi nhận" and the signature with the last paragraph, then the appendix from a new page.
    const pages = Array.from({ length: pdfInfo(file).pages }, (_, i) => flatText(pdfText(file, i + 1)));
    const signed = pages.findIndex((text) => text.includes('Nơi nhận:'));
    const appendix = pages.findIndex((text) => text.includes('PHỤ LỤC'));
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(appendix).toBe(signed + 1);
    expect(lastParagraph.length).toBeGreaterThan(20);
    expect(pages[signed]).toContain(lastParagraph.slice(-40).replace(/\s+/g, ' '));
    expect(pages[signed]).not.toContain('Biểu đồ');
    expect(pages[appendix]?.trim().replace(/^\d+\s+/, '')).toMatch(/^PHỤ LỤC SỐ LIỆU TÌNH HÌNH AN NINH, TRẬT TỰ \(Kèm theo Báo cáo số 01\/BC-CAX ngày \d{2}\/\d{2}\/2026 của Công an xã Quảng Hưng\)/);
    renderPng(file, 'periodic', appendix + 1);
    expect(errors).toEqual([]);
  });

  it('lists the issued report and shows figures that changed since it was issued', async () => {
    const { page, errors } = watched;
    await report('2026-11-20', 'theft', 'Trộm cắp sau khi ban hành');
    await page.goto(issuedUrl);
    await page.getByText('Số liệu đã thay đổi so với khi ban hành:').waitFor();
    const notice = flatText((await page.getByRole('status').filter({ hasText: 'Số liệu đã thay đổi' }).textContent()) ?? '');
    expect(notice).toContain('Tổng số tin tiếp nhận: 3 → 4');
    // The frozen figures stay as issued.
    expect((await figureCells(page, REPORTS_SECTION, 'Tổng số tin tiếp nhận')).slice(0, 2)).toEqual(['tin', '3']);

    await new Layout(page).open('Báo cáo định kỳ');
    const row = page.getByRole('table', { name: 'Báo cáo đã ban hành' }).getByRole('row').filter({ hasText: 'Số: 01/BC-CAX' });
    await row.waitFor();
    expect(flatText((await row.textContent()) ?? '')).toContain(TITLE);
    expect(errors).toEqual([]);
  });

  it('does not let an officer issue a report', async () => {
    const asOfficer = await loginHost(host, officer.username, officer.password);
    const refused = await asOfficer('periodic.issue', {
      period: { kind: 'half', year: 2026, index: 2 },
      narrative: 'Nội dung',
      symbol: 'BC-CAX',
      issuedOn: '2026-11-20',
      place: 'Quảng Hưng',
      signerTitle: 'TRƯỞNG CÔNG AN XÃ',
      signerName: officer.fullName,
    });
    expect(refused.ok ? 'issued' : refused.error.code).toBe('auth.forbidden');

    const own = await openPage(browser);
    try {
      await own.page.goto(host.url);
      await new LoginPage(own.page).login(officer.username, officer.password);
      await new Layout(own.page).open('Báo cáo định kỳ');
      await own.page.getByRole('heading', { name: 'Bản nháp nội dung báo cáo', level: 2 }).waitFor();
      await own.page.getByText('Chỉ Trưởng Công an hoặc quản trị viên được ban hành báo cáo.').waitFor();
      expect(await own.page.getByRole('button', { name: 'Ban hành báo cáo' }).count()).toBe(0);
      expect(await own.page.getByLabel('Nội dung báo cáo', exact).count()).toBe(0);
      expect(own.errors).toEqual([]);
    } finally {
      await own.context.close();
    }
  });
});
