import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';
import { addOffice, copyToOffice } from '../support/offices';
import { ensureRendererBuilt, launchBrowser, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { Layout, LoginPage } from './support/pages';
import { admin, office } from './support/people';
import { flatText, pdfText, printToPdf, waitForDocument } from './support/print-support';
import type { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';
import { RegisterList } from './support/register-pages';

/**
 * A store holding two offices' records (issue #7, the higher office's mode). The own commune records
 * two reports through the API; a second commune's three reports are written into the same store as an
 * import brings them (their own office id, through the one write path). The register then shows the
 * "Đơn vị" filter and column: choosing the second commune shows its three rows only, and its records
 * open read only. The periodic report for every office shows the breakdown "Chia theo đơn vị", on
 * screen and on the printed report issued for every office.
 */

const exact = { exact: true } as const;
const SECOND = { code: '16066', name: 'Công an xã Quảng Ninh' };
const OWN_ROWS = ['Trộm cắp xe máy tại chợ', 'Cố ý gây thương tích'];
const SECOND_ROWS = ['Đánh bạc tại nhà văn hóa', 'Mua bán ma túy tại bến xe', 'Trộm cắp gia súc'];

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

/** Writes the second commune's reports into the host's store, from a backend of this process on the same files. */
async function importSecondOffice(host: Host, templateId: string): Promise<void> {
  const backend = new Backend({ dataDir: host.dataDir, log: () => undefined });
  try {
    const session = backend.sessions.create(Date.now());
    const login = await dispatch(backend, session, 'auth.login', { username: admin.username, password: admin.password });
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    // The host's open marker makes this second open check the store first; writing waits for it.
    await backend.storeCheck.finished();
    const store = backend.requireStore();
    addOffice(store, SECOND.code, SECOND.name);
    SECOND_ROWS.forEach((summary, i) => copyToOffice(store, 'reports', templateId, SECOND.code, { summary, register_no: i + 1 }));
  } finally {
    backend.close();
  }
}

async function waitForTotal(page: Page, count: number): Promise<void> {
  const list = new RegisterList(page);
  await list.total().filter({ hasText: `Tổng số: ${count}` }).waitFor();
  await expect.poll(() => list.rows().count()).toBe(count);
}

describe('a store holding several offices', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: ApiClient;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    api = await setUpOffice(host, { login: true });
    // Police month 11 of 2026: 15/10–14/11/2026.
    const first = await api.call('reports.create', { receivedAt: vn('2026-10-20'), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: OWN_ROWS[0]!, persons: [] });
    await api.call('reports.create', { receivedAt: vn('2026-11-02'), channel: 'phone', kind: 'crime_report', categoryCode: 'assault', summary: OWN_ROWS[1]!, persons: [] });
    await importSecondOffice(host, first.id);
    browser = await launchBrowser();
    watched = await openPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('filters the register by office, shows each row’s office, and opens another office’s report read only', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await waitForTotal(page, 5);
    await expect.poll(() => list.row(SECOND_ROWS[0]!).textContent()).toContain(SECOND.name);
    expect(await list.row(OWN_ROWS[0]!).textContent()).toContain(office.name);
    await expect.poll(() => list.table().getByRole('columnheader', { name: 'Đơn vị' }).count()).toBe(1);

    const filter = page.getByRole('search').getByLabel('Đơn vị', exact);
    expect(await filter.locator('option').allTextContents()).toEqual(['Tất cả', office.name, SECOND.name]);
    await filter.selectOption({ label: SECOND.name });
    await waitForTotal(page, 3);
    expect((await list.rows().allTextContents()).map((text) => SECOND_ROWS.some((s) => text.includes(s)))).toEqual([true, true, true]);
    await screenshot('aggregate-register-second-office');

    await filter.selectOption({ label: office.name });
    await waitForTotal(page, 2);
    expect((await list.rows().allTextContents()).every((text) => OWN_ROWS.some((s) => text.includes(s)))).toBe(true);

    await filter.selectOption({ label: 'Tất cả' });
    await waitForTotal(page, 5);
    await list.row(SECOND_ROWS[1]!).click();
    await page.getByText(`Hồ sơ của ${SECOND.name}: chỉ xem, chỉ đơn vị đó được sửa.`).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Sửa', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reports on every office with the breakdown by commune, or on one office', async () => {
    const { page, screenshot, errors } = watched;
    const layout = new Layout(page);
    await layout.open('Báo cáo định kỳ');
    await page.getByRole('heading', { name: 'Báo cáo định kỳ', level: 1 }).waitFor();
    const scope = page.getByLabel('Đơn vị', exact);
    // A commune's store reports on its own office unless asked for every office.
    expect(await scope.inputValue()).toBe(office.code);
    await scope.selectOption({ label: 'Tất cả đơn vị' });
    await page.getByLabel('Loại kỳ', exact).selectOption({ label: 'Tháng' });
    await page.getByLabel('Năm', exact).fill('2026');
    await page.getByLabel('Kỳ', exact).selectOption({ label: 'Tháng 11' });
    await page.getByRole('button', { name: 'Xem số liệu' }).click();

    const breakdown = page.getByRole('table', { name: 'Chia theo đơn vị' });
    await breakdown.waitFor();
    const cells = async (name: string) =>
      (await breakdown.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allTextContents()).map((text) => text.trim());
    // Tổng số tin tiếp nhận | Tin báo, tố giác về tội phạm | Đã giải quyết | …
    expect((await cells(office.name)).slice(0, 3)).toEqual(['2', '2', '0']);
    expect((await cells(SECOND.name)).slice(0, 3)).toEqual(['3', '3', '0']);
    expect((await cells('Tổng cộng')).slice(0, 3)).toEqual(['5', '5', '0']);
    const totalRow = page.getByRole('table', { name: 'Tin báo, tố giác, kiến nghị khởi tố và tin báo vụ việc' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Tổng số tin tiếp nhận', exact: true }) });
    expect((await totalRow.getByRole('cell').allTextContents())[1]?.trim()).toBe('5');
    await screenshot('aggregate-periodic-all-offices');

    // One office: its own figures, no breakdown.
    await scope.selectOption({ label: SECOND.name });
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await breakdown.waitFor({ state: 'detached' });
    await expect.poll(async () => (await totalRow.getByRole('cell').allTextContents())[1]?.trim()).toBe('3');
    expect(errors).toEqual([]);
  });

  it('prints a report issued for every office with its breakdown by commune', async () => {
    const { page, errors } = watched;
    const issued = await api.call('periodic.issue', {
      period: { kind: 'month', year: 2026, index: 11 },
      officeId: null,
      narrative: 'Tình hình an ninh, trật tự tháng 11 năm 2026 trên địa bàn các xã.',
      symbol: 'BC-CAX',
      issuedOn: '2026-11-20',
      place: 'Quảng Hưng',
      signerTitle: 'TRƯỞNG CÔNG AN XÃ',
      signerName: admin.fullName,
    });
    expect(issued.report.officeId).toBeNull();
    await page.goto(`${host.url}/#/print/periodic/${issued.id}`);
    await waitForDocument(page);
    const file = await printToPdf(page, 'aggregate-periodic');
    const flat = flatText(pdfText(file));
    expect(flat).toContain('CHIA THEO ĐƠN VỊ');
    // Row by row: the office (its name may wrap in the narrow column), reports received, crime reports, solved.
    expect(flat).toMatch(/Công an xã Quảng (Hưng )?2 2 0/);
    expect(flat).toMatch(/Công an xã Quảng (Ninh )?3 3 0/);
    expect(flat).toMatch(/Tổng cộng 5 5 0/);
    expect(errors).toEqual([]);
  });
});
