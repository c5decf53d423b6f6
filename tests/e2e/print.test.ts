import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../api/views';
import { ensureRendererBuilt, launchBrowser, startHost, type Host, type WatchedPage } from './support/host';
import { LoginPage } from './support/pages';
import { admin } from './support/people';
import { flatText, openPrintPage, printDir, pdfFonts, pdfInfo, pdfText, printToPdf, renderPng, waitForDocument } from './support/print-support';
import type { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';

/**
 * Printed documents (issue #3) in Chromium, read back from the PDF as an office would receive them:
 * the receipt record of one report (A4 portrait) and the register extract of a period (A4
 * landscape, several pages), both in the Decree 30/2020 layout with the bundled Tinos font.
 */

const RECEIVED_AT = Date.parse('2026-03-02T09:30:00+07:00');
const HOUR = 60 * 60 * 1000;
const EXTRACT_SIZE = 40;

const A4 = { short: 595.28, long: 841.89 };
const CHIEF = 'Lê Văn Trưởng';
const DEPUTY = 'Hoàng Thị Phó';

/** Each page's text, flattened. */
const pagesOf = (file: string) => Array.from({ length: pdfInfo(file).pages }, (_, i) => flatText(pdfText(file, i + 1)));
const near = (actual: number, expected: number) => Math.abs(actual - expected) < 1;

describe('printed documents', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: ApiClient;
  let first: ReportDetail;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    api = await setUpOffice(host, { login: true });
    first = await api.call('reports.create', {
      receivedAt: RECEIVED_AT,
      channel: 'in_person',
      kind: 'crime_report',
      categoryCode: 'illegal_lottery',
      summary: 'Tố giác ghi số đề tại chợ Đông',
      description: 'Người báo tin trình bày: khoảng 7 giờ sáng các ngày trong tuần, tại quầy tạp hóa cuối chợ Đông có người ghi số đề cho nhiều người mua.',
      occurredOn: '2026-03-01',
      occurredNote: 'buổi sáng',
      address: 'Chợ Đông',
      reporterName: 'Trần Văn Bình',
      reporterAddress: 'Thôn Đông Hải, xã Quảng Hưng',
      reporterContact: '0912 345 678',
      persons: [{ role: 'suspect', person: { fullName: 'Nguyễn Văn Ánh', citizenId: '038090001234', birthYear: 1990 } }],
    });
    await api.call('settings.update', { idleLockMinutes: 15, remoteCommune: false, chiefName: CHIEF, deputyNames: [DEPUTY] });
    browser = await launchBrowser();
    watched = await openPrintPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('logs in', async () => {
    const { page } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    // The signers are set on the settings page (set through the API above, shown in the form).
    await page.goto(`${host.url}/#/settings`);
    const chief = page.getByLabel('Họ tên Trưởng Công an (người ký văn bản)', { exact: true });
    await expect.poll(() => chief.inputValue()).toBe(CHIEF);
    expect(await page.getByLabel('Họ tên các Phó trưởng được ký thay (KT.)', { exact: true }).inputValue()).toBe(DEPUTY);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: `${printDir}/settings-signers.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints the receipt record of a report on A4 portrait in the Decree 30 layout', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(`${host.url}/#/print/receipt/${first.id}`);
    await waitForDocument(page);
    await page.getByRole('heading', { name: 'BIÊN BẢN TIẾP NHẬN TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM, KIẾN NGHỊ KHỞI TỐ', level: 1 }).waitFor();
    await screenshot('receipt-screen');

    const file = await printToPdf(page, 'receipt');
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    for (const size of info.sizes) expect(near(size.width, A4.short) && near(size.height, A4.long), `page size ${size.width} × ${size.height}`).toBe(true);

    const text = pdfText(file);
    const flat = flatText(text);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CÔNG AN TỈNH THANH HÓA',
      'CÔNG AN XÃ QUẢNG HƯNG',
      'Số: 01/BB-CAX',
      'Quảng Hưng, ngày 02 tháng 03 năm 2026',
      'BIÊN BẢN TIẾP NHẬN TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM, KIẾN NGHỊ KHỞI TỐ',
      'Vào hồi 09 giờ 30 phút, ngày 02 tháng 03 năm 2026, tại trụ sở Công an xã Quảng Hưng',
      admin.fullName,
      'Tố giác ghi số đề tại chợ Đông',
      'Trần Văn Bình',
      'Nguyễn Văn Ánh',
      '038090001234',
      'Số tiếp nhận: 1/2026',
      'Trực tiếp tại trụ sở',
      'đã đọc lại cho những người có tên trên cùng nghe, công nhận đúng và ký tên dưới đây.',
      'NGƯỜI BÁO TIN',
      'NGƯỜI LẬP BIÊN BẢN',
    ]) {
      expect(flat, `the receipt's text has "${expected}"`).toContain(expected);
    }
    // The national title and the office sit side by side on one line, as Decree 30 lays them out.
    expect(text).toMatch(/CÔNG AN TỈNH THANH HÓA\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    // One page, signatures included: no page number printed on it.
    expect(info.pages).toBe(1);
    expect(text.split('\n').slice(0, 3).join('\n')).not.toMatch(/^\s*1\s*$/m);

    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name, 'every font in the PDF is the bundled Tinos').toMatch(/^Tinos/);
      expect(font.embedded).toBe(true);
    }
    renderPng(file, 'receipt');
    expect(errors).toEqual([]);
  });

  it('titles an incident by its kind, keeps an anonymous reporter secret, and numbers page 2', async () => {
    const { page, errors } = watched;
    const paragraph = 'Người dân phản ánh tình trạng tụ tập gây mất trật tự, đánh bạc dưới hình thức đánh bài ăn tiền tại khu vực bến xe, kéo dài nhiều ngày, gây bức xúc trong nhân dân.';
    const incident = await api.call('reports.create', {
      receivedAt: Date.parse('2026-03-05T14:05:00+07:00'),
      channel: 'phone',
      kind: 'administrative_violation',
      summary: 'Tụ tập đánh bạc tại bến xe',
      description: Array.from({ length: 14 }, (_, i) => `Lần phản ánh ${i + 1}: ${paragraph}`).join('\n'),
      reporterName: 'Phạm Thị Dung',
      reporterAnonymous: true,
      persons: [],
    });
    await page.goto(`${host.url}/#/print/receipt/${incident.id}`);
    await waitForDocument(page);
    const file = await printToPdf(page, 'receipt-incident');
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    const flat = flatText(pdfText(file));
    expect(flat).toContain('BIÊN BẢN TIẾP NHẬN THÔNG TIN VỤ VIỆC');
    expect(flat).not.toContain('TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM, KIẾN NGHỊ KHỞI TỐ');
    expect(flat).toContain('Số: 02/BB-CAX');
    expect(flat).toContain('Vào hồi 14 giờ 05 phút, ngày 05 tháng 03 năm 2026');
    expect(flat).toContain('Người báo tin đề nghị giữ bí mật');
    expect(flat).toContain('Qua điện thoại');
    const firstLine = (n: number) => pdfText(file, n).split('\n').find((line) => line.trim() !== '')?.trim();
    expect(firstLine(1)).not.toBe('1');
    expect(firstLine(2)).toBe('2');
    renderPng(file, 'receipt-incident', 2);
    expect(errors).toEqual([]);
  });

  it('prints the register extract of a period on landscape A4, numbered from page 2', async () => {
    const { page, screenshot, errors } = watched;
    // 40 entries in March (the two above and 38 more), one of them voided.
    for (let i = 3; i <= EXTRACT_SIZE; i++) {
      const report = await api.call('reports.create', {
        receivedAt: RECEIVED_AT + i * 7 * HOUR,
        channel: i % 3 === 0 ? 'phone' : 'in_person',
        kind: i % 4 === 0 ? 'administrative_violation' : 'crime_report',
        categoryCode: i % 2 === 0 ? 'illegal_lottery' : null,
        summary: `Tin báo thứ ${i}: đánh bạc tại thôn Nam Sơn`,
        reporterName: i % 5 === 0 ? '' : `Người báo tin số ${i}`,
        reporterAnonymous: i % 7 === 0,
        persons: [],
      });
      if (i === 10) await api.call('reports.void', { id: report.id, baseVersion: report.version, reason: 'Nhập trùng' });
    }

    await page.goto(`${host.url}/#/print/register?from=2026-03-01&to=2026-03-31`);
    await waitForDocument(page);
    await page.getByRole('heading', { name: 'TRÍCH SỔ TIẾP NHẬN TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ', level: 1 }).waitFor();
    await screenshot('register-screen');

    const file = await printToPdf(page, 'register');
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    for (const size of info.sizes) expect(near(size.width, A4.long) && near(size.height, A4.short), `page size ${size.width} × ${size.height}`).toBe(true);

    const flat = flatText(pdfText(file));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CÔNG AN XÃ QUẢNG HƯNG',
      'TRÍCH SỔ TIẾP NHẬN TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ',
      'Từ ngày 01/03/2026 đến ngày 31/03/2026',
      'Đã hủy: Nhập trùng',
      'Giữ bí mật',
      'TRƯỞNG CÔNG AN XÃ',
      CHIEF,
      'Nơi nhận:',
      '- Lưu: VT, hồ sơ.',
      `Tổng số: ${EXTRACT_SIZE} tin báo, vụ việc.`,
    ]) {
      expect(flat, `the extract's text has "${expected}"`).toContain(expected);
    }
    for (let n = 1; n <= EXTRACT_SIZE; n++) expect(flat, `entry ${n}/2026 is printed`).toMatch(new RegExp(`(^|\\s)${n}/2026(\\s|$)`));

    // Page numbers at the top centre from page 2; none on page 1.
    const firstLine = (n: number) => pdfText(file, n).split('\n').find((line) => line.trim() !== '')?.trim();
    expect(firstLine(1)).not.toBe('1');
    expect(firstLine(2)).toBe('2');
    // The table's head is repeated on page 2.
    expect(flatText(pdfText(file, 2))).toContain('Kết quả giải quyết');

    for (const font of pdfFonts(file)) expect(font.name).toMatch(/^Tinos/);
    renderPng(file, 'register', 1);
    renderPng(file, 'register', 2);
    expect(errors).toEqual([]);
  });

  it('keeps the last rows of the extract with its signature, whatever the length, and signs KT. when a deputy signs', async () => {
    const { page, screenshot, errors } = watched;
    // The entries of March come 7 hours apart: each day more adds three or four rows.
    for (let day = 8; day <= 20; day++) {
      const to = `2026-03-${String(day).padStart(2, '0')}`;
      // A new load each time: from one extract to the next is only a change of the address's hash, and
      // the print button of the extract before would be found enabled before the new one is read.
      await page.goto('about:blank');
      await page.goto(`${host.url}/#/print/register?from=2026-03-01&to=${to}`);
      await waitForDocument(page);
      const pages = pagesOf(await printToPdf(page, `register-to-${day}`));
      const signed = pages.findIndex((text) => text.includes('TRƯỞNG CÔNG AN XÃ'));
      expect(signed, `to ${to}: the signature is printed`).toBeGreaterThanOrEqual(0);
      expect(pages[signed], `to ${to}`).toMatch(/Tổng số: \d+ tin báo, vụ việc\./);
      expect(pages[signed], `to ${to}: a row of the table is on the signature's page`).toMatch(/\d+\/2026 \d{2}\/03\/2026/);
      expect(pages[signed]).toContain(CHIEF);
    }

    // A deputy signs for the chief: chosen on the toolbar.
    await page.goto(`${host.url}/#/print/register?from=2026-03-01&to=2026-03-31`);
    await waitForDocument(page);
    await page.getByLabel('Người ký').selectOption({ label: `KT. Trưởng – Phó trưởng: ${DEPUTY}` });
    await screenshot('register-deputy-screen');
    const file = await printToPdf(page, 'register-deputy');
    const pages = pagesOf(file);
    const last = pages.at(-1) ?? '';
    expect(last).toContain('KT. TRƯỞNG CÔNG AN XÃ');
    expect(last).toContain('PHÓ TRƯỞNG CÔNG AN XÃ');
    expect(last).toContain(DEPUTY);
    expect(last).not.toContain(CHIEF);
    renderPng(file, 'register-deputy', pages.length);
    expect(errors).toEqual([]);
  });

  it('never leaves the signatures alone on a page: the closing paragraph goes with them', async () => {
    const { page, errors } = watched;
    const paragraph = 'Người báo tin trình bày thêm về thời gian, địa điểm và những người có mặt tại nơi xảy ra sự việc, đề nghị cơ quan Công an xác minh, làm rõ và xử lý theo quy định của pháp luật.';
    // Descriptions one paragraph longer each time: somewhere the signatures no longer fit on page 1.
    const counts: number[] = [];
    for (let paragraphs = 1; paragraphs <= 12; paragraphs++) {
      const report = await api.call('reports.create', {
        receivedAt: Date.parse('2026-02-10T08:00:00+07:00') + paragraphs * HOUR,
        channel: 'in_person',
        kind: 'crime_report',
        summary: `Tố giác có ${paragraphs} đoạn trình bày`,
        description: Array.from({ length: paragraphs }, (_, i) => `Đoạn ${i + 1}. ${paragraph}`).join('\n'),
        reporterName: 'Đỗ Văn Báo',
        persons: [],
      });
      // A new load each time (see the extract above): the receipt before would be found ready.
      await page.goto('about:blank');
      await page.goto(`${host.url}/#/print/receipt/${report.id}`);
      await waitForDocument(page);
      const file = await printToPdf(page, `receipt-overflow-${paragraphs}`);
      const pages = pagesOf(file);
      counts.push(pages.length);
      const signed = pages.findIndex((text) => text.includes('NGƯỜI LẬP BIÊN BẢN'));
      expect(signed, `${paragraphs} paragraphs: the signatures are printed`).toBeGreaterThanOrEqual(0);
      // The closing paragraph is on the signatures' page, and the signer's name under them.
      expect(pages[signed], `${paragraphs} paragraphs`).toContain('đã đọc lại cho những người có tên trên cùng nghe');
      expect(pages[signed]).toContain(admin.fullName);
      if (pages.length > 1 && counts.filter((n) => n > 1).length === 1) renderPng(file, `receipt-overflow-${paragraphs}`, 2);
    }
    // The lengths tried cross from one page to two.
    expect(counts[0]).toBe(1);
    expect(counts.at(-1)).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  it('shows the error of a report that does not exist, in Vietnamese', async () => {
    const { page } = watched;
    await page.goto(`${host.url}/#/print/receipt/0190a0b0-0000-7000-8000-000000000000`);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy bản ghi.' }).waitFor();
    expect(await page.getByRole('button', { name: 'In / Lưu PDF' }).isDisabled()).toBe(true);
    watched.errors.length = 0;
  });
});
