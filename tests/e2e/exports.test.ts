import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, startHost, type Host, type WatchedPage } from './support/host';
import { Layout, LoginPage } from './support/pages';
import { PersonsList } from './support/people-pages';
import { admin, office } from './support/people';
import { openPrintPage } from './support/print-support';
import type { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';
import { RegisterList } from './support/register-pages';
import { exportToExcel } from './support/xlsx-download';

/**
 * "Xuất Excel" on the list pages (issue #6), in Chromium on a UTC clock under the app's strict CSP:
 * the file downloaded holds what the list shows (same filters, same sort, the screen's columns with
 * Vietnamese headers and labels) with real dates in Vietnam time. More rows than one call returns
 * (500) come through page after page.
 */

const vnAt = (iso: string) => Date.parse(`${iso}+07:00`);
const FILLERS = 510;
const DONG_HAI = 'Thôn Đông Hải';
const NAM_SON = 'Thôn Nam Sơn';
const LOTTERY = 'Tố giác ghi số đề tại chợ Đông';
const FIGHT = 'Đánh nhau gây thương tích tại quán nước';
const NOISE = 'Gây mất trật tự công cộng lúc nửa đêm';
const HEADERS = ['Số', 'Ngày tiếp nhận', 'Loại', 'Phân loại', 'Nội dung tóm tắt', 'Địa bàn', 'Cán bộ thụ lý', 'Trạng thái', 'Hạn gần nhất'];

describe('exporting lists to Excel', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: ApiClient;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    api = await setUpOffice(host, { login: true });
    const localities = await api.call('localities.list', {});
    const place = (name: string) => localities.find((l) => l.name === name)!.id;
    // Three reports in Đông Hải (one received late in the evening: still that day in Vietnam, the next morning's date nowhere)…
    await api.call('reports.create', { receivedAt: vnAt('2026-03-02T23:30:00'), channel: 'in_person', kind: 'crime_report', categoryCode: 'illegal_lottery', localityId: place(DONG_HAI), summary: LOTTERY });
    await api.call('reports.create', { receivedAt: vnAt('2026-03-05T08:15:00'), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', localityId: place(DONG_HAI), summary: FIGHT });
    await api.call('reports.create', { receivedAt: vnAt('2026-03-09T00:20:00'), channel: 'phone', kind: 'administrative_violation', localityId: place(DONG_HAI), summary: NOISE });
    // …and enough elsewhere that the whole register takes two calls of 500.
    for (let n = 1; n <= FILLERS; n += 1) {
      await api.call('reports.create', { receivedAt: vnAt('2026-04-01T09:00:00') + n * 60_000, channel: 'in_person', kind: 'other_incident', localityId: place(NAM_SON), summary: `Tin báo số ${n} ở Nam Sơn` });
    }
    const anh = await api.call('persons.create', { fullName: 'Nguyễn Văn Ánh', birthYear: 1990, citizenId: '038090001234', localityId: place(DONG_HAI), permanentAddress: 'Thôn Đông Hải, xã Quảng Hưng' });
    await api.call('programs.create', { personId: anh.id, kindCode: 'drug_user', startDate: '2026-06-15' });
    await api.call('campaigns.create', { name: 'Cao điểm tấn công trấn áp tội phạm dịp Tết 2026', decisionNo: '15/KH-CAX', startDate: '2026-01-15', endDate: '2026-02-28' });
    await api.call('campaigns.create', { name: 'Cao điểm bảo đảm trật tự an toàn giao thông', startDate: '2026-09-01', endDate: '2026-09-30' });
    await api.call('persons.create', { fullName: 'Nguyễn Thị Bích', birthDate: '1988-07-14', localityId: place(NAM_SON) });
    await api.call('persons.create', { fullName: 'Trần Văn Cường', birthYear: 1979 });
    await api.call('hotspots.create', { name: 'Sòng bạc nhà kho cũ', type: 'gambling', localityId: place(NAM_SON), risk: 'high', foundOn: '2026-10-03', reviewDays: 30 });
    await api.call('hotspots.create', { name: 'Quán nước đầu cầu Đông', type: 'drug_use', localityId: place(DONG_HAI), foundOn: '2026-09-15', reviewDays: 7 });
    browser = await launchBrowser();
    watched = await openPrintPage(browser);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('exports the register as filtered and sorted on screen, with real dates in Vietnam time', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.total().filter({ hasText: `Tổng số: ${(FILLERS + 3).toLocaleString('de-DE')}` }).waitFor();
    await page.getByRole('search').getByLabel('Địa bàn', { exact: true }).selectOption({ label: DONG_HAI });
    await list.total().filter({ hasText: 'Tổng số: 3' }).waitFor();

    const file = await exportToExcel(page);
    await page.getByRole('status').filter({ hasText: 'Đã xuất 3 dòng ra tệp' }).waitFor();
    await screenshot('export-01-register');
    expect(file.fileName).toMatch(/^so-tiep-nhan-tin-bao-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.sheet.name).toBe('Sổ tiếp nhận tin báo');
    expect(file.sheet.getCell('A1').value).toBe(office.name);
    expect(file.sheet.getCell('A2').value).toBe('SỔ TIẾP NHẬN TIN BÁO');
    expect(file.sheet.getCell('A3').value).toBe(`Điều kiện lọc: Địa bàn: ${DONG_HAI}`);
    expect(file.sheet.getCell('A4').value).toBe('Sắp xếp theo: Số (giảm dần)');
    expect(file.headers).toEqual(HEADERS);
    expect(file.sheet.getRow(file.headerRow).getCell(1).font?.bold).toBe(true);

    // Only the filtered rows, newest number first, labels as the list shows them.
    expect(file.rows.map((row) => row['Nội dung tóm tắt'])).toEqual([NOISE, FIGHT, LOTTERY]);
    expect(new Set(file.rows.map((row) => row['Địa bàn']))).toEqual(new Set([DONG_HAI]));
    const [noise, fight, lottery] = file.rows;
    // The register number is a number in Excel (it sorts as one), shown "1/2026" as in the book.
    expect(lottery!['Số']).toBe(1);
    const numberCell = file.sheet.getRow(file.headerRow + 3).getCell(1);
    expect(numberCell.numFmt).toBe('0"/2026"');
    expect(numberCell.text === '' || typeof numberCell.value === 'number').toBe(true);
    // Printed: landscape A4, fitted to the page's width, the header row on every page.
    expect(file.sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${file.headerRow}:${file.headerRow}` });
    expect(lottery!['Loại']).toBe('Tin báo về tội phạm');
    expect(lottery!['Phân loại']).toBe('Số đề');
    expect(fight!['Phân loại']).toBe('Trộm cắp tài sản');
    expect(noise!['Loại']).toBe('Vi phạm hành chính');
    expect(noise!['Trạng thái']).toBe('Mới tiếp nhận');
    // 23:30 and 00:20 in Vietnam: the Excel dates carry the Vietnam date and clock time (the browser runs on UTC).
    expect(lottery!['Ngày tiếp nhận']).toBeInstanceOf(Date);
    expect((lottery!['Ngày tiếp nhận'] as Date).toISOString()).toBe('2026-03-02T23:30:00.000Z');
    expect((noise!['Ngày tiếp nhận'] as Date).toISOString()).toBe('2026-03-09T00:20:00.000Z');
    expect(file.sheet.getRow(file.headerRow + 1).getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(errors).toEqual([]);
  });

  it('exports the whole register over several calls when the filter is cleared', async () => {
    const { page, errors } = watched;
    const list = new RegisterList(page);
    await page.getByRole('search').getByLabel('Địa bàn', { exact: true }).selectOption({ label: 'Tất cả' });
    await list.total().filter({ hasText: `Tổng số: ${(FILLERS + 3).toLocaleString('de-DE')}` }).waitFor();
    // Sorted by receipt date, oldest first: the export follows.
    await list.table().getByRole('button', { name: /^Ngày tiếp nhận/ }).click();
    await list.table().getByRole('button', { name: /^Ngày tiếp nhận/ }).click();
    await list.table().getByRole('columnheader', { name: /^Ngày tiếp nhận/ }).and(page.locator('[aria-sort="ascending"]')).waitFor();

    const file = await exportToExcel(page);
    expect(file.sheet.getCell('A3').value).toBe('Điều kiện lọc: không có (toàn bộ danh sách)');
    expect(file.sheet.getCell('A4').value).toBe('Sắp xếp theo: Ngày tiếp nhận (tăng dần)');
    expect(file.rows).toHaveLength(FILLERS + 3);
    expect(new Set(file.rows.map((row) => row['Số'])).size).toBe(FILLERS + 3);
    expect(file.rows[0]!['Nội dung tóm tắt']).toBe(LOTTERY);
    expect(file.rows[FILLERS + 2]!['Nội dung tóm tắt']).toBe(`Tin báo số ${FILLERS} ở Nam Sơn`);
    const times = file.rows.map((row) => (row['Ngày tiếp nhận'] as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(file.sheet.autoFilter).toBe(`A${file.headerRow}:I${file.headerRow + FILLERS + 3}`);
    await page.getByRole('status').filter({ hasText: `Đã xuất ${(FILLERS + 3).toLocaleString('de-DE')} dòng` }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows its progress, stops at once when cancelled, and says in Vietnamese when a call fails', async () => {
    const { page, screenshot, errors } = watched;
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    // The export's calls ask for 500 rows (the list's own ask for 100): hold its second page.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const exportCall = (body: unknown) => (body as { limit?: number }).limit === 500;
    await page.route('**/api/reports.list', async (route) => {
      const body: unknown = route.request().postDataJSON();
      if (exportCall(body) && (body as { offset: number }).offset > 0) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Xuất Excel', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Đang xuất 500/${(FILLERS + 3).toLocaleString('de-DE')} dòng…` }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Tiến độ xuất Excel' }).getAttribute('value')).toBe('500');
    await screenshot('export-03-progress');
    await page.getByRole('button', { name: 'Hủy xuất', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã hủy xuất Excel.' }).waitFor();
    release();
    await page.unrouteAll({ behavior: 'wait' });

    await page.route('**/api/reports.list', async (route) => {
      if (!exportCall(route.request().postDataJSON())) return route.continue();
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'disk I/O error at db/register/list.ts:42' } }) });
    });
    await page.getByRole('button', { name: 'Xuất Excel', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Không xuất được danh sách ra Excel' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Không xuất được danh sách ra Excel: Đã xảy ra lỗi ngoài dự kiến. Vui lòng thử lại.');
    await screenshot('export-04-failed');
    await page.unrouteAll({ behavior: 'wait' });
    expect(downloads).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('exports the persons found by a search without diacritics', async () => {
    const { page, screenshot, errors } = watched;
    await new Layout(page).open('Đối tượng');
    const list = new PersonsList(page);
    // The page opens on the Đối tượng; the export takes every person the search finds.
    await page.getByRole('search').getByLabel('Hiển thị', { exact: true }).selectOption({ label: 'Cả người liên quan' });
    await list.search().fill('nguyen');
    await page.getByText('Tổng số: 2', { exact: true }).waitFor();
    const file = await exportToExcel(page);
    await screenshot('export-02-persons');
    expect(file.fileName).toMatch(/^doi-tuong-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.sheet.getCell('A3').value).toBe('Điều kiện lọc: Hiển thị: Cả người liên quan; Tìm kiếm: nguyen');
    expect(file.sheet.getCell('A4').value).toBe('Sắp xếp theo: Họ và tên (tăng dần)');
    expect(file.headers).toEqual(['Họ và tên', 'Vai trò', 'Ngày sinh', 'Số CCCD', 'Địa bàn', 'Nơi thường trú']);
    expect(file.rows.map((row) => row['Họ và tên'])).toEqual(['Nguyễn Thị Bích', 'Nguyễn Văn Ánh']);
    const [bich, anh] = file.rows;
    // A citizen ID stays text, its leading zero kept.
    expect(anh!['Số CCCD']).toBe('038090001234');
    expect(anh!['Địa bàn']).toBe(DONG_HAI);
    expect(anh!['Ngày sinh']).toBe('1990');
    expect(bich!['Ngày sinh']).toBe('14/07/1988');
    // Each person's roles, as the list shows them.
    expect(anh!['Vai trò']).toBe('Đang bị quản lý');
    expect(bich!['Vai trò']).toBe('Chưa có trong tin báo');
    expect(errors).toEqual([]);
  });

  it('exports the supervision programs and the campaigns', async () => {
    const { page, errors } = watched;
    await new Layout(page).open('Quản lý đối tượng');
    await page.getByText('Tổng số: 1', { exact: true }).waitFor();
    const programs = await exportToExcel(page);
    expect(programs.sheet.getCell('A3').value).toBe('Điều kiện lọc: Tình trạng: Đang quản lý');
    expect(programs.rows).toHaveLength(1);
    const program = programs.rows[0]!;
    expect(program['Họ và tên']).toBe('Nguyễn Văn Ánh');
    expect(program['Diện quản lý']).toBe('Quản lý người sử dụng trái phép chất ma túy');
    expect((program['Ngày bắt đầu'] as Date).toISOString()).toBe('2026-06-15T00:00:00.000Z');

    await new Layout(page).open('Đợt cao điểm');
    await page.getByRole('search').getByLabel('Tìm kiếm', { exact: true }).fill('tet');
    await page.getByRole('table', { name: 'Danh sách đợt cao điểm' }).getByRole('row').nth(1).filter({ hasText: 'Tết 2026' }).waitFor();
    const campaigns = await exportToExcel(page);
    expect(campaigns.fileName).toMatch(/^dot-cao-diem-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(campaigns.sheet.getCell('A3').value).toBe('Điều kiện lọc: Tìm kiếm: tet');
    expect(campaigns.rows).toHaveLength(1);
    const campaign = campaigns.rows[0]!;
    expect(campaigns.headers).toEqual(['Tên đợt', 'Số quyết định, kế hoạch', 'Từ ngày', 'Đến ngày']);
    expect(campaign['Tên đợt']).toBe('Cao điểm tấn công trấn áp tội phạm dịp Tết 2026');
    expect(campaign['Số quyết định, kế hoạch']).toBe('15/KH-CAX');
    expect((campaign['Đến ngày'] as Date).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(errors).toEqual([]);
  });

  it('exports the hotspots with their labels and dates', async () => {
    const { page, errors } = watched;
    await new Layout(page).open('Tụ điểm');
    await page.getByRole('search').getByLabel('Loại tụ điểm', { exact: true }).selectOption({ label: 'Cờ bạc' });
    await page.getByText('Tổng số: 1', { exact: true }).waitFor();
    const file = await exportToExcel(page);
    expect(file.fileName).toMatch(/^tu-diem-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.sheet.getCell('A3').value).toBe('Điều kiện lọc: Loại tụ điểm: Cờ bạc');
    expect(file.headers).toEqual(['Tên tụ điểm', 'Loại tụ điểm', 'Trạng thái', 'Mức độ nguy hiểm', 'Địa bàn', 'Ngày phát hiện', 'Hạn kiểm tra tiếp theo']);
    expect(file.rows).toHaveLength(1);
    const spot = file.rows[0]!;
    expect(spot['Tên tụ điểm']).toBe('Sòng bạc nhà kho cũ');
    expect(spot['Loại tụ điểm']).toBe('Cờ bạc');
    expect(spot['Mức độ nguy hiểm']).toBe('Cao');
    expect(spot['Địa bàn']).toBe(NAM_SON);
    expect((spot['Ngày phát hiện'] as Date).toISOString()).toBe('2026-10-03T00:00:00.000Z');
    expect(spot['Hạn kiểm tra tiếp theo']).toBeInstanceOf(Date);
    expect(errors).toEqual([]);
  });
});
