import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../api/views';
import type { PublicKeyFile } from '../../db/exchange/keys';
import { foreignOffice, handBundle } from '../support/exchange';
import { ensureRendererBuilt, launchBrowser, startHost, type Host, type WatchedPage } from './support/host';
import { Layout, LoginPage, type AccountData } from './support/pages';
import { admin, office } from './support/people';
import { flatText, openPrintPage, pdfText, printToPdf, waitForDocument } from './support/print-support';
import { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';
import { RegisterList } from './support/register-pages';

/**
 * Exchange between offices (issue #7) in a real browser, between two browser hosts: a commune and its
 * province (a higher office, code 38). Each prints its key card (read back from the PDF), downloads its
 * public-key file, and the other enrols it after confirming the fingerprint. The commune sends its
 * records to the province (the bundle is downloaded), the province checks the bundle in a dry run,
 * sees the summary and imports it; the commune's report then shows at the province, in its register
 * and in its periodic report broken down by commune.
 */

const exact = { exact: true } as const;
const PROVINCE = { name: 'Công an tỉnh Thanh Hóa', code: '38' };
const provinceAdmin: AccountData = { fullName: 'Hoàng Văn Tỉnh', rank: 'Thượng tá', position: 'Phó Trưởng phòng', username: 'quantri.tinh', password: 'Đèo-Ngang-tỉnh-Tràm-Chim' };
const REPORT = 'Trộm cắp xe máy tại chợ Quảng Hưng';

interface Side {
  readonly host: Host;
  readonly api: ApiClient;
  readonly watched: WatchedPage;
  readonly identity: IdentityView;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Clicks a button that makes the page download a file, and returns the file. */
async function downloadBy(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

async function openExchange(page: Page): Promise<void> {
  await new Layout(page).open('Trao đổi dữ liệu');
  await page.getByRole('heading', { name: 'Trao đổi dữ liệu', level: 1 }).waitFor();
}

describe('exchange between a commune and its province', () => {
  let browser: Browser;
  let commune: Side;
  let province: Side;
  const keyFiles = new Map<string, { name: string; bytes: Buffer }>();
  let bundle: { name: string; bytes: Buffer };

  beforeAll(async () => {
    ensureRendererBuilt();
    // The province holds each import 3 s (SO_ANTT_TEST_IMPORT_PAUSE_MS), as long as a large bundle takes:
    // long enough to see what its users see meanwhile.
    const [communeHost, provinceHost] = await Promise.all([startHost(), startHost({ env: { SO_ANTT_TEST_IMPORT_PAUSE_MS: '3000' } })]);
    const communeApi = await setUpOffice(communeHost, { login: true });
    const provinceApi = new ApiClient(provinceHost);
    await provinceApi.call('setup.create', {
      office: { name: PROVINCE.name, code: PROVINCE.code, level: 'higher', parentName: 'Bộ Công an', parentCode: '100' },
      localities: [],
      admin: { ...provinceAdmin, passwordConfirm: provinceAdmin.password },
    });
    await provinceApi.call('auth.login', { username: provinceAdmin.username, password: provinceAdmin.password });
    await communeApi.call('reports.create', { receivedAt: Date.now() - 3_600_000, channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: REPORT, persons: [] });
    browser = await launchBrowser();
    commune = { host: communeHost, api: communeApi, watched: await openPrintPage(browser), identity: await communeApi.call('exchange.identity', {}) };
    province = { host: provinceHost, api: provinceApi, watched: await openPrintPage(browser), identity: await provinceApi.call('exchange.identity', {}) };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await commune?.host.stop();
    await province?.host.stop();
  });

  it('shows each office its key and prints the key card with the fingerprint and a QR code', async () => {
    for (const [side, account, name] of [
      [commune, admin, office.name],
      [province, provinceAdmin, PROVINCE.name],
    ] as const) {
      const { page, screenshot } = side.watched;
      await page.goto(side.host.url);
      await new LoginPage(page).login(account.username, account.password);
      await openExchange(page);
      const card = page.getByRole('region', { name: 'Khóa của đơn vị' });
      await card.getByText(side.identity.fingerprint, exact).waitFor();
      await card.getByText(side.identity.keyId, exact).waitFor();
      await screenshot(`exchange-key-${side.identity.office.code}`);

      await page.getByRole('link', { name: 'In thẻ khóa' }).click();
      await waitForDocument(page);
      await page.getByRole('img', { name: 'Mã QR của dấu vân tay và mã khóa' }).waitFor();
      const text = flatText(pdfText(await printToPdf(page, `key-card-${side.identity.office.code}`)));
      expect(text).toContain('THẺ KHÓA TRAO ĐỔI DỮ LIỆU');
      expect(text).toContain(`Đơn vị: ${name}`);
      expect(text).toContain(`Mã đơn vị hành chính: ${side.identity.office.code}`);
      expect(text).toContain(side.identity.fingerprint);
      await page.getByRole('button', { name: 'Quay lại' }).click();
      await page.getByRole('heading', { name: 'Trao đổi dữ liệu', level: 1 }).waitFor();

      const file = await downloadBy(page, 'Tải tệp khóa công khai');
      expect(file.name).toMatch(new RegExp(`^khoa-cong-khai-${side.identity.office.code}-[0-9a-f]{8}\\.json$`));
      expect(JSON.parse(file.bytes.toString('utf8'))).toMatchObject({ keyId: side.identity.keyId, fingerprint: side.identity.fingerprint });
      keyFiles.set(side.identity.office.code, file);
    }
  });

  it('enrols each office in the other after the fingerprint is confirmed', async () => {
    for (const [side, other, role] of [
      [commune, province, 'Đơn vị cấp trên'],
      [province, commune, 'Đơn vị cấp dưới'],
    ] as const) {
      const { page, screenshot } = side.watched;
      const file = keyFiles.get(other.identity.office.code);
      if (!file) throw new Error('no key file');
      await page.getByRole('button', { name: 'Đăng ký đơn vị trao đổi' }).click();
      const panel = page.getByRole('region', { name: 'Đăng ký đơn vị' });
      await panel.getByLabel('Tệp khóa công khai', exact).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
      await panel.getByRole('heading', { name: 'Dấu vân tay có khớp với thẻ khóa in không?' }).waitFor();
      await panel.getByText(other.identity.fingerprint, exact).waitFor();
      await panel.getByText(other.identity.office.name, exact).waitFor();
      await panel.getByLabel('Vai trò', exact).selectOption({ label: role });
      await screenshot(`exchange-enrol-${side.identity.office.code}`);
      await panel.getByRole('button', { name: 'Khớp, đăng ký đơn vị' }).click();
      await page.getByRole('status').filter({ hasText: `Đã đăng ký ${other.identity.office.name} (${role}).` }).waitFor();
      const row = page.getByRole('region', { name: 'Đơn vị trao đổi' }).getByRole('row').filter({ hasText: other.identity.fingerprint });
      await row.getByText(role, exact).waitFor();
    }
  });

  it('sends the commune’s records to the province as a downloaded bundle', async () => {
    const { page, screenshot } = commune.watched;
    const send = page.getByRole('region', { name: 'Gửi dữ liệu' });
    await send.getByLabel(`${PROVINCE.name} (${PROVINCE.code}) – Đơn vị cấp trên`, exact).check();
    expect(await send.getByLabel('Phạm vi', exact).inputValue()).toBe('delta');
    bundle = await downloadBy(page, 'Gửi dữ liệu');
    expect(bundle.name).toMatch(/\.soantt$/);
    await send.getByRole('status').filter({ hasText: `Đã tạo và tải về tệp ${bundle.name}` }).waitFor();
    await send.getByText(`Gửi: ${PROVINCE.name} (gói số 1).`).waitFor();
    await screenshot('exchange-sent');
    await page.getByRole('region', { name: 'Lịch sử gói dữ liệu' }).getByRole('row').filter({ hasText: PROVINCE.name }).getByText('Gửi', exact).waitFor();
  });

  it('checks the bundle at the province, shows the dry run, imports it and lists the commune’s report', async () => {
    const { page, screenshot, errors } = province.watched;
    const receive = page.getByRole('region', { name: 'Nhận dữ liệu' });
    await receive.getByLabel('Tệp gói dữ liệu (.soantt)', exact).setInputFiles({ name: bundle.name, mimeType: 'application/octet-stream', buffer: bundle.bytes });
    const preview = receive.getByRole('region', { name: 'Kết quả kiểm tra (chưa nhập)' });
    await preview.waitFor({ timeout: 60_000 });
    await preview.getByText(`${office.name} (${office.code}) – Đơn vị cấp dưới`).waitFor();

    const counts = preview.getByRole('table', { name: 'Số bản ghi theo kết quả' });
    const headers = (await counts.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expect(headers).toEqual(['Loại dữ liệu', 'Mới', 'Cập nhật', 'Không đổi', 'Hủy', 'Xung đột', 'Đang chờ', 'Bị từ chối']);
    const total = (await counts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Tổng', exact: true }) }).getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(Number(total[0])).toBeGreaterThanOrEqual(2);
    expect(total.slice(1)).toEqual(['0', '0', '0', '0', '0', '0']);
    const reports = preview.getByRole('table', { name: 'Theo loại dữ liệu' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Tin báo', exact: true }) });
    expect((await reports.getByRole('cell').allTextContents())[0]?.trim()).toBe('1');
    await screenshot('exchange-preview');

    await preview.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    // Meanwhile the bar above the page says an import runs and that writing waits; a write is refused so.
    await page.getByRole('progressbar', { name: 'Tiến độ nhập dữ liệu' }).waitFor();
    await page.getByText(/Đang nhập dữ liệu của đơn vị khác: khoảng \d+%/).waitFor();
    await screenshot('exchange-importing');
    const refused = await province.api.call('reports.create', { receivedAt: Date.now(), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: 'Ghi trong lúc nhập', persons: [] }).catch((error: unknown) => String(error));
    expect(refused).toContain('store.importing');
    await receive.getByRole('status').filter({ hasText: `Đã nhập gói số 1 của ${office.name}` }).waitFor();
    await page.getByRole('progressbar', { name: 'Tiến độ nhập dữ liệu' }).waitFor({ state: 'detached' });
    await receive.getByRole('heading', { name: 'Kết quả nhập' }).waitFor();

    // The offices view of the higher office: the commune, its last bundle and its one report.
    const offices = page.getByRole('region', { name: 'Các đơn vị' });
    const row = offices.getByRole('row').filter({ has: page.getByRole('rowheader', { name: office.name, exact: true }) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells[0]).toBe(office.code);
    expect(cells[1]).toMatch(/^Số 1, \d{2}\/\d{2}\/\d{4}$/);
    expect(cells[2]).toBe('1');
    await screenshot('exchange-imported');

    // The register at the province lists the commune's report.
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    const register = new RegisterList(page);
    await register.heading().waitFor();
    await register.row(REPORT).waitFor();

    // The province's periodic report covers every office and breaks it down by commune.
    await new Layout(page).open('Báo cáo định kỳ');
    await page.getByRole('heading', { name: 'Báo cáo định kỳ', level: 1 }).waitFor();
    expect(await page.getByLabel('Đơn vị', exact).inputValue()).toBe('');
    const today = new Date(Date.now() + 7 * 3_600_000);
    const policeYear = today.getUTCMonth() === 11 && today.getUTCDate() >= 15 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
    await page.getByLabel('Loại kỳ', exact).selectOption({ label: 'Năm' });
    await page.getByLabel('Năm', exact).fill(String(policeYear));
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    const breakdown = page.getByRole('table', { name: 'Chia theo đơn vị' });
    await breakdown.waitFor();
    const communeRow = breakdown.getByRole('row').filter({ has: page.getByRole('rowheader', { name: office.name, exact: true }) });
    expect((await communeRow.getByRole('cell').allTextContents())[0]?.trim()).toBe('1');
    await screenshot('exchange-province-periodic');
    expect([...errors, ...commune.watched.errors]).toEqual([]);
  });

  it('says a bundle imported before changes nothing, and refuses a damaged file with a clear message', async () => {
    const { page, errors } = province.watched;
    await openExchange(page);
    const receive = page.getByRole('region', { name: 'Nhận dữ liệu' });
    const file = receive.getByLabel('Tệp gói dữ liệu (.soantt)', exact);
    await file.setInputFiles({ name: bundle.name, mimeType: 'application/octet-stream', buffer: bundle.bytes });
    const preview = receive.getByRole('region', { name: 'Kết quả kiểm tra (chưa nhập)' });
    await preview.getByText('Gói này đã được nhập trước đây; nhập lại không thay đổi gì.').waitFor();
    await preview.getByRole('button', { name: 'Hủy', exact: true }).click();
    await receive.getByText('Đã hủy, không nhập gì.').waitFor();

    const damaged = Buffer.from(bundle.bytes);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    await file.setInputFiles({ name: bundle.name, mimeType: 'application/octet-stream', buffer: damaged });
    await receive.getByRole('alert').filter({ hasText: 'Chữ ký số không khớp với khóa đã đăng ký của đơn vị gửi: tệp đã bị sửa sau khi ký. Không nhập gì.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses a correctly signed bundle of another enrolled commune that writes this commune\'s records, and shows the refusal', async () => {
    const { page, screenshot, errors } = province.watched;
    // Commune B, enrolled at the province with its real key, signs a locality of commune A (Quảng Hưng).
    const b = foreignOffice({ id: '12346', code: '12346', name: 'Công an xã Quảng Đông', level: 'commune' });
    await province.api.call('exchange.enrol', { publicKey: b.text, role: 'child', fingerprint: b.file.fingerprint });
    const stamp = { version: `${Date.now()}-00000-beef`, base_version: null, seq: 1, created_at: 1, created_by: null, updated_at: 1, updated_by: null, deleted_at: null, void_reason: null };
    const forged = handBundle({
      from: b,
      to: JSON.parse(province.identity.publicKeyFile) as PublicKeyFile,
      lines: [{ t: 'localities', r: { id: '0190ffff-0000-7000-8000-0000000000e2', office_id: office.code, ...stamp, name: 'Thôn giả mạo', kind: 'thôn' } }],
    });
    await openExchange(page);
    const receive = page.getByRole('region', { name: 'Nhận dữ liệu' });
    await receive.getByLabel('Tệp gói dữ liệu (.soantt)', exact).setInputFiles({ name: 'gia-mao.soantt', mimeType: 'application/octet-stream', buffer: readFileSync(forged) });
    await receive.getByRole('alert').filter({ hasText: 'Từ chối cả gói: Công an xã Quảng Đông (12346) gửi một bản ghi «Thôn, tổ dân phố» (mã 0190ffff-0000-7000-8000-0000000000e2) thuộc Công an xã Quảng Hưng (16063)' }).waitFor();
    const warnings = page.getByRole('region', { name: 'Cảnh báo trao đổi dữ liệu' });
    await warnings.getByRole('cell', { name: 'Gói bị từ chối', exact: true }).waitFor();
    await warnings.getByText('Công an xã Quảng Đông (12346) gửi một bản ghi «Thôn, tổ dân phố»', { exact: false }).first().waitFor();
    await warnings.scrollIntoViewIfNeeded();
    await screenshot('exchange-forged-refused');
    expect(errors).toEqual([]);
  });

  it('shows a conflict from another PC of the commune side by side and settles it field by field', async () => {
    const { page, screenshot, errors } = commune.watched;
    // Another PC of the commune edited the same report from the same start: its bundle is made here.
    const pc2 = foreignOffice({ id: office.code, code: office.code, name: office.name, level: 'commune' });
    await commune.api.call('exchange.enrol', { publicKey: pc2.text, role: 'sibling', fingerprint: pc2.file.fingerprint });
    const list = await commune.api.call('reports.list', { filters: { q: REPORT } });
    const report = list.rows[0]!;
    const detail = await commune.api.call('reports.get', { id: report.id });
    const me = JSON.parse(commune.identity.publicKeyFile) as PublicKeyFile;
    const edited = { id: detail.id, office_id: office.code, version: `${String(Date.now() + 60_000).padStart(13, '0')}-00000-${'ab'.repeat(8)}`, base_version: null, seq: 1, deleted_at: null, summary: 'Trộm cắp xe máy Wave tại chợ Quảng Hưng' };
    const bytes = readFileSync(handBundle({ from: pc2, to: me, lines: [{ t: 'reports', r: edited }] }));
    const staged = await commune.api.call('exchange.upload', { uploadId: null, offset: 0, dataBase64: bytes.toString('base64') });
    expect((await commune.api.call('exchange.apply', { uploadId: staged.uploadId })).counts.conflicts).toBe(1);

    // The page reads the conflicts when it opens: come to it afresh.
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    await openExchange(page);
    const conflicts = page.getByRole('region', { name: 'Xung đột cần xử lý' });
    const card = conflicts.getByRole('region', { name: /^Tin báo – từ Công an xã/ });
    await card.waitFor();
    const row = card.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nội dung tóm tắt', exact: true }) });
    expect((await row.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([REPORT, edited.summary]);
    await screenshot('exchange-conflict');
    await row.getByRole('radio', { name: 'Lấy trường Nội dung tóm tắt từ Nơi gửi' }).check();
    await card.getByRole('button', { name: 'Gộp theo lựa chọn' }).click();
    await conflicts.getByText('Đã xử lý xung đột.').waitFor();
    await conflicts.getByText('Không có xung đột nào.').waitFor();
    expect((await commune.api.call('reports.get', { id: report.id })).summary).toBe(edited.summary);
    expect(errors).toEqual([]);
  });
});
