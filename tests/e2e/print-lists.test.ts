import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalityView, ProgramView, UserView } from '../../api/views';
import { formatDate } from '../../renderer/format';
import { isoToDisplay } from '../../renderer/print/print-format';
import { deadlinesPath, hotspotsPath, programsPath } from '../../renderer/print/print-route';
import { ensureRendererBuilt, launchBrowser, startHost, type Host, type WatchedPage } from './support/host';
import { LoginPage } from './support/pages';
import { admin } from './support/people';
import { flatText, openPrintPage, pdfFonts, pdfInfo, pdfText, printToPdf, renderPng, waitForDocument } from './support/print-support';
import type { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';

/**
 * The printed lists (issue #6) in Chromium, read back from the PDF: the report of overdue and due-soon
 * deadlines, the hotspot watchlist with the hotspots page's filters, and the people under management
 * grouped by program kind, long enough to be read in several pages of the list call.
 */

const DAY = 24 * 60 * 60 * 1000;
/** More programs than one call returns (500), so the list is read in pages. */
const LONG_LIST = 520;

const A4 = { short: 595.28, long: 841.89 };
const near = (actual: number, expected: number) => Math.abs(actual - expected) < 1;

/** Each expected text is in the document (a failure names the text, not the whole document). */
function expectAll(flat: string, expected: readonly string[], what: string): void {
  for (const text of expected) expect(flat.includes(text), `${what} has "${text}"`).toBe(true);
}

const header = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'CÔNG AN TỈNH THANH HÓA', 'CÔNG AN XÃ QUẢNG HƯNG', 'TRƯỞNG CÔNG AN XÃ', 'Nơi nhận:'];

describe('printed lists', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: ApiClient;
  let me: UserView;
  let places: LocalityView[];
  const place = (name: string) => places.find((l) => l.name === name)!.id;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    api = await setUpOffice(host, { login: true });
    me = (await api.call('auth.session', {}))!.user;
    places = await api.call('localities.list', {});
    browser = await launchBrowser();
    watched = await openPrintPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  /** Opens a print route, waits for the document, prints it and returns the PDF's file and flat text. */
  async function print(path: string, name: string, heading: string) {
    const { page, screenshot } = watched;
    await page.goto(`${host.url}/#${path}`);
    await waitForDocument(page);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await screenshot(`${name}-screen`);
    const file = await printToPdf(page, name);
    renderPng(file, name);
    for (const font of pdfFonts(file)) expect(font.name).toMatch(/^Tinos/);
    return { file, flat: flatText(pdfText(file)) };
  }

  it('logs in', async () => {
    const { page } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  });

  it('prints the overdue and due-soon deadlines with their officer', async () => {
    await api.call('reports.create', {
      receivedAt: Date.now() - 10 * DAY,
      channel: 'in_person',
      kind: 'crime_report',
      summary: 'Trộm xe máy ở chợ',
      reporterName: 'Đỗ Thị Hoa',
      officerId: me.id,
      persons: [],
    });
    await api.call('reports.create', { receivedAt: Date.now() - 60 * 60 * 1000, channel: 'phone', kind: 'crime_report', summary: 'Đánh bạc ở quán nước', persons: [] });
    const board = await api.call('reports.deadlines', { withinDays: 5 });
    const overdue = board.overdue.find((item) => item.summary === 'Trộm xe máy ở chợ');
    expect(overdue).toBeDefined();

    const { page } = watched;
    await page.goto(`${host.url}/#/deadlines`);
    await page.getByRole('link', { name: 'In báo cáo' }).waitFor();
    expect(await page.getByRole('link', { name: 'In báo cáo' }).getAttribute('href')).toBe('#/print/deadlines?within=3');

    const { file, flat } = await print(deadlinesPath(5), 'deadlines', 'BÁO CÁO TIN BÁO, VỤ VIỆC QUÁ HẠN VÀ SẮP ĐẾN HẠN GIẢI QUYẾT');
    for (const size of pdfInfo(file).sizes) expect(near(size.width, A4.short) && near(size.height, A4.long), `page size ${size.width} × ${size.height}`).toBe(true);
    const expected = [
      ...header,
      '/BC-CAX',
      `Quảng Hưng, ngày ${formatDate(Date.now()).slice(0, 2)} tháng`,
      'BÁO CÁO',
      'TIN BÁO, VỤ VIỆC QUÁ HẠN VÀ SẮP ĐẾN HẠN GIẢI QUYẾT',
      'I. QUÁ HẠN',
      'III. SẮP ĐẾN HẠN TRONG 5 NGÀY TỚI',
      'Trộm xe máy ở chợ',
      'Đánh bạc ở quán nước',
      formatDate(overdue!.dueAt - 1),
      admin.fullName,
      'Chưa phân công',
    ];
    expectAll(flat, expected, 'the deadlines report');
    expect(flat).toMatch(/quá hạn \d+/);
    expect(watched.errors).toEqual([]);
  });

  it('prints the hotspot watchlist with the hotspots page filters', async () => {
    const spot = await api.call('hotspots.create', {
      name: 'Bến đò Sông Mã',
      type: 'gambling',
      localityId: place('Thôn Đông Hải'),
      address: 'Xóm Bãi',
      risk: 'high',
      foundOn: '2026-01-15',
    });
    await api.call('hotspots.check', { hotspotId: spot.id, date: '2026-02-20', officers: admin.fullName, found: 'Có tụ tập đánh bạc' });
    const organiser = await api.call('persons.create', { fullName: 'Hoàng Thị Ánh', birthYear: 1985 });
    await api.call('hotspots.linkPerson', { hotspotId: spot.id, personId: organiser.id, role: 'organiser' });
    await api.call('hotspots.create', { name: 'Nhà hoang cuối thôn', type: 'drug_use', localityId: place('Thôn Nam Sơn'), foundOn: '2026-02-01' });

    // The button on the hotspots page carries the filters chosen there.
    const { page } = watched;
    await page.goto(`${host.url}/#/hotspots`);
    await page.getByLabel('Loại tụ điểm').selectOption('gambling');
    const link = page.getByRole('link', { name: 'In danh sách' });
    await page.waitForFunction(() => document.querySelector('a[href*="/print/hotspots"]')?.getAttribute('href')?.includes('type=gambling'));
    expect(await link.getAttribute('href')).toContain('type=gambling');

    const { file, flat } = await print(hotspotsPath({ type: 'gambling' }), 'hotspots', 'DANH SÁCH TỤ ĐIỂM THEO DÕI');
    for (const size of pdfInfo(file).sizes) expect(near(size.width, A4.long) && near(size.height, A4.short), `page size ${size.width} × ${size.height}`).toBe(true);
    expectAll(flat, [...header, '/DS-CAX', 'DANH SÁCH TỤ ĐIỂM THEO DÕI', 'loại: Đánh bạc', 'Bến đò Sông Mã', 'Xóm Bãi', 'Thôn Đông Hải', '15/01/2026', '20/02/2026', 'Tổng số: 1 tụ điểm.'], 'the watchlist');
    expect(flat.includes('Nhà hoang cuối thôn'), 'a hotspot of another type is left out').toBe(false);
    expect(watched.errors).toEqual([]);
  });

  it('refuses a watchlist with a filter the list does not know', async () => {
    const { page } = watched;
    await page.goto(`${host.url}/#/print/hotspots?type=casino`);
    await page.getByText('Điều kiện lọc của danh sách in không hợp lệ.').waitFor();
    expect(await page.getByRole('button', { name: 'In / Lưu PDF' }).isDisabled()).toBe(true);
  });

  it('prints the people under management by program kind, read in pages', async () => {
    const ngoc = await api.call('persons.create', {
      fullName: 'Trần Thị Bích Ngọc',
      birthYear: 1992,
      permanentAddress: 'Số 12 Lê Lợi',
      localityId: place('Thôn Nam Sơn'),
    });
    const program: ProgramView = await api.call('programs.create', {
      personId: ngoc.id,
      kindCode: 'drug_user',
      decisionNo: '15/QĐ-UBND',
      decisionDate: '2026-01-08',
      startDate: '2026-01-10',
      officerId: me.id,
    });
    const thang = await api.call('persons.create', { fullName: 'Phạm Đức Thắng', birthYear: 1979, localityId: place('Tổ dân phố Bắc Hà') });
    await api.call('programs.create', { personId: thang.id, kindCode: 'released_prisoner', startDate: '2026-02-01', endDate: '2026-12-31' });
    for (let i = 1; i <= LONG_LIST; i++) {
      const person = await api.call('persons.create', { fullName: `Người quản lý số ${i}`, birthYear: 1990 + (i % 10) });
      await api.call('programs.create', { personId: person.id, kindCode: 'drug_user', startDate: '2026-03-01' });
    }

    const { page } = watched;
    await page.goto(`${host.url}/#/programs`);
    expect(await page.getByRole('link', { name: 'In danh sách' }).getAttribute('href')).toBe('#/print/programs?status=active');

    const { file, flat } = await print(programsPath({ status: 'active' }), 'programs', 'DANH SÁCH NGƯỜI THUỘC DIỆN QUẢN LÝ THEO TỪNG DIỆN');
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThan(10);
    const expected = [
      ...header,
      '/DS-CAX',
      'DANH SÁCH',
      'NGƯỜI THUỘC DIỆN QUẢN LÝ THEO TỪNG DIỆN',
      'đang quản lý',
      `I. Quản lý người sử dụng trái phép chất ma túy (${LONG_LIST + 1} người)`,
      'II. Người chấp hành xong án phạt tù về địa phương (1 người)',
      'Trần Thị Bích Ngọc',
      '1992',
      'Số 12 Lê Lợi, Thôn Nam Sơn',
      '10/01/2026',
      isoToDisplay(program.endDate!),
      admin.fullName,
      'Phạm Đức Thắng',
      '31/12/2026',
      `Người quản lý số ${LONG_LIST}`,
      `Tổng số: ${LONG_LIST + 2} người.`,
    ];
    expectAll(flat, expected, 'the list');
    // The table's head is repeated on the next pages.
    expect(flatText(pdfText(file, 3))).toContain('Họ và tên');
    renderPng(file, 'programs', 2);
    expect(watched.errors).toEqual([]);
  });
});
