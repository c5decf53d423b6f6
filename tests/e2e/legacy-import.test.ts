import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../support/legacy-encode';
import { encodeVni } from '../support/legacy-encode';
import { tcvn3PersonsRegister, tcvn3Register, vniHotspotList, workbookBytes } from '../support/legacy-files';
import { ApiClient } from './support/api-client';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage } from './support/pages';
import { RegisterList } from './support/register-pages';

/**
 * The import of an old register in a real browser (issue 22): the chief or administrator sends a small
 * register typed in the TCVN3 fonts, sees the dry run converted to Unicode with the refused rows and
 * their reasons, imports it, and finds its reports by a search typed without diacritics.
 */
describe('importing an old TCVN3 register', () => {
  // Each pause of a job's dry run lasts 1 s here, so the 40,000-row run of the last test takes over
  // 20 s and is still running when Hủy is pressed (it finished first once on CI's machine); each write is
  // held 3 s before its worker begins, so its bar above the page can be seen.
  const app = officeInBrowser({ env: { SO_ANTT_TEST_LEGACY_STEP_MS: '1000', SO_ANTT_TEST_IMPORT_PAUSE_MS: '3000' } });

  it('shows the dry run in Unicode, imports, and the reports are found without diacritics', async () => {
    const { page, screenshot, errors } = app.watched;
    const bytes = await workbookBytes([tcvn3Register(encodeTcvn3)]);
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.open('Nhập sổ cũ');
    await page.getByLabel('Tệp sổ cũ', { exact: true }).setInputFiles({ name: 'so-tin-bao-cu.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const preview = page.getByRole('region', { name: 'Kết quả chạy thử' });
    await preview.getByText('7 dòng: 5 tin báo mới (1 có ghi chú), 2 dòng bị từ chối, 0 dòng đã có trong sổ.').waitFor({ timeout: 60_000 });
    // Converted from TCVN3: the headers and the rows read as Vietnamese.
    await preview.getByRole('cell', { name: 'Người báo Họ tên', exact: true }).waitFor();
    await preview.getByRole('cell', { name: 'trộm cắp xe máy honda wave', exact: true }).waitFor();
    await preview.getByRole('row').filter({ hasText: 'không phải ngày «không rõ»' }).waitFor();
    await screenshot('legacy-01-dry-run');
    await preview.getByRole('button', { name: 'Nhập 5 tin báo' }).click();
    // The write runs on the job worker: the page says it cannot be stopped, and the bar above every page
    // says what waits meanwhile.
    await page.getByText(/^Đang ghi sổ cũ vào dữ liệu: khoảng \d+%/).waitFor({ timeout: 30_000 });
    await page.locator('.job-progress').getByText(/^Đang ghi vào sổ/).waitFor();
    expect(await page.locator('.job-progress').getByRole('button', { name: 'Hủy' }).isDisabled()).toBe(true);
    await screenshot('legacy-01b-writing');
    await page.getByText('Đã nhập 5 tin báo. Đã sao lưu dữ liệu trước khi nhập.').waitFor({ timeout: 60_000 });
    await page.getByText(/^Đang ghi sổ cũ vào dữ liệu/).waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('region', { name: 'Các lần nhập' }).getByRole('cell', { name: /so-tin-bao-cu\.xlsx/ }).waitFor();
    await screenshot('legacy-02-imported');

    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.find('trom cap xe may', 1);
    expect(await list.rows().first().textContent()).toContain('trộm cắp xe máy honda wave');
    await list.search().fill('gay roi trat tu');
    // The count was 1 before as well: wait for the row itself.
    await list.row('gây rối trật tự công cộng tại quán karaoke').waitFor();
    expect(await list.rows().count()).toBe(1);
    await screenshot('legacy-03-found');
    expect(errors).toEqual([]);
  });

  it('a register of persons under management: the kind of register chosen, a possible duplicate merged on confirmation', async () => {
    const { page, screenshot, errors } = app.watched;
    const api = new ApiClient(app.host);
    await api.call('auth.login', { username: admin.username, password: admin.password });
    await api.call('persons.create', { fullName: 'Lê Văn Tám', birthYear: 1990 });
    const bytes = await workbookBytes([tcvn3PersonsRegister(encodeTcvn3)]);
    const layout = new Layout(page);
    await layout.open('Nhập sổ cũ');
    await page.getByLabel('Loại sổ').selectOption({ label: 'Người được quản lý' });
    await page.getByLabel('Tệp sổ cũ', { exact: true }).setInputFiles({ name: 'so-quan-ly.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const preview = page.getByRole('region', { name: 'Kết quả chạy thử' });
    await preview.getByText('6 dòng: 2 mới, 1 có thể trùng với hồ sơ đã có, 0 đã có, 3 bị từ chối (1 có ghi chú).').waitFor({ timeout: 60_000 });
    await preview.getByRole('cell', { name: 'Diện quản lý', exact: true }).first().waitFor();
    const tamRow = preview.getByRole('row').filter({ hasText: 'lê văn tám' });
    await tamRow.getByRole('cell', { name: 'Có thể đã có', exact: true }).waitFor();
    await tamRow.getByRole('cell', { name: 'Quản lý sau cai nghiện (cai nghiện tự nguyện)', exact: true }).waitFor();
    await screenshot('legacy-04-persons-dry-run');
    await tamRow.getByLabel('Trùng với').selectOption({ label: 'Là Lê Văn Tám, sinh 1990: gộp vào' });
    await preview.getByText('6 dòng: 2 mới, 0 có thể trùng với hồ sơ đã có, 1 đã có, 3 bị từ chối (1 có ghi chú).').waitFor({ timeout: 60_000 });
    await screenshot('legacy-05-persons-merged');
    await preview.getByRole('button', { name: 'Nhập 3 dòng' }).click();
    await page.getByText('Đã nhập 3 dòng. Đã sao lưu dữ liệu trước khi nhập.').waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Các lần nhập' }).getByRole('row').filter({ hasText: 'so-quan-ly.xlsx' }).getByRole('cell', { name: 'Người được quản lý', exact: true }).waitFor();
    await screenshot('legacy-06-persons-imported');
    // One Tám: merged into the record the office had.
    expect((await api.call('persons.list', { q: 'le van tam', limit: 10 })).rows.length).toBe(1);
    const binh = (await api.call('persons.list', { q: 'tran van binh', limit: 10 })).rows;
    expect(binh.map((p) => p.fullName)).toEqual(['trần văn bình']);
    // The person's page says where the record came from.
    await page.goto(`${app.host.url}/#/persons/${binh[0]!.id}`);
    const identity = page.getByRole('region', { name: 'Nhân thân' });
    await identity.getByText(/^Nhập từ sổ cũ: tệp «so-quan-ly\.xlsx», trang «[^»]+», dòng \d+/).waitFor();
    await screenshot('legacy-08-person-source');
    expect(errors).toEqual([]);
  });

  it('in English: a VNI hotspot list, the office\'s words mapped in the words table', async () => {
    const { page, screenshot, errors } = app.watched;
    const bytes = await workbookBytes([vniHotspotList(encodeVni)]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Old registers', exact: true }).click();
    await page.getByLabel('Kind of register').selectOption({ label: 'Hotspots' });
    await page.getByLabel('Register file', { exact: true }).setInputFiles({ name: 'tu-diem.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const preview = page.getByRole('region', { name: 'Dry run' });
    await preview.getByText('5 rows: 3 new, 0 maybe records the office has, 0 already here, 2 refused (0 with notes).').waitFor({ timeout: 60_000 });
    await preview.getByRole('row').filter({ hasText: 'Bãi đất trống ven đê' }).getByRole('cell', { name: 'Active', exact: true }).waitFor();
    // "hát" (singing: a karaoke bar) is no kind of hotspot the app knows until the user maps it.
    await preview.getByRole('row').filter({ hasText: 'Quán karaoke Hoa Mai' }).getByRole('cell', { name: /not mapped to a value of the app «hát»/ }).waitFor();
    await preview.getByLabel('Value in the app: hát').selectOption({ label: 'Prostitution' });
    await preview.getByText('5 rows: 4 new, 0 maybe records the office has, 0 already here, 1 refused (0 with notes).').waitFor({ timeout: 60_000 });
    await screenshot('legacy-07-hotspots-english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(errors).toEqual([]);
  });
  it('an imported hotspot shows the file and row it came from', async () => {
    const { page, screenshot, errors } = app.watched;
    const api = new ApiClient(app.host);
    await api.call('auth.login', { username: admin.username, password: admin.password });
    const bytes = await workbookBytes([vniHotspotList(encodeVni)]);
    const layout = new Layout(page);
    await page.goto(`${app.host.url}/#/`);
    await layout.open('Nhập sổ cũ');
    await page.getByLabel('Loại sổ').selectOption({ label: 'Tụ điểm' });
    await page.getByLabel('Tệp sổ cũ', { exact: true }).setInputFiles({ name: 'tu-diem.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const preview = page.getByRole('region', { name: 'Kết quả chạy thử' });
    await preview.getByRole('button', { name: 'Nhập 3 dòng' }).click();
    await page.getByText('Đã nhập 3 dòng. Đã sao lưu dữ liệu trước khi nhập.').waitFor({ timeout: 60_000 });
    const found = (await api.call('hotspots.list', { q: 'bai dat trong', limit: 10 })).rows;
    expect(found.map((h) => h.name)).toEqual(['Bãi đất trống ven đê']);
    await page.goto(`${app.host.url}/#/hotspots/${found[0]!.id}`);
    await page.getByText('Nhập từ sổ cũ: tệp «tu-diem.xlsx», trang «Tu diem», dòng 3', { exact: false }).waitFor();
    await screenshot('legacy-09-hotspot-source');
    expect(errors).toEqual([]);
  });

  it('a large register shows the dry run\'s progress, and Hủy stops it with nothing imported', async () => {
    const { page, screenshot, errors } = app.watched;
    const rows: unknown[][] = [['Số', 'Ngày tiếp nhận', 'Người báo tin', 'Nội dung']];
    for (let i = 0; i < 40_000; i += 1) rows.push([i + 1, `${1 + (i % 28)}/${1 + (i % 12)}/2018`, 'Nguyễn Văn Hùng', `mất trộm xe đạp lần thứ ${i + 1}`]);
    const bytes = await workbookBytes([{ name: 'So tin bao', rows: rows as never }]);
    const layout = new Layout(page);
    await page.goto(`${app.host.url}/#/`);
    await layout.open('Nhập sổ cũ');
    await page.getByLabel('Tệp sổ cũ', { exact: true }).setInputFiles({ name: 'so-lon.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const bar = page.getByRole('progressbar', { name: 'Tiến độ' });
    await page.getByText(/^Đang chạy thử: [1-9][\d.]*\/40\.000 dòng/).waitFor({ timeout: 60_000 });
    expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    await screenshot('legacy-10-progress');
    await page.locator('.job-progress').getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã hủy, chưa nhập gì.' }).waitFor({ timeout: 60_000 });
    await screenshot('legacy-11-cancelled');
    const api = new ApiClient(app.host);
    await api.call('auth.login', { username: admin.username, password: admin.password });
    expect((await api.call('reports.list', { filters: { q: 'mat trom xe dap lan thu' }, limit: 5 })).rows).toEqual([]);
    expect(errors).toEqual([]);
  });
});
